/** The one error shape every route answers with (issue 3): Vietnamese first, English second, the field at fault. */
import { z } from 'zod';

export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message_vi: z.string(),
    message_en: z.string(),
    field: z.string().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
