import { z } from 'zod';
import { IdBody, Text, nonEmpty, NOTHING_TO_CHANGE } from './common.ts';

export const SpeakerStatus = z.enum(['registered', 'approved', 'speaking', 'done', 'withdrawn']);
export const SpeakerBody = z.object({
  delegateId: IdBody.nullable().default(null),
  speakerName: Text(120),
  title: Text(300),
}).strict();
export const SpeakerPatch = z.object({
  status: SpeakerStatus.optional(),
  position: z.number().int().min(1).max(10_000).optional(),
  title: Text(300).optional(),
}).strict().refine(nonEmpty, { message: NOTHING_TO_CHANGE });
export const CurrentSpeakerBody = z.object({ speakerId: IdBody.nullable() }).strict();
export const CurrentSpeakerView = z.object({ currentSpeakerId: z.number().nullable() });
export const SpeakerView = z.object({
  id: z.number(), delegateId: z.number().nullable(), speakerName: z.string(), title: z.string(),
  position: z.number(), status: SpeakerStatus, registeredAt: z.string(),
});
