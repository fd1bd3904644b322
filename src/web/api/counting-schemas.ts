/**
 * Counting answers as the counting console reads them: src/api/counting.ts's schemas, plus reading a stored
 * round result (the rules core's CountOutcome) as an ElectionCount for the charts and tables.
 */
import { z } from 'zod';
import type { BatchView, CountingOverview, MyBatchView, ReconciliationView, RoundResultView } from '../../api/counting.ts';
import { INVALID_REASONS, type ElectionCount } from '../../rules/index.ts';

export type { BatchView, CountingOverview, MyBatchView, ReconciliationView, RoundResultView };
export type DisagreementView = ReconciliationView['disagreements'][number];

const CandidateResultSchema = z.object({ id: z.string(), name: z.string(), votes: z.number(), percent: z.number() });

const TieSchema = z.object({ seats: z.number(), candidates: z.array(z.string()) });
const SeatsLeftSchema = z.object({ seats: z.number(), tie: TieSchema.nullable() });

export const ElectionCountSchema = z.object({
  base: z.number(),
  threshold: z.number(),
  ballots: z.object({
    total: z.number(), valid: z.number(), invalid: z.number(),
    invalidByReason: z.record(z.enum(INVALID_REASONS), z.number()),
  }),
  results: z.array(CandidateResultSchema),
  elected: z.array(z.string()),
  alternates: z.array(z.string()).optional(),
  tie: TieSchema.nullable(),
  unfilledSeats: z.number(),
  outcome: z.enum(['complete', 'tie', 'shortfall']),
  /** Both cuts with their ties (absent from results counted before it existed: read with `remainingOf`). */
  remaining: z.object({ official: SeatsLeftSchema, alternate: SeatsLeftSchema }).optional(),
});

/**
 * A stored round result: the rules core's CountOutcome (`{ type, count }`), the counting core's RoundResult
 * (`{ count: { type, count } }`), or a bare ElectionCount. Null for the polls and for anything else.
 */
export const electionCountOf = (stored: unknown): ElectionCount | null => {
  const candidates: unknown[] = [stored];
  if (typeof stored === 'object' && stored !== null && 'count' in stored) {
    const inner: unknown = stored.count;
    candidates.push(inner);
    if (typeof inner === 'object' && inner !== null && 'count' in inner) candidates.push(inner.count);
  }
  for (const c of candidates) {
    const parsed = ElectionCountSchema.safeParse(c);
    if (parsed.success) return parsed.data;
  }
  return null;
};
