/**
 * A round's stored result (`election_rounds.result`): the rules core's CountOutcome as JSON, parsed with zod at
 * every read (the minutes) and before a restore stores it.
 */
import { z } from 'zod';
import { INVALID_REASONS, type CountOutcome } from '../rules/index.ts';
import { err, ok, ruleError, type Result, type RuleError } from '../rules/result.ts';

const Int = z.number().int().min(0);
const Summary = z.object({ total: Int, valid: Int, invalid: Int, invalidByReason: z.record(z.enum(INVALID_REASONS), Int) });
const Results = z.array(z.object({ id: z.string(), name: z.string(), votes: Int, percent: z.number() }));
const Common = { base: Int, threshold: Int, ballots: Summary, results: Results };
const SeatsLeft = z.object({ seats: Int, tie: z.object({ seats: Int, candidates: z.array(z.string()) }).nullable() });

export const CountOutcomeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('election'), count: z.object({
    ...Common, elected: z.array(z.string()), alternates: z.array(z.string()).optional(),
    tie: z.object({ seats: Int, candidates: z.array(z.string()) }).nullable(), unfilledSeats: Int, outcome: z.enum(['complete', 'tie', 'shortfall']),
    remaining: z.object({ official: SeatsLeft, alternate: SeatsLeft }).optional(),
  }) }),
  z.object({ type: z.literal('opinion-poll'), count: z.object({ ...Common, admitted: z.array(z.string()) }) }),
  z.object({ type: z.literal('secretary-poll'), count: z.object({ ...Common, unrecognized: Int, blank: Int }) }),
]);

/** The stored result, or why it cannot be read (`JSON`, or the path of the first field at fault). */
export const countOutcomeFromJson = (text: string): Result<CountOutcome, RuleError> => {
  const damaged = (why: string): RuleError => ruleError('store.round-result', `Kết quả đã lưu của vòng bầu không đọc được (${why}).`,
    `The stored result of the round cannot be read (${why}).`, 'result');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err(damaged('JSON'));
  }
  const parsed = CountOutcomeSchema.safeParse(raw);
  if (!parsed.success) return err(damaged(parsed.error.issues[0]?.path.join('.') ?? 'schema'));
  const v: CountOutcome = parsed.data;
  return ok(v);
};
