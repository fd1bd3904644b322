/**
 * What every list import shares (delegates, organisations): the file's first row matched to the template's columns,
 * the bound on its rows, each cell trimmed and checked for control and hidden characters, and the problem of a row
 * at a column. Pure: rows of text in, the rows by column or the problems of the file as a whole out.
 */
import { hiddenCharacterIn } from '../api/common.ts';
import { err, normalizeName, ok, type Result } from '../rules/index.ts';
import type { ColumnSpec } from './columns.ts';

export interface ImportIssue {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  readonly row: number;
  /** The Vietnamese header of the column at fault; null for the whole file or row. */
  readonly column: string | null;
  readonly code: string;
  readonly message_vi: string;
  readonly message_en: string;
}

/** The most rows one file may list (a bound on the work of one request). */
export const MAX_IMPORT_ROWS = 5000;

/** Case-, space- and Unicode-form-insensitive key for matching headers and names. */
export const sheetKey = (s: string): string => normalizeName(s).toLocaleLowerCase('vi');

/** One row of the file below the header. */
export interface SheetRow<K extends string> {
  /** As the spreadsheet numbers it. */
  readonly rowNo: number;
  /** The cell of a column, trimmed; '' when the column is absent. */
  readonly get: (key: K) => string;
  /** Control or hidden characters found in the row's cells, by column. */
  readonly cellIssues: readonly ImportIssue[];
}

export interface SheetOptions {
  /** At most this many rows below the header (default MAX_IMPORT_ROWS). */
  readonly maxRows?: number;
  /** What the file lists, for "the file lists no …": e.g. ['đại biểu', 'delegates']. */
  readonly noun: readonly [vi: string, en: string];
}

/** A problem at a row and a column of the template (null: the whole row or file). */
export const issueAt = <K extends string>(columns: readonly ColumnSpec<K>[]) =>
  (row: number, key: K | null, code: string, vi: string, en: string): ImportIssue =>
    ({ row, column: key === null ? null : columns.find((c) => c.key === key)!.header, code, message_vi: vi, message_en: en });

/**
 * The file's rows by column, or why the file as a whole cannot be read as the template: empty, a required column
 * missing, more rows than allowed, no row below the header.
 */
export const readSheet = <K extends string>(
  rows: readonly (readonly string[])[],
  columns: readonly ColumnSpec<K>[],
  options: SheetOptions,
): Result<SheetRow<K>[], ImportIssue[]> => {
  const at = issueAt(columns);
  const head = rows[0];
  if (head === undefined) return err([at(1, null, 'import.empty', 'Tệp không có dữ liệu.', 'The file is empty.')]);
  const index = new Map<K, number>();
  const headKeys = head.map(sheetKey);
  const missing: ImportIssue[] = [];
  for (const col of columns) {
    const i = headKeys.indexOf(sheetKey(col.header));
    if (i >= 0) index.set(col.key, i);
    else if (col.required) missing.push(at(1, col.key, 'import.missing-column', `Thiếu cột "${col.header}".`, `The column "${col.header}" is missing.`));
  }
  if (missing.length > 0) return err(missing);
  const maxRows = options.maxRows ?? MAX_IMPORT_ROWS;
  if (rows.length - 1 > maxRows) {
    return err([at(1, null, 'import.too-many-rows', `Tệp có quá ${maxRows} dòng.`, `The file has more than ${maxRows} rows.`)]);
  }
  if (rows.length === 1) {
    const [vi, en] = options.noun;
    return err([at(2, null, 'import.no-rows', `Tệp không có ${vi} nào.`, `The file lists no ${en}.`)]);
  }
  return ok(rows.slice(1).map((cells, r) => {
    const rowNo = r + 2;
    const get = (k: K): string => {
      const i = index.get(k);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const cellIssues: ImportIssue[] = [];
    for (const col of columns) {
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u.test(get(col.key))) {
        cellIssues.push(at(rowNo, col.key, 'import.control-character', 'Ô có ký tự điều khiển không hợp lệ.',
          'The cell holds a control character that is not allowed.'));
      }
      const hidden = hiddenCharacterIn(get(col.key));
      if (hidden !== null) {
        cellIssues.push(at(rowNo, col.key, 'import.hidden-character', `Ô có ký tự ẩn hoặc ký tự đổi chiều chữ (${hidden}): hãy gõ lại.`,
          `The cell holds an invisible or text-direction character (${hidden}): type it again.`));
      }
    }
    return { rowNo, get, cellIssues };
  }));
};
