import { majorityThreshold } from './majority.ts';
import { err, ok, ruleError, type Result, type RuleError } from './result.ts';

/** Who is excluded from the base of a congress of delegates (docs/rules.md §1) [law]. */
export interface DelegatesCongressAttendance {
  readonly kind: 'delegates';
  /** Official delegates summoned (đại biểu chính thức được triệu tập). */
  readonly officialSummoned: number;
  /** Convening-committee members absent for the whole congress. */
  readonly conveningMembersAbsentWhole: number;
  /** Official delegates absent for the whole congress and not replaced by an alternate. */
  readonly officialsAbsentWholeNotReplaced: number;
}

/** Who is excluded from the base of a congress of members (docs/rules.md §1) [law]. */
export interface MembersCongressAttendance {
  readonly kind: 'members';
  /** Official members summoned; probationary members neither vote nor count. */
  readonly officialSummoned: number;
  /** Members temporarily attached elsewhere (sinh hoạt tạm thời nơi khác). */
  readonly temporarilyAttachedElsewhere: number;
  /** Exempted members who do not attend (an exempted member who attends and votes stays in the base). */
  readonly exemptedNotAttending: number;
  /** Members suspended, prosecuted or detained. */
  readonly suspendedProsecutedOrDetained: number;
  /** Members absent for the whole congress with a reason accepted by the convening committee. */
  readonly absentWholeExcused: number;
}

export type CongressAttendance = DelegatesCongressAttendance | MembersCongressAttendance;

const exclusions = (a: CongressAttendance): ReadonlyArray<readonly [string, number]> => {
  switch (a.kind) {
    case 'delegates':
      return [
        ['conveningMembersAbsentWhole', a.conveningMembersAbsentWhole],
        ['officialsAbsentWholeNotReplaced', a.officialsAbsentWholeNotReplaced],
      ];
    case 'members':
      return [
        ['temporarilyAttachedElsewhere', a.temporarilyAttachedElsewhere],
        ['exemptedNotAttending', a.exemptedNotAttending],
        ['suspendedProsecutedOrDetained', a.suspendedProsecutedOrDetained],
        ['absentWholeExcused', a.absentWholeExcused],
      ];
  }
};

/**
 * N_base: the number every decision and election is measured against. Someone present for part of the
 * congress stays in the base even if absent at voting time, so it is computed from whole-congress absences only.
 */
export const computeBase = (a: CongressAttendance): Result<number, RuleError> => {
  if (!Number.isInteger(a.officialSummoned) || a.officialSummoned < 1) {
    return err(ruleError('base.summoned', 'Số được triệu tập phải là số nguyên dương.',
      'The number summoned must be a positive integer.', 'officialSummoned'));
  }
  let base = a.officialSummoned;
  for (const [field, n] of exclusions(a)) {
    if (!Number.isInteger(n) || n < 0) {
      return err(ruleError('base.exclusion', `Số loại trừ "${field}" phải là số nguyên không âm.`,
        `The exclusion "${field}" must be a non-negative integer.`, field));
    }
    base -= n;
  }
  if (base < 1) {
    return err(ruleError('base.empty', 'Số loại trừ không được bằng hoặc vượt số được triệu tập.',
      'Exclusions must be fewer than the number summoned.', 'officialSummoned'));
  }
  return ok(base);
};

export interface AttendanceStatus {
  readonly base: number;
  readonly present: number;
  readonly threshold: number;
  /** `present ≤ N_base / 2`: nothing can pass, the software must warn. */
  readonly nothingCanPass: boolean;
  /** Whether the optional quorum setting is met; null when no quorum is set (the default). */
  readonly quorumMet: boolean | null;
}

/**
 * Attendance against the base. No attendance quorum was found for congresses [open]: `quorum` is the
 * per-congress setting (a fraction such as 2/3), null by default.
 */
export const attendanceStatus = (
  base: number,
  present: number,
  quorum: { readonly numerator: number; readonly denominator: number } | null = null,
): AttendanceStatus => ({
  base,
  present,
  threshold: majorityThreshold(base),
  nothingCanPass: 2 * present <= base,
  quorumMet: quorum === null ? null : present * quorum.denominator >= base * quorum.numerator,
});
