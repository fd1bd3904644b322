/**
 * Reading scanned ballots (issue 7), on generated ballots whose ground truth is known: our real A4 ballot
 * (18 names, 15 seats) rendered at 200 dpi, marked as people mark (strikes of every shape and pen, underlines,
 * ticks, circles, dots; a few partial strikes, missing stamps and writing outside the rows, which must go to
 * review), then degraded (±5°, upside down, ±3 % scale, blur, noise, shadow, JPEG).
 * - ms per ballot: the reader's CPU time on one core (registration, QR, rows, stamp, outside writing), from a
 *   decoded grey page; JPEG decoding of such a page is reported apart;
 * - the share of ballots decided without review, overall (the stress mix) and among those that need no
 *   person by their truth; the share of the review queue that was necessary (its ballots' truth needs a person);
 * - confident errors: a row read wrong and not sent to review, or a ballot decided with a wrong flag;
 * - needless reviews: for each reason code that sent a ballot needing no person to review, how many ballots,
 *   under which degradations, and (rows) what was drawn on the row.
 * The same mix is then read at 150 and 300 dpi (the issue's range of inputs), with fewer ballots.
 * SCAN_BENCH_BALLOTS sets the number of ballots at 200 dpi (default 300: generating one takes longer than
 * reading it); SCAN_BENCH_DPI_BALLOTS the number at 150 and at 300 dpi (default 200; 0 skips them).
 */
import sharp from 'sharp';
import { HEADER, candidates, round } from '../src/documents/fixtures/congress.ts';
import { readStack, type BallotReading, type RowReading } from '../src/scan/index.ts';
import type { Degradation } from '../src/scan/testing/degrade.ts';
import { generateBallot, prepareGenerator, type GeneratedBallot, type RowPlan } from '../src/scan/testing/generate.ts';
import type { BenchResult } from './run.ts';

const said = (r: RowReading): string => (r.kind === 'strike' ? r.state : r.mark ?? 'uncertain');

/** Rows read confidently and wrong, plus a decided ballot whose stamp flag is wrong. */
const confidentErrors = (b: GeneratedBallot, reading: BallotReading): number => {
  let errors = 0;
  for (const r of reading.rows) {
    const got = said(r);
    if (got !== 'uncertain' && got !== b.truth.rows.get(r.candidateId)) errors++;
  }
  if (reading.kind === 'decided' && (reading.ballot.notIssued === true) === b.truth.stamped) errors++;
  if (reading.kind === 'decided' && b.truth.writingOutside) errors++;
  return errors;
};

const needsNobody = (b: GeneratedBallot): boolean =>
  b.truth.stamped && !b.truth.writingOutside && ![...b.truth.rows.values()].includes('partial');

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** The degradations of a page, as words to tally needless reviews by. */
const degradationWords = (d: Degradation): string[] => [
  'any',
  ...(d.blur ? ['blur'] : []),
  ...(d.jpeg !== null ? ['jpeg'] : []),
  ...(d.noise >= 10 ? ['noise ≥ 10'] : []),
  ...(d.shadow > 0 ? ['shadow'] : []),
  ...(d.upsideDown ? ['upside down'] : []),
  ...(Math.abs(d.degrees) >= 3 ? ['tilt ≥ 3°'] : []),
];

const planWords = (p: RowPlan | undefined): string => {
  switch (p?.kind) {
    case undefined: return 'unknown';
    case 'none': return 'nothing drawn';
    case 'strike': return `strike ${p.shape} ${p.pen}`;
    case 'partial': return `partial ${p.pen}`;
    case 'non-strike': return `${p.mark} ${p.pen}`;
    case 'mark': return `mark ${p.mark} ${p.pen}`;
  }
};

interface Pass {
  readonly dpi: number;
  readonly n: number;
  readCpu: number;
  readWall: number;
  decided: number;
  clean: number;
  cleanDecided: number;
  reviewed: number;
  reviewedNeeded: number;
  errors: number;
  rejected: number;
  /** Needless reviews: "reason code · degradation" → ballots; "reason code · row drawn" → rows. */
  readonly needless: Map<string, number>;
}

const count = (m: Map<string, number>, key: string): void => {
  m.set(key, (m.get(key) ?? 0) + 1);
};

const MIX = { pNonStrike: 0.08, pPartial: 0.001, pNoStamp: 0.005, pOutside: 0.005 } as const;

