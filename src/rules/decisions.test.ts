import { describe, expect, it } from 'vitest';
import { decideShowOfHands, isAdmittedByPoll, pollThreshold } from './decisions.ts';

describe('show-of-hands vote (docs/rules.md §2): passes when 2 × agree > N_base', () => {
  it('N_base 20: 11 agree passes, 10 agree does not, whatever the others', () => {
    expect(decideShowOfHands({ agree: 11, disagree: 0, other: 0 }, 20)).toMatchObject({ ok: true, value: { passed: true, threshold: 11 } });
    expect(decideShowOfHands({ agree: 10, disagree: 0, other: 0 }, 20)).toMatchObject({ ok: true, value: { passed: false } });
  });
  it('counts against N_base, not the people voting: 10 of 12 present agree, N_base 25 → fails', () => {
    expect(decideShowOfHands({ agree: 10, disagree: 1, other: 1 }, 25, 12)).toMatchObject({ ok: true, value: { passed: false } });
  });
  it('keeps the agree, disagree and other-opinion counts', () => {
    const r = decideShowOfHands({ agree: 140, disagree: 60, other: 10 }, 250);
    expect(r).toEqual({ ok: true, value: { agree: 140, disagree: 60, other: 10, base: 250, threshold: 126, passed: true } });
  });
  it('refuses more hands than people present, or than the base', () => {
    expect(decideShowOfHands({ agree: 8, disagree: 3, other: 0 }, 20, 10)).toMatchObject({ ok: false, error: { code: 'vote.over-present' } });
    expect(decideShowOfHands({ agree: 15, disagree: 6, other: 0 }, 20)).toMatchObject({ ok: false, error: { code: 'vote.over-base' } });
  });
  it('refuses a negative or fractional count, naming it', () => {
    expect(decideShowOfHands({ agree: 1, disagree: -1, other: 0 }, 20)).toMatchObject({ ok: false, error: { field: 'disagree' } });
    expect(decideShowOfHands({ agree: 1, disagree: 0, other: 0.5 }, 20)).toMatchObject({ ok: false, error: { field: 'other' } });
  });
});

describe('opinion-poll admission (docs/rules.md §4): 10 × agree > 3 × present', () => {
  it('present 250: 75 agree (exactly 30%) is not admitted, 76 is', () => {
    expect(isAdmittedByPoll(75, 250)).toBe(false);
    expect(isAdmittedByPoll(76, 250)).toBe(true);
    expect(pollThreshold(250)).toBe(76);
  });
  it('present 10: 3 (exactly 30%) is not admitted, 4 is', () => {
    expect(isAdmittedByPoll(3, 10)).toBe(false);
    expect(isAdmittedByPoll(4, 10)).toBe(true);
  });
  it('present 7: 30% is 2.1, so 2 fails and 3 passes (no floating point)', () => {
    expect(isAdmittedByPoll(2, 7)).toBe(false);
    expect(isAdmittedByPoll(3, 7)).toBe(true);
    expect(pollThreshold(7)).toBe(3);
  });
  it('the threshold is the fewest agree votes that admit, for every present count up to 1000', () => {
    for (let present = 1; present <= 1000; present++) {
      const t = pollThreshold(present);
      expect([isAdmittedByPoll(t, present), isAdmittedByPoll(t - 1, present)]).toEqual([true, false]);
    }
  });
});
