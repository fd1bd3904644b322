/**
 * Count throughput of the rules core: ballots × names on the list per second of `countBallots`,
 * on one core. The ballots are generated beforehand and not timed. Goal: ≥ 2,000,000 ballot-names/s.
 */
import { countBallots, type Ballot, type ElectionSpec } from '../src/rules/index.ts';
import { committeeSpec, randomFrom, strikeOutPile } from './support/piles.ts';
import type { BenchResult } from './run.ts';

/** A committee list with a 20% surplus; each voter strikes at least the surplus, sometimes a few more. */
const strikeOutElection = (names: number, ballots: number, seed: number) => {
  const spec = committeeSpec(names, Math.round(names / 1.2), ballots);
  return { spec, pile: strikeOutPile(spec, ballots, seed) };
};

/** A list without surplus: every row has agree / disagree boxes; a few rows are left blank or doubly marked. */
const agreeDisagreeElection = (names: number, ballots: number, seed: number) => {
  const { spec } = strikeOutElection(names, 0, seed);
  const noSurplus: ElectionSpec = { ...spec, seats: names, base: ballots };
  const random = randomFrom(seed);
  const marks = ['agree', 'agree', 'agree', 'agree', 'agree', 'agree', 'disagree', 'disagree', 'both', 'none'] as const;
  const pile: Ballot[] = new Array<Ballot>(ballots);
  for (let b = 0; b < ballots; b++) {
    const row: Record<string, (typeof marks)[number]> = {};
    for (const c of noSurplus.candidates) row[c.id] = marks[Math.floor(random() * marks.length)]!;
    pile[b] = { marks: row };
  }
  return { spec: noSurplus, pile };
};

type Generator = typeof strikeOutElection;

const throughput = (bench: string, generate: Generator, names: number, ballots: number): BenchResult => {
  const { spec, pile } = generate(names, ballots, names * 7919 + ballots);
  countBallots(spec, pile.slice(0, 10_000)); // warm-up: let the JIT compile the loop
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    const start = process.hrtime.bigint();
    const result = countBallots(spec, pile);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (!result.ok) throw new Error(result.error.message_en);
    best = Math.min(best, seconds);
  }
  return { bench, value: Math.round((ballots * names) / best), unit: 'ballot-names/s' };
};

export default async (): Promise<BenchResult[]> => [
  throughput('count 1,000,000 ballots × 30 names (strike-out)', strikeOutElection, 30, 1_000_000),
  throughput('count 100,000 ballots × 300 names (strike-out)', strikeOutElection, 300, 100_000),
  throughput('count 1,000,000 ballots × 30 names (agree/disagree)', agreeDisagreeElection, 30, 1_000_000),
];