const runPass = async (dpi: number, n: number, firstSeed: number): Promise<Pass> => {
  const g = await prepareGenerator({ header: HEADER, round: round({ kind: 'committee', seats: 15, candidates: candidates(18) }) }, dpi);
  if (!g.ok) throw new Error(g.error.message_en);
  const p: Pass = {
    dpi, n, readCpu: 0, readWall: 0, decided: 0, clean: 0, cleanDecided: 0, reviewed: 0, reviewedNeeded: 0, errors: 0, rejected: 0,
    needless: new Map(),
  };
  for (let seed = firstSeed; seed < firstSeed + n; seed++) {
    const b = await generateBallot(g.value, { seed, ...MIX });
    const c0 = cpuMs();
    const w0 = performance.now();
    const { sheets, ballots } = readStack(b.pages, g.value.target);
    p.readWall += performance.now() - w0;
    p.readCpu += cpuMs() - c0;
    const reading = ballots[0]!;
    if (sheets[0]!.kind === 'rejected') p.rejected++;
    const clean = needsNobody(b);
    if (clean) p.clean++;
    if (reading.kind === 'decided') {
      p.decided++;
      if (clean) p.cleanDecided++;
    } else {
      p.reviewed++;
      if (!clean) p.reviewedNeeded++;
      else {
        const words = degradationWords(b.degradations[0]!);
        for (const code of new Set(reading.reasons.map((r) => r.reason.code))) {
          for (const w of words) count(p.needless, `${code} · ${w}`);
        }
        for (const r of reading.reasons) {
          if (r.candidateId !== null) count(p.needless, `${r.reason.code} · row: ${planWords(b.truth.plans.get(r.candidateId))}`);
        }
      }
    }
    p.errors += confidentErrors(b, reading);
  }
  return p;
};

const round1 = (v: number): number => Math.round(v * 10) / 10;
const share = (a: number, b: number): number => round1((100 * a) / Math.max(1, b));

const figures = (p: Pass): BenchResult[] => {
  const at = `at ${p.dpi} dpi`;
  const needless = [...p.needless].sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => ({
    bench: `scan: ballots needing no person sent to review ${at}, by reason · degradation (or rows, by what was drawn): ${key}`,
    value, unit: key.includes(' · row: ') ? 'rows' : 'ballots',
  }));
  return [
    { bench: `scan: ballots generated and read ${at}`, value: p.n, unit: 'ballots' },
    { bench: `scan: read one A4 ballot ${at} (CPU, one core)`, value: round1(p.readCpu / p.n), unit: 'ms' },
    { bench: `scan: ballots decided without review ${at} (stress mix, overall)`, value: share(p.decided, p.n), unit: '%' },
    { bench: `scan: ballots needing no person by their truth, decided without review ${at}`, value: share(p.cleanDecided, p.clean), unit: '%' },
    { bench: `scan: share of review that was necessary ${at} (truth needs a person / all sent to review)`, value: share(p.reviewedNeeded, p.reviewed), unit: '%' },
    { bench: `scan: ballots sent to review ${at}`, value: p.reviewed, unit: 'ballots' },
    { bench: `scan: sheets rejected (registration or QR) ${at}`, value: p.rejected, unit: 'sheets' },
    { bench: `scan: confident errors (read wrong, not sent to review) ${at}`, value: p.errors, unit: 'rows' },
    ...needless,
  ];
};

export default async (): Promise<BenchResult[]> => {
  sharp.concurrency(1);
  const n = Number(process.env.SCAN_BENCH_BALLOTS ?? 300);
  const nDpi = Number(process.env.SCAN_BENCH_DPI_BALLOTS ?? 200);
  const main = await runPass(200, n, 1);
  const g = await prepareGenerator({ header: HEADER, round: round({ kind: 'committee', seats: 15, candidates: candidates(18) }) });
  if (!g.ok) throw new Error(g.error.message_en);
  const page = (await generateBallot(g.value, { seed: 1 })).pages[0]!;
  const jpeg = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } }).jpeg({ quality: 85 }).toBuffer();
  const d0 = cpuMs();
  for (let k = 0; k < 10; k++) await sharp(jpeg).greyscale().raw().toBuffer();
  const decodeMs = (cpuMs() - d0) / 10;
  // Other seeds than the 200 dpi pass: other ballots, not the same ones at another resolution.
  const others = nDpi > 0 ? [await runPass(150, nDpi, 1_000_001), await runPass(300, nDpi, 2_000_001)] : [];
  return [
    ...figures(main),
    { bench: 'scan: read one A4 ballot at 200 dpi (wall clock)', value: round1(main.readWall / n), unit: 'ms' },
    { bench: 'scan: decode one A4 200 dpi JPEG scan (CPU)', value: round1(decodeMs), unit: 'ms' },
    ...others.flatMap(figures),
  ];
};
