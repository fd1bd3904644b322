/**
 * Property tests of the whole counting path: random elections, random piles of ballots cut into batches,
 * entered 2 or 3 times through the keyboard syntax with disagreements injected at random.
 *
 * Stated limit of independent entry: an error that EVERY entry of a ballot makes identically cannot be seen by
 * comparing entries. The generator therefore always leaves at least one entry of each ballot correct.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBallots, type Ballot } from '../rules/index.ts';
import { ballotKey } from './ballot-key.ts';
import { addBallot, closeEntry, openBatch, openEntry, type BatchSpec, type BatchState } from './batch.ts';
import type { CountingContext } from './context.ts';
import { replayLog, type CountingEvent } from './input-log.ts';
import { formatEntry, parseEntry } from './keyboard-entry.ts';
import { reconcileBatch } from './reconcile.ts';
import { roundResult } from './round-result.ts';
import { batchStatus, recordRuling, RULING_REASONS } from './ruling.ts';
import { ballotArb, ctxOf, electionArb, mutate, value } from './test-support.ts';

interface Scenario {
  readonly ctx: CountingContext;
  readonly pile: readonly Ballot[];
  readonly batchSize: number;
  readonly entriesRequired: 2 | 3;
  readonly injections: ReadonlyArray<{ readonly pos: number; readonly clean: number; readonly mask: number; readonly pick: number }>;
}

const scenarioArb: fc.Arbitrary<Scenario> = electionArb.chain((spec) => {
  const ctx = ctxOf(spec);
  return fc.record({
    ctx: fc.constant(ctx),
    pile: fc.array(ballotArb(ctx), { minLength: 1, maxLength: 60 }),
    batchSize: fc.integer({ min: 1, max: 25 }),
    entriesRequired: fc.constantFrom<2 | 3>(2, 3),
    injections: fc.array(fc.record({ pos: fc.nat(), clean: fc.nat(), mask: fc.integer({ min: 1, max: 7 }), pick: fc.nat() }), { maxLength: 20 }),
  });
});

/** Through the keyboard: what an operator types for a ballot, read back. */
const typed = (ctx: CountingContext, b: Ballot): Ballot => value(parseEntry(ctx, formatEntry(ctx, b)));

interface Built {
  /** Per batch, per entry, the ballots entered. */
  readonly entries: readonly (readonly (readonly Ballot[])[])[];
  /** Global pile positions where some entry was wrong. */
  readonly injected: ReadonlySet<number>;
  readonly specs: readonly BatchSpec[];
}

const build = (s: Scenario): Built => {
  const n = s.pile.length;
  const wrong = new Map<number, Map<number, Ballot>>();
  for (const inj of s.injections) {
    const pos = inj.pos % n;
    if (wrong.has(pos)) continue;
    const clean = inj.clean % s.entriesRequired;
    const errors = new Map<number, Ballot>();
    for (let j = 0; j < s.entriesRequired; j++) {
      if (j !== clean && (inj.mask & (1 << j)) !== 0) errors.set(j, mutate(s.ctx, s.pile[pos]!, inj.pick + j));
    }
    if (errors.size > 0) wrong.set(pos, errors);
  }
  const specs: BatchSpec[] = [];
  const entries: Ballot[][][] = [];
  for (let start = 0, k = 0; start < n; start += s.batchSize, k++) {
    const end = Math.min(n, start + s.batchSize);
    specs.push({ id: `b${k}`, label: `Tập ${k + 1}`, physicalCount: end - start, entriesRequired: s.entriesRequired });
    entries.push(Array.from({ length: s.entriesRequired }, (_, j) =>
      s.pile.slice(start, end).map((b, i) => typed(s.ctx, wrong.get(start + i)?.get(j) ?? b))));
  }
  return { entries, injected: new Set(wrong.keys()), specs };
};

const enterDirectly = (ctx: CountingContext, spec: BatchSpec, entries: readonly (readonly Ballot[])[]): BatchState => {
  let st = value(openBatch(spec));
  entries.forEach((_, j) => { st = value(openEntry(st, { operator: `op${j}`, terminal: `t${j}` })); });
  // Interleave the operators ballot by ballot, as at the hall.
  for (let i = 0; i < spec.physicalCount; i++) entries.forEach((e, j) => { st = value(addBallot(ctx, st, `op${j}`, e[i]!)); });
  entries.forEach((_, j) => { st = value(closeEntry(st, `op${j}`)); });
  return st;
};

