/**
 * What a count produces (the rules core's CountOutcome), as a schema: the typed answer of the counting routes,
 * the stored result of a round (read back through `readStoredOutcome`, never `JSON.parse … as`), the printouts
 * and the web app's charts read this one definition.
 */
import { z } from 'zod';
import {
  type CountOutcome, type ElectionCount, type OpinionPollCount, type SecretaryPollCount,
} from './count.ts';
import { INVALID_REASONS } from './ballot.ts';

const Int = z.number().int();
const Tie = z.object({ seats: Int, candidates: z.array(z.string()) });
const SeatsLeft = z.object({ seats: Int, tie: Tie.nullable() });
const Common = {
  base: Int,
  threshold: Int,
  ballots: z.object({
    total: Int, valid: Int, invalid: Int,
    invalidByReason: z.record(z.enum(INVALID_REASONS), Int),
  }),
  results: z.array(z.object({ id: z.string(), name: z.string(), votes: Int, percent: z.number() })),
};

export const ElectionCountSchema: z.ZodType<ElectionCount> = z.object({
  ...Common,
  elected: z.array(z.string()),
  alternates: z.array(z.string()).optional(),
  tie: Tie.nullable(),
  unfilledSeats: Int,
  outcome: z.enum(['complete', 'tie', 'shortfall']),
  /** Both cuts with their ties (absent from results counted before it existed: read with `remainingOf`). */
  remaining: z.object({ official: SeatsLeft, alternate: SeatsLeft }).optional(),
});
export const OpinionPollCountSchema: z.ZodType<OpinionPollCount> = z.object({ ...Common, admitted: z.array(z.string()) });
export const SecretaryPollCountSchema: z.ZodType<SecretaryPollCount> = z.object({ ...Common, unrecognized: Int, blank: Int });

export const CountOutcomeSchema: z.ZodType<CountOutcome> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('election'), count: ElectionCountSchema }),
  z.object({ type: z.literal('opinion-poll'), count: OpinionPollCountSchema }),
  z.object({ type: z.literal('secretary-poll'), count: SecretaryPollCountSchema }),
]);

/** A round's stored result (JSON text): the outcome, or null when there is none or it cannot be read. */
export const readStoredOutcome = (stored: string | null): CountOutcome | null => {
  if (stored === null) return null;
  try {
    const parsed = CountOutcomeSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

/** The election count of an outcome (null for the polls). */
export const electionCountOf = (outcome: CountOutcome | null): ElectionCount | null =>
  outcome !== null && outcome.type === 'election' ? outcome.count : null;
