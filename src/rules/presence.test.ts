import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveAttendance, type AttendanceDelegate } from './attendance.ts';
import { checkinDecision, deskAdmission, presentIds, presentInCongressIds, type DeskDelegate, type PresenceCheckin } from './presence.ts';

const official = (id: number): AttendanceDelegate => ({ id, standing: 'official', status: 'summoned', replacedById: null, isConveningMember: false });
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe('presence: attendance of the congress, not of a session (docs/rules.md §1)', () => {
  const day1 = { id: 1, freshCheckin: false };
  const day2 = { id: 2, freshCheckin: false };
  const day2Fresh = { id: 2, freshCheckin: true };

  it('a delegate checked in on day 1 is still present when the agenda moves to day 2', () => {
    const checkins: PresenceCheckin[] = [{ delegateId: 7, sessionId: 1 }, { delegateId: 8, sessionId: 1 }];
    expect([...presentIds(checkins, day1)].sort()).toEqual([7, 8]);
    expect([...presentIds(checkins, day2)].sort()).toEqual([7, 8]);
  });

  it('a session that requires a fresh check-in counts only its own check-ins; the congress still counts all', () => {
    const checkins: PresenceCheckin[] = [{ delegateId: 7, sessionId: 1 }, { delegateId: 8, sessionId: 1 }, { delegateId: 8, sessionId: 2 }];
    expect([...presentIds(checkins, day2Fresh)]).toEqual([8]);
    expect([...presentInCongressIds(checkins)].sort()).toEqual([7, 8]);
  });

  it('leaving or a voided check-in ends presence; checking in again after leaving restores it', () => {
    expect(presentIds([{ delegateId: 7, sessionId: 1, left: true }], day2).size).toBe(0);
    expect(presentIds([{ delegateId: 7, sessionId: 1, voided: true }], day1).size).toBe(0);
    expect([...presentIds([{ delegateId: 7, sessionId: 1, left: true }, { delegateId: 7, sessionId: 1 }], day1)]).toEqual([7]);
  });

  it('the desk records a new check-in only when the delegate is not present in the session already', () => {
    const first = { delegateId: 7, sessionId: 1, at: '08:00' };
    expect(checkinDecision(7, [first], day2)).toEqual({ kind: 'already', existing: first });
    expect(checkinDecision(7, [first], day2Fresh)).toEqual({ kind: 'new' });
    expect(checkinDecision(7, [{ ...first, voided: true }], day1)).toEqual({ kind: 'new' });
    expect(checkinDecision(9, [first], day1)).toEqual({ kind: 'new' });
  });

  it('N_base and present do not drop when the agenda moves to a session that does not require a fresh check-in', () => {
    const checkins = range(15).map((id) => ({ delegateId: id, sessionId: 1 }));
    const at = (currentSessionId: number, freshCheckin: boolean) =>
      deriveAttendance({ kind: 'delegates', delegates: range(20).map(official), checkins, currentSessionId, freshCheckin });
    const d1 = at(1, false);
    const d2 = at(2, false);
    const d2f = at(2, true);
    expect(d1.ok && [d1.value.base, d1.value.present, d1.value.freshCheckin]).toEqual([20, 15, false]);
    expect(d2.ok && [d2.value.base, d2.value.present, d2.value.presentInCongress]).toEqual([20, 15, 15]);
    // Fresh check-in: nobody has come back yet, but the congress still has 15 and the base is unchanged.
    expect(d2f.ok && [d2f.value.base, d2f.value.present, d2f.value.presentInCongress, d2f.value.freshCheckin]).toEqual([20, 0, 15, true]);
  });

  it('a voided check-in does not keep an absent-whole delegate in the base; a recorded one that was left does', () => {
    const delegates = [...range(9).map(official), { ...official(10), status: 'absent-whole' as const }];
    const base = (c: PresenceCheckin) => {
      const r = deriveAttendance({ kind: 'delegates', delegates, checkins: [c], currentSessionId: 1 });
      return r.ok ? r.value.base : -1;
    };
    expect(base({ delegateId: 10, sessionId: 1, voided: true })).toBe(9);
    expect(base({ delegateId: 10, sessionId: 1, left: true })).toBe(10);
  });

  // Oracle written the other way round: walk each delegate's check-ins and ask whether any one lets them in.
  it('agrees with a per-delegate reading on random check-ins', () => {
    const checkin = fc.record({
      delegateId: fc.integer({ min: 1, max: 6 }), sessionId: fc.integer({ min: 1, max: 3 }), left: fc.boolean(), voided: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(checkin, { maxLength: 20 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), (checkins, id, fresh) => {
      const got = presentIds(checkins, { id, freshCheckin: fresh });
      for (const d of range(6)) {
        const mine = checkins.filter((c) => c.delegateId === d);
        let expected = false;
        for (const c of mine) {
          if (c.voided || c.left) continue;
          if (fresh && c.sessionId !== id) continue;
          expected = true;
        }
        expect(got.has(d)).toBe(expected);
        expect(checkinDecision(d, checkins, { id, freshCheckin: fresh }).kind).toBe(expected ? 'already' : 'new');
      }
    }));
  });
});

describe('the desk admits or refuses a delegate, each with its own message (docs/rules.md §1)', () => {
  const d = (o: Partial<DeskDelegate>): DeskDelegate => ({
    fullName: 'Lê Thị Hoa', standing: 'official', status: 'summoned', statusReason: null, replaces: null, replacedBy: null, attended: false, ...o,
  });
  it('an official summoned votes; an alternate votes only when replacing an official; a probationary member never', () => {
    expect(deskAdmission(d({}))).toEqual({ kind: 'admit', votes: true });
    expect(deskAdmission(d({ standing: 'alternate' }))).toEqual({ kind: 'admit', votes: false });
    expect(deskAdmission(d({ standing: 'alternate', replaces: 'Trần Văn Nam' }))).toEqual({ kind: 'admit', votes: true });
    expect(deskAdmission(d({ standing: 'probationary' }))).toEqual({ kind: 'admit', votes: false });
    expect(deskAdmission(d({ status: 'exempted' }))).toEqual({ kind: 'admit', votes: true });
  });
  it('refuses the not summoned, the replaced, the suspended, and the absent for the whole congress who never came, naming the reason', () => {
    const refused = (o: Partial<DeskDelegate>) => {
      const a = deskAdmission(d(o));
      return a.kind === 'refuse' ? [a.code, a.message_vi] : null;
    };
    expect(refused({ status: 'not-summoned', statusReason: 'Chuyển công tác' })?.[0]).toBe('checkin.not-summoned');
    expect(refused({ status: 'not-summoned', statusReason: 'Chuyển công tác' })?.[1]).toContain('Chuyển công tác');
    expect(refused({ status: 'replaced', replacedBy: 'Phạm Văn Dự' })?.[1]).toContain('Phạm Văn Dự');
    expect(refused({ status: 'absent-whole', statusReason: 'Ốm' })?.[0]).toBe('checkin.absent-whole');
    expect(refused({ status: 'suspended' })?.[0]).toBe('checkin.suspended');
    expect(deskAdmission(d({ status: 'absent-whole', attended: true }))).toEqual({ kind: 'admit', votes: true });
  });
});
