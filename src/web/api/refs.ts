/**
 * The path parameters of an election, a round or a candidate, made from the views the screens hold. The contract's
 * params carry branded ids (src/api/ids.ts); the views give plain numbers, so the brand is put on here, once.
 */
import {
  asCandidateRowId, asElectionId, asRoundNumber, type Api, type ParamsOf,
} from '../../api/index.ts';
import type { Candidate, ElectionView, Round } from './types.ts';

export type ElectionRef = ParamsOf<Api['getElection']>;
/** One round of one election of one congress: the params of every round and counting endpoint. */
export type RoundRef = ParamsOf<Api['countingOverview']>;
export type BatchRef = ParamsOf<Api['myBatch']>;

export const electionRef = (code: string, election: Pick<ElectionView, 'id'>): ElectionRef =>
  ({ code, electionId: asElectionId(election.id) });

export const roundRef = (code: string, election: Pick<ElectionView, 'id'>, round: Pick<Round, 'number'>): RoundRef =>
  ({ ...electionRef(code, election), round: asRoundNumber(round.number) });

export const candidateRef = (round: RoundRef, candidate: Pick<Candidate, 'id'>): ParamsOf<Api['requestWithdrawal']> =>
  ({ ...round, id: asCandidateRowId(candidate.id) });

export const batchRef = (round: RoundRef, batch: string): BatchRef => ({ ...round, batch });
