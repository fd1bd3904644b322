/** RFC 4180 CSV (comma or semicolon, quotes, CRLF), a UTF-8 byte-order mark removed. Pure. */
import { err, ok, ruleError, type Result, type RuleError } from '../rules/index.ts';
import { csvLine } from './csv-cell.ts';

export const parseCsv = (input: string): Result<string[][], RuleError> => {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const firstLine = text.split(/\r?\n/u, 1)[0] ?? '';
  const sep = (firstLine.match(/;/gu)?.length ?? 0) > (firstLine.match(/,/gu)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cell += '"'; i++; } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = ''; line++;
    } else cell += ch;
  }
  if (quoted) {
    return err(ruleError('csv.unclosed-quote', `Tệp CSV có dấu ngoặc kép không đóng (dòng ${line}).`,
      `The CSV file has an unclosed quote (line ${line}).`));
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return ok(rows.filter((r) => r.some((c) => c.trim() !== '')));
};

/** Rows to CSV text (cells written by csv-cell.ts) with a byte-order mark so spreadsheet programs read the Vietnamese letters. */
export const toCsv = (rows: readonly (readonly (string | number | null)[])[]): string =>
  `\ufeff${rows.map(csvLine).join('\r\n')}\r\n`;
