/**
 * The one error shape every endpoint answers with: Vietnamese first, English second, the field at fault; and,
 * for a file refused as a whole (an import), every row and column at fault.
 */
import { z } from 'zod';

export const RowIssue = z.object({
  row: z.number(), column: z.string().nullable(), code: z.string(), message_vi: z.string(), message_en: z.string(),
});
export type RowIssue = z.infer<typeof RowIssue>;

export const ApiError = z.object({
  code: z.string(),
  message_vi: z.string(),
  message_en: z.string(),
  field: z.string().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export const ApiErrorBody = z.object({ error: ApiError, issues: z.array(RowIssue).optional() });
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
