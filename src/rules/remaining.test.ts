/** What a round leaves to fill, cut by cut (official / alternate), and what a further round starts from (docs/rules.md §6). */
import { describe, expect, it } from 'vitest';
import type { Ballot } from './ballot.ts';
import { countBallots, nextRoundSeats, remainingOf, seatsToFill, type ElectionCount } from './count.ts';
import type { ElectionSpec } from './election.ts';
import { candidates, copies, election } from './test-helpers.ts';

const electionCount = (spec: ElectionSpec, ballots: readonly Ballot[]): ElectionCount => {
  const r = countBallots(spec, ballots);
  if (!r.ok || r.value.type !== 'election') throw new Error(r.ok ? r.value.type : r.error.message_en);
  return r.value.count;
};
/** A strike-out ballot keeping exactly the given names. */
const keeping = (spec: ElectionSpec, ...kept: string[]): Ballot => ({ struck: spec.candidates.map((c) => c.id).filter((id) => !kept.includes(id)) });
const votesOf = (c: ElectionCount): number[] => c.results.map((r) => r.votes);
/** The same count as it was stored before `remaining` existed. */
const legacy = (c: ElectionCount): ElectionCount => {
  const { remaining: _, ...rest } = c;
  return rest;
};

describe('a delegation that ties at the official cut and at the alternate cut at once', () => {
  // 2 officials + 2 alternates, N_base 10 (6 votes pass): c1 10 elected; c2 and c3 tie at 8 for the last official seat
  // (the loser keeps one alternate place); c4 and c5 tie at 7 for the one alternate place left.
  const spec = election({ kind: 'delegates', seats: 2, alternateSeats: 2, base: 10, candidates: candidates(6) });
  const count = electionCount(spec, [
    ...copies(2, keeping(spec, 'c1', 'c3', 'c4', 'c5')), ...copies(2, keeping(spec, 'c1', 'c2', 'c4', 'c5')),
    ...copies(3, keeping(spec, 'c1', 'c2', 'c3', 'c5')), ...copies(3, keeping(spec, 'c1', 'c2', 'c3', 'c4')),
  ]);

  it('reports both ties, each with its seats; `tie` stays the official one (the CLI contract)', () => {
    expect(votesOf(count)).toEqual([10, 8, 8, 7, 7, 0]);
    expect([count.elected, count.alternates, count.outcome, count.unfilledSeats]).toEqual([['c1'], [], 'tie', 3]);
    expect(count.tie).toEqual({ seats: 1, candidates: ['c2', 'c3'] });
    expect(count.remaining).toEqual({
      official: { seats: 1, tie: { seats: 1, candidates: ['c2', 'c3'] } },
      alternate: { seats: 2, tie: { seats: 1, candidates: ['c4', 'c5'] } },
    });
  });

  it('the next round: the officially tied, for the official seat and the alternate place the loser keeps', () => {
    expect(nextRoundSeats(remainingOf(count, spec), seatsToFill(spec, [count]))).toEqual({ start: 'tied', seats: { official: 1, alternate: 1 } });
  });

  it('a result stored before both ties were kept still reads its official tie (the alternate one was not recorded)', () => {
    expect(remainingOf(legacy(count), spec)).toEqual({
      official: { seats: 1, tie: { seats: 1, candidates: ['c2', 'c3'] } },
      alternate: { seats: 2, tie: null },
    });
  });
});

