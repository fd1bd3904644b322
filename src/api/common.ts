/** Building blocks shared by every schema of the typed API. */
import { z } from 'zod';
import { CandidateRowIdParam, DelegateIdParam, ElectionIdParam, RoundNumber } from './ids.ts';

/** A positive database id, in a path (string) or a body (number). */
export const Id = z.coerce.number().int().positive().max(2_147_483_647);
export const IdBody = z.number().int().positive().max(2_147_483_647);
/** A congress code: lower-case ASCII letters, digits and dashes, used in URLs and card payloads. */
export const CongressCode = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/u);
export const IsoDate = z.iso.date();
/** A short line of text: trimmed, not empty, no control characters. */
export const Text = (max = 300) =>
  z.string().trim().min(1).max(max).regex(/^[^\u0000-\u001f\u007f]*$/u);
export const OptionalText = (max = 300) => Text(max).nullable().optional();
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

/** A message for a refinement: Vietnamese, then English (the server splits them). */
export const refineMessage = (vi: string, en: string): string => `${vi}||${en}`;
/** A partial update must change something. */
export const nonEmpty = <T extends object>(o: T): boolean => Object.keys(o).length > 0;
export const NOTHING_TO_CHANGE = refineMessage('Không có gì để thay đổi.', 'Nothing to change.');
