/**
 * .xlsx out (exceljs): the import templates and the export of the list, and the text of a cell (reading a file from outside is
 * xlsx-stream.ts, in a worker thread). exceljs is loaded on first use only (about 20 MB that an idle server does not need).
 */
import type ExcelJS from 'exceljs';
import { DELEGATE_COLUMNS, ORGANISATION_COLUMNS, type ColumnSpec } from './columns.ts';

const newWorkbook = async (): Promise<ExcelJS.Workbook> => new (await import('exceljs')).default.Workbook();

const two = (n: number): string => String(n).padStart(2, '0');

/** One cell as the text a person sees: dates as dd/mm/yyyy, numbers as written, rich text flattened. */
export const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${two(value.getUTCDate())}/${two(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return '';
  }
  return '';
};

const styleHeader = (sheet: ExcelJS.Worksheet, headers: readonly string[]): void => {
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  headers.forEach((h, i) => { sheet.getColumn(i + 1).width = Math.max(12, h.length + 4); });
};

/** An import template: the Vietnamese headers, one example row, and a sheet that explains each column. */
const template = async (sheetName: string, columns: readonly ColumnSpec[]): Promise<Buffer> => {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(columns.map((c) => c.header));
  sheet.addRow(columns.map((c) => c.example));
  styleHeader(sheet, columns.map((c) => c.header));
  const help = workbook.addWorksheet('Hướng dẫn');
  help.addRow(['Cột', 'Bắt buộc', 'Cách ghi']);
  for (const c of columns) help.addRow([c.header, c.required ? 'Có' : 'Không', c.how ?? '']);
  help.getRow(1).font = { bold: true };
  help.getColumn(1).width = 28; help.getColumn(3).width = 60;
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

export const delegateTemplate = (): Promise<Buffer> => template('Danh sách đại biểu', DELEGATE_COLUMNS);
export const organisationTemplate = (): Promise<Buffer> => template('Tổ chức đảng', ORGANISATION_COLUMNS);

/** Any table (header row first) as an .xlsx workbook with one sheet. */
export const rowsToXlsx = async (sheetName: string, rows: readonly (readonly (string | number | null)[])[]): Promise<Buffer> => {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const r of rows) sheet.addRow([...r]);
  styleHeader(sheet, (rows[0] ?? []).map((h) => String(h ?? '')));
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
