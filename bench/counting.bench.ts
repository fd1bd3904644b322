/**
 * Counting paper ballots, on one core:
 * - the time to reconcile two entries and tally 1,600 ballots × 300 names (a national congress), in batches
 *   of 50: every batch reconciled, then the round counted from the final batches (the entry itself not timed);
 * - the cost per ballot of parsing one typed line and adding it to an entry (the server's work per Enter);
 * - the mean keystrokes of a ballot of a 27-name list with 3 struck names, with auto-commit and with spaces.
 */
import type { Ballot } from '../src/rules/index.ts';
import { committeeSpec, strikeOutPile } from './support/piles.ts';
import {
  addBallot, compactEntry, countingContext, formatEntry, keystrokes, openBatch, openEntry, parseEntry, reconcileBatch, roundResult,
  closeEntry, type BatchState, type CountingContext,
} from '../src/counting/index.ts';
import type { BenchResult } from './run.ts';

const election = (names: number, seats: number, ballots: number, seed: number) => {
  const spec = committeeSpec(names, seats, ballots);
  const r = countingContext(spec);
  if (!r.ok) throw new Error(r.error.message_en);
  return { ctx: r.value, pile: strikeOutPile(spec, ballots, seed) };
};

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message_en: string } }): T => {
  if (!r.ok) throw new Error(r.error.message_en);
  return r.value;
};

const BATCH = 50;

/** Enters every batch twice (each entry by its own operator); returns the closed batches. */
const enterTwice = (ctx: CountingContext, pile: readonly Ballot[]): BatchState[] => {
  const batches: BatchState[] = [];
  for (let start = 0, k = 0; start < pile.length; start += BATCH, k++) {
    const part = pile.slice(start, start + BATCH);
    let s = must(openBatch({ id: `b${k}`, label: `Tập ${k + 1}`, physicalCount: part.length, entriesRequired: 2 }));
    for (const op of ['a', 'b']) {
      s = must(openEntry(s, { operator: op, terminal: op }));
      for (const b of part) s = must(addBallot(ctx, s, op, b));
      s = must(closeEntry(s, op));
    }
    batches.push(s);
  }
  return batches;
};

const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const reconcileAndTally = (): BenchResult => {
  const { ctx, pile } = election(300, 250, 1_600, 4);
  const batches = enterTwice(ctx, pile);
  const times: number[] = [];
  for (let run = 0; run < 7; run++) {
    const start = process.hrtime.bigint();
    for (const b of batches) if (!must(reconcileBatch(ctx, b)).final) throw new Error('entries disagree');
    const result = must(roundResult(ctx, { issued: pile.length, collected: pile.length, batches }));
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.ballotsCounted !== pile.length) throw new Error('ballots lost');
  }
  return { bench: 'reconcile 2 entries + tally 1,600 ballots × 300 names (batches of 50, median of 7)', value: Math.round(median(times) * 10) / 10, unit: 'ms' };
};

const parseAndAdd = (): BenchResult => {
  const { ctx, pile } = election(300, 250, 1_600, 5);
  const lines = pile.map((b) => formatEntry(ctx, b));
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = process.hrtime.bigint();
    for (let begin = 0, k = 0; begin < lines.length; begin += BATCH, k++) {
      const part = lines.slice(begin, begin + BATCH);
      let s = must(openEntry(must(openBatch({ id: `b${k}`, label: `b${k}`, physicalCount: part.length, entriesRequired: 2 })), { operator: 'a', terminal: 'a' }));
      for (const line of part) s = must(addBallot(ctx, s, 'a', must(parseEntry(ctx, line))));
    }
    times.push(Number(process.hrtime.bigint() - start) / 1e3 / lines.length);
  }
  return { bench: 'parse + add one ballot to an entry (300 names, ~52 struck, batches of 50)', value: Math.round(median(times) * 10) / 10, unit: 'µs/ballot' };
};

/** Keystrokes of a 27-name ballot with 3 struck names: typed with auto-commit (`compactEntry`) and with spaces. */
const keystrokes27 = (): BenchResult[] => {
  const { ctx, pile } = election(27, 24, 10_000, 6);
  // 24 seats of 27 with the generator's 3–5 strikes; take only the ballots with exactly 3.
  const three = pile.filter((b) => 'struck' in b && b.struck.length === 3);
  const mean = (format: (ballot: Ballot) => string): number =>
    Math.round((three.reduce((s, b) => s + keystrokes(format(b)), 0) / three.length) * 100) / 100;
  return [
    { bench: 'keystrokes per ballot, 27 names, 3 struck, auto-commit (mean, Enter included)', value: mean((b) => compactEntry(ctx, b)), unit: 'keys' },
    { bench: 'keystrokes per ballot, 27 names, 3 struck, with spaces (mean, Enter included)', value: mean((b) => formatEntry(ctx, b)), unit: 'keys' },
  ];
};

export default async (): Promise<BenchResult[]> => [reconcileAndTally(), parseAndAdd(), ...keystrokes27()];
