/**
 * Why a scan file is not read, where no decoder is needed to say it: light enough for the server's start (serve.ts
 * checks for poppler-utils) without loading sharp.
 */
import { ruleError, type RuleError } from '../rules/index.ts';

export const unreadable = (detail: string): RuleError =>
  ruleError('scan.file', `Không đọc được tệp ảnh quét (${detail}).`, `The scan file cannot be read (${detail}).`);

/** The PDF pages (every ballot's blank form, scanned PDFs) are drawn by poppler-utils: what to do when it is missing. */
export const PDF_TOOL_MISSING = ruleError('scan.pdf-tool-missing',
  'Máy chủ chưa cài poppler-utils (các chương trình pdftoppm, pdfinfo) nên chưa đọc được phiếu quét: người quản trị cài bằng lệnh "apt-get install poppler-utils" (Debian, Ubuntu) rồi quét lại.',
  'The server lacks poppler-utils (pdftoppm, pdfinfo), so scans cannot be read: the administrator installs it ("apt-get install poppler-utils" on Debian or Ubuntu), then the stack is scanned again.');

/** A poppler program's failure as the reason to give: the missing program said as such, anything else as an unreadable file. */
export const pdfToolFailed = (program: string, e: unknown): RuleError =>
  typeof e === 'object' && e !== null && 'code' in e && e.code === 'ENOENT' ? PDF_TOOL_MISSING
    : unreadable(`${program}: ${e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e)}`);
