import { z } from 'zod';
import {
  defaultCountSettings, ELECTION_KINDS, ruleError, type Ballot, type ElectionSpec, type Result, type RuleError,
} from '../rules/index.ts';
import { err, ok } from '../rules/index.ts';

/** The JSON count file of `daihoi count` (the CLI contract). */
const flags = {
  notIssued: z.boolean().optional(),
  unstamped: z.boolean().optional(),
  writeIns: z.number().int().min(0).optional(),
  identifyingMarks: z.boolean().optional(),
};
const mark = z.enum(['agree', 'disagree', 'both', 'none']);
const ballotSchema = z.union([
  z.strictObject({ struck: z.array(z.string()), ...flags }),
  z.strictObject({ marks: z.record(z.string(), mark), ...flags }),
  z.strictObject({ writeIn: z.string().nullable(), ...flags }),
]);

export const countFileSchema = z.strictObject({
  election: z.strictObject({
    kind: z.enum(ELECTION_KINDS),
    seats: z.number().int().min(0),
    alternateSeats: z.number().int().min(0).default(0),
    base: z.strictObject({ summoned: z.number().int().min(1), excluded: z.number().int().min(0).default(0) }),
    present: z.number().int().min(1).optional(),
    candidates: z.array(z.strictObject({ id: z.string().min(1), name: z.string().min(1) })).min(1),
    settings: z.strictObject({
      alternatesFromSameBallot: z.boolean().optional(),
      writeInInvalid: z.boolean().optional(),
      identifyingMarkInvalid: z.boolean().optional(),
      singleCandidateBothOrNoneInvalid: z.boolean().optional(),
      unstampedIsNotIssued: z.boolean().optional(),
    }).optional(),
  }),
  ballots: z.array(ballotSchema),
});
export type CountFile = z.infer<typeof countFileSchema>;

const pathOf = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');

type Issue = z.core.$ZodIssue;

/**
 * A ballot that is not one of the three forms fails every branch of the union. When exactly one branch has no
 * unexpected key (the ballot carries exactly one of "struck", "marks", "writeIn"), that branch's own issue is
 * the precise one: `ballots[3].marks.c01` rather than "must have one of".
 */
const narrowUnion = (issue: Issue): Issue => {
  if (issue.code !== 'invalid_union') return issue;
  const fitting = issue.errors.filter((branch) => !branch.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0));
  const inner = fitting.length === 1 ? fitting[0]![0] : undefined;
  return inner === undefined ? issue : narrowUnion({ ...inner, path: [...issue.path, ...inner.path] } as Issue);
};

/** Turns the first zod issue into a message that names the field, in Vietnamese and English. */
export const zodToRuleError = (error: z.ZodError): RuleError => {
  const issue = narrowUnion(error.issues[0]!);
  const field = pathOf(issue.path);
  const where = field || '(gốc / root)';
  switch (issue.code) {
    case 'invalid_type':
      return ruleError('input.type', `Trường "${where}": sai kiểu dữ liệu (cần ${issue.expected}).`,
        `Field "${where}": wrong type (expected ${issue.expected}).`, field);
    case 'unrecognized_keys':
      return ruleError('input.unknown-field', `Trường "${where}": không nhận biết "${issue.keys.join('", "')}".`,
        `Field "${where}": unrecognized "${issue.keys.join('", "')}".`, field);
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return ruleError('input.value', `Trường "${where}": giá trị không hợp lệ (cần một trong ${allowed}).`,
        `Field "${where}": invalid value (expected one of ${allowed}).`, field);
    }
    case 'too_small':
      return ruleError('input.too-small', `Trường "${where}": giá trị quá nhỏ (tối thiểu ${String(issue.minimum)}).`,
        `Field "${where}": too small (minimum ${String(issue.minimum)}).`, field);
    case 'invalid_union':
      return ruleError('input.ballot', `Trường "${where}": lá phiếu phải có đúng một trong "struck", "marks" hoặc "writeIn".`,
        `Field "${where}": a ballot must have exactly one of "struck", "marks" or "writeIn".`, field);
    default:
      return ruleError('input.invalid', `Trường "${where}": ${issue.message}.`, `Field "${where}": ${issue.message}.`, field);
  }
};

/** Parses a count file into the core's terms; the base is `summoned − excluded`. */
export const parseCountFile = (json: unknown): Result<{ spec: ElectionSpec; ballots: readonly Ballot[] }, RuleError> => {
  const parsed = countFileSchema.safeParse(json);
  if (!parsed.success) return err(zodToRuleError(parsed.error));
  const { election, ballots } = parsed.data;
  const base = election.base.summoned - election.base.excluded;
  if (base < 1) {
    return err(ruleError('input.base',
      `Trường "election.base.excluded": số loại trừ (${election.base.excluded}) phải nhỏ hơn số được triệu tập (${election.base.summoned}).`,
      `Field "election.base.excluded": excluded (${election.base.excluded}) must be fewer than summoned (${election.base.summoned}).`,
      'election.base.excluded'));
  }
  const settings = { ...defaultCountSettings, ...stripUndefined(election.settings ?? {}) };
  return ok({
    spec: {
      kind: election.kind,
      seats: election.seats,
      alternateSeats: election.alternateSeats,
      base,
      present: election.present,
      candidates: election.candidates,
      settings,
    },
    ballots: ballots as readonly Ballot[],
  });
};

const stripUndefined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
