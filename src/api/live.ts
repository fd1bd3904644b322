import { z } from 'zod';

/** What changed; clients refetch what they show. Payloads stay small (ids and kinds). */
/**
 * `counting`: a batch of a round changed (id: the round's id); the counting console refetches its batches.
 * `discussion`: a discussion document, its comments, group opinions or synthesis changed (id: the document's id;
 *   never sent for a "Mật" document).
 * `scan`: a scanned stack of a round was uploaded, read further, decided or discarded (id: the round's id).
 */
export const LIVE_KINDS = ['attendance', 'current-item', 'speaker', 'election', 'result', 'delegates', 'bodies', 'votes', 'documents', 'targets', 'congress', 'counting', 'scan', 'discussion'] as const;
export const LiveKind = z.enum(LIVE_KINDS);
export type LiveKind = z.infer<typeof LiveKind>;

export const LiveEvent = z.object({
  type: z.literal('event'), kind: LiveKind, id: z.number().nullable(), seq: z.number(),
});
export type LiveEvent = z.infer<typeof LiveEvent>;

export const LiveSnapshot = z.object({
  type: z.literal('snapshot'),
  congress: z.string(),
  attendance: z.object({ base: z.number(), present: z.number(), threshold: z.number(), nothingCanPass: z.boolean() }).nullable(),
  currentAgendaItemId: z.number().nullable(),
  currentSpeakerId: z.number().nullable(),
  elections: z.array(z.object({ id: z.number(), round: z.number(), status: z.string() })),
});
export type LiveSnapshot = z.infer<typeof LiveSnapshot>;
export const LiveMessage = z.union([LiveEvent, LiveSnapshot]);
