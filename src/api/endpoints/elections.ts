/** Elections and their rounds: the list, withdrawals, the opinion poll, the surplus, the round's steps. */
import { z } from 'zod';
import { CHAIR, COUNTING_BOARD, EVERYONE, OFFICE, READERS } from '../access.ts';
import { VoidBody, VoteView } from '../bodies.ts';
import { CandidateParams, CongressParams, ElectionParams, RoundParams } from '../common.ts';
import {
  BallotsIssuedBody, BallotsIssuedView, ElectionAgendaItemBody, CandidateBody, CandidateView, CountingBoardBody, CountingBoardView, CreateElectionBody,
  ElectionPatch, ElectionView, HandCountBody, MaxSurplusBody, NewRoundBody, PollBody, PollView, SurplusView, TransitionBody, TransitionResult,
  WithdrawalDecisionBody, WithdrawalDecisionView,
} from '../elections.ts';
import { endpoint } from '../endpoint.ts';
import { CountOutcomeSchema } from '../../rules/index.ts';

export const electionEndpoints = {
  listElections: endpoint({ method: 'GET', path: '/api/congresses/:code/elections', params: CongressParams, response: z.array(ElectionView), access: EVERYONE }),
  createElection: endpoint({ method: 'POST', path: '/api/congresses/:code/elections', params: CongressParams, body: CreateElectionBody, response: ElectionView, access: OFFICE }),
  getElection: endpoint({ method: 'GET', path: '/api/congresses/:code/elections/:electionId', params: ElectionParams, response: ElectionView, access: EVERYONE }),
  /** Title, seats and count settings, until the list is approved; then frozen (409). */
  updateElection: endpoint({ method: 'PATCH', path: '/api/congresses/:code/elections/:electionId', params: ElectionParams, body: ElectionPatch, response: ElectionView, access: OFFICE }),
  setMaxSurplus: endpoint({ method: 'PUT', path: '/api/congresses/:code/elections/:electionId/max-surplus', params: ElectionParams, body: MaxSurplusBody, response: VoteView, access: CHAIR }),
  setElectionAgendaItem: endpoint({ method: 'PUT', path: '/api/congresses/:code/elections/:electionId/agenda-item', params: ElectionParams, body: ElectionAgendaItemBody, response: ElectionView, access: OFFICE }),
  setCountingBoard: endpoint({ method: 'PUT', path: '/api/congresses/:code/elections/:electionId/counting-board', params: ElectionParams, body: CountingBoardBody, response: CountingBoardView, access: CHAIR }),
  createRound: endpoint({ method: 'POST', path: '/api/congresses/:code/elections/:electionId/rounds', params: ElectionParams, body: NewRoundBody, response: ElectionView, access: CHAIR }),

  addCandidate: endpoint({ method: 'POST', path: '/api/congresses/:code/elections/:electionId/rounds/:round/candidates', params: RoundParams, body: CandidateBody, response: CandidateView, access: OFFICE }),
  /** The chair voids a nomination made at the congress (with a reason) while the list is a draft. */
  voidCandidate: endpoint({ method: 'POST', path: '/api/congresses/:code/elections/:electionId/rounds/:round/candidates/:id/void', params: CandidateParams, body: VoidBody, response: CandidateView, access: CHAIR }),
  requestWithdrawal: endpoint({ method: 'POST', path: '/api/congresses/:code/elections/:electionId/rounds/:round/candidates/:id/withdrawal', params: CandidateParams, response: CandidateView, access: OFFICE }),
  decideWithdrawal: endpoint({ method: 'POST', path: '/api/congresses/:code/elections/:electionId/rounds/:round/candidates/:id/withdrawal-decision', params: CandidateParams, body: WithdrawalDecisionBody, response: WithdrawalDecisionView, access: CHAIR }),
  recordPoll: endpoint({ method: 'POST', path: '/api/congresses/:code/elections/:electionId/rounds/:round/poll', params: RoundParams, body: PollBody, response: PollView, access: [...OFFICE, 'counting-board'] }),
  surplus: endpoint({ method: 'GET', path: '/api/congresses/:code/elections/:electionId/rounds/:round/surplus', params: RoundParams, response: SurplusView, access: READERS }),
  transition: endpoint({ method: 'POST', path: '/api/congresses/:code/elections/:electionId/rounds/:round/transition', params: RoundParams, body: TransitionBody, response: TransitionResult, access: CHAIR }),
  setBallots: endpoint({ method: 'PUT', path: '/api/congresses/:code/elections/:electionId/rounds/:round/ballots', params: RoundParams, body: BallotsIssuedBody, response: BallotsIssuedView, access: [...OFFICE, 'counting-board'] }),
  /**
   * A congress that counts by hand: the board enters the totals of its signed paper minutes (never ballots), and
   * the minutes say so. The only way to a result besides the board's counting of batches.
   */
  handCount: endpoint({ method: 'POST', path: '/api/congresses/:code/elections/:electionId/rounds/:round/hand-count', params: RoundParams, body: HandCountBody, response: CountOutcomeSchema, access: COUNTING_BOARD }),
} as const;
