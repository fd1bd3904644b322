/**
 * .xlsx out (exceljs): the template and the export of the list, and the text of a cell (reading a file from outside is
 * xlsx-stream.ts, in a worker thread). exceljs is loaded on first use only (about 20 MB that an idle server does not need).
 */
import type ExcelJS from 'exceljs';
import { DELEGATE_COLUMNS } from './columns.ts';

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

const styleHeader = (sheet: ExcelJS.Worksheet): void => {
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  DELEGATE_COLUMNS.forEach((c, i) => { sheet.getColumn(i + 1).width = Math.max(12, c.header.length + 4); });
};

/** The template: the Vietnamese headers, one example row, and a sheet that explains each column. */
export const delegateTemplate = async (): Promise<Buffer> => {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet('Danh sách đại biểu');
  sheet.addRow(DELEGATE_COLUMNS.map((c) => c.header));
  sheet.addRow(DELEGATE_COLUMNS.map((c) => c.example));
  styleHeader(sheet);
  const help = workbook.addWorksheet('Hướng dẫn');
  help.addRow(['Cột', 'Bắt buộc', 'Cách ghi']);
  const how: Readonly<Record<string, string>> = {
    gender: 'Nam hoặc Nữ', birthDate: 'ngày/tháng/năm, ví dụ 15/03/1970', partyJoinDate: 'ngày/tháng/năm',
    organisation: 'Tên đơn vị đúng như trong danh sách đơn vị của đại hội', category: 'Đương nhiên, Bầu hoặc Chỉ định',
    standing: 'Chính thức (mặc định) hoặc Dự khuyết', isConveningMember: 'Có hoặc Không (mặc định)',
    code: 'Số in trên thẻ đại biểu, không trùng', fullName: 'Họ, tên đệm và tên',
  };
  for (const c of DELEGATE_COLUMNS) help.addRow([c.header, c.required ? 'Có' : 'Không', how[c.key] ?? '']);
  help.getRow(1).font = { bold: true };
  help.getColumn(1).width = 28; help.getColumn(3).width = 60;
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

/** Any table (header row first) as an .xlsx workbook with one sheet. */
export const rowsToXlsx = async (sheetName: string, rows: readonly (readonly (string | number | null)[])[]): Promise<Buffer> => {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const r of rows) sheet.addRow([...r]);
  styleHeader(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
