/** A list file to import (.xlsx or .csv) as rows of text, at most `maxRows` of them (see xlsx-stream.ts). */
import { err, ruleError, type Result, type RuleError } from '../rules/index.ts';
import { parseCsv } from './csv.ts';
import { readXlsxRowsBounded } from './xlsx-stream.ts';

export const readRows = async (fileName: string, data: Uint8Array, maxRows: number): Promise<Result<string[][], RuleError>> => {
  const name = fileName.toLowerCase();
  if (name.endsWith('.xlsx')) return readXlsxRowsBounded(data, maxRows);
  if (name.endsWith('.csv')) {
    const rows = parseCsv(new TextDecoder('utf-8').decode(data));
    return rows.ok ? { ok: true, value: rows.value.slice(0, maxRows) } : rows;
  }
  return err(ruleError('import.file-type', 'Chỉ nhận tệp .xlsx hoặc .csv.', 'Only .xlsx or .csv files are accepted.', 'file'));
};
