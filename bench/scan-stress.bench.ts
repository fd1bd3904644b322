/**
 * Strikes through part of a name, on the stress set (src/scan/testing/stress.ts: every other row a partial strike of
 * the kinds whose line shows least — half a middle word, half a word, the family name, the given name, a middle word,
 * half the name — with a thin ballpoint, a ballpoint or a felt pen; the others nothing, a whole strike or a keeping
 * mark). RULES.md §5: a stroke through part of a name goes to the board, never into a count; a partial strike read kept
 * or struck with confidence is the worst error, and the bench's mix (1 % partial strikes) hardly sees one.
 * Every ballot is sealed, with nothing written outside, generated and read in memory (readStack, as the tests read).
 * Per set (dpi and seeds): partial rows, those read kept or struck with confidence (each listed on stderr: seed, row,
 * candidate, part, pen, what the reader measured), rows with nothing drawn sent to the board, keeping marks sent,
 * whole strikes not read struck, other confident errors (a name read struck that is not, a strike read kept), the time.
 * SCAN_STRESS_DPI: the resolutions, comma-separated (unset: the four sets 150 dpi 150,500–150,619 and 151,000–151,099,
 * 200 dpi 200,500–200,619, 300 dpi 300,500–300,559); SCAN_STRESS_SEED: the first seed, or one per resolution
 * (default dpi × 1000 + 500); SCAN_STRESS_BALLOTS: ballots per set (default 120; 60 at 300 dpi).
 * SCAN_STRESS_PRINTED=0 renders the ballots at the scan's resolution (generate.ts Printing 'rendered'); by default they
 * are printed paper. SCAN_STRESS_WHY=1 also lists the rows sent to the board or read wrong that are no partial strike.
 * SCAN_STRESS_PLAN=partial draws every row a partial strike (stress.ts everyRowPartial: the eight kinds, five pens in
 * turn) — the probe for partial strikes read with confidence; by default every other row (everyOtherPartial).
 */
import { HEADER, candidates, round } from '../src/documents/fixtures/congress.ts';
import { readStack, type RowReading } from '../src/scan/index.ts';
import { generateBallot, prepareGenerator, type Generator, type RowPlan } from '../src/scan/testing/generate.ts';
import { everyOtherPartial, everyRowPartial } from '../src/scan/testing/stress.ts';
import type { BenchResult } from './run.ts';

interface StressSet { readonly dpi: number; readonly firstSeed: number; readonly n: number }

const DEFAULT_SETS: readonly StressSet[] = [
  { dpi: 150, firstSeed: 150_500, n: 120 },
  { dpi: 150, firstSeed: 151_000, n: 100 },
  { dpi: 200, firstSeed: 200_500, n: 120 },
  { dpi: 300, firstSeed: 300_500, n: 60 },
];

const chosenSets = (): readonly StressSet[] => {
  const dpis = process.env.SCAN_STRESS_DPI;
  if (dpis === undefined || dpis === '') return DEFAULT_SETS;
  const seeds = (process.env.SCAN_STRESS_SEED ?? '').split(',').filter((s) => s !== '').map(Number);
  const ballots = process.env.SCAN_STRESS_BALLOTS;
  return dpis.split(',').map(Number).map((dpi, i) => ({
    dpi,
    firstSeed: seeds[i] ?? seeds[0] ?? dpi * 1000 + 500,
    n: ballots === undefined ? (dpi >= 300 ? 60 : 120) : Number(ballots),
  }));
};

const printing = process.env.SCAN_STRESS_PRINTED === '0' ? 'rendered' : 'printed';
const why = process.env.SCAN_STRESS_WHY === '1';
const everyRow = process.env.SCAN_STRESS_PLAN === 'partial';
const planOf = everyRow ? everyRowPartial : everyOtherPartial;

const said = (r: RowReading): string => (r.kind === 'strike' ? r.state : r.mark ?? 'uncertain');
const confident = (state: string): boolean => state === 'kept' || state === 'struck';
const pct = (v: number): string => (100 * v).toFixed(0);
/** What the reader measured on a row, as the scan bench prints it. */
const measured = (r: RowReading): string => r.kind !== 'strike' ? '' :
  `cover ${pct(r.coverage)} run ${pct(r.longestRun)} faint ${pct(r.faint.coverage)}/${pct(r.faint.longestRun)} ` +
  `line ${pct(r.line.coverage)}/${pct(r.line.leastWord)}${r.line.through ? ' through' : ''} slope ${r.line.slope.toFixed(2)}`;
