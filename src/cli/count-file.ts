import { z } from 'zod';
import {
  ballotSchema, defaultCountSettings, ELECTION_KINDS, err, ok, ruleError, type Ballot, type ElectionSpec, type Result,
  type RuleError,
} from '../rules/index.ts';
import { describeIssue, MISSING } from '../locale/zod-issue.ts';

/** The JSON count file of `daihoi count` (the CLI contract); a ballot is the rules core's (any text names a candidate). */
export const countFileSchema = z.strictObject({
  election: z.strictObject({
    kind: z.enum(ELECTION_KINDS),
    /** Required to elect; the polls elect nobody and ignore it. */
    seats: z.number().int().min(0).optional(),
    alternateSeats: z.number().int().min(0).default(0),
    /**
     * N_base = summoned − excluded. Required to elect; the opinion poll ignores it (its measure is `present`);
     * a secretary poll without it has no base, threshold or percentages.
     */
    base: z.strictObject({ summoned: z.number().int().min(1), excluded: z.number().int().min(0).default(0) }).optional(),
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
  ballots: z.array(ballotSchema(z.string())),
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
  return inner === undefined ? issue : narrowUnion({ ...inner, path: [...issue.path, ...inner.path] });
};

/** Turns the first zod issue into a message that names the field, in Vietnamese and English. */
export const zodToRuleError = (error: z.ZodError): RuleError => {
  const issue = narrowUnion(error.issues[0]!);
  const field = pathOf(issue.path);
  const where = field || '(gốc / root)';
  if (issue.code === 'invalid_union') {
    return ruleError('input.ballot', `Trường "${where}": lá phiếu phải có đúng một trong "struck", "marks" hoặc "writeIn".`,
      `Field "${where}": a ballot must have exactly one of "struck", "marks" or "writeIn".`, field);
  }
  const { vi, en } = describeIssue(issue);
  return ruleError(`input.${issue.code}`, `Trường "${where}": ${vi}.`, `Field "${where}": ${en}.`, field);
};

/** Validates a file's JSON against its schema; the input is reported so a missing field reads as missing. */
export const parseInput = <S extends z.ZodType>(schema: S, json: unknown): Result<z.infer<S>, RuleError> => {
  const parsed = schema.safeParse(json, { reportInput: true });
  return parsed.success ? ok(parsed.data) : err(zodToRuleError(parsed.error));
};

const missing = (field: string): RuleError =>
  ruleError('input.missing', `Trường "${field}": ${MISSING.vi}.`, `Field "${field}": ${MISSING.en}.`, field);

export interface CountInput {
  readonly spec: ElectionSpec;
  readonly ballots: readonly Ballot[];
  /** False for a secretary poll whose file gives no base: its result then has no base, threshold or percentages. */
  readonly measured: boolean;
}

/**
 * Parses a count file into the core's terms; the base is `summoned − excluded`. The polls elect nobody: their
 * seats are 0 whatever the file says, and the opinion poll is measured against `present`, not the base.
 */
export const parseCountFile = (json: unknown): Result<CountInput, RuleError> => {
  const parsed = parseInput(countFileSchema, json);
  if (!parsed.ok) return parsed;
  const { election, ballots } = parsed.value;
  const isPoll = election.kind === 'opinion-poll' || election.kind === 'secretary-poll';
  if (!isPoll && election.seats === undefined) return err(missing('election.seats'));
  if (!isPoll && election.base === undefined) return err(missing('election.base'));
  const given = election.kind === 'opinion-poll' ? undefined : election.base;
  if (given !== undefined && given.summoned - given.excluded < 1) {
    return err(ruleError('input.base',
      `Trường "election.base.excluded": số loại trừ (${given.excluded}) phải nhỏ hơn số được triệu tập (${given.summoned}).`,
      `Field "election.base.excluded": excluded (${given.excluded}) must be fewer than summoned (${given.summoned}).`,
      'election.base.excluded'));
  }
  const settings = { ...defaultCountSettings, ...stripUndefined(election.settings ?? {}) };
  return ok({
    spec: {
      kind: election.kind,
      seats: isPoll ? 0 : election.seats ?? 0,
      alternateSeats: election.alternateSeats,
      // The core measures every count against a base; a poll without one gets 1, and its measures are not printed.
      base: given === undefined ? 1 : given.summoned - given.excluded,
      present: election.present,
      candidates: election.candidates,
      settings,
    },
    ballots,
    measured: election.kind === 'opinion-poll' || given !== undefined,
  });
};

const stripUndefined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
