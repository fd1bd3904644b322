/**
 * What is wrong with one field, from a zod issue, in Vietnamese and in English: the Vietnamese sentence never
 * carries zod's English (type names, messages). Parse with `{ reportInput: true }` so that a missing field
 * (no input) is told apart from a wrong one.
 */
import type { z } from 'zod';
import { formatInteger } from './vi.ts';

export interface IssueText {
  readonly vi: string;
  readonly en: string;
}

/** A field that must be there and is not. */
export const MISSING: IssueText = { vi: 'bắt buộc, nhưng không có', en: 'required, but missing' };

/** The value a field should hold, by zod's name of the type expected. */
const TYPE_VI: Readonly<Record<string, string>> = {
  number: 'một số',
  int: 'một số nguyên',
  string: 'một chuỗi ký tự',
  boolean: 'true hoặc false',
  array: 'một danh sách [ … ]',
  object: 'một đối tượng { … }',
  record: 'một đối tượng { … }',
  null: 'null',
};
const typeVi = (expected: string): string => TYPE_VI[expected] ?? 'kiểu khác';

/** A limit as a person reads it; zod gives numbers (or bigints, for a bigint field). */
const limit = (n: number | bigint): { vi: string; en: string } =>
  typeof n === 'number' ? { vi: formatInteger(n), en: String(n) } : { vi: String(n), en: String(n) };

const formatVi = (format: string): string =>
  format === 'date' ? 'ngày dạng NNNN-TT-NN, ví dụ 2020-07-15' : 'định dạng quy định';

export const describeIssue = (issue: z.core.$ZodIssue): IssueText => {
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) {
    return MISSING;
  }
  switch (issue.code) {
    case 'invalid_type':
      // JSON writes a number beyond 1.8e308 as such, and JSON.parse reads it as Infinity.
      if (issue.input === Infinity || issue.input === -Infinity) {
        return { vi: 'số quá lớn', en: 'number too large' };
      }
      if (issue.expected === 'int' && typeof issue.input === 'number') {
        return { vi: 'phải là số nguyên', en: 'must be an integer' };
      }
      return { vi: `sai kiểu dữ liệu (cần ${typeVi(issue.expected)})`, en: `wrong type (expected ${issue.expected})` };
    case 'too_small': {
      const n = limit(issue.minimum);
      if (issue.origin === 'array') return { vi: `cần ít nhất ${n.vi} phần tử`, en: `needs at least ${n.en} item(s)` };
      if (issue.origin === 'string') {
        return Number(issue.minimum) === 1
          ? { vi: 'không được để trống', en: 'must not be empty' }
          : { vi: `cần ít nhất ${n.vi} ký tự`, en: `needs at least ${n.en} character(s)` };
      }
      return issue.inclusive === false
        ? { vi: `phải lớn hơn ${n.vi}`, en: `must be greater than ${n.en}` }
        : { vi: `giá trị quá nhỏ (tối thiểu ${n.vi})`, en: `too small (minimum ${n.en})` };
    }
    case 'too_big': {
      const n = limit(issue.maximum);
      if (issue.origin === 'array') return { vi: `nhiều nhất ${n.vi} phần tử`, en: `at most ${n.en} item(s)` };
      if (issue.origin === 'string') return { vi: `dài nhất ${n.vi} ký tự`, en: `at most ${n.en} character(s)` };
      return issue.inclusive === false
        ? { vi: `phải nhỏ hơn ${n.vi}`, en: `must be less than ${n.en}` }
        : { vi: `số quá lớn (tối đa ${n.vi})`, en: `too large (maximum ${n.en})` };
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return { vi: `giá trị không hợp lệ (cần một trong ${allowed})`, en: `invalid value (expected one of ${allowed})` };
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.join('", "');
      return { vi: `không nhận biết "${keys}"`, en: `unrecognized "${keys}"` };
    }
    case 'invalid_format':
      return { vi: `sai định dạng (cần ${formatVi(issue.format)})`, en: `wrong format (expected ${issue.format})` };
    case 'invalid_union':
      return { vi: 'không khớp với dạng nào được chấp nhận', en: 'matches none of the accepted forms' };
    default:
      return { vi: 'giá trị không hợp lệ', en: `invalid value (${issue.message})` };
  }
};
