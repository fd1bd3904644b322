/** The quorum setting (docs/rules.md §1 [open]) read from a congress's settings JSON; none when absent or unreadable. */
import { z } from 'zod';
import type { CongressSettings } from '../rules/settings.ts';

const schema = z.looseObject({
  quorum: z.object({ numerator: z.number().int().positive(), denominator: z.number().int().positive() }).nullable().optional(),
});

export const quorumFromSettingsJson = (text: string): CongressSettings['quorum'] => {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.quorum ?? null : null;
  } catch {
    return null;
  }
};
