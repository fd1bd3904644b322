import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBallots, type CountOutcome } from './count.ts';
import { countFromTotals, type CountTotals } from './hand-count.ts';
import { candidates, election } from './test-helpers.ts';

const totals = (total: number, votes: Record<string, number>, extra: Partial<CountTotals> = {}): CountTotals =>
  ({ total, invalidByReason: {}, votes: new Map(Object.entries(votes)), ...extra });
const outcome = (r: ReturnType<typeof countFromTotals>): CountOutcome => {
  if (!r.ok) throw new Error(r.error.message_en);
  return r.value;
};

describe('a count from the totals of the paper minutes', () => {
  it('elects as the count of the ballots would: 2 × votes > N_base, the highest votes first', () => {
    // N_base 10 (6 passes), 2 seats, 9 ballots: c1 8, c2 6, c3 4.
    const r = outcome(countFromTotals(election({ seats: 2, base: 10 }), totals(9, { c1: 8, c2: 6, c3: 4 })));
    if (r.type !== 'election') throw new Error(r.type);
    expect(r.count.elected).toEqual(['c1', 'c2']);
    expect(r.count.ballots).toEqual({ total: 9, valid: 9, invalid: 0, invalidByReason: { 'not-issued': 0, 'write-in': 0, 'identifying-mark': 0, 'over-seats': 0, 'all-struck': 0, 'no-choice': 0 } });
    expect(r.count.threshold).toBe(6);
  });

  it('reports the invalid ballots per reason and counts the valid ones only', () => {
    const r = outcome(countFromTotals(election({ seats: 2, base: 10 }), totals(9, { c1: 7, c2: 6, c3: 1 }, { invalidByReason: { 'not-issued': 1, 'over-seats': 1 } })));
    expect(r.count.ballots).toMatchObject({ total: 9, valid: 7, invalid: 2 });
  });

  it('refuses totals that do not add up, naming the field', () => {
    const spec = election({ seats: 2, base: 10 });
    const refusal = (t: CountTotals) => { const r = countFromTotals(spec, t); if (r.ok) throw new Error('accepted'); return [r.error.code, r.error.field]; };
    expect(refusal(totals(3, { c1: 1, c2: 1, c3: 1 }, { invalidByReason: { 'not-issued': 4 } }))).toEqual(['totals.invalid-over-total', 'body.invalidByReason']);
    expect(refusal(totals(9, { c1: 10, c2: 1, c3: 1 }))).toEqual(['totals.over-valid', 'body.votes']);
    expect(refusal(totals(9, { c1: 1, c2: 1 }))).toEqual(['totals.missing-candidate', 'body.votes']);
    expect(refusal(totals(9, { c1: 1, c2: 1, c3: 1, c9: 1 }))).toEqual(['totals.unknown-candidate', 'body.votes']);
    // 9 valid ballots keeping at most 2 names each: 18 votes at most.
    expect(refusal(totals(9, { c1: 9, c2: 9, c3: 1 }))).toEqual(['totals.over-limit', 'body.votes']);
  });

  it('a secretary poll: names written, blank and unrecognised add up to the valid ballots', () => {
    const spec = election({ kind: 'secretary-poll', seats: 0, candidates: candidates(3) });
    const ok = outcome(countFromTotals(spec, totals(10, { c1: 6, c2: 2, c3: 0 }, { blank: 1, unrecognized: 1 })));
    expect(ok).toMatchObject({ type: 'secretary-poll', count: { blank: 1, unrecognized: 1 } });
    expect(countFromTotals(spec, totals(10, { c1: 6, c2: 2, c3: 0 })).ok).toBe(false);
  });

  it('gives what counting the ballots gives, whenever the ballots exist (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.subarray(['c1', 'c2', 'c3', 'c4']), { minLength: 1, maxLength: 40 }),
      fc.integer({ min: 1, max: 3 }), fc.integer({ min: 3, max: 60 }),
      (struckLists, seats, base) => {
        const spec = election({ seats, base, candidates: candidates(4) });
        const ballots = struckLists.map((struck) => ({ struck }));
        const counted = countBallots(spec, ballots);
        if (!counted.ok || counted.value.type !== 'election') return;
        const c = counted.value.count;
        const fromTotals = countFromTotals(spec, {
          total: c.ballots.total, invalidByReason: c.ballots.invalidByReason, votes: new Map(c.results.map((r) => [r.id, r.votes])),
        });
        expect(fromTotals.ok && fromTotals.value).toEqual(counted.value);
      },
    ), { numRuns: 300 });
  });

});
