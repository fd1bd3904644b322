/** Building blocks shared by every schema of the typed API. */
import { z } from 'zod';
import { CandidateRowIdParam, DelegateIdParam, ElectionIdParam, RoundNumber } from './ids.ts';

/** A positive database id, in a path (string) or a body (number). */
export const Id = z.coerce.number().int().positive().max(2_147_483_647);
export const IdBody = z.number().int().positive().max(2_147_483_647);
/** A congress code: lower-case ASCII letters, digits and dashes, used in URLs and card payloads. */
export const CongressCode = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/u);
export const IsoDate = z.iso.date();
/**
 * Characters that change how text looks without being seen: direction overrides and isolates (a name that reads
 * backwards on the screen or in the minutes), zero-width spaces and joiners, the soft hyphen and similar fillers
 * (two names that look the same but are not).
 */
export const HIDDEN_CHARACTERS = /[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff]/u;

/** The first hidden character of a text as "U+202E", or null. */
export const hiddenCharacterIn = (text: string): string | null => {
  const m = HIDDEN_CHARACTERS.exec(text);
  return m === null ? null : `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
};

/** A message for a refinement: Vietnamese, then English (the server splits them). */
export const refineMessage = (vi: string, en: string): string => `${vi}||${en}`;

const HIDDEN_MESSAGE = refineMessage('Có ký tự ẩn hoặc ký tự đổi chiều chữ (như U+202E, U+200B): hãy gõ lại.',
  'Holds an invisible or text-direction character (such as U+202E, U+200B): type it again.');

/** A short line of text: trimmed, not empty, no control characters, no hidden or direction characters. */
export const Text = (max = 300) =>
  z.string().trim().min(1).max(max).regex(/^[^\u0000-\u001f\u007f]*$/u).refine((s) => !HIDDEN_CHARACTERS.test(s), { message: HIDDEN_MESSAGE });
export const OptionalText = (max = 300) => Text(max).nullable().optional();
/** Text of several lines: newlines and tabs allowed, no other control or hidden characters. */
export const LongText = (max: number) => z.string().trim().min(1).max(max)
  .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/u)
  .refine((s) => !HIDDEN_CHARACTERS.test(s), { message: refineMessage('Có ký tự ẩn hoặc ký tự đổi chiều chữ: hãy gõ lại.', 'Holds an invisible or text-direction character: type it again.') });
export const Count = z.number().int().min(0).max(1_000_000);

export const CongressParams = z.object({ code: CongressCode });
export const CongressIdParams = z.object({ code: CongressCode, id: Id });
export const DelegateParams = z.object({ code: CongressCode, id: DelegateIdParam });
export const ElectionParams = z.object({ code: CongressCode, electionId: ElectionIdParam });
export const RoundParams = ElectionParams.extend({ round: RoundNumber });
export const CandidateParams = RoundParams.extend({ id: CandidateRowIdParam });

export const ShowOfHands = z.object({ agree: Count, disagree: Count, other: Count });
export type ShowOfHands = z.infer<typeof ShowOfHands>;

export const Ok = z.object({ ok: z.literal(true) });

/** A partial update must change something. */
export const nonEmpty = (o: object): boolean => Object.keys(o).length > 0;
export const NOTHING_TO_CHANGE = refineMessage('Không có gì để thay đổi.', 'Nothing to change.');
