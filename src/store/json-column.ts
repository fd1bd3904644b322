/** A JSON column read back through its schema: the value, or null when it is empty or does not match. */
import type { z } from 'zod';

export const readJsonColumn = <S extends z.ZodType>(schema: S, text: string | null): z.infer<S> | null => {
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};
