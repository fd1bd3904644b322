import { z } from 'zod';
import { Count, IdBody, IsoDate, ShowOfHands, Text } from './common.ts';
import { VoteView } from './bodies.ts';

export const ELECTION_KIND_VALUES = [
  'committee', 'standing-committee', 'secretary', 'deputy-secretary', 'inspection-committee',
  'inspection-chair', 'delegates', 'opinion-poll', 'secretary-poll',
] as const;
export const ElectionKind = z.enum(ELECTION_KIND_VALUES);
export const ROUND_STATUSES = ['draft', 'list-approved', 'voting', 'counting', 'counted', 'published', 'approved'] as const;
export const RoundStatus = z.enum(ROUND_STATUSES);
export type RoundStatus = z.infer<typeof RoundStatus>;

export const CreateElectionBody = z.object({
  kind: ElectionKind,
  title: Text(300),
  seats: z.number().int().min(0).max(2000),
  alternateSeats: z.number().int().min(0).max(2000).default(0),
}).strict();
export type CreateElectionBody = z.infer<typeof CreateElectionBody>;

export const MaxSurplusBody = ShowOfHands.extend({ maxSurplus: z.number().int().min(0).max(1000) }).strict();
export const CountingBoardBody = z.object({ bodyId: IdBody }).strict();

export const CandidateBody = z.union([
  z.object({ delegateId: IdBody, source: z.enum(['committee-list', 'nominated', 'self-nominated']) }).strict(),
  z.object({
    fullName: Text(120), birthDate: IsoDate.nullable().default(null),
    source: z.enum(['committee-list', 'nominated', 'self-nominated']),
  }).strict(),
]);
export type CandidateBody = z.infer<typeof CandidateBody>;
export const CandidateView = z.object({
  id: z.number(), delegateId: z.number().nullable(), fullName: z.string(), birthDate: z.string().nullable(),
  source: z.enum(['committee-list', 'nominated', 'self-nominated']), position: z.number(),
  status: z.enum(['listed', 'withdrawal-requested', 'withdrawn', 'not-admitted']), pollAgree: z.number().nullable(),
});
export type CandidateView = z.infer<typeof CandidateView>;

export const WithdrawalDecisionBody = ShowOfHands.strict();
/** The opinion poll's results: agree votes per nominee, with the number present at the poll. */
export const PollBody = z.object({
  present: z.number().int().min(1).max(1_000_000),
  results: z.array(z.object({ candidateId: IdBody, agree: Count }).strict()).min(1).max(500),
}).strict();
export type PollBody = z.infer<typeof PollBody>;

export const SurplusView = z.object({
  seats: z.number(), listLength: z.number(), surplus: z.number(), maxSurplus: z.number().nullable(),
  errors: z.array(z.object({ code: z.string() }).passthrough()),
  warnings: z.array(z.object({ code: z.string() }).passthrough()),
});

export const TransitionBody = z.discriminatedUnion('to', [
  z.object({ to: z.literal('list-approved'), agree: Count, disagree: Count, other: Count }).strict(),
  z.object({ to: z.enum(['voting', 'counting', 'published']) }).strict(),
  z.object({ to: z.literal('approved'), reference: Text(200) }).strict(),
]);
export type TransitionBody = z.infer<typeof TransitionBody>;

export const BallotsIssuedBody = z.object({
  issued: z.number().int().min(0).max(1_000_000),
  collected: z.number().int().min(0).max(1_000_000).nullable().default(null),
}).strict();

const CandidateKey = z.string().regex(/^[0-9]{1,10}$/u);
const Flags = {
  notIssued: z.boolean().optional(),
  writeIns: z.number().int().min(0).max(1000).optional(),
  identifyingMarks: z.boolean().optional(),
};
/** One paper ballot as read by the counting board; candidate keys are candidate ids as strings. */
export const BallotInput = z.union([
  z.object({ ...Flags, struck: z.array(CandidateKey).max(2000) }).strict(),
  z.object({ ...Flags, marks: z.record(CandidateKey, z.enum(['agree', 'disagree', 'both', 'none'])) }).strict(),
  z.object({ ...Flags, writeIn: CandidateKey.nullable() }).strict(),
]);
export const CountBody = z.object({ ballots: z.array(BallotInput).max(20_000) }).strict();
export type CountBody = z.infer<typeof CountBody>;

export const RoundView = z.object({
  id: z.number(), number: z.number(), seats: z.number(), alternateSeats: z.number(), status: RoundStatus,
  base: z.number().nullable(), present: z.number().nullable(),
  ballotsIssued: z.number().nullable(), ballotsCollected: z.number().nullable(),
  result: z.unknown().nullable(), candidates: z.array(CandidateView), updatedAt: z.string(),
});
export const ElectionView = z.object({
  id: z.number(), kind: ElectionKind, title: z.string(), seats: z.number(), alternateSeats: z.number(),
  maxSurplus: z.number().nullable(), countingBoardId: z.number().nullable(),
  approvedAt: z.string().nullable(), approvalReference: z.string().nullable(),
  rounds: z.array(RoundView),
});
export type ElectionView = z.infer<typeof ElectionView>;
export const TransitionResult = z.object({ round: RoundView, vote: VoteView.nullable() });
