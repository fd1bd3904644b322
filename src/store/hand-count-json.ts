/** A hand count's sign-off, stored with the round (election_rounds.hand_count): who signed the paper minutes, who entered them, when. */
import { z } from 'zod';
import { readJsonColumn } from './json-column.ts';

export const HandCountRecord = z.object({ signedBy: z.string(), enteredBy: z.string(), at: z.string() });
export type HandCountRecord = z.infer<typeof HandCountRecord>;

export const handCountToJson = (r: HandCountRecord): string => JSON.stringify(r);
export const handCountFromJson = (text: string | null): HandCountRecord | null => readJsonColumn(HandCountRecord, text);
