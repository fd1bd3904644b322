/**
 * Who is present: attendance of the congress, not of a session (docs/rules.md §1). A delegate who checked in is
 * present for the congress — whatever session the agenda moves to — until they leave (check-out) or the check-in is
 * voided. A session may require everyone to check in again (`freshCheckin`): then only check-ins of that session
 * make someone present in it. Pure.
 */

export interface PresenceCheckin {
  readonly delegateId: number;
  /** The session the check-in was taken in. */
  readonly sessionId: number;
  /** The delegate left after this check-in (checked out, or marked absent from then on). */
  readonly left?: boolean;
  /** Voided by the chair or the secretariat: as if it never happened (it stays in the record). */
  readonly voided?: boolean;
}

export interface PresenceSession {
  readonly id: number;
  /** Everyone checks in again for this session. */
  readonly freshCheckin: boolean;
}

/** A check-in that was not voided: the delegate attended the congress (they stay in N_base, docs/rules.md §1). */
export const isRecorded = (c: PresenceCheckin): boolean => c.voided !== true;

/** A check-in that still makes its delegate present in the congress: not voided, not left. */
export const isOpen = (c: PresenceCheckin): boolean => isRecorded(c) && c.left !== true;

/**
 * Whether this check-in makes its delegate present in `session`: open, and of that session when it requires a fresh
 * check-in. Before any session (null) an open check-in counts.
 */
export const countsIn = (c: PresenceCheckin, session: PresenceSession | null): boolean =>
  isOpen(c) && (session === null || !session.freshCheckin || c.sessionId === session.id);

/** The delegates present in `session`. */
export const presentIds = (checkins: readonly PresenceCheckin[], session: PresenceSession | null): ReadonlySet<number> =>
  new Set(checkins.filter((c) => countsIn(c, session)).map((c) => c.delegateId));

/** The delegates present in the congress (an open check-in of any session). */
export const presentInCongressIds = (checkins: readonly PresenceCheckin[]): ReadonlySet<number> =>
  new Set(checkins.filter(isOpen).map((c) => c.delegateId));

/**
 * What the desk does for a delegate in `session`: record a new check-in, or say they are already present through the
 * check-in `existing` (the first that counts: the time and desk the desk repeats).
 */
export type CheckinDecision<C extends PresenceCheckin> =
  | { readonly kind: 'new' }
  | { readonly kind: 'already'; readonly existing: C };

export const checkinDecision = <C extends PresenceCheckin>(
  delegateId: number, checkins: readonly C[], session: PresenceSession | null,
): CheckinDecision<C> => {
  const existing = checkins.find((c) => c.delegateId === delegateId && countsIn(c, session));
  return existing === undefined ? { kind: 'new' } : { kind: 'already', existing };
};

/** The delegate as the desk's rule sees them. */
export interface DeskDelegate {
  readonly fullName: string;
  readonly standing: 'official' | 'alternate' | 'probationary';
  readonly status: 'summoned' | 'not-summoned' | 'absent-whole' | 'replaced' | 'temporarily-attached' | 'exempted' | 'suspended';
  readonly statusReason: string | null;
  /** Whom this alternate replaces (the absent official's name), if anyone. */
  readonly replaces: string | null;
  /** Who replaces this official (the alternate's name), if replaced. */
  readonly replacedBy: string | null;
  /** Checked in to this congress before (a recorded, not voided check-in). */
  readonly attended: boolean;
}

/** Whether a delegate's card signs them in (and keeps their phone's session): not when they were not summoned. */
export const cardSignsIn = (status: DeskDelegate['status']): boolean => status !== 'not-summoned';

/**
 * Whether the desk checks a delegate in, and whether they then count as present (vote) — docs/rules.md §1. Refused:
 * not summoned, replaced by an alternate, absent for the whole congress (unless they attended before: they are in
 * the base then), suspended or attached elsewhere. Admitted without a vote: an alternate who replaces nobody, a
 * probationary member. Each with its own message, so nobody is counted or left out silently.
 */
export type DeskAdmission =
  | { readonly kind: 'admit'; readonly votes: boolean }
  | { readonly kind: 'refuse'; readonly code: string; readonly message_vi: string; readonly message_en: string };

const because = (reason: string | null, vi: boolean): string => (reason === null ? '' : vi ? ` (lý do: ${reason})` : ` (reason: ${reason})`);

export const deskAdmission = (d: DeskDelegate): DeskAdmission => {
  const refuse = (code: string, vi: string, en: string): DeskAdmission => ({ kind: 'refuse', code, message_vi: vi, message_en: en });
  switch (d.status) {
    case 'not-summoned':
      return refuse('checkin.not-summoned', `${d.fullName} không được triệu tập dự đại hội${because(d.statusReason, true)}. Chưa điểm danh: mời gặp Ban Thẩm tra tư cách đại biểu.`,
        `${d.fullName} is not summoned to the congress${because(d.statusReason, false)}. Not checked in: please see the credentials committee.`);
    case 'replaced':
      return refuse('checkin.replaced', `${d.fullName} đã được thay thế${d.replacedBy === null ? '' : ` bởi đại biểu dự khuyết ${d.replacedBy}`}. Chưa điểm danh: mời gặp Ban Thẩm tra tư cách đại biểu.`,
        `${d.fullName} was replaced${d.replacedBy === null ? '' : ` by the alternate ${d.replacedBy}`}. Not checked in: please see the credentials committee.`);
    case 'absent-whole':
      if (d.attended) return { kind: 'admit', votes: d.standing === 'official' };
      return refuse('checkin.absent-whole', `${d.fullName} được ghi vắng mặt cả đại hội${because(d.statusReason, true)}. Chưa điểm danh (sẽ làm thay đổi số đại biểu làm căn cứ): mời gặp Ban Thẩm tra tư cách đại biểu.`,
        `${d.fullName} is recorded absent for the whole congress${because(d.statusReason, false)}. Not checked in (it would change N_base): please see the credentials committee.`);
    case 'suspended':
    case 'temporarily-attached':
      return refuse(`checkin.${d.status}`, `${d.fullName} không thuộc số đảng viên dự đại hội này${because(d.statusReason, true)}. Chưa điểm danh: mời gặp Đoàn Thư ký.`,
        `${d.fullName} is not among the members attending this congress${because(d.statusReason, false)}. Not checked in: please see the secretariat.`);
    case 'summoned':
    case 'exempted':
      return { kind: 'admit', votes: d.standing === 'official' || (d.standing === 'alternate' && d.replaces !== null) };
  }
};
