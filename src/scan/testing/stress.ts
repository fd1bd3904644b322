/**
 * The stress set of strikes through part of a name (docs/rules.md §5: the board rules on them, never a count): every
 * other row a partial strike, the others nothing, a whole strike or a keeping mark. The bench's mix has 1 % partial
 * strikes and hardly sees them; test/scan/partial-strikes.test.ts and bench/scan-stress.bench.ts draw this one.
 */
import type { RowPlan } from './generate.ts';
import { NON_STRIKES, PARTIAL_STRIKES, STRIKE_SHAPES, type PartialStrike, type Pen } from './human.ts';

/** The partial strikes of the set: those whose line shows least beside the letters. */
export const STRESS_PARTS: readonly PartialStrike[] = ['half-middle-word', 'half-word', 'family-name', 'given-name', 'middle-word', 'half-name'];
/** The pens of the other rows; the partial strikes take the first three (a thin ballpoint, a ballpoint, a felt pen). */
const PENS: readonly Pen[] = ['thin-ballpoint', 'ballpoint', 'felt-pen', 'gel-pen'];

/** Every other row a partial strike (each kind, a thin ballpoint, a ballpoint or a felt pen in turn); the others nothing, a whole strike or a keeping mark. */
export const everyOtherPartial = (seed: number) => (i: number): RowPlan => {
  const n = seed * 7 + i;
  if (i % 2 === 0) return { kind: 'partial', part: STRESS_PARTS[(n >> 1) % STRESS_PARTS.length]!, pen: PENS[(seed + (i >> 1)) % 3]! };
  const u = ((i - 1) / 2 + seed) % 3;
  if (u === 0) return { kind: 'none' };
  if (u === 1) return { kind: 'strike', shape: STRIKE_SHAPES[n % STRIKE_SHAPES.length]!, pen: PENS[n % PENS.length]! };
  return { kind: 'non-strike', mark: NON_STRIKES[n % NON_STRIKES.length]!, pen: PENS[n % PENS.length]! };
};

/** The pens of the every-row probe: the thin ballpoint twice as often, its line the palest beside the letters. */
const PROBE_PENS: readonly Pen[] = ['thin-ballpoint', 'thin-ballpoint', 'ballpoint', 'gel-pen', 'felt-pen'];

/**
 * Every row a partial strike: the eight kinds in turn, the pens of PROBE_PENS in turn — the probe that finds a partial
 * read kept or struck with confidence (bench/scan-stress.bench.ts, SCAN_STRESS_PLAN=partial).
 */
export const everyRowPartial = (seed: number) => (i: number): RowPlan => ({
  kind: 'partial',
  part: PARTIAL_STRIKES[(seed + i) % PARTIAL_STRIKES.length]!,
  pen: PROBE_PENS[(seed * 3 + i) % PROBE_PENS.length]!,
});