const eventsOf = (ctx: CountingContext, spec: BatchSpec, entries: readonly (readonly Ballot[])[]): CountingEvent[] => {
  const meta = (j: number) => ({ batchId: spec.id, operator: `op${j}`, terminal: `t${j}`, at: '2020-07-15T02:00:00.000Z' });
  const out: CountingEvent[] = [{ type: 'batch-opened', batch: spec, ...meta(0), operator: 'board', terminal: 'board' }];
  entries.forEach((_, j) => out.push({ type: 'entry-opened', ...meta(j) }));
  for (let i = 0; i < spec.physicalCount; i++) {
    entries.forEach((e, j) => out.push({ type: 'ballot-entered', position: i + 1, ballot: e[i]!, text: formatEntry(ctx, e[i]!), ...meta(j) }));
  }
  entries.forEach((e, j) => out.push({ type: 'entry-closed', ballots: e.length, ...meta(j) }));
  return out;
};

describe('independent entry, reconciliation and rulings', () => {
  it('puts 100% of injected errors in the queue, invents none, and after ruling with the paper ballot counts exactly the true pile', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const { entries, injected, specs } = build(s);
      const ctx = s.ctx;
      const events: CountingEvent[] = [];
      const finals: BatchState[] = [];
      let offset = 0;
      specs.forEach((spec, k) => {
        let st = enterDirectly(ctx, spec, entries[k]!);
        events.push(...eventsOf(ctx, spec, entries[k]!));
        const rec = value(reconcileBatch(ctx, st));
        const expected = [...injected].filter((p) => p >= offset && p < offset + spec.physicalCount).map((p) => p - offset + 1).sort((a, b) => a - b);
        expect(rec.disagreements.map((d) => d.position)).toEqual(expected);
        for (const d of rec.disagreements) {
          // What each entry says is what was entered: nothing invented.
          d.entries.forEach((v, j) => expect(ballotKey(ctx, v.ballot)).toBe(ballotKey(ctx, entries[k]![j]![d.position - 1]!)));
          expect(d.difference.rows.length + d.difference.flags.length + (d.difference.writeIn ? 1 : 0)).toBeGreaterThan(0);
        }
        expect(batchStatus(ctx, st)).toBe(expected.length === 0 ? 'final' : 'reconciling');
        rec.disagreements.forEach((d, i) => {
          const ruling = { position: d.position, ballot: s.pile[offset + d.position - 1]!, reason: RULING_REASONS[i % RULING_REASONS.length]!, note: 'ghi chú', by: 'head', terminal: 'board' };
          st = value(recordRuling(ctx, st, ruling));
          events.push({ type: 'ruling', position: ruling.position, ballot: ruling.ballot, reason: ruling.reason, note: ruling.note, batchId: spec.id, operator: 'head', terminal: 'board', at: '2020-07-15T03:00:00.000Z' });
        });
        expect(batchStatus(ctx, st)).toBe('final');
        finals.push(st);
        offset += spec.physicalCount;
      });
      const result = value(roundResult(ctx, { issued: s.pile.length, collected: s.pile.length, batches: finals }));
      expect(result.complete).toBe(true);
      expect(result.count).toEqual(value(countBallots(ctx.spec, s.pile)));
      // Replaying the input log gives the same state as the transitions applied directly.
      const replayed = replayLog(ctx, events);
      expect(replayed.ok).toBe(true);
      if (replayed.ok) expect([...replayed.value.batches.values()]).toEqual(finals);
    }), { numRuns: 300 });
  });

  it('reports totals that agree exactly when no vote or validity changed', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const { entries, specs } = build(s);
      specs.forEach((spec, k) => {
        const rec = value(reconcileBatch(s.ctx, enterDirectly(s.ctx, spec, entries[k]!)));
        const counts = entries[k]!.map((e) => value(countBallots(s.ctx.spec, e)).count);
        const same = counts.every((c) => JSON.stringify([c.ballots, c.results]) === JSON.stringify([counts[0]!.ballots, counts[0]!.results]));
        expect(rec.totalsAgree).toBe(same);
        if (rec.disagreements.length === 0) expect(rec.totalsAgree).toBe(true);
      });
    }), { numRuns: 150 });
  });
});
