/**
 * An .xlsx from outside, read with limits: a zip bomb (263 KB that inflate to 900 MB) or a sheet of 100,000 rows
 * must cost little. The zip's central directory is read first (fflate): at most XLSX_MAX_ENTRIES entries, and the
 * parts a workbook needs may declare at most XLSX_MAX_UNCOMPRESSED bytes together — each is inflated into a buffer
 * of its declared size and never beyond (a part that lies is cut short and then does not parse). Those parts are
 * written again, uncompressed and in the order exceljs's streaming reader wants them (shared strings and styles
 * before the sheets, so no sheet goes to a temporary file), and the first sheet is read row by row: reading stops
 * as soon as there are more rows than asked for. Runs in a worker thread (rows-worker.ts).
 */
import { Readable } from 'node:stream';
import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { err, ok, ruleError, type Result, type RuleError } from '../rules/index.ts';
import { cellText } from './xlsx.ts';

export const XLSX_MAX_ENTRIES = 200;
export const XLSX_MAX_UNCOMPRESSED = 16 * 1024 * 1024;
/** Columns read per row: the template has 14; anything past this is not a delegate list. */
const MAX_COLUMNS = 100;

const unreadable = (): RuleError => ruleError('xlsx.unreadable', 'Không đọc được tệp Excel (.xlsx).', 'The Excel (.xlsx) file cannot be read.', 'file');
const tooLarge = (): RuleError => ruleError('xlsx.too-large',
  `Tệp Excel khi giải nén lớn hơn ${XLSX_MAX_UNCOMPRESSED / 1024 / 1024} MB hoặc có quá ${XLSX_MAX_ENTRIES} phần: không phải một danh sách đại biểu.`,
  `The Excel file unpacks to more than ${XLSX_MAX_UNCOMPRESSED / 1024 / 1024} MB or has more than ${XLSX_MAX_ENTRIES} parts: not a delegate list.`, 'file');

/** The parts a workbook's first sheet needs, in the order the streaming reader wants them. */
const PART_ORDER = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/u;
const needed = (name: string): boolean => PART_ORDER.includes(name) || SHEET.test(name);
const rank = (name: string): number => {
  const i = PART_ORDER.indexOf(name);
  return i >= 0 ? i : PART_ORDER.length + Number(SHEET.exec(name)?.[1] ?? 0);
};

class Refused extends Error {
  constructor(readonly error: RuleError) {
    super(error.message_en);
  }
}

/** The needed parts, inflated within their declared sizes, or a refusal by the central directory alone. */
const boundedParts = (data: Uint8Array): Result<Unzipped, RuleError> => {
  let entries = 0;
  let declared = 0;
  try {
    return ok(unzipSync(data, {
      filter: (file) => {
        entries += 1;
        if (entries > XLSX_MAX_ENTRIES) throw new Refused(tooLarge());
        if (!needed(file.name)) return false;
        declared += file.originalSize;
        if (declared > XLSX_MAX_UNCOMPRESSED) throw new Refused(tooLarge());
        return true;
      },
    }));
  } catch (e) {
    return err(e instanceof Refused ? e.error : unreadable());
  }
};

/** The parts again as a zip (stored, not compressed), in reading order. */
const rewritten = (parts: Unzipped): Uint8Array => {
  const ordered: Unzipped = {};
  for (const name of Object.keys(parts).sort((a, b) => rank(a) - rank(b))) ordered[name] = parts[name]!;
  return zipSync(ordered, { level: 0 });
};

/**
 * The first sheet as rows of text (row i of the result is spreadsheet row i + 1; empty rows are empty arrays and
 * trailing ones are dropped). At most `maxRows` rows: a sheet with a row beyond that gives exactly `maxRows` rows,
 * its last one the first row past the limit, and is not read further.
 */
export const readXlsxRowsBounded = async (data: Uint8Array, maxRows: number): Promise<Result<string[][], RuleError>> => {
  const parts = boundedParts(data);
  if (!parts.ok) return parts;
  if (!Object.keys(parts.value).some((n) => SHEET.test(n))) {
    return err(ruleError('xlsx.no-sheet', 'Tệp Excel không có trang tính nào.', 'The Excel file has no worksheet.', 'file'));
  }
  const ExcelJS = (await import('exceljs')).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(rewritten(parts.value))]),
    { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const rows: string[][] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const cells: string[] = [];
        for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS); c++) cells.push(cellText(row.getCell(c).value).trim());
        if (cells.every((x) => x === '')) continue;
        const at = Math.min(row.number, maxRows);
        while (rows.length < at - 1) rows.push([]);
        rows.push(cells);
        if (rows.length >= maxRows) return ok(rows);
      }
      return ok(rows);
    }
  } catch {
    return err(unreadable());
  }
  return ok(rows);
};
