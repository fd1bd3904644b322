/**
 * One paper ballot as the counting board reads it — the one schema of a ballot, against the rules core's type.
 * The keys naming candidates differ by boundary (the API's candidate row ids as text, any id in a count file
 * or a stored event), so the schema is made from the key's schema; everything else is the same everywhere.
 */
import { z } from 'zod';
import type { Ballot } from './ballot.ts';

export const MARKS = ['agree', 'disagree', 'both', 'none'] as const;

export const ballotSchema = (key: z.ZodType<string>, maxNames = 5000): z.ZodType<Ballot> => {
  const flags = {
    notIssued: z.boolean().optional(),
    /** No stamp of the convening committee: not issued when the election's setting says so. */
    unstamped: z.boolean().optional(),
    writeIns: z.number().int().min(0).max(1000).optional(),
    identifyingMarks: z.boolean().optional(),
  };
  return z.union([
    z.strictObject({ ...flags, struck: z.array(key).max(maxNames) }),
    z.strictObject({ ...flags, marks: z.record(key, z.enum(MARKS)) }),
    z.strictObject({ ...flags, writeIn: key.nullable() }),
  ]);
};

