import { z } from 'zod';
import { IdBody, nonEmpty, NOTHING_TO_CHANGE, Text } from './common.ts';

export const AgendaKind = z.enum(['opening', 'report', 'discussion', 'speech', 'vote', 'election', 'closing', 'other']);
export const SessionBody = z.object({
  kind: z.enum(['preparatory', 'official']),
  title: Text(200),
  startsAt: z.iso.datetime().nullable().default(null),
  /** Everyone checks in again for this session (default: a check-in holds for the whole congress). */
  freshCheckin: z.boolean().default(false),
}).strict();
export const AgendaItemBody = z.object({ title: Text(300), kind: AgendaKind }).strict();
/** A session renamed, given its date and time (or none), or its kind changed (a fresh check-in: setCheckinPolicy). */
export const SessionPatch = z.object({
  kind: SessionBody.shape.kind.optional(),
  title: SessionBody.shape.title.optional(),
  startsAt: z.iso.datetime().nullable().optional(),
}).strict().refine(nonEmpty, { message: NOTHING_TO_CHANGE });
export type SessionPatch = z.infer<typeof SessionPatch>;
export const AgendaItemPatch = AgendaItemBody.partial().strict().refine(nonEmpty, { message: NOTHING_TO_CHANGE });
export type AgendaItemPatch = z.infer<typeof AgendaItemPatch>;
export const CurrentItemBody = z.object({ agendaItemId: IdBody.nullable() }).strict();
export const CurrentItemView = z.object({ currentAgendaItemId: z.number().nullable() });
/**
 * The new order of a session's agenda items: every item of the session exactly once (checked by the server, which
 * answers 422 otherwise). Duplicates are left to the server too, so the refusal says which id is wrong.
 */
export const AgendaOrderBody = z.object({ items: z.array(IdBody).max(1000) }).strict();
export type AgendaOrderBody = z.infer<typeof AgendaOrderBody>;

export const AgendaItemView = z.object({
  id: z.number(), sessionId: z.number(), position: z.number(), title: z.string(), kind: AgendaKind,
  status: z.enum(['pending', 'current', 'done']),
});
export const SessionView = z.object({
  id: z.number(), kind: z.enum(['preparatory', 'official']), title: z.string(), position: z.number(),
  startsAt: z.string().nullable(), items: z.array(AgendaItemView),
  /** Everyone checks in again for this session (src/rules/presence.ts). */
  freshCheckin: z.boolean(),
});

/** Check-in by the card's token (QR code) or by the delegate's id (search at the desk). */
export const CheckinBody = z.union([
  z.object({ cardToken: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/u), desk: Text(50).nullable().default(null) }).strict(),
  z.object({ delegateId: IdBody, desk: Text(50).nullable().default(null) }).strict(),
]);
export type CheckinBody = z.infer<typeof CheckinBody>;
export const CheckinView = z.object({
  id: z.number(), sessionId: z.number(), delegateId: z.number(), fullName: z.string(), at: z.string(),
  method: z.enum(['qr', 'search']), desk: z.string().nullable(),
});

export const AttendanceView = z.object({
  sessionId: z.number().nullable(),
  /** The session in progress, as the desk, the console and the hall name it (null before the first session). */
  session: z.object({ id: z.number(), title: z.string(), position: z.number(), freshCheckin: z.boolean() }).nullable(),
  /** Voters present in the congress: equals `present` unless the session requires a fresh check-in (then `present` is those who came back). */
  presentInCongress: z.number(),
  /** Present but not voting: alternates not replacing anyone, probationary members. */
  presentNotVoting: z.number(),
  summoned: z.number(),
  base: z.number(),
  present: z.number(),
  threshold: z.number(),
  nothingCanPass: z.boolean(),
  quorumMet: z.boolean().nullable(),
  exclusions: z.record(z.string(), z.number()),
});
export type AttendanceView = z.infer<typeof AttendanceView>;
export const AttendanceQuery = z.object({ sessionId: z.coerce.number().int().positive().optional() }).strict();
