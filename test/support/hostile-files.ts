/**
 * Files an attacker would upload, made small and fast here for the security tests and the abuse bench: .xlsx zip
 * bombs (a sheet that inflates to tens of megabytes; one whose sizes lie), a sheet of 100,000 rows, and PDFs of
 * empty pages of any size and number.
 */
import { Zip, ZipDeflate, zipSync, strToU8 } from 'fflate';

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
  + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
  + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
  + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
  + 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
  + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

const HEADERS = ['Số thẻ', 'Họ và tên', 'Giới tính', 'Đơn vị', 'Loại đại biểu'];
const inline = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const row = (r: number, cells: readonly string[]): string =>
  `<row r="${r}">${cells.map((t, i) => inline(`${String.fromCharCode(65 + i)}${r}`, t)).join('')}</row>`;

/** An .xlsx whose sheet is written by `sheet` in chunks (so that a huge sheet never sits in memory here). */
const xlsx = (sheet: (push: (text: string) => void) => void): Buffer => {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((e, data) => { if (e) throw e; chunks.push(data); });
  for (const [name, text] of [['[Content_Types].xml', CONTENT_TYPES], ['_rels/.rels', ROOT_RELS], ['xl/workbook.xml', WORKBOOK], ['xl/_rels/workbook.xml.rels', WORKBOOK_RELS]] as const) {
    const part = new ZipDeflate(name, { level: 6 });
    zip.add(part);
    part.push(strToU8(text), true);
  }
  const part = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 9 });
  zip.add(part);
  part.push(strToU8(SHEET_HEAD));
  sheet((text) => part.push(strToU8(text)));
  part.push(strToU8(SHEET_TAIL), true);
  zip.end();
  return Buffer.concat(chunks);
};

/**
 * A delegate list of `rows` delegates, each a valid row of the given organisation; `codeOnly`: each row holds only
 * the card number (a long sheet that stays small when unzipped).
 */
export const xlsxWithRows = (rows: number, options: { readonly organisation?: string; readonly codeOnly?: boolean } = {}): Buffer => xlsx((push) => {
  push(row(1, HEADERS));
  let batch = '';
  for (let r = 2; r <= rows + 1; r++) {
    const code = String(r - 1).padStart(6, '0');
    batch += row(r, options.codeOnly === true ? [code] : [code, `Nguyễn Văn ${r}`, 'Nam', options.organisation ?? 'Chi bộ Văn phòng', 'Bầu']);
    if (batch.length > 1 << 20) { push(batch); batch = ''; }
  }
  push(batch);
});

/** A zip bomb: a header row, then `megabytes` MB of blank space inside the sheet (a few hundred kB zipped). */
export const xlsxBomb = (megabytes: number): Buffer => xlsx((push) => {
  push(row(1, HEADERS));
  const blank = ' '.repeat(1 << 20);
  for (let i = 0; i < megabytes; i++) push(blank);
});

/** A small valid .xlsx whose sheet declares (central directory and local header) far fewer bytes than it inflates to. */
export const xlsxLyingSizes = (megabytes: number): Buffer => {
  const zip = Buffer.from(zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(ROOT_RELS), 'xl/workbook.xml': strToU8(WORKBOOK),
    'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
    'xl/worksheets/sheet1.xml': strToU8(`${SHEET_HEAD}${row(1, HEADERS)}${' '.repeat(megabytes << 20)}${SHEET_TAIL}`),
  }, { level: 9 }));
  for (let i = 0; i + 46 < zip.length; i++) {
    const sig = zip.readUInt32LE(i);
    if (sig === 0x02014b50 && zip.toString('latin1', i + 46, i + 46 + zip.readUInt16LE(i + 28)).endsWith('sheet1.xml')) zip.writeUInt32LE(1000, i + 24);
    if (sig === 0x04034b50 && zip.toString('latin1', i + 30, i + 30 + zip.readUInt16LE(i + 26)).endsWith('sheet1.xml')) zip.writeUInt32LE(1000, i + 22);
  }
  return zip;
};

/** A PDF of empty pages of the given sizes (points), with a correct cross-reference table. */
export const pdfOfPages = (sizes: ReadonlyArray<readonly [number, number]>): Buffer => {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${sizes.map((_, i) => `${i + 3} 0 R`).join(' ')}] /Count ${sizes.length} >>`,
    ...sizes.map(([w, h]) => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] >>`),
  ];
  const parts: string[] = ['%PDF-1.4\n'];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    const text = `${i + 1} 0 obj\n${o}\nendobj\n`;
    offsets.push(length);
    parts.push(text);
    length += text.length;
  });
  parts.push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  parts.push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`);
  return Buffer.from(parts.join(''), 'latin1');
};
