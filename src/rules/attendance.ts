/**
 * Attendance and N_base derived from the delegate rows and the check-ins — never typed in (docs/rules.md §1).
 *
 * Congress of delegates: N_base = official delegates summoned − convening-committee members absent for the
 * whole congress − official delegates absent for the whole congress and not replaced; an alternate who
 * replaces an absent official votes in their place, so that official's seat stays in the base.
 * Congress of members: the exclusions of §1; an exempted member who attends counts; probationary members are
 * never in the base. Whoever checked in to any session stays in the base even if marked absent.
 * Present = distinct voting delegates checked in to the current session.
 */
import { attendanceStatus, computeBase, type AttendanceStatus, type CongressAttendance } from './base.ts';
import { err, ok, ruleError, type Result, type RuleError } from './result.ts';

export type AttendanceStanding = 'official' | 'alternate' | 'probationary';
export type AttendanceDelegateStatus =
  | 'summoned' | 'not-summoned' | 'absent-whole' | 'replaced' | 'temporarily-attached' | 'exempted' | 'suspended';

export interface AttendanceDelegate {
  readonly id: number;
  readonly standing: AttendanceStanding;
  readonly status: AttendanceDelegateStatus;
  /** The alternate who replaces this absent official. */
  readonly replacedById: number | null;
  readonly isConveningMember: boolean;
}

export interface AttendanceCheckin {
  readonly delegateId: number;
  readonly sessionId: number;
}

export interface AttendanceInput {
  readonly kind: 'delegates' | 'members';
  readonly delegates: readonly AttendanceDelegate[];
  readonly checkins: readonly AttendanceCheckin[];
  /** The session whose check-ins make "present"; null before the first session: nobody is present. */
  readonly currentSessionId: number | null;
  /** The congress's quorum setting (default none). */
  readonly quorum?: { readonly numerator: number; readonly denominator: number } | null;
}

export interface Attendance {
  /** The counts `computeBase` took: summoned and every exclusion, for the minutes and the credentials report. */
  readonly counts: CongressAttendance;
  readonly base: number;
  /** Ids of the people who vote: in the base (officials, or the alternates replacing them). */
  readonly voterIds: readonly number[];
  /** Voters checked in to the current session. */
  readonly present: number;
  /** Voters in the base not checked in to the current session. */
  readonly absent: number;
  /** People checked in to the current session who do not vote (alternates not replacing, probationary…). */
  readonly presentNotVoting: number;
  readonly status: AttendanceStatus;
  /** Data that contradicts itself but has a lawful reading (e.g. marked absent for the whole congress yet checked in). */
  readonly warnings: readonly RuleError[];
}

interface Tally {
  summoned: number;
  voters: number[];
  warnings: RuleError[];
}

const attendedWarning = (d: AttendanceDelegate): RuleError => ruleError('attendance.absent-but-checked-in',
  `Đại biểu #${d.id} được ghi vắng mặt cả đại hội nhưng đã điểm danh: vẫn được tính vào số cơ sở.`,
  `Delegate #${d.id} is marked absent for the whole congress but checked in: they stay in the base.`, `delegates.${d.id}`);

const badStatus = (d: AttendanceDelegate, kind: AttendanceInput['kind']): RuleError => ruleError('attendance.status',
  `Trạng thái "${d.status}" của đại biểu #${d.id} không dùng được cho ${kind === 'delegates' ? 'đại hội đại biểu' : 'đại hội đảng viên'}.`,
  `The status "${d.status}" of delegate #${d.id} does not apply to a congress of ${kind}.`, `delegates.${d.id}.status`);

