/** Deterministic elections and ballot piles for the benches, so every run counts the same ballots. */
import { defaultCountSettings, type Ballot, type ElectionSpec } from '../../src/rules/index.ts';

/** A small deterministic generator (mulberry32). */
export const randomFrom = (seed: number) => (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** A committee election of `names` candidates for `seats`, measured against a base of `base`. */
export const committeeSpec = (names: number, seats: number, base: number): ElectionSpec => ({
  kind: 'committee', seats, alternateSeats: 0, base, settings: defaultCountSettings,
  candidates: Array.from({ length: names }, (_, i) => ({ id: `c${i}`, name: `Ứng cử viên ${i}` })),
});

/** Strike-out ballots: each voter strikes at least the surplus, sometimes up to two more. */
export const strikeOutPile = (spec: ElectionSpec, ballots: number, seed: number): Ballot[] => {
  const names = spec.candidates.length;
  const random = randomFrom(seed);
  const ids = spec.candidates.map((c) => c.id);
  const pile = new Array<Ballot>(ballots);
  for (let b = 0; b < ballots; b++) {
    const strikes = names - spec.seats + Math.floor(random() * 3);
    const order = [...ids];
    for (let k = 0; k < strikes; k++) {
      const j = k + Math.floor(random() * (names - k));
      [order[k], order[j]] = [order[j]!, order[k]!];
    }
    pile[b] = { struck: order.slice(0, strikes) };
  }
  return pile;
};
