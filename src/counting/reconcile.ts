/**
 * Reconciliation (đối chiếu) of the closed entries of a batch: ballot by ballot, by position in the stack, and
 * as totals. Every difference is reported and nothing else: a position is a disagreement exactly when two
 * entries say different things about it (see `ballotKey`).
 */
import {
  countBallots, err, INVALID_REASONS, ok, ruleError, type Ballot, type InvalidReason, type Result, type RuleError,
} from '../rules/index.ts';
import { allEntriesClosed, type BatchState } from './batch.ts';
import { ballotDifference, ballotKey, type BallotDifference } from './ballot-key.ts';
import type { BatchId, CountingContext, OperatorId, TerminalId } from './context.ts';
import { formatEntry } from './keyboard-entry.ts';
import type { BoardRuling } from './ruling-types.ts';

export interface EntryView {
  readonly operator: OperatorId;
  readonly terminal: TerminalId;
  readonly ballot: Ballot;
  /** The ballot as keystrokes (`formatEntry`). */
  readonly text: string;
}

export interface Disagreement {
  /** 1-based position in the batch: the board finds the paper ballot by counting down the stack. */
  readonly position: number;
  /** What each entry says, in the order the entries were opened. */
  readonly entries: readonly EntryView[];
  readonly difference: BallotDifference;
  readonly ruling: BoardRuling | null;
}

export interface EntryTotals {
  readonly operator: OperatorId;
  readonly valid: number;
  readonly invalid: number;
  /** Invalid ballots per reason, as the minutes print them. */
  readonly invalidByReason: Readonly<Record<InvalidReason, number>>;
  /** Votes per candidate in ballot order. */
  readonly votes: readonly number[];
}

export interface Reconciliation {
  readonly batchId: BatchId;
  readonly positions: number;
  readonly disagreements: readonly Disagreement[];
  readonly totals: readonly EntryTotals[];
  /** The entries' totals are equal (they can be while ballots differ: compensating slips). */
  readonly totalsAgree: boolean;
  /** Disagreements still without a ruling. */
  readonly unruled: number;
  /** The entries agree or every disagreement is ruled. */
  readonly final: boolean;
}

const totalsOf = (ctx: CountingContext, operator: OperatorId, ballots: readonly Ballot[]): Result<EntryTotals, RuleError> => {
  const counted = countBallots(ctx.spec, ballots);
  if (!counted.ok) return counted;
  const c = counted.value.count;
  return ok({ operator, valid: c.ballots.valid, invalid: c.ballots.invalid, invalidByReason: c.ballots.invalidByReason, votes: c.results.map((r) => r.votes) });
};

const sameTotals = (a: EntryTotals, b: EntryTotals): boolean =>
  a.valid === b.valid && a.invalid === b.invalid && a.votes.every((v, i) => v === b.votes[i]) &&
  INVALID_REASONS.every((r) => a.invalidByReason[r] === b.invalidByReason[r]);

/** Compares the closed entries of a batch; refused while an entry is missing or open. */
export const reconcileBatch = (ctx: CountingContext, state: BatchState): Result<Reconciliation, RuleError> => {
  if (!allEntriesClosed(state)) {
    return err(ruleError('reconcile.not-ready',
      `Tập "${state.spec.label}" chưa đủ ${state.spec.entriesRequired} lần nhập đã đóng: chưa đối chiếu được.`,
      `Batch "${state.spec.label}" does not have ${state.spec.entriesRequired} closed entries yet: it cannot be reconciled.`));
  }
  const entries = state.entries;
  const positions = state.spec.physicalCount;
  const rulings = new Map(state.rulings.map((r) => [r.position, r]));
  const disagreements: Disagreement[] = [];
  for (let p = 0; p < positions; p++) {
    const ballots = entries.map((e) => e.ballots[p]!);
    const first = ballotKey(ctx, ballots[0]!);
    let same = true;
    for (let j = 1; j < ballots.length && same; j++) same = ballotKey(ctx, ballots[j]!) === first;
    if (same) continue;
    disagreements.push({
      position: p + 1,
      entries: entries.map((e, j) => ({ operator: e.operator, terminal: e.terminal, ballot: ballots[j]!, text: formatEntry(ctx, ballots[j]!) })),
      difference: ballotDifference(ctx, ballots),
      ruling: rulings.get(p + 1) ?? null,
    });
  }
  const totals: EntryTotals[] = [];
  for (const e of entries) {
    const t = totalsOf(ctx, e.operator, e.ballots);
    if (!t.ok) return t;
    totals.push(t.value);
  }
  const unruled = disagreements.filter((d) => d.ruling === null).length;
  return ok({
    batchId: state.spec.id,
    positions,
    disagreements,
    totals,
    totalsAgree: totals.every((t) => sameTotals(t, totals[0]!)),
    unruled,
    final: unruled === 0,
  });
};
