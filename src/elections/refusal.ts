/**
 * Why a step of a round's life is refused: `state` — not now (the round is elsewhere in its life: 409 at the
 * API); `rule` — the request breaks a rule (422).
 */
import { err, ruleError, type Result, type RuleError } from '../rules/index.ts';

export interface Refusal extends RuleError {
  readonly kind: 'state' | 'rule';
}

export const notNow = (e: RuleError): Refusal => ({ ...e, kind: 'state' });
export const breaks = (e: RuleError): Refusal => ({ ...e, kind: 'rule' });

export const refuseNow = (code: string, vi: string, en: string, field?: string): Result<never, Refusal> =>
  err(notNow(ruleError(code, vi, en, field)));
export const refuseRule = (code: string, vi: string, en: string, field?: string): Result<never, Refusal> =>
  err(breaks(ruleError(code, vi, en, field)));
