/**
 * Shapes of the counting answers (batches, reconciliation, round result) as the counting console reads them.
 * They mirror src/counting's types; they move to src/api when the server's counting routes land there.
 */
import { z } from 'zod';
import { INVALID_REASONS, type ElectionCount } from '../../rules/index.ts';

const CandidateResultSchema = z.object({ id: z.string(), name: z.string(), votes: z.number(), percent: z.number() });

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
  tie: z.object({ seats: z.number(), candidates: z.array(z.string()) }).nullable(),
  unfilledSeats: z.number(),
  outcome: z.enum(['complete', 'tie', 'shortfall']),
});

/**
 * A stored round result: the server keeps either the rules core's CountOutcome (`{ type, count }`), the
 * counting core's RoundResult (`{ count: { type, count } }`), or the bare ElectionCount.
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

export const BatchViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  physicalCount: z.number(),
  entriesRequired: z.number(),
  status: z.enum(['entering', 'reconciling', 'final']),
  /** This operator's own entry; never another's. */
  myEntry: z.object({ ballots: z.number(), closed: z.boolean() }).nullable(),
});
export type BatchView = z.infer<typeof BatchViewSchema>;
export const BatchListSchema = z.array(BatchViewSchema);

export const DisagreementViewSchema = z.object({
  position: z.number(),
  entries: z.array(z.object({ operator: z.string(), terminal: z.string(), text: z.string() })),
  difference: z.object({ rows: z.array(z.string()), writeIn: z.boolean(), flags: z.array(z.string()) }),
  ruling: z.object({ reason: z.string(), note: z.string(), by: z.string() }).nullable(),
});
export type DisagreementView = z.infer<typeof DisagreementViewSchema>;

export const ReconciliationViewSchema = z.object({
  batchId: z.string(),
  label: z.string(),
  positions: z.number(),
  disagreements: z.array(DisagreementViewSchema),
  totalsAgree: z.boolean(),
  unruled: z.number(),
  final: z.boolean(),
});
export type ReconciliationView = z.infer<typeof ReconciliationViewSchema>;
export const ReconciliationListSchema = z.array(ReconciliationViewSchema);

const Message = { message_vi: z.string(), message_en: z.string() };
export const RoundResultSchema = z.object({
  count: z.unknown(),
  complete: z.boolean(),
  anomalies: z.array(z.object({ code: z.string(), ...Message })),
  next: z.object({ type: z.string(), ...Message }),
});
export type RoundResultView = z.infer<typeof RoundResultSchema>;
