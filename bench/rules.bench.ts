/**
 * Count throughput of the rules core (issue 2): ballots × names on the list per second of `countBallots`,
 * on one core. The ballots are generated beforehand and not timed. Goal: ≥ 2,000,000 ballot-names/s.
 * Also the cold start of the CLI (`node bin/daihoi.js help`), the time a hall script waits for nothing.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countBallots, defaultCountSettings, type Ballot, type ElectionSpec } from '../src/rules/index.ts';
import type { BenchResult } from './run.ts';

/** A small deterministic generator (mulberry32), so every run counts the same piles. */
const randomFrom = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** A committee list with a 20% surplus; each voter strikes at least the surplus, sometimes a few more. */
const strikeOutElection = (names: number, ballots: number, seed: number) => {
  const seats = Math.round(names / 1.2);
  const spec: ElectionSpec = {
    kind: 'committee',
    seats,
    alternateSeats: 0,
    base: ballots,
    candidates: Array.from({ length: names }, (_, i) => ({ id: `c${i}`, name: `Ứng cử viên ${i}` })),
    settings: defaultCountSettings,
  };
  const random = randomFrom(seed);
  const ids = spec.candidates.map((c) => c.id);
  const pile: Ballot[] = new Array<Ballot>(ballots);
  for (let b = 0; b < ballots; b++) {
    const strikes = names - seats + Math.floor(random() * 3);
    const order = [...ids];
    for (let k = 0; k < strikes; k++) {
      const j = k + Math.floor(random() * (names - k));
      [order[k], order[j]] = [order[j]!, order[k]!];
    }
    pile[b] = { struck: order.slice(0, strikes) };
  }
  return { spec, pile };
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

const cliColdStart = (): BenchResult => {
  const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'daihoi.js');
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, [cli, 'help'], { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (child.status !== 0) throw new Error(`daihoi help exited ${String(child.status)}`);
  }
  times.sort((a, b) => a - b);
  return { bench: 'cli cold start (daihoi help, median of 5)', value: Math.round(times[2]!), unit: 'ms' };
};

export default async (): Promise<BenchResult[]> => [
  throughput('count 1,000,000 ballots × 30 names (strike-out)', strikeOutElection, 30, 1_000_000),
  throughput('count 100,000 ballots × 300 names (strike-out)', strikeOutElection, 300, 100_000),
  throughput('count 1,000,000 ballots × 30 names (agree/disagree)', agreeDisagreeElection, 30, 1_000_000),
  cliColdStart(),
];