describe('what remains, cut by cut', () => {
  it('a tie at the alternate cut only: the officials are filled; the next round elects alternates only', () => {
    // 1 official + 1 alternate, N_base 10: c1 8 elected; c2 and c3 tie at 6 for the alternate place.
    const spec = election({ kind: 'delegates', seats: 1, alternateSeats: 1, base: 10, candidates: candidates(4) });
    const count = electionCount(spec, [...copies(4, keeping(spec, 'c1', 'c2')), ...copies(4, keeping(spec, 'c1', 'c3')), ...copies(2, keeping(spec, 'c2', 'c3'))]);
    expect(votesOf(count)).toEqual([8, 6, 6, 0]);
    expect([count.elected, count.alternates, count.tie]).toEqual([['c1'], [], { seats: 1, candidates: ['c2', 'c3'] }]);
    expect(count.remaining).toEqual({ official: { seats: 0, tie: null }, alternate: { seats: 1, tie: { seats: 1, candidates: ['c2', 'c3'] } } });
    expect(remainingOf(legacy(count), spec)).toEqual(count.remaining);
    expect(nextRoundSeats(remainingOf(count, spec), seatsToFill(spec, [count]))).toEqual({ start: 'tied', seats: { official: 0, alternate: 1 } });
  });

  it('a delegation shortfall: the official and the alternate seats left, among those not elected', () => {
    const spec = election({ kind: 'delegates', seats: 2, alternateSeats: 2, base: 10, candidates: candidates(5) });
    const count = electionCount(spec, copies(10, keeping(spec, 'c1')));
    expect(count.remaining).toEqual({ official: { seats: 1, tie: null }, alternate: { seats: 2, tie: null } });
    expect(count.unfilledSeats).toBe(3);
    expect(remainingOf(legacy(count), spec)).toEqual(count.remaining);
    expect(nextRoundSeats(count.remaining!, seatsToFill(spec, [count]))).toEqual({ start: 'not-elected', seats: { official: 1, alternate: 2 } });
  });

  it('a committee has no alternate cut', () => {
    const spec = election({ seats: 3, base: 10, candidates: candidates(4) });
    const count = electionCount(spec, copies(10, keeping(spec, 'c1', 'c2')));
    expect(count.remaining).toEqual({ official: { seats: 1, tie: null }, alternate: { seats: 0, tie: null } });
    expect(nextRoundSeats(count.remaining!, seatsToFill(spec, [count]))).toEqual({ start: 'not-elected', seats: { official: 1, alternate: 0 } });
  });

  it('a complete round leaves nothing, unless the election still has seats from an earlier round', () => {
    const spec = election({ kind: 'delegates', seats: 1, alternateSeats: 1, base: 10, candidates: candidates(3) });
    const count = electionCount(spec, [...copies(6, keeping(spec, 'c1', 'c2')), ...copies(4, keeping(spec, 'c1'))]);
    expect([count.outcome, count.remaining]).toEqual(['complete', { official: { seats: 0, tie: null }, alternate: { seats: 0, tie: null } }]);
    expect(nextRoundSeats(count.remaining!, { official: 0, alternate: 0 })).toBeNull();
    expect(nextRoundSeats(count.remaining!, { official: 0, alternate: 2 })).toEqual({ start: 'none', seats: { official: 0, alternate: 2 } });
  });

  it('the proposal never asks for more than the election has left', () => {
    const remaining = { official: { seats: 2, tie: null }, alternate: { seats: 2, tie: null } };
    expect(nextRoundSeats(remaining, { official: 1, alternate: 1 })).toEqual({ start: 'not-elected', seats: { official: 1, alternate: 1 } });
  });
});

describe('seatsToFill: the election less everyone elected in its rounds', () => {
  const delegation = election({ kind: 'delegates', seats: 3, alternateSeats: 2 });
  it('officials and alternates, round after round', () => {
    expect(seatsToFill(delegation, [])).toEqual({ official: 3, alternate: 2 });
    expect(seatsToFill(delegation, [{ elected: ['a', 'b'], alternates: [] }, { elected: ['c'], alternates: ['d'] }])).toEqual({ official: 0, alternate: 1 });
  });
  it('no alternate seats outside a delegation, nor when alternates do not come from the same ballot', () => {
    expect(seatsToFill(election({ seats: 3 }), [{ elected: ['a'] }])).toEqual({ official: 2, alternate: 0 });
    expect(seatsToFill({ ...delegation, settings: { ...delegation.settings, alternatesFromSameBallot: false } }, [])).toEqual({ official: 3, alternate: 0 });
  });
});

describe('a further round of a delegation may elect alternates only', () => {
  it('0 official seats with alternate seats: those who pass are alternates by votes', () => {
    const spec = election({ kind: 'delegates', seats: 0, alternateSeats: 2, base: 10, candidates: candidates(3) });
    const count = electionCount(spec, [...copies(7, keeping(spec, 'c2', 'c3')), ...copies(3, keeping(spec, 'c1', 'c3'))]);
    expect([count.elected, count.alternates, count.outcome]).toEqual([[], ['c3', 'c2'], 'complete']);
  });
  it('0 seats is still refused for a committee, and for a delegation without alternate seats', () => {
    for (const spec of [election({ seats: 0 }), election({ kind: 'delegates', seats: 0, alternateSeats: 0 })]) {
      const r = countBallots(spec, []);
      expect(r.ok ? null : r.error.code).toBe('election.seats');
    }
  });
});
