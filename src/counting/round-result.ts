/**
 * The result of one election round, from the final batches only, computed by the rules core (`countBallots`);
 * plus the checks of ballots issued, collected and counted, and what the congress must decide next.
 */
import {
  countBallots, err, ok, remainingOf, ruleError, type Ballot, type CandidateId, type CountOutcome, type Remaining, type Result,
  type RuleError,
} from '../rules/index.ts';
import type { BatchState } from './batch.ts';
import type { BatchId, CountingContext } from './context.ts';
import { finalBallots } from './ruling.ts';

export interface RoundInput {
  /** Ballots issued by the counting board. */
  readonly issued: number;
  /** Ballots collected from the boxes. */
  readonly collected: number;
  readonly batches: readonly BatchState[];
}

export type Anomaly =
  | { readonly code: 'collected-over-issued'; readonly issued: number; readonly collected: number; readonly message_vi: string; readonly message_en: string }
  | { readonly code: 'batches-vs-collected'; readonly counted: number; readonly collected: number; readonly message_vi: string; readonly message_en: string }
  | { readonly code: 'batches-not-final'; readonly batches: readonly BatchId[]; readonly message_vi: string; readonly message_en: string };

export type NextStep =
  /** Counting is not finished, or its totals do not match: no result may be announced yet. */
  | { readonly type: 'finish-counting'; readonly message_vi: string; readonly message_en: string }
  | { readonly type: 'stop'; readonly message_vi: string; readonly message_en: string }
  /**
   * A new round among the tied names for the remaining seats [open: never by age]. `seats`/`candidates` are the
   * first tie (the official cut's, else the alternate cut's); `remaining` has both cuts of a delegation, which
   * can tie at once.
   */
  | { readonly type: 'tie-round'; readonly seats: number; readonly candidates: readonly CandidateId[]; readonly unfilledSeats: number; readonly remaining: Remaining; readonly message_vi: string; readonly message_en: string }
  /** A committee (and the bodies elected by it): the congress decides whether to vote again for the unfilled seats. */
  | { readonly type: 'congress-decides'; readonly unfilledSeats: number; readonly message_vi: string; readonly message_en: string }
  /** A delegation: a new round for the unfilled official and alternate seats [law]; the congress decides on the list. */
  | { readonly type: 'new-round'; readonly unfilledSeats: number; readonly remaining: Remaining; readonly message_vi: string; readonly message_en: string };

export interface RoundResult {
  /** The count of the final batches; provisional while `complete` is false. */
  readonly count: CountOutcome;
  readonly countedBatches: readonly BatchId[];
  readonly ballotsCounted: number;
  /** Every batch is final and the batches add up to the ballots collected. */
  readonly complete: boolean;
  readonly anomalies: readonly Anomaly[];
  readonly next: NextStep;
}

const anomaliesOf = (input: RoundInput, pending: readonly BatchId[]): Anomaly[] => {
  const out: Anomaly[] = [];
  const { issued, collected } = input;
  if (collected > issued) {
    out.push({ code: 'collected-over-issued', issued, collected,
      message_vi: `Số phiếu thu vào (${collected}) nhiều hơn số phiếu phát ra (${issued}).`,
      message_en: `More ballots collected (${collected}) than issued (${issued}).` });
  }
  const counted = input.batches.reduce((s, b) => s + b.spec.physicalCount, 0);
  if (counted !== collected) {
    out.push({ code: 'batches-vs-collected', counted, collected,
      message_vi: `Tổng số phiếu đếm tay của các tập (${counted}) khác số phiếu thu vào (${collected}).`,
      message_en: `The batches' physical counts add up to ${counted}, but ${collected} ballots were collected.` });
  }
  if (pending.length > 0) {
    // Named by their labels (what the board wrote on the box), not by their ids.
    const labels = input.batches.filter((b) => pending.includes(b.spec.id)).map((b) => `"${b.spec.label}"`).join(', ');
    out.push({ code: 'batches-not-final', batches: pending,
      message_vi: `Còn ${pending.length} tập phiếu chưa có kết quả cuối cùng: ${labels}.`,
      message_en: `${pending.length} batch(es) not final yet: ${labels}.` });
  }
  return out;
};

