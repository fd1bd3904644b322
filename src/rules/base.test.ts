import { describe, expect, it } from 'vitest';
import { attendanceStatus, computeBase, type DelegatesCongressAttendance, type MembersCongressAttendance } from './base.ts';

const delegates = (o: Partial<DelegatesCongressAttendance> = {}): DelegatesCongressAttendance => ({
  kind: 'delegates', officialSummoned: 256, conveningMembersAbsentWhole: 0, officialsAbsentWholeNotReplaced: 0, ...o,
});
const members = (o: Partial<MembersCongressAttendance> = {}): MembersCongressAttendance => ({
  kind: 'members', officialSummoned: 40, temporarilyAttachedElsewhere: 0, exemptedNotAttending: 0,
  suspendedProsecutedOrDetained: 0, absentWholeExcused: 0, ...o,
});

describe('N_base of a congress of delegates (docs/rules.md §1)', () => {
  it('is the official delegates summoned when nobody is excluded', () => {
    expect(computeBase(delegates())).toEqual({ ok: true, value: 256 });
  });
  it('subtracts convening-committee members absent for the whole congress', () => {
    expect(computeBase(delegates({ conveningMembersAbsentWhole: 2 }))).toEqual({ ok: true, value: 254 });
  });
  it('subtracts official delegates absent for the whole congress and not replaced by an alternate', () => {
    expect(computeBase(delegates({ officialsAbsentWholeNotReplaced: 4 }))).toEqual({ ok: true, value: 252 });
  });
  it('the seed congress: 256 summoned, 6 excluded → 250', () => {
    expect(computeBase(delegates({ conveningMembersAbsentWhole: 2, officialsAbsentWholeNotReplaced: 4 })))
      .toEqual({ ok: true, value: 250 });
  });
});

describe('N_base of a congress of members (docs/rules.md §1)', () => {
  it.each([
    ['temporarilyAttachedElsewhere', 3, 37],
    ['exemptedNotAttending', 2, 38],
    ['suspendedProsecutedOrDetained', 1, 39],
    ['absentWholeExcused', 5, 35],
  ] as const)('subtracts %s', (field, n, expected) => {
    expect(computeBase(members({ [field]: n }))).toEqual({ ok: true, value: expected });
  });
  it('subtracts every exclusion together: 40 − 3 − 2 − 1 − 5 = 29', () => {
    const all = members({ temporarilyAttachedElsewhere: 3, exemptedNotAttending: 2, suspendedProsecutedOrDetained: 1, absentWholeExcused: 5 });
    expect(computeBase(all)).toEqual({ ok: true, value: 29 });
  });
});

describe('N_base input errors name the field', () => {
  it('refuses a summoned count that is not a positive integer', () => {
    for (const officialSummoned of [0, -1, 2.5]) {
      const r = computeBase(delegates({ officialSummoned }));
      expect(r.ok ? null : r.error.field).toBe('officialSummoned');
    }
  });
  it('refuses a negative or fractional exclusion, naming it', () => {
    const r = computeBase(members({ exemptedNotAttending: -1 }));
    expect(r.ok ? null : r.error.field).toBe('exemptedNotAttending');
    const s = computeBase(delegates({ conveningMembersAbsentWhole: 0.5 }));
    expect(s.ok ? null : s.error.field).toBe('conveningMembersAbsentWhole');
  });
  it('refuses exclusions that leave nobody in the base, in Vietnamese and English', () => {
    const r = computeBase(delegates({ officialSummoned: 5, officialsAbsentWholeNotReplaced: 5 }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('base.empty');
      expect(r.error.message_vi).toMatch(/triệu tập/);
      expect(r.error.message_en).toMatch(/summoned/);
    }
  });
});

describe('attendance against N_base', () => {
  it('warns that nothing can pass when present ≤ N_base / 2', () => {
    expect(attendanceStatus(20, 10).nothingCanPass).toBe(true);
    expect(attendanceStatus(20, 11).nothingCanPass).toBe(false);
    expect(attendanceStatus(19, 9).nothingCanPass).toBe(true);
    expect(attendanceStatus(19, 10).nothingCanPass).toBe(false);
  });
  it('reports the threshold of the base, not of the people present', () => {
    expect(attendanceStatus(250, 200).threshold).toBe(126);
  });
  it('has no quorum by default [open]; a quorum fraction is a setting', () => {
    expect(attendanceStatus(250, 100).quorumMet).toBeNull();
    const twoThirds = { numerator: 2, denominator: 3 };
    expect(attendanceStatus(30, 20, twoThirds).quorumMet).toBe(true);
    expect(attendanceStatus(30, 19, twoThirds).quorumMet).toBe(false);
  });
});
