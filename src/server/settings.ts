/** The settings of a congress as stored (JSON), read with zod over the defaults of the rules core. */
import { CongressSettingsSchema } from '../api/congresses.ts';
import { defaultCongressSettings, type CongressSettings } from '../rules/index.ts';
import type { Congress } from '../store/schema.ts';

export const readSettings = (congress: Pick<Congress, 'settings'>): CongressSettings => {
  let raw: unknown;
  try {
    raw = JSON.parse(congress.settings);
  } catch {
    return defaultCongressSettings;
  }
  const merged = typeof raw === 'object' && raw !== null
    ? { ...defaultCongressSettings, ...raw, count: { ...defaultCongressSettings.count, ...((raw as { count?: object }).count ?? {}) } }
    : defaultCongressSettings;
  const parsed = CongressSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : defaultCongressSettings;
};
