import { describe, expect, it } from 'vitest';
import { deriveAttendance } from '../rules/attendance.ts';
import { checkSurplus } from '../rules/surplus.ts';
import { inBallotOrder } from '../rules/name-order.ts';
import { ageAtCongress } from './people.ts';
import { demoCongress } from './seed-data.ts';
import { allocateSeats } from './seed-delegates.ts';
import { demoOrganisations } from './organisations.ts';

const demo = demoCongress();
const officials = demo.delegates.filter((d) => d.standing === 'official');

describe('the seed congress (pure data)', () => {
  it('is the XIV congress of the Provincial Agencies Bloc of Lạng Sơn, 15–16/7/2020', () => {
    expect(demo.congress).toMatchObject({ higherOrganisationName: 'ĐẢNG BỘ TỈNH LẠNG SƠN', ordinal: 'XIV',
      organisationName: 'Đảng bộ Khối các cơ quan tỉnh Lạng Sơn', termStartYear: 2020, termEndYear: 2025,
      startDate: '2020-07-15', endDate: '2020-07-16', kind: 'delegates' });
  });

  it('has 69 distinct grassroots organisations with 4,294 Party members', () => {
    const members = demo.organisations.filter((o) => o.role === 'member');
    expect(members).toHaveLength(69);
    expect(new Set(members.map((o) => o.name)).size).toBe(69);
    expect(members.reduce((s, o) => s + o.partyMembers, 0)).toBe(4294);
    expect(members.map((o) => o.name)).toContain('Đảng bộ Sở Tài chính');
    expect(members.map((o) => o.name)).toContain('Chi bộ Ban Tổ chức Tỉnh ủy');
  });

  it('summons 256 official delegates: 31 ex officio, 222 elected, 3 appointed; and 4 alternates', () => {
    expect(officials).toHaveLength(256);
    expect(demo.delegates).toHaveLength(260);
    const count = (c: string): number => officials.filter((d) => d.category === c).length;
    expect([count('ex-officio'), count('elected'), count('appointed')]).toEqual([31, 222, 3]);
    expect(officials.filter((d) => d.isConveningMember)).toHaveLength(31);
    expect(new Set(demo.delegates.map((d) => d.code)).size).toBe(260);
    expect(new Set(demo.delegates.map((d) => d.fullName)).size).toBe(260);
  });

  it('has a realistic composition: 35–40% women, ~60% ethnic minorities, ages 28–60, members for over a year', () => {
    const women = officials.filter((d) => d.gender === 'female').length / officials.length;
    expect(women).toBeGreaterThanOrEqual(0.35);
    expect(women).toBeLessThanOrEqual(0.40);
    const minorities = officials.filter((d) => d.ethnicity !== 'Kinh').length / officials.length;
    expect(minorities).toBeGreaterThan(0.58);
    expect(minorities).toBeLessThan(0.62);
    for (const d of demo.delegates) {
      const age = ageAtCongress(d.birthDate);
      expect(age).toBeGreaterThanOrEqual(28);
      expect(age).toBeLessThanOrEqual(60);
      expect(d.partyJoinDate < '2019-07-15').toBe(true);
      expect(ageAtCongress(d.birthDate) - ageAtCongress(d.partyJoinDate)).toBeGreaterThanOrEqual(18);
    }
    const families = new Map<string, number>();
    for (const d of officials) families.set(d.fullName.split(' ')[0]!, (families.get(d.fullName.split(' ')[0]!) ?? 0) + 1);
    const top = [...families].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([f]) => f);
    expect(top).toContain('Nguyễn');
    expect(top).toContain('Hoàng');
  });

  it('derives N_base 250: two convening members and four officials absent, one replaced by an alternate', () => {
    const ids = new Map(demo.delegates.map((d, i) => [d.code, i + 1]));
    const r = deriveAttendance({
      kind: 'delegates', checkins: [], currentSessionId: null,
      delegates: demo.delegates.map((d) => ({ id: ids.get(d.code)!, standing: d.standing, status: d.status,
        replacedById: d.replacedByCode === null ? null : ids.get(d.replacedByCode)!, isConveningMember: d.isConveningMember })),
    });
    expect(r.ok && r.value.counts).toEqual({ kind: 'delegates', officialSummoned: 256, conveningMembersAbsentWhole: 2,
      officialsAbsentWholeNotReplaced: 4 });
    expect(r.ok && r.value.base).toBe(250);
  });

  it('prepares a lawful 27-name list for 24 seats in ballot order, the secretary poll and a 20 + 2 delegation', () => {
    const committee = demo.elections.find((e) => e.key === 'committee')!;
    expect([committee.seats, committee.candidates.length]).toEqual([24, 27]);
    const check = checkSurplus({ kind: 'committee', seats: 24, listLength: 27, congressMaxSurplus: committee.maxSurplus,
      conveningListLength: 27, delegationMaxSurplus: null });
    expect(check.errors).toEqual([]);
    const byCode = new Map(demo.delegates.map((d) => [d.code, d]));
    const names = committee.candidates.map((c) => ({ name: byCode.get(c.delegateCode)!.fullName, birthDate: byCode.get(c.delegateCode)!.birthDate }));
    expect(inBallotOrder(names)).toEqual(names);
    expect(demo.elections.map((e) => [e.kind, e.seats, e.alternateSeats])).toEqual([
      ['committee', 24, 0], ['secretary-poll', 1, 0], ['delegates', 20, 2]]);
    for (const e of demo.elections) {
      for (const c of e.candidates) expect(byCode.get(c.delegateCode)?.status).toBe('summoned');
    }
  });

  it('has the bodies of the congress; the counting board holds no candidate of any election', () => {
    expect(demo.bodies.map((b) => [b.kind, b.members.length])).toEqual([
      ['presidium', 7], ['secretariat', 3], ['credentials', 5], ['counting-board', 7]]);
    const board = demo.bodies.find((b) => b.kind === 'counting-board')!;
    expect(board.members.filter((m) => m.role === 'head')).toHaveLength(1);
    const candidates = new Set(demo.elections.flatMap((e) => e.candidates.map((c) => c.delegateCode)));
    for (const m of board.members) expect(candidates.has(m.delegateCode)).toBe(false);
  });

  it('reports 8 resolution targets, all met, 5 exceeded; sessions per docs/rules.md §9; users for every role', () => {
    expect(demo.targets).toHaveLength(8);
    expect(demo.targets.filter((t) => t.assessment === 'exceeded')).toHaveLength(5);
    expect(demo.targets.filter((t) => t.assessment === 'not-met')).toHaveLength(0);
    expect(demo.sessions.map((s) => s.kind)).toEqual(['preparatory', 'official', 'official']);
    expect(demo.sessions.flatMap((s) => s.items.map((i) => i.kind))).toContain('election');
    expect(new Set(demo.users.map((u) => u.role))).toEqual(new Set(['admin', 'secretariat', 'presidium', 'counting-board', 'technician', 'screen']));
  });

  it('is deterministic: the same seed gives the same congress, another seed another one', () => {
    expect(demoCongress()).toEqual(demo);
    expect(demoCongress(1).delegates[40]?.fullName).not.toBe(demo.delegates[40]?.fullName);
  });

  it('allocates elected seats in proportion to members, at least one each', () => {
    const seats = allocateSeats(demoOrganisations(), 222);
    expect(seats.reduce((s, n) => s + n, 0)).toBe(222);
    expect(Math.min(...seats)).toBe(1);
  });
});
