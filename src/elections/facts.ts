/**
 * What the rules of a round's life look at, loaded by the server from its database and by the web app from the
 * views: plain data, no I/O. Candidate ids are the candidates' row ids.
 */
import type { CountSettings, ElectionKind } from '../rules/index.ts';
import type { RoundState } from './state-machine.ts';

export type CandidateSource = 'committee-list' | 'nominated' | 'self-nominated';
/** `voided`: a nomination the chair voided with a reason; it stays in the record. */
export type CandidateStatus = 'listed' | 'withdrawal-requested' | 'withdrawn' | 'not-admitted' | 'voided';

export interface CandidateFacts {
  readonly id: number;
  readonly delegateId: number | null;
  readonly name: string;
  readonly source: CandidateSource;
  readonly status: CandidateStatus;
  readonly pollAgree: number | null;
}

export interface BoardFacts {
  readonly id: number;
  /** Approved by the congress's show of hands. */
  readonly approved: boolean;
  readonly members: readonly { readonly delegateId: number; readonly name: string; readonly role: 'head' | 'deputy' | 'member' }[];
}

export interface ElectionFacts {
  readonly kind: ElectionKind;
  readonly seats: number;
  readonly alternateSeats: number;
  /** The maximum surplus the congress voted for this election (null: none voted). */
  readonly maxSurplus: number | null;
  /** The count settings in force for this election. */
  readonly settings: CountSettings;
}

export interface RoundFacts {
  readonly election: ElectionFacts;
  readonly number: number;
  readonly status: RoundState;
  readonly seats: number;
  readonly alternateSeats: number;
  /** Those present when voting opened (null before). */
  readonly present: number | null;
  readonly ballotsIssued: number | null;
  readonly ballotsCollected: number | null;
  readonly candidates: readonly CandidateFacts[];
  /** The election's counting board (null: none assigned). */
  readonly board: BoardFacts | null;
  /** The congress's maximum surplus for delegations (a congress setting; null: none). */
  readonly delegationMaxSurplus: number | null;
}

/** Candidates still on the list (not withdrawn, not refused by the poll), in the order given. */
export const onList = <C extends Pick<CandidateFacts, 'status'>>(cs: readonly C[]): C[] =>
  cs.filter((c) => c.status === 'listed' || c.status === 'withdrawal-requested');
