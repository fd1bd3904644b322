import { z } from 'zod';
import { ROUND_STATES } from '../elections/state-machine.ts';
import { CountOutcomeSchema, ELECTION_KINDS, INVALID_REASONS } from '../rules/index.ts';
import { CandidateKey } from './ballot.ts';
import { Count, IdBody, IsoDate, ShowOfHands, Text } from './common.ts';
import { CountSettingsSchema } from './congresses.ts';
import { VoteView } from './bodies.ts';

export const ElectionKind = z.enum(ELECTION_KINDS);
export const RoundStatus = z.enum(ROUND_STATES);
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
export const CountingBoardView = z.object({ electionId: z.number(), countingBoardId: z.number() });

/** A further round of an election: its seats, and whom it starts from. */
export const NewRoundBody = z.object({
  /** Official seats; 0 only for a delegation round that elects alternates alone (checked by the rules core). */
  seats: z.number().int().min(0).max(2000),
  alternateSeats: z.number().int().min(0).max(2000).default(0),
  /** Whom the new round starts from: the tied of the last round, everyone not elected, or nobody. */
  candidates: z.enum(['tied', 'not-elected', 'none']),
}).strict();
export type NewRoundBody = z.input<typeof NewRoundBody>;

export const CANDIDATE_SOURCES = ['committee-list', 'nominated', 'self-nominated'] as const;
export const CandidateSource = z.enum(CANDIDATE_SOURCES);
export const CANDIDATE_STATUSES = ['listed', 'withdrawal-requested', 'withdrawn', 'not-admitted'] as const;
export const CandidateStatus = z.enum(CANDIDATE_STATUSES);

export const CandidateBody = z.union([
  z.object({ delegateId: IdBody, source: CandidateSource }).strict(),
  z.object({ fullName: Text(120), birthDate: IsoDate.nullable().default(null), source: CandidateSource }).strict(),
]);
export type CandidateBody = z.infer<typeof CandidateBody>;
export const CandidateView = z.object({
  id: z.number(), delegateId: z.number().nullable(), fullName: z.string(), birthDate: z.string().nullable(),
  source: CandidateSource, position: z.number(), status: CandidateStatus, pollAgree: z.number().nullable(),
});
export type CandidateView = z.infer<typeof CandidateView>;

export const WithdrawalDecisionBody = ShowOfHands.strict();
export const WithdrawalDecisionView = z.object({ vote: VoteView, status: CandidateStatus });
/** The opinion poll's results: agree votes per nominee, with the number present at the poll. */
export const PollBody = z.object({
  present: z.number().int().min(1).max(1_000_000),
  results: z.array(z.object({ candidateId: IdBody, agree: Count }).strict()).min(1).max(500),
}).strict();
export type PollBody = z.infer<typeof PollBody>;
/** Who the poll admits to the list (by agree votes, within the room the surplus leaves), and who ties at the cut. */
export const PollView = z.object({
  present: z.number(), room: z.number(),
  admitted: z.array(z.string()), leftOut: z.array(z.string()), tied: z.array(z.string()),
});

export const SurplusView = z.object({
  seats: z.number(), listLength: z.number(), surplus: z.number(), maxSurplus: z.number().nullable(),
  errors: z.array(z.object({ code: z.string() }).loose()),
  warnings: z.array(z.object({ code: z.string() }).loose()),
});
export type SurplusView = z.infer<typeof SurplusView>;

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
export const BallotsIssuedView = z.object({ issued: z.number(), collected: z.number().nullable() });

/**
 * The totals of the counting board's paper minutes, for a congress that counts by hand: ballots collected, valid
 * and invalid per reason, and the votes per candidate (agree votes for an opinion poll; write-ins per member and
 * the blank and unrecognised ballots for a secretary poll). Signed off by the board's head, named as on the minutes.
 */
export const HandCountBody = z.object({
  collected: Count,
  invalidByReason: z.partialRecord(z.enum(INVALID_REASONS), Count),
  votes: z.array(z.object({ candidateId: CandidateKey, votes: Count }).strict()).min(1).max(2000),
  blank: Count.optional(),
  unrecognized: Count.optional(),
  /** The board's head, as they sign the minutes; must match the head of the election's counting board. */
  signedBy: Text(120),
}).strict();
export type HandCountBody = z.infer<typeof HandCountBody>;

export const RoundView = z.object({
  id: z.number(), number: z.number(), seats: z.number(), alternateSeats: z.number(), status: RoundStatus,
  base: z.number().nullable(), present: z.number().nullable(),
  ballotsIssued: z.number().nullable(), ballotsCollected: z.number().nullable(),
  /** The stored result, shown to staff and, once published, to everyone. */
  result: CountOutcomeSchema.nullable(),
  /** How the result was reached: the board's counting of batches, or the totals of its hand count. */
  countedBy: z.enum(['batches', 'hand']).nullable(),
  candidates: z.array(CandidateView), updatedAt: z.string(),
});
export type RoundView = z.infer<typeof RoundView>;
export const ElectionView = z.object({
  id: z.number(), kind: ElectionKind, title: z.string(), seats: z.number(), alternateSeats: z.number(),
  maxSurplus: z.number().nullable(), countingBoardId: z.number().nullable(),
  /** The count settings in force for this election (taken from the congress when it was created). */
  settings: CountSettingsSchema,
  approvedAt: z.string().nullable(), approvalReference: z.string().nullable(),
  rounds: z.array(RoundView),
});
export type ElectionView = z.infer<typeof ElectionView>;
export const TransitionResult = z.object({ round: RoundView, vote: VoteView.nullable() });
