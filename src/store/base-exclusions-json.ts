/**
 * The exclusions from N_base (docs/rules.md §1) snapshotted when the base is fixed (a round opening for voting, a
 * show-of-hands vote), stored as JSON text in `base_exclusions` and parsed with zod at read. The snapshot is the
 * rules core's CongressAttendance: counts by reason — what the counting minutes print — and no delegate ids, so
 * a backup restores it as it is.
 */
import { z } from 'zod';
import type { CongressAttendance } from '../rules/base.ts';
import { err, ok, ruleError, type Result, type RuleError } from '../rules/result.ts';

const count = z.number().int().nonnegative();

const schema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('delegates'), officialSummoned: count, conveningMembersAbsentWhole: count, officialsAbsentWholeNotReplaced: count }),
  z.strictObject({
    kind: z.literal('members'), officialSummoned: count, temporarilyAttachedElsewhere: count, exemptedNotAttending: count,
    suspendedProsecutedOrDetained: count, absentWholeExcused: count,
  }),
]);

/** The snapshot as stored: only the fields of its kind, in a fixed order. */
export const baseExclusionsToJson = (a: CongressAttendance): string => {
  switch (a.kind) {
    case 'delegates':
      return JSON.stringify({ kind: a.kind, officialSummoned: a.officialSummoned, conveningMembersAbsentWhole: a.conveningMembersAbsentWhole,
        officialsAbsentWholeNotReplaced: a.officialsAbsentWholeNotReplaced });
    case 'members':
      return JSON.stringify({ kind: a.kind, officialSummoned: a.officialSummoned, temporarilyAttachedElsewhere: a.temporarilyAttachedElsewhere,
        exemptedNotAttending: a.exemptedNotAttending, suspendedProsecutedOrDetained: a.suspendedProsecutedOrDetained,
        absentWholeExcused: a.absentWholeExcused });
  }
};

/** The stored snapshot, or an error when the text is not one (never guessed). */
export const baseExclusionsFromJson = (text: string): Result<CongressAttendance, RuleError> => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const r = schema.safeParse(parsed);
  if (!r.success) {
    return err(ruleError('store.base-exclusions', 'Bản ghi các số loại trừ khỏi số làm căn cứ lúc bỏ phiếu không đọc được.',
      'The stored exclusions from the base at voting cannot be read.', 'base_exclusions'));
  }
  return ok(r.data);
};
