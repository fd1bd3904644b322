/**
 * What every list import's route shares (delegates, organisations): the upload bounded in bytes, read into rows off
 * the event loop in a bounded worker and bounded in rows, and the refusal of the whole file with every row at fault.
 */
import type { FastifyRequest } from 'fastify';
import { readRowsOffThread } from '../../import/read-off-thread.ts';
import { MAX_IMPORT_ROWS, type ImportIssue } from '../../import/sheet.ts';
import { err, ok, ruleError, type Result } from '../../rules/index.ts';
import { badRequest, type Problem } from '../problems.ts';
import { readUpload } from './upload.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export interface SheetUpload {
  readonly fileName: string;
  readonly rows: string[][];
}

/** The uploaded .xlsx or .csv as rows of text: the header, the most rows allowed and one more (to tell "too many"). */
export const readSheetUpload = async (req: FastifyRequest): Promise<Result<SheetUpload, Problem>> => {
  const upload = await readUpload(req, IMPORT_MAX_BYTES);
  if (!upload.ok) return upload;
  const rows = await readRowsOffThread({ fileName: upload.value.fileName, data: upload.value.data, maxRows: MAX_IMPORT_ROWS + 2 });
  if (!rows.ok) return err(badRequest(rows.error));
  return ok({ fileName: upload.value.fileName, rows: rows.value });
};

/** A file refused as a whole: how many problems, that nothing was imported, and each problem by row and column. */
export const importRefused = (issues: readonly ImportIssue[], nothing: readonly [vi: string, en: string]): Problem => ({
  ...ruleError('import.invalid', `Tệp có ${issues.length} lỗi; ${nothing[0]}.`, `The file has ${issues.length} problems; ${nothing[1]}.`, 'file'),
  status: 422, issues,
});
