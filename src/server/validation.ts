/** zod issues in plain Vietnamese and English, with the path of the field at fault. */
import type { z } from 'zod';
import { describeIssue as describe } from '../api/errors.ts';
import { err, ok, ruleError, type Result, type RuleError } from '../rules/index.ts';

const fieldOf = (where: string, path: readonly PropertyKey[]): string =>
  [where, ...path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))].join('.').replace(/\.\[/gu, '[');

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
