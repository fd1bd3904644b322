/**
 * The sheet the desks keep beside them when HTTPS is on (A4): the server's addresses and its certificate's SHA-256
 * fingerprint, in large print and as a QR code, with what to do when the browser shows another one.
 */
import { formatDateLong } from '../../locale/vi.ts';
import { createPdf, documentDate, pdfToBuffer } from './doc.ts';
import { FONT } from './fonts.ts';
import { drawQr } from './qr.ts';

export interface CertificateSheetInput {
  /** "AB:CD:…" (32 pairs). */
  readonly fingerprint: string;
  /** https://… addresses of the server in the hall. */
  readonly addresses: readonly string[];
  /** YYYY-MM-DD */
  readonly date: string;
}

const LEFT = 70;
const WIDTH = 595.28 - 2 * LEFT;

export const renderCertificateSheet = (input: CertificateSheetInput): Promise<Buffer> => {
  const doc = createPdf({ title: 'Dấu vân tay chứng chỉ của máy chủ Đại Hội', date: documentDate(input.date) });
  doc.addPage({ size: 'A4', margin: 0 });
  const line = (text: string, size: number, font: string = FONT.regular, gap = 6): void => {
    doc.font(font).fontSize(size).text(text, LEFT, doc.y, { width: WIDTH, align: 'left' });
    doc.y += gap;
  };
  doc.y = 60;
  doc.font(FONT.bold).fontSize(16).text('DẤU VÂN TAY CHỨNG CHỈ CỦA MÁY CHỦ ĐẠI HỘI', LEFT, doc.y, { width: WIDTH, align: 'center' });
  doc.y += 4;
  doc.font(FONT.italic).fontSize(12).text(`Lập ${formatDateLong(input.date)}`, LEFT, doc.y, { width: WIDTH, align: 'center' });
  doc.y += 18;
  line('Địa chỉ truy cập trong hội trường:', 13, FONT.bold, 2);
  for (const a of input.addresses) line(a, 13, FONT.regular, 2);
  doc.y += 10;
  line('Dấu vân tay SHA-256 của chứng chỉ:', 13, FONT.bold, 4);
  const pairs = input.fingerprint.split(':');
  for (let i = 0; i < pairs.length; i += 8) line(pairs.slice(i, i + 8).join(' '), 18, FONT.bold, 2);
  doc.y += 12;
  const size = 190;
  drawQr(doc, `SHA256:${input.fingerprint}`, { x: LEFT + (WIDTH - size) / 2, y: doc.y, width: size, height: size });
  doc.y += size + 16;
  line('Trước khi đăng nhập trên máy tính hoặc điện thoại của bàn làm việc, mở thông tin chứng chỉ của trình duyệt (biểu tượng ổ khóa '
    + 'bên cạnh địa chỉ) và so dấu vân tay SHA-256 với dấu vân tay trên tờ này. Nếu khác dù chỉ một ký tự: KHÔNG đăng nhập, báo ngay '
    + 'bộ phận kỹ thuật của Đại hội (có thể có người đứng giữa đọc trộm mật khẩu).', 12, FONT.regular, 8);
  line('Before signing in at a desk, open the browser\'s certificate details (the padlock beside the address) and compare its SHA-256 '
    + 'fingerprint with this sheet. If a single character differs, do NOT sign in: tell the congress\'s technical staff at once.', 11, FONT.italic);
  return pdfToBuffer(doc);
};
