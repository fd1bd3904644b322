import type { CountOutcome } from '../rules/index.ts';

/** The exact JSON of the CLI contract, field by field, whatever the core carries besides. */
export const countToJson = (outcome: CountOutcome): Record<string, unknown> => {
  const c = outcome.count;
  const common = { base: c.base, threshold: c.threshold, ballots: c.ballots, results: c.results };
  switch (outcome.type) {
    case 'election': {
      const e = outcome.count;
      return {
        ...common,
        elected: e.elected,
        ...(e.alternates !== undefined ? { alternates: e.alternates } : {}),
        tie: e.tie,
        unfilledSeats: e.unfilledSeats,
        outcome: e.outcome,
      };
    }
    case 'opinion-poll':
      return { ...common, admitted: outcome.count.admitted };
    case 'secretary-poll':
      return { ...common, unrecognized: outcome.count.unrecognized, blank: outcome.count.blank };
  }
};
