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

/** One zod issue in plain Vietnamese and English (the server's errors and the forms' messages as you type). */
export const describeIssue = (issue: z.core.$ZodIssue): [string, string] => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? ['Thiếu giá trị bắt buộc.', 'A required value is missing.']
        : [`Sai kiểu dữ liệu (cần ${issue.expected}).`, `Wrong type (expected ${issue.expected}).`];
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return ['Không được để trống.', 'Must not be empty.'];
      return [`Giá trị quá nhỏ hoặc quá ngắn (tối thiểu ${String(issue.minimum)}).`, `Too small or too short (minimum ${String(issue.minimum)}).`];
    case 'too_big':
      return [`Giá trị quá lớn hoặc quá dài (tối đa ${String(issue.maximum)}).`, `Too big or too long (maximum ${String(issue.maximum)}).`];
    case 'invalid_format':
      if (issue.format === 'date') return ['Ngày không hợp lệ (cần dạng ngày/tháng/năm).', 'Not a valid date.'];
      if (issue.format === 'regex') return ['Sai định dạng.', 'Wrong format.'];
      return [`Sai định dạng (${issue.format}).`, `Wrong format (${issue.format}).`];
    case 'invalid_value':
      return [`Giá trị không được phép; được phép: ${issue.values.map(String).join(', ')}.`,
        `Value not allowed; allowed: ${issue.values.map(String).join(', ')}.`];
    case 'unrecognized_keys':
      return [`Trường không được phép: ${issue.keys.join(', ')}.`, `Unknown field: ${issue.keys.join(', ')}.`];
    case 'invalid_union':
      return ['Dữ liệu không khớp với dạng nào được chấp nhận.', 'The data matches none of the accepted forms.'];
    case 'not_multiple_of':
      return ['Giá trị không hợp lệ.', 'Invalid value.'];
    case 'custom': {
      const [vi, en] = issue.message.split('||');
      return en === undefined ? ['Giá trị không hợp lệ.', 'Invalid value.'] : [vi ?? '', en];
    }
    default:
      return ['Dữ liệu không hợp lệ.', 'Invalid data.'];
  }
};
