import { describe, expect, it } from 'vitest';
import { admitNominees, checkSurplus, lawfulMaxSurplus, type SurplusInput } from './surplus.ts';

const committee = (o: Partial<SurplusInput> = {}): SurplusInput => ({
  kind: 'committee', seats: 24, listLength: 27, congressMaxSurplus: null, conveningListLength: null, ...o,
});
const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

describe('lawful maximum surplus (docs/rules.md §4)', () => {
  it('is ⌊30% of the seats⌋: 24 → 7, 10 → 3, 9 → 2 (2.7 rounds down), 6 → 1', () => {
    expect([24, 10, 9, 6].map(lawfulMaxSurplus)).toEqual([7, 3, 2, 1]);
  });
  it('a body of 3–5 seats has a surplus of at most 1 (even 3 seats, where 30% is 0.9)', () => {
    expect([3, 4, 5].map(lawfulMaxSurplus)).toEqual([1, 1, 1]);
  });
});

describe('surplus check of a committee list', () => {
  it('the seed congress: 27 names for 24 seats is lawful (surplus 3 ≤ 7)', () => {
    expect(checkSurplus(committee())).toEqual({ seats: 24, listLength: 27, surplus: 3, maxSurplus: 7, errors: [], warnings: [] });
  });
  it('refuses a list that is not longer than the seats', () => {
    expect(codes(checkSurplus(committee({ listLength: 24 })).errors)).toEqual(['no-surplus']);
    expect(codes(checkSurplus(committee({ listLength: 20 })).errors)).toEqual(['no-surplus']);
  });
  it('refuses a surplus above 30%: 24 seats → 31 names lawful, 32 not', () => {
    expect(checkSurplus(committee({ listLength: 31 })).errors).toEqual([]);
    expect(checkSurplus(committee({ listLength: 32 })).errors).toEqual([{ code: 'over-lawful-max', surplus: 8, max: 7 }]);
  });
  it('3–5 seats: a surplus of 1 is lawful, 2 is not', () => {
    for (const seats of [3, 4, 5]) {
      expect(checkSurplus(committee({ seats, listLength: seats + 1 })).errors).toEqual([]);
      expect(codes(checkSurplus(committee({ seats, listLength: seats + 2 })).errors)).toEqual(['over-lawful-max']);
    }
  });
  it("applies the congress's own maximum when it is lower: max 4 → 28 names lawful, 29 not", () => {
    expect(checkSurplus(committee({ listLength: 28, congressMaxSurplus: 4 }))).toMatchObject({ maxSurplus: 4, errors: [] });
    expect(checkSurplus(committee({ listLength: 29, congressMaxSurplus: 4 })).errors)
      .toEqual([{ code: 'over-congress-max', surplus: 5, max: 4 }]);
  });
  it('refuses a congress maximum above 30% of the seats, and keeps the lawful one in force', () => {
    const r = checkSurplus(committee({ listLength: 27, congressMaxSurplus: 8 }));
    expect(r.errors).toEqual([{ code: 'congress-max-unlawful', congressMax: 8, lawfulMax: 7 }]);
    expect(r.maxSurplus).toBe(7);
  });
  it("warns (does not refuse) when the convening committee's own list is outside 10–15%", () => {
    // 24 seats: 10% = 2.4, 15% = 3.6 → only a surplus of 3 is inside.
    expect(checkSurplus(committee({ conveningListLength: 27 })).warnings).toEqual([]);
    expect(checkSurplus(committee({ conveningListLength: 26 })))
      .toMatchObject({ errors: [], warnings: [{ code: 'committee-list-outside-10-15', surplus: 2, min: 3, max: 3 }] });
    expect(codes(checkSurplus(committee({ conveningListLength: 28 })).warnings)).toEqual(['committee-list-outside-10-15']);
    // 40 seats: 4 to 6 inside.
    expect(checkSurplus(committee({ seats: 40, listLength: 45, conveningListLength: 44 })).warnings).toEqual([]);
    expect(checkSurplus(committee({ seats: 40, listLength: 47, conveningListLength: 47 })).warnings)
      .toEqual([{ code: 'committee-list-outside-10-15', surplus: 7, min: 4, max: 6 }]);
  });
  it('applies to standing committees too', () => {
    expect(codes(checkSurplus(committee({ kind: 'standing-committee', seats: 5, listLength: 5 })).errors)).toEqual(['no-surplus']);
  });
});

describe('surplus check of other elections', () => {
  it('no surplus rule for a secretary or an inspection committee', () => {
    expect(checkSurplus(committee({ kind: 'secretary', seats: 1, listLength: 1 }))).toMatchObject({ errors: [], maxSurplus: null });
    expect(checkSurplus(committee({ kind: 'inspection-committee', seats: 5, listLength: 9 })).errors).toEqual([]);
  });
  it('delegations: no maximum by default [open]; a delegation maximum is a setting', () => {
    expect(checkSurplus(committee({ kind: 'delegates', seats: 10, listLength: 20 })).errors).toEqual([]);
    expect(checkSurplus(committee({ kind: 'delegates', seats: 10, listLength: 13, delegationMaxSurplus: 2 })).errors)
      .toEqual([{ code: 'over-congress-max', surplus: 3, max: 2 }]);
  });
});

describe('nominees admitted from the highest poll result down (docs/rules.md §4)', () => {
  const polled = [
    { id: 'n1', agree: 90 }, { id: 'n2', agree: 140 }, { id: 'n3', agree: 110 }, { id: 'n4', agree: 80 },
  ];
  it('all nominees fit: admitted highest first', () => {
    expect(admitNominees(polled, 4)).toEqual({ admitted: ['n2', 'n3', 'n1', 'n4'], leftOut: [], tied: [] });
  });
  it('room for 2: the two highest enter, the rest are left out', () => {
    expect(admitNominees(polled, 2)).toEqual({ admitted: ['n2', 'n3'], leftOut: ['n1', 'n4'], tied: [] });
  });
  it('no room: nobody enters', () => {
    expect(admitNominees(polled, 0)).toEqual({ admitted: [], leftOut: ['n2', 'n3', 'n1', 'n4'], tied: [] });
  });
  it('a tie at the last place is not decided: room 2 with 140, 110, 110 → n2 admitted, n3 and n5 tied', () => {
    const withTie = [...polled, { id: 'n5', agree: 110 }];
    expect(admitNominees(withTie, 2)).toEqual({ admitted: ['n2'], leftOut: ['n1', 'n4'], tied: ['n3', 'n5'] });
  });
  it('a tie that does not straddle the last place is harmless: room 3 with 110, 110 in places 2–3', () => {
    const withTie = [...polled, { id: 'n5', agree: 110 }];
    expect(admitNominees(withTie, 3)).toEqual({ admitted: ['n2', 'n3', 'n5'], leftOut: ['n1', 'n4'], tied: [] });
  });
  it('a tie at the only place, room 1: nobody admitted automatically', () => {
    expect(admitNominees([{ id: 'a', agree: 80 }, { id: 'b', agree: 80 }], 1)).toEqual({ admitted: [], leftOut: [], tied: ['a', 'b'] });
  });
});
