import { z } from 'zod';
import { Count, IdBody, nonEmpty, NOTHING_TO_CHANGE, ShowOfHands, Text } from './common.ts';

export const BodyKind = z.enum(['presidium', 'secretariat', 'credentials', 'counting-board']);
export const BodyMemberInput = z.object({ delegateId: IdBody, role: z.enum(['head', 'deputy', 'member']) }).strict();
export const BodyBody = z.object({
  kind: BodyKind,
  title: Text(200),
  members: z.array(BodyMemberInput).min(1).max(200),
}).strict();
export type BodyBody = z.infer<typeof BodyBody>;
/** A body's title and members changed before the congress approves it. */
export const BodyPatch = z.object({
  title: BodyBody.shape.title.optional(),
  members: BodyBody.shape.members.optional(),
}).strict().refine(nonEmpty, { message: NOTHING_TO_CHANGE });
export type BodyPatch = z.infer<typeof BodyPatch>;
export const BodyView = z.object({
  id: z.number(), kind: BodyKind, title: z.string(), approvedVoteId: z.number().nullable(),
  members: z.array(z.object({ delegateId: z.number(), fullName: z.string(), role: z.enum(['head', 'deputy', 'member']) })),
});

export const VOTE_KINDS = ['body', 'agenda', 'regulations', 'number-to-elect', 'max-surplus', 'election-list', 'withdrawal', 'other'] as const;
export const VoteKind = z.enum(VOTE_KINDS);
export const VoteBody = ShowOfHands.extend({
  subject: Text(300),
  kind: z.enum(['agenda', 'regulations', 'other']),
  agendaItemId: IdBody.nullable().default(null),
}).strict();
export const ApproveBody = ShowOfHands.strict();
/** A record voided by the chair: when, why, by whom (it stays in the record, struck through). */
export const VoidedView = z.object({ at: z.string(), reason: z.string(), by: z.string() }).nullable();
export type VoidedView = z.infer<typeof VoidedView>;
/** Voiding a record: the reason is required. */
export const VoidBody = z.object({ reason: Text(2000) }).strict();
export const VoteView = z.object({
  id: z.number(), subject: z.string(), kind: VoteKind, agree: Count, disagree: Count, other: Count,
  base: z.number(), present: z.number(), threshold: z.number(), passed: z.boolean(), recordedAt: z.string(),
  agendaItemId: z.number().nullable(), voided: VoidedView,
});
export type VoteView = z.infer<typeof VoteView>;