const nextStep = (ctx: CountingContext, count: CountOutcome, complete: boolean): NextStep => {
  if (!complete) {
    return { type: 'finish-counting', message_vi: 'Chưa công bố kết quả: kiểm phiếu chưa xong hoặc số phiếu chưa khớp.',
      message_en: 'No result yet: counting is unfinished or the ballot numbers do not match.' };
  }
  const stop: NextStep = { type: 'stop', message_vi: 'Kết thúc: không phải bầu thêm.', message_en: 'Complete: no further round.' };
  switch (count.type) {
    case 'opinion-poll':
    case 'secretary-poll':
      return stop;
    case 'election': {
      const c = count.count;
      switch (c.outcome) {
        case 'complete':
          return stop;
        case 'tie': {
          const tie = c.tie!;
          const remaining = remainingOf(c, ctx.spec);
          const { official, alternate } = remaining;
          const both = official.tie !== null && alternate.tie !== null;
          const [vi, en] = both
            ? [`Có ${official.tie.candidates.length} người bằng phiếu cho ${official.tie.seats} chỗ đại biểu chính thức còn lại và ${alternate.tie.candidates.length} người bằng phiếu cho ${alternate.tie.seats} chỗ đại biểu dự khuyết còn lại: Đại hội bầu lại trong số những người này.`,
              `${official.tie.candidates.length} candidates tie for ${official.tie.seats} remaining official seat(s) and ${alternate.tie.candidates.length} for ${alternate.tie.seats} remaining alternate seat(s): the congress votes again among them.`]
            : [`Có ${tie.candidates.length} người bằng phiếu cho ${tie.seats} chỗ còn lại: Đại hội bầu lại trong số những người này.`,
              `${tie.candidates.length} candidates tie for ${tie.seats} remaining seat(s): the congress votes again among them.`];
          return { type: 'tie-round', seats: tie.seats, candidates: tie.candidates, unfilledSeats: c.unfilledSeats, remaining, message_vi: vi, message_en: en };
        }
        case 'shortfall': {
          if (ctx.spec.kind !== 'delegates') {
            return { type: 'congress-decides', unfilledSeats: c.unfilledSeats,
              message_vi: `Số trúng cử chưa đủ (thiếu ${c.unfilledSeats}): Đại hội quyết định có bầu tiếp số còn thiếu hay không.`,
              message_en: `${c.unfilledSeats} seat(s) unfilled: the congress decides whether to vote again for them.` };
          }
          const remaining = remainingOf(c, ctx.spec);
          const { official, alternate } = remaining;
          const [vi, en] = alternate.seats > 0
            ? [`Còn thiếu ${official.seats} đại biểu chính thức và ${alternate.seats} đại biểu dự khuyết: bầu lần tiếp theo cho số còn thiếu; Đại hội quyết định danh sách.`,
              `${official.seats} official and ${alternate.seats} alternate delegate seat(s) unfilled: a new round for them; the congress decides the list.`]
            : [`Còn thiếu ${c.unfilledSeats} đại biểu: bầu lần tiếp theo cho số còn thiếu; Đại hội quyết định danh sách.`,
              `${c.unfilledSeats} delegate seat(s) unfilled: a new round for them; the congress decides the list.`];
          return { type: 'new-round', unfilledSeats: c.unfilledSeats, remaining, message_vi: vi, message_en: en };
        }
      }
    }
  }
};

/** Counts the final batches of a round with the rules core and says what comes next. */
export const roundResult = (ctx: CountingContext, input: RoundInput): Result<RoundResult, RuleError> => {
  if (![input.issued, input.collected].every((n) => Number.isInteger(n) && n >= 0)) {
    return err(ruleError('round.ballot-numbers', 'Số phiếu phát ra và thu vào phải là số nguyên không âm.',
      'Ballots issued and collected must be non-negative integers.'));
  }
  const ids = new Set<BatchId>();
  const ballots: Ballot[] = [];
  const counted: BatchId[] = [];
  const pending: BatchId[] = [];
  for (const b of input.batches) {
    if (ids.has(b.spec.id)) {
      return err(ruleError('round.duplicate-batch', `Tập "${b.spec.id}" xuất hiện hai lần.`, `Batch "${b.spec.id}" appears twice.`));
    }
    ids.add(b.spec.id);
    // The only refusal of finalBallots is a batch not final yet.
    const f = finalBallots(ctx, b);
    if (!f.ok) {
      pending.push(b.spec.id);
      continue;
    }
    for (const x of f.value) ballots.push(x);
    counted.push(b.spec.id);
  }
  const result = countBallots(ctx.spec, ballots);
  if (!result.ok) return result;
  const anomalies = anomaliesOf(input, pending);
  const complete = anomalies.every((a) => a.code === 'collected-over-issued');
  return ok({
    count: result.value,
    countedBatches: counted,
    ballotsCounted: ballots.length,
    complete,
    anomalies,
    next: nextStep(ctx, result.value, complete),
  });
};

/**
 * Whether a replayed count equals the stored one, as stored (JSON). A result stored before the count carried
 * `remaining` is compared without it: the other fields are what the count was then.
 */
export const sameStoredCount = (replayed: CountOutcome, stored: string): boolean => {
  if (JSON.stringify(replayed) === stored) return true;
  if (replayed.type !== 'election' || replayed.count.remaining === undefined) return false;
  try {
    const parsed: unknown = JSON.parse(stored);
    const storedCount: unknown = typeof parsed === 'object' && parsed !== null && 'count' in parsed ? parsed.count : null;
    if (typeof storedCount !== 'object' || storedCount === null || 'remaining' in storedCount) return false;
  } catch {
    return false;
  }
  const { remaining: _, ...before } = replayed.count;
  return JSON.stringify({ ...replayed, count: before }) === stored;
};
