/**
 * Attendance of the congress (src/rules/presence.ts): the check-in desk checks a delegate in to the congress, the
 * server says for which session and whether they were present already; a check-in is closed when the delegate leaves
 * and voided with a reason (it stays in the record); a session may require everyone to check in again; a delegate
 * signs in on their phone with the card's QR code or the short code printed on it.
 */
import { z } from 'zod';
import { CARD_CODE_LENGTH } from './card-code.ts';
import { IdBody, Text } from './common.ts';

export const CardToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/u);
/** What a delegate types: the printed code with or without its dash, in any case (normalizeCardCode checks the letters). */
export const TypedCardCode = z.string().trim().min(CARD_CODE_LENGTH).max(CARD_CODE_LENGTH + 6).regex(/^[A-Za-z0-9\s-]+$/u);

/** The session a check-in goes to, as the desk, the console and the hall name it. */
export const CheckinSession = z.object({
  id: z.number(), title: z.string(), position: z.number(), freshCheckin: z.boolean(),
});
export type CheckinSession = z.infer<typeof CheckinSession>;

/** The desk checks a delegate in to the congress (the server picks the session in progress): by card (camera) or by search. */
export const DeskCheckinBody = z.union([
  z.object({ cardToken: CardToken, desk: Text(50).nullable().default(null) }).strict(),
  z.object({ delegateId: IdBody, desk: Text(50).nullable().default(null) }).strict(),
]);
export type DeskCheckinBody = z.infer<typeof DeskCheckinBody>;

/** The delegate as the desk's answer shows them: whether they vote, and whom an alternate replaces. */
export const DeskDelegateView = z.object({
  id: z.number(), code: z.string(), fullName: z.string(), seat: z.string().nullable(), organisationName: z.string().nullable(),
  standing: z.enum(['official', 'alternate', 'probationary']),
  /** In N_base (an official summoned, or the alternate replacing an absent one): counted as present. */
  votes: z.boolean(),
  /** The official an alternate replaces. */
  replaces: z.string().nullable(),
});

export const RecordedCheckin = z.object({
  id: z.number(), sessionId: z.number(), delegateId: z.number(), fullName: z.string(), at: z.string(),
  method: z.enum(['qr', 'search']), desk: z.string().nullable(),
  leftAt: z.string().nullable(), leftReason: z.string().nullable(),
  voidedAt: z.string().nullable(), voidReason: z.string().nullable(),
});
export type RecordedCheckin = z.infer<typeof RecordedCheckin>;

/** `checked-in`: recorded now; `already`: present through an earlier check-in (the one shown), nothing recorded. */
export const DeskCheckinResult = z.object({
  outcome: z.enum(['checked-in', 'already']),
  checkin: RecordedCheckin,
  session: CheckinSession,
  delegate: DeskDelegateView,
});
export type DeskCheckinResult = z.infer<typeof DeskCheckinResult>;

export const VoidCheckinBody = z.object({ reason: Text(300) }).strict();
export const LeaveBody = z.object({ reason: Text(300).nullable().default(null) }).strict();
export const CheckinPolicyBody = z.object({ freshCheckin: z.boolean() }).strict();

/** Sign-in from the plain /signin page: the card's token alone (it is unique on the server), or the printed code. */
export const CardAnywhereBody = z.union([
  z.object({ token: CardToken }).strict(),
  z.object({ code: TypedCardCode }).strict(),
]);
export type CardAnywhereBody = z.infer<typeof CardAnywhereBody>;