const delegatesCongress = (
  input: AttendanceInput, attended: ReadonlySet<number>, byId: ReadonlyMap<number, AttendanceDelegate>,
): Result<{ counts: CongressAttendance; tally: Tally }, RuleError> => {
  const tally: Tally = { summoned: 0, voters: [], warnings: [] };
  let conveningAbsent = 0;
  let officialsAbsent = 0;
  for (const d of input.delegates) {
    if (d.standing !== 'official' || d.status === 'not-summoned') continue;
    tally.summoned += 1;
    switch (d.status) {
      case 'summoned':
        tally.voters.push(d.id);
        break;
      case 'replaced': {
        const alt = d.replacedById === null ? undefined : byId.get(d.replacedById);
        if (alt === undefined || alt.standing !== 'alternate') {
          return err(ruleError('attendance.replacement',
            `Đại biểu #${d.id} được ghi là đã thay thế nhưng không có đại biểu dự khuyết thay thế hợp lệ.`,
            `Delegate #${d.id} is marked replaced but no valid alternate replaces them.`, `delegates.${d.id}.replacedById`));
        }
        if (tally.voters.includes(alt.id)) {
          return err(ruleError('attendance.replacement-twice',
            `Đại biểu dự khuyết #${alt.id} không thể thay thế hai đại biểu chính thức.`,
            `Alternate #${alt.id} cannot replace two official delegates.`, `delegates.${d.id}.replacedById`));
        }
        tally.voters.push(alt.id);
        break;
      }
      case 'absent-whole':
        if (attended.has(d.id)) {
          tally.voters.push(d.id);
          tally.warnings.push(attendedWarning(d));
        } else if (d.isConveningMember) conveningAbsent += 1;
        else officialsAbsent += 1;
        break;
      case 'temporarily-attached':
      case 'exempted':
      case 'suspended':
        return err(badStatus(d, 'delegates'));
    }
  }
  return ok({
    counts: { kind: 'delegates', officialSummoned: tally.summoned, conveningMembersAbsentWhole: conveningAbsent,
      officialsAbsentWholeNotReplaced: officialsAbsent },
    tally,
  });
};

const membersCongress = (
  input: AttendanceInput, attended: ReadonlySet<number>,
): Result<{ counts: CongressAttendance; tally: Tally }, RuleError> => {
  const tally: Tally = { summoned: 0, voters: [], warnings: [] };
  const x = { attached: 0, exempted: 0, suspended: 0, absent: 0 };
  for (const d of input.delegates) {
    // Probationary members do not vote and are not in the base; alternates do not exist at a congress of members.
    if (d.standing !== 'official' || d.status === 'not-summoned') continue;
    tally.summoned += 1;
    switch (d.status) {
      case 'summoned':
        tally.voters.push(d.id);
        break;
      case 'temporarily-attached':
        x.attached += 1;
        break;
      case 'exempted':
        if (attended.has(d.id)) tally.voters.push(d.id);
        else x.exempted += 1;
        break;
      case 'suspended':
        x.suspended += 1;
        break;
      case 'absent-whole':
        if (attended.has(d.id)) {
          tally.voters.push(d.id);
          tally.warnings.push(attendedWarning(d));
        } else x.absent += 1;
        break;
      case 'replaced':
        return err(badStatus(d, 'members'));
    }
  }
  return ok({
    counts: { kind: 'members', officialSummoned: tally.summoned, temporarilyAttachedElsewhere: x.attached,
      exemptedNotAttending: x.exempted, suspendedProsecutedOrDetained: x.suspended, absentWholeExcused: x.absent },
    tally,
  });
};

/** N_base, present and absent, from the rows themselves. */
export const deriveAttendance = (input: AttendanceInput): Result<Attendance, RuleError> => {
  const attended = new Set(input.checkins.map((c) => c.delegateId));
  const byId = new Map(input.delegates.map((d) => [d.id, d]));
  const derived = input.kind === 'delegates' ? delegatesCongress(input, attended, byId) : membersCongress(input, attended);
  if (!derived.ok) return derived;
  const { counts, tally } = derived.value;
  const base = computeBase(counts);
  if (!base.ok) return base;
  const voters = new Set(tally.voters);
  const here = new Set(input.checkins.filter((c) => c.sessionId === input.currentSessionId).map((c) => c.delegateId));
  let present = 0;
  let presentNotVoting = 0;
  for (const id of here) {
    if (voters.has(id)) present += 1;
    else if (byId.has(id)) presentNotVoting += 1;
  }
  return ok({
    counts, base: base.value, voterIds: [...voters], present, absent: voters.size - present, presentNotVoting,
    status: attendanceStatus(base.value, present, input.quorum ?? null), warnings: tally.warnings,
  });
};
