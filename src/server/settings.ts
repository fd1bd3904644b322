/** The settings of a congress as stored (JSON), read with zod over the defaults of the rules core. */
import { CongressSettingsSchema } from '../api/congresses.ts';
import { defaultCongressSettings, err, ok, ruleError, type CongressSettings, type Result, type RuleError } from '../rules/index.ts';
import type { Congress } from '../store/schema.ts';
import { issuesToError } from './validation.ts';

/** The stored settings (missing ones take the defaults), or why they are not valid settings. */
export const settingsFromJson = (text: string): Result<CongressSettings, RuleError> => {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err(ruleError('settings.json', 'Thiết lập của đại hội không phải JSON.', 'The congress settings are not JSON.', 'settings'));
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return err(ruleError('settings.json', 'Thiết lập của đại hội phải là một đối tượng JSON.', 'The congress settings must be a JSON object.', 'settings'));
  }
  const merged = { ...defaultCongressSettings, ...raw, count: { ...defaultCongressSettings.count, ...((raw as { count?: object }).count ?? {}) } };
  const parsed = CongressSettingsSchema.safeParse(merged);
  return parsed.success ? ok(parsed.data) : err(issuesToError('settings', parsed.error));
};

export const readSettings = (congress: Pick<Congress, 'settings'>): CongressSettings => {
  const parsed = settingsFromJson(congress.settings);
  return parsed.ok ? parsed.value : defaultCongressSettings;
};