const planWords = (p: RowPlan): string =>
  p.kind === 'partial' ? `${p.part}, ${p.pen}` : p.kind === 'strike' ? `strike ${p.shape}, ${p.pen}` : p.kind === 'non-strike' ? `${p.mark}, ${p.pen}` : p.kind;

interface Counts {
  partial: number; partialKept: number; partialStruck: number;
  none: number; noneSent: number;
  keeping: number; keepingSent: number;
  strikes: number; strikesNotStruck: number;
  otherErrors: number; unread: number;
}

const readSet = async (g: Generator, set: StressSet): Promise<Counts> => {
  const c: Counts = { partial: 0, partialKept: 0, partialStruck: 0, none: 0, noneSent: 0, keeping: 0, keepingSent: 0, strikes: 0, strikesNotStruck: 0, otherErrors: 0, unread: 0 };
  const at = `${set.dpi} dpi`;
  for (let seed = set.firstSeed; seed < set.firstSeed + set.n; seed++) {
    const b = await generateBallot(g, { seed, stamped: true, writingOutside: false, plan: planOf(seed) });
    const sheet = readStack(b.pages, g.target).sheets[0]!;
    if (sheet.kind !== 'read') {
      c.unread++;
      process.stderr.write(`  ${at} seed ${seed}: not read (${sheet.reason.message_en})\n`);
      continue;
    }
    for (const [row, r] of sheet.page.rows.entries()) {
      const plan = b.truth.plans.get(r.candidateId)!;
      const state = said(r);
      const line = (what: string): void => { process.stderr.write(`  ${what} ${at} seed ${seed} row ${row + 1} ${r.candidateId} (${planWords(plan)}): ${state} — ${measured(r)}\n`); };
      switch (plan.kind) {
        case 'partial':
          c.partial++;
          if (state === 'kept') c.partialKept++;
          if (state === 'struck') c.partialStruck++;
          if (confident(state)) line('PARTIAL READ');
          break;
        case 'none':
          c.none++;
          if (state !== 'kept') c.noneSent++;
          if (state === 'struck') c.otherErrors++;
          if (why && state !== 'kept') line('nothing drawn');
          break;
        case 'non-strike':
          c.keeping++;
          if (state !== 'kept') c.keepingSent++;
          if (state === 'struck') c.otherErrors++;
          if (why && state !== 'kept') line('keeping mark');
          break;
        case 'strike':
          c.strikes++;
          if (state !== 'struck') c.strikesNotStruck++;
          if (state === 'kept') c.otherErrors++;
          if (why && state !== 'struck') line('whole strike');
          break;
        default:
          break;
      }
    }
  }
  return c;
};

export default async (): Promise<BenchResult[]> => {
  const results: BenchResult[] = [];
  const generators = new Map<number, Generator>();
  for (const set of chosenSets()) {
    let g = generators.get(set.dpi);
    if (g === undefined) {
      const made = await prepareGenerator({ header: HEADER, round: round({ kind: 'committee', seats: 15, candidates: candidates(18) }) }, set.dpi, printing);
      if (!made.ok) throw new Error(made.error.message_en);
      g = made.value;
      generators.set(set.dpi, g);
    }
    const name = `scan stress (${everyRow ? 'every row partial, ' : ''}${printing} paper, ${set.dpi} dpi, seeds ${set.firstSeed}–${set.firstSeed + set.n - 1})`;
    process.stderr.write(`${name}: ${new Date().toISOString()}\n`);
    const t0 = performance.now();
    const c = await readSet(g, set);
    const seconds = Math.round((performance.now() - t0) / 100) / 10;
    const out: BenchResult[] = [
      { bench: `${name}: partial rows`, value: c.partial, unit: 'rows' },
      { bench: `${name}: partial rows read kept with confidence`, value: c.partialKept, unit: `of ${c.partial}` },
      { bench: `${name}: partial rows read struck with confidence`, value: c.partialStruck, unit: `of ${c.partial}` },
      { bench: `${name}: rows with nothing drawn sent to the board`, value: c.noneSent, unit: `of ${c.none}` },
      { bench: `${name}: keeping marks sent to the board`, value: c.keepingSent, unit: `of ${c.keeping}` },
      { bench: `${name}: whole strikes not read struck`, value: c.strikesNotStruck, unit: `of ${c.strikes}` },
      { bench: `${name}: other confident errors (read struck not struck, a strike read kept)`, value: c.otherErrors, unit: 'rows' },
      { bench: `${name}: sheets not read`, value: c.unread, unit: `of ${set.n}` },
      { bench: `${name}: generate + read (wall clock)`, value: seconds, unit: 's' },
    ];
    for (const r of out) process.stderr.write(`${JSON.stringify(r)}\n`);
    results.push(...out);
  }
  return results;
};
