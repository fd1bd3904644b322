/**
 * The board's rulings (phán quyết) and the final ballots of a batch. A batch is final only when its entries
 * agree or every disagreement is ruled; its final ballots are the agreed ones plus the ruled ones.
 */
import { checkBallotShape, err, ok, ruleError, type Ballot, type Result, type RuleError } from '../rules/index.ts';
import { allEntriesClosed, type BatchState } from './batch.ts';
import { ballotKey } from './ballot-key.ts';
import type { CountingContext } from './context.ts';
import { RULING_REASONS, type BoardRuling } from './ruling-types.ts';

export * from './ruling-types.ts';

const fail = (code: string, vi: string, en: string): Result<never, RuleError> => err(ruleError(code, vi, en, 'ruling'));

/** Whether the entries say different things at a 1-based position (all entries must be closed). */
export const disagreesAt = (ctx: CountingContext, state: BatchState, position: number): boolean => {
  const keys = new Set(state.entries.map((e) => ballotKey(ctx, e.ballots[position - 1]!)));
  return keys.size > 1;
};

/** Records the board's ruling on one disagreement. */
export const recordRuling = (ctx: CountingContext, state: BatchState, ruling: BoardRuling): Result<BatchState, RuleError> => {
  if (!allEntriesClosed(state)) {
    return fail('ruling.not-ready', `Tập "${state.spec.label}" chưa nhập xong: chưa có gì để phán quyết.`,
      `Batch "${state.spec.label}" is not fully entered: there is nothing to rule on yet.`);
  }
  const p = ruling.position;
  if (!Number.isInteger(p) || p < 1 || p > state.spec.physicalCount) {
    return fail('ruling.position', `Tập "${state.spec.label}" không có phiếu thứ ${p}.`, `Batch "${state.spec.label}" has no ballot ${p}.`);
  }
  if (!disagreesAt(ctx, state, p)) {
    return fail('ruling.no-disagreement', `Các lần nhập của phiếu thứ ${p} trùng nhau: không cần phán quyết.`,
      `The entries of ballot ${p} agree: no ruling is needed.`);
  }
  if (state.rulings.some((r) => r.position === p)) {
    return fail('ruling.duplicate', `Phiếu thứ ${p} đã có phán quyết.`, `Ballot ${p} has already been ruled.`);
  }
  if (!(RULING_REASONS as readonly string[]).includes(ruling.reason)) {
    return fail('ruling.reason', 'Lý do phán quyết không có trong danh mục.', 'The ruling reason is not in the list.');
  }
  if (ruling.reason === 'other' && ruling.note.trim() === '') {
    return fail('ruling.note-required', 'Lý do "khác" phải ghi rõ.', 'An "other" reason must be stated in the note.');
  }
  const shape = checkBallotShape(ctx.form, ctx.index, ruling.ballot, 'ruling.ballot');
  if (!shape.ok) return shape;
  return ok({ ...state, rulings: [...state.rulings, ruling] });
};

export type BatchStatus = 'entering' | 'reconciling' | 'final';

/** Entering until every entry is closed; then reconciling until every disagreement is ruled; then final. */
export const batchStatus = (ctx: CountingContext, state: BatchState): BatchStatus => {
  if (!allEntriesClosed(state)) return 'entering';
  const ruled = new Set(state.rulings.map((r) => r.position));
  for (let p = 1; p <= state.spec.physicalCount; p++) {
    if (!ruled.has(p) && disagreesAt(ctx, state, p)) return 'reconciling';
  }
  return 'final';
};

/** The ballots of a final batch in stack order: the agreed entry, or the ruling where the entries disagreed. */
export const finalBallots = (ctx: CountingContext, state: BatchState): Result<readonly Ballot[], RuleError> => {
  if (batchStatus(ctx, state) !== 'final') {
    return fail('batch.not-final', `Tập "${state.spec.label}" chưa có kết quả cuối cùng (còn lần nhập hoặc chênh lệch chưa phán quyết).`,
      `Batch "${state.spec.label}" is not final (an entry or a ruling is missing).`);
  }
  const ruled = new Map(state.rulings.map((r) => [r.position, r.ballot]));
  const first = state.entries[0]!.ballots;
  return ok(first.map((b, i) => ruled.get(i + 1) ?? b));
};
