/** Expected failures of a request: a rule error with the HTTP status that says what kind it is. */
import type { ApiErrorBody, RowIssue } from '../api/errors.ts';
import { ruleError, type RuleError } from '../rules/index.ts';

export interface Problem extends RuleError {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;
  /** A file refused as a whole: every row and column at fault. */
  readonly issues?: readonly RowIssue[];
}

export const problem = (status: Problem['status'], e: RuleError): Problem => ({ ...e, status });

export const badRequest = (e: RuleError): Problem => problem(400, e);
export const conflict = (e: RuleError): Problem => problem(409, e);
export const unprocessable = (e: RuleError): Problem => problem(422, e);

export const notFound = (what_vi: string, what_en: string, field?: string): Problem =>
  problem(404, ruleError('not-found', `Không tìm thấy ${what_vi}.`, `${what_en} not found.`, field));

export const unauthenticated = (): Problem =>
  problem(401, ruleError('auth.required', 'Cần đăng nhập.', 'Sign-in required.'));

export const forbidden = (): Problem =>
  problem(403, ruleError('auth.forbidden', 'Bạn không có quyền thực hiện thao tác này.', 'You are not allowed to do this.'));

/** The JSON body of every error answer. */
export const errorBody = (e: RuleError & { readonly issues?: readonly RowIssue[] }): ApiErrorBody => ({
  error: e.field === undefined
    ? { code: e.code, message_vi: e.message_vi, message_en: e.message_en }
    : { code: e.code, message_vi: e.message_vi, message_en: e.message_en, field: e.field },
  ...(e.issues === undefined ? {} : { issues: [...e.issues] }),
});

/** A refusal of the rules of src/elections: not now (409), or against a rule (422). */
export const fromRefusal = (r: { readonly kind: 'state' | 'rule' } & RuleError): Problem => {
  const { kind, ...e } = r;
  return problem(kind === 'state' ? 409 : 422, e);
};
