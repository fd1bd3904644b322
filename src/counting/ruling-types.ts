/** The board's ruling on a disagreement (phán quyết của Ban Kiểm phiếu): the closed list of reasons. */
import type { Ballot } from '../rules/index.ts';
import type { OperatorId, TerminalId } from './context.ts';

export const RULING_REASONS = [
  'entry-slip',
  'partial-strike',
  'unclear-mark',
  'circle-or-underline',
  'correction-on-ballot',
  'stamp-doubt',
  'identifying-mark-doubt',
  'write-in-doubt',
  'other',
] as const;
export type RulingReason = (typeof RULING_REASONS)[number];

export const RULING_REASON_LABELS: Readonly<Record<RulingReason, { readonly vi: string; readonly en: string }>> = {
  'entry-slip': { vi: 'Người nhập gõ sai (lá phiếu rõ ràng)', en: 'Entry slip (the paper ballot is clear)' },
  'partial-strike': { vi: 'Gạch không hết họ và tên', en: 'Partial strike (not the whole name)' },
  'unclear-mark': { vi: 'Dấu gạch hoặc dấu X không rõ', en: 'Unclear strike or mark' },
  'circle-or-underline': { vi: 'Khoanh tròn hoặc gạch dưới tên', en: 'Name circled or underlined' },
  'correction-on-ballot': { vi: 'Phiếu có tẩy xóa, sửa chữa', en: 'Erasure or correction on the ballot' },
  'stamp-doubt': { vi: 'Nghi vấn về dấu của cấp ủy triệu tập (phiếu không do Ban Kiểm phiếu phát ra)', en: 'Doubt about the stamp (not issued by the board)' },
  'identifying-mark-doubt': { vi: 'Nghi vấn về chữ ký hoặc dấu hiệu nhận biết', en: 'Doubt about a signature or identifying mark' },
  'write-in-doubt': { vi: 'Nghi vấn về tên ghi thêm', en: 'Doubt about a name written in' },
  other: { vi: 'Lý do khác (ghi rõ)', en: 'Other reason (stated in the note)' },
};

export interface BoardRuling {
  /** Position in the batch, 1-based. */
  readonly position: number;
  /** What the paper ballot really is. */
  readonly ballot: Ballot;
  readonly reason: RulingReason;
  /** Free text; required for "other". */
  readonly note: string;
  /** Who recorded the ruling for the board, and where. */
  readonly by: OperatorId;
  readonly terminal: TerminalId;
}
