/** Builders for the tests of the rules core: small elections written the way docs/rules.md describes them. */
import type { Ballot, Mark } from './ballot.ts';
import type { Candidate, ElectionSpec } from './election.ts';
import { defaultCountSettings, type CountSettings } from './settings.ts';

/** Candidates c1…cN named "Người 1"…"Người N", in ballot order. */
export const candidates = (n: number): Candidate[] =>
  Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, name: `Người ${i + 1}` }));

export const election = (
  overrides: Partial<Omit<ElectionSpec, 'settings'>> & { readonly settings?: Partial<CountSettings> } = {},
): ElectionSpec => ({
  kind: 'committee',
  seats: 2,
  alternateSeats: 0,
  base: 10,
  candidates: candidates(3),
  ...overrides,
  settings: { ...defaultCountSettings, ...overrides.settings },
});

/** `count` copies of the same ballot. */
export const copies = (count: number, ballot: Ballot): Ballot[] => Array.from({ length: count }, () => ballot);

/** An agree/disagree ballot from a row of marks, in ballot order: marksOf('agree', 'none') → c1 agree, c2 none. */
export const marksOf = (...row: Mark[]): Ballot => ({
  marks: Object.fromEntries(row.map((mark, i) => [`c${i + 1}`, mark])),
});
