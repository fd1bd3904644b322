/**
 * The election list of a round (docs/rules.md §4): its surplus, who may be added, withdrawals, and who the
 * opinion poll admits. The server and the console both call these: one check, one answer.
 */
import {
  admitNominees, checkSurplus, isAdmittedByPoll, lawfulMaxSurplus, ok, surplusApplies, type NomineeAdmission, type Result,
  type SurplusCheck,
} from '../rules/index.ts';
import { onList, type CandidateFacts, type ElectionFacts, type RoundFacts } from './facts.ts';
import { refuseNow, refuseRule, type Refusal } from './refusal.ts';
import { listEditable } from './state-machine.ts';

type ListRound = Pick<RoundFacts, 'number' | 'seats' | 'candidates' | 'delegationMaxSurplus'> & { readonly election: Pick<ElectionFacts, 'kind' | 'maxSurplus'> };

/**
 * The surplus of a round's list against the rules: the convening committee's own list counts only in the first
 * round (later rounds have no committee list of their own); a delegation is held to the congress's maximum.
 */
export const roundSurplus = (r: ListRound): SurplusCheck => {
  const listed = onList(r.candidates);
  return checkSurplus({
    kind: r.election.kind, seats: r.seats, listLength: listed.length, congressMaxSurplus: r.election.maxSurplus,
    conveningListLength: r.number === 1 ? listed.filter((c) => c.source === 'committee-list').length : null,
    delegationMaxSurplus: r.delegationMaxSurplus,
  });
};

const editable = (r: Pick<RoundFacts, 'status'>): Result<true, Refusal> => {
  const e = listEditable(r.status);
  return e.ok ? e : refuseNow(e.error.code, e.error.message_vi, e.error.message_en);
};

/** Whether a delegate may be put on the list: the list is open, they are not on it, nor on the counting board. */
export const canAddDelegate = (r: Pick<RoundFacts, 'status' | 'candidates' | 'board'>, delegate: { readonly id: number; readonly name: string }): Result<true, Refusal> => {
  const open = editable(r);
  if (!open.ok) return open;
  if (r.candidates.some((c) => c.delegateId === delegate.id)) {
    return refuseNow('candidate.duplicate', `${delegate.name} đã có trong danh sách.`, `${delegate.name} is already on the list.`, 'body.delegateId');
  }
  if (r.board?.members.some((m) => m.delegateId === delegate.id) === true) {
    return refuseRule('candidate.on-counting-board', `${delegate.name} là thành viên Ban Kiểm phiếu của cuộc bầu cử này.`,
      `${delegate.name} is on the counting board of this election.`, 'body.delegateId');
  }
  return ok(true);
};

export const canAddPerson = (r: Pick<RoundFacts, 'status'>): Result<true, Refusal> => editable(r);

export const canRequestWithdrawal = (r: Pick<RoundFacts, 'status'>, c: CandidateFacts | undefined): Result<true, Refusal> => {
  const open = editable(r);
  if (!open.ok) return open;
  if (c?.status !== 'listed') {
    return refuseNow('withdrawal.state', 'Người này không còn trong danh sách hoặc đã xin rút.', 'This candidate is not listed or already asked to withdraw.', 'params.id');
  }
  return ok(true);
};

/** A withdrawal request is decided by the congress's vote: granted → withdrawn, refused → listed again. */
export const decideWithdrawal = (c: CandidateFacts, passed: boolean): Result<'withdrawn' | 'listed', Refusal> =>
  c.status !== 'withdrawal-requested'
    ? refuseNow('withdrawal.none', `${c.name} không có đơn xin rút đang chờ.`, `${c.name} has no pending withdrawal request.`, 'params.id')
    : ok(passed ? 'withdrawn' : 'listed');

export interface PollInput {
  readonly present: number;
  readonly results: readonly { readonly candidateId: number; readonly agree: number }[];
}

export interface PollAdmission extends NomineeAdmission {
  readonly room: number;
}

/**
 * The opinion poll (docs/rules.md §4): a nominee enters the list when more than 30 % of those present agree; when
 * they would push the list over the maximum surplus, nominees are admitted from the highest agree down while there
 * is room (ties at the cut are not decided here: they are reported, and admitted, for the congress to settle).
 */
export const admitByPoll = (r: RoundFacts, poll: PollInput): Result<PollAdmission, Refusal> => {
  const open = editable(r);
  if (!open.ok) return open;
  const byId = new Map(r.candidates.map((c) => [c.id, c]));
  for (const [i, p] of poll.results.entries()) {
    const c = byId.get(p.candidateId);
    if (c === undefined || c.source === 'committee-list' || c.status !== 'listed') {
      return refuseRule('poll.not-nominee', 'Chỉ lấy ý kiến về người được đề cử hoặc tự ứng cử đang có trong danh sách.',
        'The poll is only on listed nominees and self-nominees.', `body.results[${i}].candidateId`);
    }
    if (p.agree > poll.present) {
      return refuseRule('poll.over-present', 'Số phiếu đồng ý vượt số đại biểu có mặt.', 'Agree votes exceed the delegates present.', `body.results[${i}].agree`);
    }
  }
  const passed = poll.results.filter((p) => isAdmittedByPoll(p.agree, poll.present)).map((p) => ({ id: String(p.candidateId), agree: p.agree }));
  const committee = onList(r.candidates).filter((c) => c.source === 'committee-list').length;
  const kind = r.election.kind;
  const max = surplusApplies(kind)
    ? Math.min(r.election.maxSurplus ?? lawfulMaxSurplus(r.seats), lawfulMaxSurplus(r.seats))
    : kind === 'delegates' ? r.delegationMaxSurplus : null;
  const room = max === null ? passed.length : Math.max(0, r.seats + max - committee);
  return ok({ ...admitNominees(passed, room), room });
};
