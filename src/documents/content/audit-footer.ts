/**
 * The shared last paragraph of every set of minutes and every report: the head of the audit log's hash chain when
 * the document was drawn. Whoever later doubts the log runs `daihoi audit verify --head HASH` with the hash printed
 * here: deleting the last entries (and resetting the numbering) then shows.
 */
import type { AuditHead } from '../model.ts';
import { i, type DocumentContent, type ParagraphBlock } from './blocks.ts';
import { n } from './count-sections.ts';

export const auditFooter = (head: AuditHead | null): ParagraphBlock => ({
  kind: 'paragraph', align: 'left',
  runs: [i(head === null
    ? 'Xác thực: khi lập văn bản này, nhật ký kiểm toán của hệ thống chưa có mục nào.'
    : `Xác thực: khi lập văn bản này, nhật ký kiểm toán kết thúc ở mục số ${n(head.sequence)}, mã băm SHA-256 ${head.hash} `
      + `(kiểm tra: daihoi audit verify --head ${head.hash}).`)],
});

/** The document with the audit footer as its last block. */
export const withAuditFooter = (content: DocumentContent, head: AuditHead | null): DocumentContent =>
  ({ ...content, blocks: [...content.blocks, auditFooter(head)] });
