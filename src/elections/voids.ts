/**
 * Voiding a record of the congress (a show-of-hands vote, a nomination): nothing of record is deleted; the chair
 * voids it with a stated reason, and it stays in the record and the minutes, struck through.
 */
import type { Result } from '../rules/index.ts';
import { refuseNow, refuseRule, type Refusal } from './refusal.ts';

export interface Voidable {
  /** What it is, for the message: "Biểu quyết «Thông qua Chương trình»". */
  readonly what_vi: string;
  readonly what_en: string;
  readonly voidedAt: string | null;
}

export const canVoid = (record: Voidable, reason: string): Result<string, Refusal> => {
  if (record.voidedAt !== null) {
    return refuseNow('void.already', `${record.what_vi} đã được hủy trước đó.`, `${record.what_en} is already voided.`);
  }
  const why = reason.trim();
  if (why === '') {
    return refuseRule('void.reason', 'Hủy một bản ghi phải ghi rõ lý do.', 'Voiding a record needs a stated reason.', 'body.reason');
  }
  return { ok: true, value: why };
};

/**
 * A nomination (self-nominated or nominated at the congress) can be voided while the list is still being drawn up;
 * the committee's own list is changed only by a withdrawal the congress decides.
 */
export const canVoidNomination = (
  c: { readonly source: 'committee-list' | 'nominated' | 'self-nominated'; readonly name: string; readonly voidedAt: string | null },
  roundStatus: string, reason: string,
): Result<string, Refusal> => {
  if (c.source === 'committee-list') {
    return refuseRule('void.committee-list', `${c.name} có trong danh sách do cấp ủy triệu tập chuẩn bị: chỉ rút khỏi danh sách khi Đại hội biểu quyết cho rút.`,
      `${c.name} is on the convening committee's list: only a withdrawal decided by the congress removes them.`);
  }
  if (roundStatus !== 'draft') {
    return refuseNow('void.list-approved', `Danh sách bầu cử đã được thông qua: không hủy được việc giới thiệu ${c.name} nữa.`,
      `The election list is already approved: the nomination of ${c.name} can no longer be voided.`);
  }
  return canVoid({ what_vi: `Việc giới thiệu ${c.name}`, what_en: `The nomination of ${c.name}`, voidedAt: c.voidedAt }, reason);
};
