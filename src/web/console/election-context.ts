/**
 * What the steps of an election round work with (the election, its current round, the congress's data, the
 * client), and the round's surplus check as the server makes it (src/elections `roundSurplus`).
 */
import type { Endpoint } from '../../api/index.ts';
import { roundSurplus, type CandidateFacts } from '../../elections/index.ts';
import type { SurplusCheck } from '../../rules/index.ts';
import type { ApiClient } from '../api/client.ts';
import type { RoundRef } from '../api/refs.ts';
import type { Attendance, Body, Candidate, DeskDelegate, ElectionView, Round } from '../api/types.ts';

export interface ElectionContext {
  readonly api: ApiClient;
  readonly ref: RoundRef;
  readonly election: ElectionView;
  readonly round: Round;
  readonly attendance: Attendance | null;
  readonly bodies: readonly Body[];
  readonly delegates: readonly DeskDelegate[];
  /** The congress's maximum surplus for delegations (a congress setting; null: none). */
  readonly delegationMaxSurplus: number | null;
  /** Whether the signed-in person may call an endpoint for this election. */
  readonly can: (e: Pick<Endpoint, 'access'>) => boolean;
  readonly reload: () => void;
}

export const candidateFacts = (c: Candidate): CandidateFacts => ({
  id: c.id, delegateId: c.delegateId, name: c.fullName, source: c.source, status: c.status, pollAgree: c.pollAgree,
});

export const surplusOf = (election: ElectionView, round: Round, delegationMaxSurplus: number | null): SurplusCheck =>
  roundSurplus({
    number: round.number, seats: round.seats, delegationMaxSurplus, candidates: round.candidates.map(candidateFacts),
    election: { kind: election.kind, maxSurplus: election.maxSurplus },
  });
