import { describe, expect, it } from 'vitest';
import { isMoreThanHalf, majorityThreshold, percentOf } from './majority.ts';

describe('more than half of N_base (docs/rules.md §1)', () => {
  it('N_base 20 needs 11 votes; 10 (exactly half) is not enough', () => {
    expect(majorityThreshold(20)).toBe(11);
    expect(isMoreThanHalf(11, 20)).toBe(true);
    expect(isMoreThanHalf(10, 20)).toBe(false);
  });

  it('N_base 19 needs 10 votes; 9 is not enough', () => {
    expect(majorityThreshold(19)).toBe(10);
    expect(isMoreThanHalf(10, 19)).toBe(true);
    expect(isMoreThanHalf(9, 19)).toBe(false);
  });

  it('the seed congress (256 summoned, 6 excluded → N_base 250) needs 126; 125 is exactly half', () => {
    expect(majorityThreshold(250)).toBe(126);
    expect(isMoreThanHalf(126, 250)).toBe(true);
    expect(isMoreThanHalf(125, 250)).toBe(false);
  });

  it('N_base 1 to 10, by hand: 1, 2, 2, 3, 3, 4, 4, 5, 5, 6', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(majorityThreshold)).toEqual([1, 2, 2, 3, 3, 4, 4, 5, 5, 6]);
  });

  // Below, "more than half" is read as the words say, in exact arithmetic: votes > N_base / 2 (halves of integers
  // are exact in floating point), not through the code's `2 × votes > N_base` or `⌊N_base / 2⌋ + 1`.
  it('for every N_base up to 1000 the threshold is more than half of it, and one vote fewer is not', () => {
    const wrong: number[] = [];
    for (let base = 1; base <= 1000; base++) {
      const t = majorityThreshold(base);
      if (!(t > base / 2 && t - 1 <= base / 2)) wrong.push(base);
    }
    expect(wrong).toEqual([]);
  });

  it('isMoreThanHalf(votes, N_base) is votes > N_base / 2, for every votes ≤ N_base ≤ 300', () => {
    const wrong: string[] = [];
    for (let base = 1; base <= 300; base++) {
      for (let votes = 0; votes <= base; votes++) if (isMoreThanHalf(votes, base) !== votes > base / 2) wrong.push(`${votes}/${base}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('percent of N_base, two decimals, rounded half up', () => {
  it('230 of 256 → 89.84 (89.84375)', () => expect(percentOf(230, 256)).toBe(89.84));
  it('rounds half up: 1 of 8 = 12.5 → 12.50, 1 of 16 = 6.25, 1 of 32 = 3.125 → 3.13', () => {
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(1, 16)).toBe(6.25);
    expect(percentOf(1, 32)).toBe(3.13);
  });
  it('rounds below half down: 1 of 3 → 33.33, 2 of 3 → 66.67', () => {
    expect(percentOf(1, 3)).toBe(33.33);
    expect(percentOf(2, 3)).toBe(66.67);
  });
  it('is the nearest hundredth, halves up, for every votes ≤ N_base ≤ 400', () => {
    // p (in hundredths of a percent, P = 100 p) is right when votes / N_base × 10,000 lies in [P − ½, P + ½):
    // in integers, (2P − 1) × N_base ≤ 20,000 × votes < (2P + 1) × N_base.
    const wrong: string[] = [];
    for (let base = 1; base <= 400; base++) {
      for (let votes = 0; votes <= base; votes++) {
        const hundredths = percentOf(votes, base) * 100;
        const P = Math.round(hundredths);
        if (Math.abs(hundredths - P) > 1e-9 || !((2 * P - 1) * base <= 20_000 * votes && 20_000 * votes < (2 * P + 1) * base)) wrong.push(`${votes}/${base}`);
      }
    }
    expect(wrong).toEqual([]);
  });
  it('0 votes → 0, all votes → 100, an empty base → 0', () => {
    expect(percentOf(0, 250)).toBe(0);
    expect(percentOf(250, 250)).toBe(100);
    expect(percentOf(5, 0)).toBe(0);
  });
});
