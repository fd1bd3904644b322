/** zod issues in plain Vietnamese and English, with the path of the field at fault. */
import type { z } from 'zod';
import { err, ok, ruleError, type Result, type RuleError } from '../rules/index.ts';

const fieldOf = (where: string, path: readonly PropertyKey[]): string =>
  [where, ...path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))].join('.').replace(/\.\[/gu, '[');

const describe = (issue: z.core.$ZodIssue): [string, string] => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? ['Thiếu giá trị bắt buộc.', 'A required value is missing.']
        : [`Sai kiểu dữ liệu (cần ${issue.expected}).`, `Wrong type (expected ${issue.expected}).`];
    case 'too_small':
      return [`Giá trị quá nhỏ hoặc quá ngắn (tối thiểu ${String(issue.minimum)}).`, `Too small or too short (minimum ${String(issue.minimum)}).`];
    case 'too_big':
      return [`Giá trị quá lớn hoặc quá dài (tối đa ${String(issue.maximum)}).`, `Too big or too long (maximum ${String(issue.maximum)}).`];
    case 'invalid_format':
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

export const issuesToError = (where: string, error: z.ZodError): RuleError => {
  const issue = error.issues[0];
  if (issue === undefined) return ruleError('validation', 'Dữ liệu không hợp lệ.', 'Invalid data.', where);
  const path = issue.code === 'unrecognized_keys' ? [...issue.path] : issue.path;
  const [vi, en] = describe(issue);
  const field = fieldOf(where, path);
  return ruleError('validation', `Trường "${field}": ${vi}`, `Field "${field}": ${en}`, field);
};

export const parseWith = <S extends z.ZodType>(schema: S, value: unknown, where: string): Result<z.infer<S>, RuleError> => {
  const parsed = schema.safeParse(value);
  return parsed.success ? ok(parsed.data) : err(issuesToError(where, parsed.error));
};
