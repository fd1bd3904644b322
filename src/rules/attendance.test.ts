import { describe, expect, it } from 'vitest';
import { deriveAttendance, type AttendanceDelegate, type AttendanceInput } from './attendance.ts';

const official = (id: number, o: Partial<AttendanceDelegate> = {}): AttendanceDelegate => ({
  id, standing: 'official', status: 'summoned', replacedById: null, isConveningMember: false, ...o,
});
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const delegatesInput = (o: Partial<AttendanceInput> = {}): AttendanceInput => ({
  kind: 'delegates', delegates: range(1, 20).map((id) => official(id)), checkins: [], currentSessionId: 2, ...o,
});

describe('attendance of a congress of delegates (docs/rules.md §1)', () => {
  it('base = officials summoned; present = distinct voters checked in to the current session only', () => {
    const r = deriveAttendance(delegatesInput({
      checkins: [
        ...range(1, 11).map((id) => ({ delegateId: id, sessionId: 2 })),
        { delegateId: 12, sessionId: 1 },
      ],
    }));
    expect(r.ok && r.value.base).toBe(20);
    expect(r.ok && r.value.present).toBe(11);
    expect(r.ok && r.value.absent).toBe(9);
    expect(r.ok && r.value.status.nothingCanPass).toBe(false);
    expect(r.ok && r.value.status.threshold).toBe(11);
  });

  it('excludes officials absent for the whole congress (convening members separately) unless replaced', () => {
    const delegates = [
      ...range(1, 16).map((id) => official(id)),
      official(17, { status: 'absent-whole', isConveningMember: true }),
      official(18, { status: 'absent-whole' }),
      official(19, { status: 'replaced', replacedById: 21 }),
      official(20, { status: 'not-summoned' }),
      { id: 21, standing: 'alternate', status: 'summoned', replacedById: null, isConveningMember: false } as const,
      { id: 22, standing: 'alternate', status: 'summoned', replacedById: null, isConveningMember: false } as const,
    ];
    const r = deriveAttendance(delegatesInput({
      delegates, checkins: [21, 22, 1].map((id) => ({ delegateId: id, sessionId: 2 })),
    }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.counts).toEqual({ kind: 'delegates', officialSummoned: 19, conveningMembersAbsentWhole: 1,
      officialsAbsentWholeNotReplaced: 1 });
    expect(r.value.base).toBe(17);
    expect(r.value.voterIds).toContain(21);
    expect(r.value.voterIds).not.toContain(19);
    expect(r.value.present).toBe(2);
    expect(r.value.presentNotVoting).toBe(1);
    expect(r.value.status.nothingCanPass).toBe(true);
  });

  it('keeps someone marked absent-whole in the base when they checked in to any session, with a warning', () => {
    const delegates = range(1, 10).map((id) => official(id, id === 3 ? { status: 'absent-whole' } : {}));
    const r = deriveAttendance(delegatesInput({ delegates, checkins: [{ delegateId: 3, sessionId: 1 }] }));
    expect(r.ok && r.value.base).toBe(10);
    expect(r.ok && r.value.warnings.map((w) => w.code)).toEqual(['attendance.absent-but-checked-in']);
  });

  it('refuses a replacement without a valid alternate, an alternate used twice, and member-only statuses', () => {
    const bad = (delegates: AttendanceDelegate[]): string | null => {
      const r = deriveAttendance(delegatesInput({ delegates }));
      return r.ok ? null : r.error.code;
    };
    expect(bad([official(1), official(2, { status: 'replaced' })])).toBe('attendance.replacement');
    expect(bad([official(1), official(2, { status: 'replaced', replacedById: 1 })])).toBe('attendance.replacement');
    const alt = { id: 9, standing: 'alternate', status: 'summoned', replacedById: null, isConveningMember: false } as const;
    expect(bad([official(1), official(2, { status: 'replaced', replacedById: 9 }),
      official(3, { status: 'replaced', replacedById: 9 }), alt])).toBe('attendance.replacement-twice');
    expect(bad([official(1), official(2, { status: 'suspended' })])).toBe('attendance.status');
  });

  it('propagates the rules core: nobody summoned is an error', () => {
    const r = deriveAttendance(delegatesInput({ delegates: [] }));
    expect(!r.ok && r.error.code).toBe('base.summoned');
  });

  it('applies the quorum setting when one is set', () => {
    const r = deriveAttendance(delegatesInput({
      checkins: range(1, 13).map((id) => ({ delegateId: id, sessionId: 2 })), quorum: { numerator: 2, denominator: 3 },
    }));
    expect(r.ok && r.value.status.quorumMet).toBe(false);
  });
});

describe('attendance of a congress of members (docs/rules.md §1)', () => {
  const members = (): AttendanceDelegate[] => [
    ...range(1, 10).map((id) => official(id)),
    official(11, { status: 'temporarily-attached' }),
    official(12, { status: 'exempted' }),
    official(13, { status: 'exempted' }),
    official(14, { status: 'suspended' }),
    official(15, { status: 'absent-whole' }),
    { id: 16, standing: 'probationary', status: 'summoned', replacedById: null, isConveningMember: false },
  ];

  it('excludes attached, exempted not attending, suspended, absent-whole; probationary never counts', () => {
    const r = deriveAttendance({
      kind: 'members', delegates: members(), currentSessionId: 1,
      checkins: [1, 2, 13, 16].map((id) => ({ delegateId: id, sessionId: 1 })),
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.counts).toEqual({ kind: 'members', officialSummoned: 15, temporarilyAttachedElsewhere: 1,
      exemptedNotAttending: 1, suspendedProsecutedOrDetained: 1, absentWholeExcused: 1 });
    // 10 summoned + exempted #13 who attends = 11.
    expect(r.value.base).toBe(11);
    expect(r.value.present).toBe(3);
    expect(r.value.presentNotVoting).toBe(1);
  });

  it('refuses "replaced" at a congress of members', () => {
    const r = deriveAttendance({ kind: 'members', delegates: [official(1), official(2, { status: 'replaced', replacedById: 1 })],
      checkins: [], currentSessionId: null });
    expect(!r.ok && r.error.code).toBe('attendance.status');
  });
});
