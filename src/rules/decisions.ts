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

/** The words of a show of hands, one source for the screens and the record (the regulation's "đồng ý"). */
export const SHOW_OF_HANDS_LABELS: Readonly<Record<keyof ShowOfHandsCounts, { readonly vi: string; readonly en: string }>> = {
  agree: { vi: 'Đồng ý', en: 'Agree' },
  disagree: { vi: 'Không đồng ý', en: 'Disagree' },
  other: { vi: 'Ý kiến khác', en: 'Other opinion' },
};

/**
 * A show of hands recorded into the official record must say how the hands went: an empty form (every count 0)
 * is a form nobody filled, not a vote. (A count nobody typed is refused by the form and the API's schema.)
 */
export const requireHandsCounted = (counts: ShowOfHandsCounts): Result<true, RuleError> =>
  counts.agree + counts.disagree + counts.other === 0
    ? err(ruleError('vote.empty', 'Chưa ghi số biểu quyết nào (cả ba số đều bằng 0): không ghi một biểu quyết trống vào biên bản.',
      'No count was entered (all three are 0): an empty vote is not recorded.', 'agree'))
    : ok(true);

/**
 * Opinion poll on a self-nominee or nominee (docs/rules.md §4) [law]: the name enters the list only if more than
 * 30% of the delegates PRESENT agree, computed exactly as `10 × agree > 3 × present`.
 */
export const isAdmittedByPoll = (agree: number, present: number): boolean => 10 * agree > 3 * present;

/** Fewest agree votes that admit a name: present 250 → 76. */
export const pollThreshold = (present: number): number => Math.floor((3 * present) / 10) + 1;
