/**
 * "More than half" of the base (docs/rules.md §1) [law]. Every decision and every election result is measured
 * against N_base, never against the people present or the valid ballots. Integers only: `2 × votes > N_base`.
 */
export const isMoreThanHalf = (votes: number, base: number): boolean => 2 * votes > base;

/** The smallest number of votes that is more than half: N_base 20 → 11, N_base 19 → 10. */
export const majorityThreshold = (base: number): number => Math.floor(base / 2) + 1;

/** Percentage of the base with two decimals, rounded half up in integer arithmetic: 230 of 256 → 89.84. */
export const percentOf = (votes: number, base: number): number => {
  if (base <= 0) return 0;
  const hundredths = Math.floor((2 * votes * 10_000 + base) / (2 * base));
  return hundredths / 100;
};
