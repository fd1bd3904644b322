/**
 * Reading a stored round result of the two polls (the rules core's CountOutcome `{ type, count }`, or the
 * counting core's `{ count: { type, count } }`): the opinion poll on nominees and the secretary nomination poll.
 */
import { z } from 'zod';
import { INVALID_REASONS, type OpinionPollCount, type SecretaryPollCount } from '../../rules/index.ts';

const Results = z.array(z.object({ id: z.string(), name: z.string(), votes: z.number(), percent: z.number() }));
const Ballots = z.object({
  total: z.number(), valid: z.number(), invalid: z.number(), invalidByReason: z.record(z.enum(INVALID_REASONS), z.number()),
});
const Base = { base: z.number(), threshold: z.number(), ballots: Ballots, results: Results };

const Stored = z.discriminatedUnion('type', [
  z.object({ type: z.literal('opinion-poll'), count: z.object({ ...Base, admitted: z.array(z.string()) }) }),
  z.object({ type: z.literal('secretary-poll'), count: z.object({ ...Base, unrecognized: z.number(), blank: z.number() }) }),
]);

export type PollOutcome =
  | { readonly type: 'opinion-poll'; readonly count: OpinionPollCount }
  | { readonly type: 'secretary-poll'; readonly count: SecretaryPollCount };

export const pollCountOf = (stored: unknown): PollOutcome | null => {
  const candidates: unknown[] = [stored];
  if (typeof stored === 'object' && stored !== null && 'count' in stored) candidates.push(stored.count);
  for (const c of candidates) {
    const parsed = Stored.safeParse(c);
    if (parsed.success) return parsed.data;
  }
  return null;
};
