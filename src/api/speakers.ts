import { z } from 'zod';
import { IdBody, LongText, Text, nonEmpty, NOTHING_TO_CHANGE } from './common.ts';

export const SpeakerStatus = z.enum(['registered', 'approved', 'speaking', 'done', 'withdrawn']);
/** A contribution's text: some 25 pages (a speech is 7–10 minutes, 1,000–1,500 words). */
export const SPEECH_TEXT_MAX = 60_000;
const SpeechText = LongText(SPEECH_TEXT_MAX);
export const SpeakerBody = z.object({
  delegateId: IdBody.nullable().default(null),
  speakerName: Text(120),
  title: Text(300),
  /** The text of the contribution, which may also be sent later. */
  text: SpeechText.nullable().default(null),
}).strict();
export const SpeakerPatch = z.object({
  status: SpeakerStatus.optional(),
  position: z.number().int().min(1).max(10_000).optional(),
  title: Text(300).optional(),
  text: SpeechText.nullable().optional(),
}).strict().refine(nonEmpty, { message: NOTHING_TO_CHANGE });
export const CurrentSpeakerBody = z.object({ speakerId: IdBody.nullable() }).strict();
export const CurrentSpeakerView = z.object({ currentSpeakerId: z.number().nullable() });
export const SpeakerView = z.object({
  id: z.number(), delegateId: z.number().nullable(), speakerName: z.string(), title: z.string(),
  position: z.number(), status: SpeakerStatus, registeredAt: z.string(),
  /** Whether the text was sent (the text itself is read one contribution at a time). */
  hasText: z.boolean(),
});
export const SpeechView = z.object({ id: z.number(), speakerName: z.string(), title: z.string(), status: SpeakerStatus, text: z.string() });
export type SpeechView = z.infer<typeof SpeechView>;
