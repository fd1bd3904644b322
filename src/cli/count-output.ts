import { remainingOf, type CountOutcome, type ElectionCount, type ElectionSpec, type Remaining } from '../rules/index.ts';

/** What of the election the output needs besides the count. */
export type CountedSpec = Pick<ElectionSpec, 'kind' | 'seats' | 'alternateSeats' | 'settings'>;

/** Where a tie is: at the last official seats, or at the last alternate seats of a delegation (docs/rules.md §6). */
type TieCut = 'official' | 'alternate';

/** The cut of the result's `tie`, which is the official tie, else the alternate one (src/rules/count.ts). */
const tieCut = (remaining: Remaining): TieCut => (remaining.official.tie !== null ? 'official' : 'alternate');

const electionFields = (e: ElectionCount, spec: CountedSpec): Record<string, unknown> => {
  const remaining = remainingOf(e, spec);
  return {
    elected: e.elected,
    ...(e.alternates !== undefined ? { alternates: e.alternates } : {}),
    tie: e.tie === null ? null : { ...e.tie, cut: tieCut(remaining) },
    unfilledSeats: e.unfilledSeats,
    outcome: e.outcome,
    // A delegation fills two cuts, and can tie at both at once: what remains of each, with its own tie.
    ...(spec.kind === 'delegates' ? { remaining } : {}),
  };
};

/**
 * The exact JSON of the CLI contract, field by field, whatever the core carries besides. `measured` false (a
 * secretary poll given no base): base, threshold and every percent are null.
 */
export const countToJson = (outcome: CountOutcome, spec: CountedSpec, measured = true): Record<string, unknown> => {
  const c = outcome.count;
  const common = measured
    ? { base: c.base, threshold: c.threshold, ballots: c.ballots, results: c.results }
    : { base: null, threshold: null, ballots: c.ballots, results: c.results.map((r) => ({ ...r, percent: null })) };
  switch (outcome.type) {
    case 'election':
      return { ...common, ...electionFields(outcome.count, spec) };
    case 'opinion-poll':
      return { ...common, admitted: outcome.count.admitted };
    case 'secretary-poll':
      return { ...common, unrecognized: outcome.count.unrecognized, blank: outcome.count.blank };
  }
};
