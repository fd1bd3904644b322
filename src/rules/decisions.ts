import { isMoreThanHalf, majorityThreshold } from './majority.ts';
import { err, ok, ruleError, type Result, type RuleError } from './result.ts';

export interface ShowOfHandsCounts {
  readonly agree: number;
  readonly disagree: number;
  /** Other opinions (ý kiến khác). */
  readonly other: number;
}

export interface ShowOfHandsDecision extends ShowOfHandsCounts {
  readonly base: number;
  readonly threshold: number;
  readonly passed: boolean;
}

/**
 * A show-of-hands vote (docs/rules.md §2) [law]: passes when `2 × agree > N_base`. When the number present is
 * known, more hands than people present is refused.
 */
export const decideShowOfHands = (
  counts: ShowOfHandsCounts,
  base: number,
  present?: number,
): Result<ShowOfHandsDecision, RuleError> => {
  for (const key of ['agree', 'disagree', 'other'] as const) {
    const n = counts[key];
    if (!Number.isInteger(n) || n < 0) {
      return err(ruleError('vote.count', `Số "${key}" phải là số nguyên không âm.`,
        `The "${key}" count must be a non-negative integer.`, key));
    }
  }
  const total = counts.agree + counts.disagree + counts.other;
  if (present !== undefined && total > present) {
    return err(ruleError('vote.over-present',
      `Tổng số biểu quyết (${total}) vượt số đại biểu có mặt (${present}).`,
      `The votes (${total}) exceed the delegates present (${present}).`));
  }
  if (total > base) {
    return err(ruleError('vote.over-base', `Tổng số biểu quyết (${total}) vượt số đại biểu (${base}).`,
      `The votes (${total}) exceed the base (${base}).`));
  }
  return ok({ ...counts, base, threshold: majorityThreshold(base), passed: isMoreThanHalf(counts.agree, base) });
};

/**
 * Opinion poll on a self-nominee or nominee (docs/rules.md §4) [law]: the name enters the list only if more than
 * 30% of the delegates PRESENT agree, computed exactly as `10 × agree > 3 × present`.
 */
export const isAdmittedByPoll = (agree: number, present: number): boolean => 10 * agree > 3 * present;

/** Fewest agree votes that admit a name: present 250 → 76. */
export const pollThreshold = (present: number): number => Math.floor((3 * present) / 10) + 1;
