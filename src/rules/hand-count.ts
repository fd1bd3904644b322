/**
 * A count from the totals of the counting board's paper minutes (docs/rules.md §10: counting by computer is
 * allowed, not required): for a congress that counts by hand, the board enters what its signed minutes say and
 * the same rules decide who is elected. The totals must add up; nothing is guessed.
 */
import { ballotLimit, ballotForm, type CandidateId, type ElectionSpec } from './election.ts';
import { INVALID_REASONS, type InvalidReason } from './ballot.ts';
import { decideWinners, rankByVotes, resultsOf, type BallotSummary, type CountOutcome } from './count.ts';
import { checkElectionSpec } from './count.ts';
import { isAdmittedByPoll, pollThreshold } from './decisions.ts';
import { majorityThreshold } from './majority.ts';
import { err, ok, ruleError, type Result, type RuleError } from './result.ts';

export interface CountTotals {
  /** Ballots collected and counted. */
  readonly total: number;
  readonly invalidByReason: Partial<Readonly<Record<InvalidReason, number>>>;
  /** Votes per candidate (agree votes for a poll; write-ins per member for a secretary poll). */
  readonly votes: ReadonlyMap<CandidateId, number>;
  /** Secretary poll: ballots with no name, and names outside the newly elected members. */
  readonly blank?: number;
  readonly unrecognized?: number;
}

const fail = (code: string, vi: string, en: string, field: string): Result<never, RuleError> => err(ruleError(code, vi, en, field));

export const countFromTotals = (spec: ElectionSpec, t: CountTotals): Result<CountOutcome, RuleError> => {
  const specCheck = checkElectionSpec(spec);
  if (!specCheck.ok) return specCheck;
  const invalidByReason = Object.fromEntries(INVALID_REASONS.map((r) => [r, t.invalidByReason[r] ?? 0])) as Record<InvalidReason, number>;
  const invalid = Object.values(invalidByReason).reduce((a, b) => a + b, 0);
  const valid = t.total - invalid;
  if (valid < 0) {
    return fail('totals.invalid-over-total', `Số phiếu không hợp lệ (${invalid}) vượt tổng số phiếu (${t.total}).`,
      `Invalid ballots (${invalid}) exceed the total (${t.total}).`, 'body.invalidByReason');
  }
  for (const id of t.votes.keys()) {
    if (!spec.candidates.some((c) => c.id === id)) {
      return fail('totals.unknown-candidate', `Mã ứng cử viên "${id}" không có trong danh sách.`, `Candidate "${id}" is not on the list.`, 'body.votes');
    }
  }
  const votes: number[] = [];
  for (const c of spec.candidates) {
    const v = t.votes.get(c.id);
    if (v === undefined) {
      return fail('totals.missing-candidate', `Thiếu số phiếu của ${c.name}.`, `The votes of ${c.name} are missing.`, 'body.votes');
    }
    if (v > valid) {
      return fail('totals.over-valid', `${c.name} có ${v} phiếu, nhiều hơn số phiếu hợp lệ (${valid}).`,
        `${c.name} has ${v} votes, more than the ${valid} valid ballots.`, 'body.votes');
    }
    votes.push(v);
  }
  const form = ballotForm(spec);
  const sum = votes.reduce((a, b) => a + b, 0);
  const ballots: BallotSummary = { total: t.total, valid, invalid, invalidByReason };
  if (spec.kind === 'secretary-poll') {
    const blank = t.blank ?? 0;
    const unrecognized = t.unrecognized ?? 0;
    if (sum + blank + unrecognized !== valid) {
      return fail('totals.secretary-sum', `Tổng số phiếu ghi tên (${sum}), phiếu trắng (${blank}) và tên ngoài danh sách (${unrecognized}) phải bằng số phiếu hợp lệ (${valid}).`,
        `Names written (${sum}), blank (${blank}) and unrecognised (${unrecognized}) must add up to the valid ballots (${valid}).`, 'body.votes');
    }
    return ok({ type: 'secretary-poll', count: { base: spec.base, threshold: majorityThreshold(spec.base), ballots, results: resultsOf(spec, votes, spec.base), unrecognized, blank } });
  }
  if (form === 'strike-out' || form === 'agree-disagree') {
    const most = valid * Math.min(ballotLimit(spec), spec.candidates.length);
    if (sum > most) {
      return fail('totals.over-limit', `Tổng số phiếu bầu (${sum}) vượt mức tối đa (${most}: mỗi phiếu hợp lệ bầu nhiều nhất ${ballotLimit(spec)} người).`,
        `The votes (${sum}) exceed the most possible (${most}: each valid ballot keeps at most ${ballotLimit(spec)}).`, 'body.votes');
    }
  }
  if (spec.kind === 'opinion-poll') {
    const present = spec.present!;
    const admitted = rankByVotes(votes).filter((i) => isAdmittedByPoll(votes[i]!, present)).map((i) => spec.candidates[i]!.id);
    return ok({ type: 'opinion-poll', count: { base: present, threshold: pollThreshold(present), ballots, results: resultsOf(spec, votes, present), admitted } });
  }
  return ok({ type: 'election', count: { base: spec.base, threshold: majorityThreshold(spec.base), ballots, results: resultsOf(spec, votes, spec.base), ...decideWinners(spec, votes) } });
};
