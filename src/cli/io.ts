import { readFile } from 'node:fs/promises';
// From result.ts, not the rules' index: `daihoi help` then loads neither the rules nor zod.
import { err, ok, ruleError, type Result, type RuleError } from '../rules/result.ts';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Exit codes: 0 done, 1 a check failed (e.g. a broken audit chain), 2 bad input or usage. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

/** Prints a rule error in Vietnamese, then English; each line names the field at fault when there is one. */
export const printError = (io: CliIo, e: RuleError): number => {
  const named = e.field === undefined || e.field === '' || e.message_vi.includes(`"${e.field}"`);
  const at = named ? '' : ` [${e.field}]`;
  io.stderr(`Lỗi${at}: ${e.message_vi}\nError${at}: ${e.message_en}\n`);
  return EXIT_BAD_INPUT;
};

/** Where JSON.parse stopped, in Vietnamese, when its message says (V8 gives a position for most errors). */
const whereJsonStops = (text: string, message: string): string => {
  if (text.trim() === '') return ': tệp rỗng';
  const position = /at position (\d+)/u.exec(message)?.[1];
  if (position === undefined) return '';
  const before = text.slice(0, Number(position)).split('\n');
  return ` (lỗi ở dòng ${before.length}, cột ${before.at(-1)!.length + 1})`;
};

/** A byte-order mark opens files saved as "UTF-8 with BOM" (Notepad, Excel); it is not part of the JSON. */
const BOM = '\uFEFF';

/** Reads and parses a JSON file ("-" for standard input). */
export const readJsonFile = async (path: string): Promise<Result<unknown, RuleError>> => {
  let text: string;
  try {
    text = path === '-' ? await readStdin() : await readFile(path, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    return err(ruleError('file.read', `Không đọc được tệp "${path}" (${reason}).`, `Cannot read the file "${path}" (${reason}).`));
  }
  if (text.startsWith(BOM)) text = text.slice(BOM.length);
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (e) {
    const message = (e as Error).message;
    return err(ruleError('file.json', `Tệp "${path}" không phải JSON hợp lệ${whereJsonStops(text, message)}.`,
      `The file "${path}" is not valid JSON: ${message.replace(/\s+/gu, ' ')}`));
  }
};

const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};
