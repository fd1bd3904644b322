/**
 * Reading scanned ballots, on generated ballots whose ground truth is known (src/scan/testing): our real A4 ballot
 * (18 names, 15 seats) rendered at the scan's resolution, marked as people mark — strikes of every named shape and
 * pen, strikes through part of a name, underlines, ticks, circles, dots; the seal pressed over the header, partly off
 * it or on the corner mark, strong, faint or partly printed, in red or dark ink; now and then no seal or writing
 * outside the rows — then degraded as a scanner does (±5°, upside down, ±3 % scale, blur, noise, shadow, JPEG) and
 * written as a PNG file, as a scanner writes it.
 * - decoding + reading: decodeScan of the PNG file and readStack, per ballot, CPU (one core: sharp.concurrency(1))
 *   and wall clock, mean and 95th percentile; reading alone, mean;
 * - review images: reviewPng (every crop of a ballot in review, one PNG), per ballot in review — made by the server's
 *   reading thread as it makes them (the goal's figure), and in this thread after the in-process reading;
 * - decided without review: overall, and among the ballots that need no person by their truth (a seal, nothing
 *   written outside, no partial strike);
 * - confident errors: a row read struck or kept against its truth (a partial strike read either way is one), a
 *   ballot decided with a wrong "not issued" or with writing outside; names proposed wrongly: in the form the board
 *   starts from, a name ticked struck that is not, or "not issued" ticked on a sealed ballot;
 * - per variation (stderr, as a table; stdout, its figures): rows by what was drawn on them, ballots by their seal,
 *   by writing outside, by the scanner's degradations.
 * The same mix is then read at 150 and 300 dpi, on other seeds.
 * The file: one ballot in three is written as a scanner set to colour writes it (an RGB PNG: three times the pixels to
 * decode, weighed into grey by the reader), the others as a scanner set to grey writes them (a one-channel PNG);
 * decoding + reading is reported for each kind of file, and over the mix. Ballots are generated ten at a time and
 * the generator's garbage collected before they are read, so that the collector's pauses inside a reading are the
 * reader's own. At 200 dpi each batch is also read as the server reads it — by one of its reading threads
 * (src/server/scan/sheet-reader.ts), which decodes the file and reads it, and makes the review image of a ballot in
 * review (asked as a stack's pages are), on a heap of its own that holds only the reader and the form, never collected
 * by the bench: the goals' figures (decode + read ≤ 100 ms p95 at 200 dpi, by kind of file, the review image's time
 * taken out; the review image ≤ 50 ms, as the thread timed it). The in-process figures read
 * in the generator's thread, whose heap (~30 MB: fonts, fixtures) each full collection walks too.
 * SCAN_BENCH_BALLOTS sets the number at 200 dpi (default 2,000); SCAN_BENCH_DPI_BALLOTS the number at 150 and 300
 * dpi (default 500; 0 skips them); SCAN_BENCH_SEED offsets every pass's seeds (default 0), for a range not tuned on.
 * SCAN_BENCH_DUMP=file appends each ballot's whole reading (one JSON line: dpi, seed, reading) to that file, so that a
 * change meant to alter no decision can be checked by diffing the dumps before and after on the same seeds.
 * SCAN_BENCH_WHY=1 prints (stderr) why each ballot needing no person went to the board, and every row read wrong:
 * the row's truth and what the reader measured on it.
 * SCAN_BENCH_VARIETY=1 reads another mix (not comparable with the default's figures): besides the default's marks, one
 * row in ten carries a mark the default set does not make, and one ballot in two some noise on its sheet
 * (src/scan/testing/variety.ts: an X, a scribble, a line running on into the next row, a pencil, a highlighter, a dot
 * after the name…; a fold, a coffee ring, a blot, staple holes, a fingerprint, show-through, a digit in the margin),
 * each named in the per-variation table.
 * The ballots are made as a printer prints them (generate.ts Printing 'printed': the names where the PDF puts them);
 * SCAN_BENCH_PRINTED=0 renders them at the scan's resolution instead, as before session 32 (the names a little high).
 * SCAN_BENCH_GC=1 adds the collector's pauses (V8's gc entries, main thread) that fell inside each ballot's decode +
 * read: their mean per ballot and the share of ballots with a full collection (mark-compact) inside.
 */
import { appendFileSync } from 'node:fs';
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import sharp from 'sharp';
import { HEADER, candidates, round } from '../src/documents/fixtures/congress.ts';
import { decodeScan, readStack, reviewPng, type BallotReading, type GreyImage, type RowReading } from '../src/scan/index.ts';
import type { Degradation } from '../src/scan/testing/degrade.ts';
import { generateBallot, prepareGenerator, type GeneratedBallot, type RowPlan } from '../src/scan/testing/generate.ts';
import type { ReviewTime } from '../src/server/scan/sheet-protocol.ts';
import { sheetReader, type SheetReader } from '../src/server/scan/sheet-reader.ts';
import type { BenchResult } from './run.ts';

const said = (r: RowReading): string => (r.kind === 'strike' ? r.state : r.mark ?? 'uncertain');
const CONFIDENT = new Set(['struck', 'kept', 'agree', 'disagree', 'both', 'none']);
const pct = (v: number): string => (100 * v).toFixed(0);
/** What the reader measured on a row (SCAN_BENCH_WHY). */
const measured = (r: RowReading): string => r.kind !== 'strike' ? `agree ${pct(r.agreeInk)} disagree ${pct(r.disagreeInk)}`
  : `cover ${pct(r.coverage)} run ${pct(r.longestRun)} faint ${pct(r.faint.coverage)}/${pct(r.faint.longestRun)} ` +
    `line ${pct(r.line.coverage)}/${pct(r.line.leastWord)}${r.line.through ? ' through' : ''} slope ${r.line.slope.toFixed(2)}`;
const why = process.env.SCAN_BENCH_WHY === '1';

/** Rows read confidently and wrong; a decided ballot with a wrong "not issued" or with writing outside. */
const confidentErrors = (b: GeneratedBallot, reading: BallotReading): number => {
  let errors = 0;
  for (const r of reading.rows) if (CONFIDENT.has(said(r)) && said(r) !== b.truth.rows.get(r.candidateId)) errors++;
  if (reading.kind === 'decided' && (reading.ballot.notIssued === true) === b.truth.stamped) errors++;
  if (reading.kind === 'decided' && b.truth.writingOutside) errors++;
  return errors;
};

/** What the board's form would start from, ticked wrong: a name struck that is not, "not issued" on a sealed ballot. */
const proposedWrongly = (b: GeneratedBallot, reading: BallotReading): number => {
  if (reading.kind !== 'review' || reading.proposal === null) return 0;
  const p = reading.proposal;
  const struck = 'struck' in p ? p.struck.filter((id) => b.truth.rows.get(id) !== 'struck').length : 0;
  return struck + (p.notIssued === true && b.truth.stamped ? 1 : 0);
};

const needsNobody = (b: GeneratedBallot): boolean =>
  b.truth.stamped && !b.truth.writingOutside && ![...b.truth.rows.values()].includes('partial');

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const scanWords = (d: Degradation): string[] => [
  'any',
  ...(d.blur ? ['blur'] : []),
  ...(d.jpeg !== null ? ['jpeg'] : []),
  ...(d.noise >= 10 ? ['noise ≥ 10'] : []),
  ...(d.shadow > 0 ? ['shadow'] : []),
  ...(d.upsideDown ? ['upside down'] : []),
  ...(Math.abs(d.degrees) >= 3 ? ['tilt ≥ 3°'] : []),
];

const rowWords = (p: RowPlan | undefined): string => {
  switch (p?.kind) {
    case undefined: return 'unknown';
    case 'none': return 'nothing drawn';
    case 'strike': return `strike: ${p.shape}`;
    case 'partial': return `partial strike: ${p.part}`;
    case 'non-strike': return `kept with: ${p.mark}`;
    case 'mark': return `mark: ${p.mark}`;
    case 'variety': return `variety: ${p.mark}`;
  }
};

interface Tally { n: number; decided: number; review: number; errors: number; ms: number }

class Tallies {
  readonly by = new Map<string, Tally>();
  add(key: string, decided: boolean, errors: number, ms: number): void {
    const t = this.by.get(key) ?? { n: 0, decided: 0, review: 0, errors: 0, ms: 0 };
    t.n++;
    if (decided) t.decided++;
    else t.review++;
    t.errors += errors;
    t.ms += ms;
    this.by.set(key, t);
  }
}

/** How the scanner wrote the file: grey (one channel) or colour (RGB), one ballot in three. */
type FileKind = 'grey PNG' | 'colour PNG';
const fileKind = (seed: number): FileKind => (seed % 3 === 0 ? 'colour PNG' : 'grey PNG');
const FILE_KINDS: readonly FileKind[] = ['grey PNG', 'colour PNG'];

/** A generated page as the scanner's PNG file: a one-channel PNG, or the same grey in three channels. */
const scannerPng = (page: GreyImage, kind: FileKind): Promise<Buffer> => {
  const raw = sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } });
  // sharp writes a one-channel raw image as an RGB PNG unless told its colour space is grey.
  return (kind === 'grey PNG' ? raw.toColourspace('b-w') : raw).png().toBuffer();
};

interface Pass {
  readonly dpi: number;
  readonly n: number;
  decideCpu: number[];
  /** Decode + read in the server's reading thread (one), per ballot, by the kind of file. */
  readonly threadCpu: Map<FileKind, number[]>;
  readonly threadWall: Map<FileKind, number[]>;
  /** decideCpu by the kind of file. */
  readonly decideCpuByFile: Map<FileKind, number[]>;
  decideWall: number[];
  readCpu: number;
  /** Each ballot's decode + read, from and to (performance.now), for the collector's pauses inside. */
  windows: Array<readonly [number, number]>;
  reviewCpu: number[];
  reviewWall: number[];
  /** The review images the server's reading thread made (a ballot of one page in review), as it timed them. */
  threadReviewCpu: number[];
  threadReviewWall: number[];
  decided: number;
  clean: number;
  cleanDecided: number;
  errors: number;
  proposed: number;
  rejected: number;
  /** Rows by what was drawn on them: decided = read struck or kept (or a clear mark). */
  readonly rows: Tallies;
  /** Ballots by seal, writing outside and scan. */
  readonly ballots: Tallies;
}

/** The seed congress's committee ballot as the bench and its figures use it. */
const MIX = { pStrike: 0.3, pNonStrike: 0.08, pPartial: 0.01, pNoStamp: 0.01, pOutside: 0.01 } as const;
/** SCAN_BENCH_VARIETY=1: the marks and noise the default set does not make, added to its mix. */
const variety = process.env.SCAN_BENCH_VARIETY === '1';
const RUN_MIX = variety ? { ...MIX, pVariety: 0.1, pNoise: 0.5 } : MIX;

const dump = process.env.SCAN_BENCH_DUMP;
const printing = process.env.SCAN_BENCH_PRINTED === '0' ? 'rendered' : 'printed';

interface GcPause { readonly start: number; readonly ms: number; readonly full: boolean }
/** Every pause of the collector from now on (SCAN_BENCH_GC), as V8 reports them: after the fact, so read at a pass's end. */
const watchGc = (): GcPause[] => {
  const pauses: GcPause[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as Array<PerformanceEntry & { readonly detail?: { readonly kind?: number } }>) {
      pauses.push({ start: e.startTime, ms: e.duration, full: e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR });
    }
  }).observe({ entryTypes: ['gc'] });
  return pauses;
};
const gcPauses = process.env.SCAN_BENCH_GC === '1' ? watchGc() : null;

const GENERATED_AT_ONCE = 10;
// The collector, called between batches (the bench runs without --expose-gc).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const runPass = async (dpi: number, n: number, firstSeed: number, thread: SheetReader | null): Promise<Pass> => {
  const g = await prepareGenerator({ header: HEADER, round: round({ kind: 'committee', seats: 15, candidates: candidates(18) }) }, dpi, printing);
  if (!g.ok) throw new Error(g.error.message_en);
  const layout = g.value.target.layout;
  const p: Pass = {
    dpi, n, decideCpu: [], threadCpu: new Map(FILE_KINDS.map((k) => [k, []])), threadWall: new Map(FILE_KINDS.map((k) => [k, []])), decideCpuByFile: new Map(FILE_KINDS.map((k) => [k, []])), decideWall: [], readCpu: 0, windows: [], reviewCpu: [], reviewWall: [], threadReviewCpu: [], threadReviewWall: [], decided: 0, clean: 0, cleanDecided: 0,
    errors: 0, proposed: 0, rejected: 0, rows: new Tallies(), ballots: new Tallies(),
  };
  const made: Array<{ b: GeneratedBallot; file: FileKind; files: Buffer[] }> = [];
  for (let seed = firstSeed; seed < firstSeed + n; seed++) {
    if ((seed - firstSeed) % 100 === 0) process.stderr.write(`${dpi} dpi: ${seed - firstSeed} of ${n} ballots (${new Date().toISOString()})\n`);
    // Ballots are made GENERATED_AT_ONCE at a time, then the generator's garbage is collected before they are read:
    // the reader's collections are its own, as in the server's reading thread, where no generator runs.
    if (made.length === 0) {
      for (let next = seed; next < Math.min(firstSeed + n, seed + GENERATED_AT_ONCE); next++) {
        const b = await generateBallot(g.value, { seed: next, ...RUN_MIX });
        const file = fileKind(next);
        made.push({ b, file, files: await Promise.all(b.pages.map((page) => scannerPng(page, file))) });
      }
      collectGarbage();
      // The same files read as the server reads them, in its reading thread, before this thread reads them: while the
      // thread reads, this one waits, its garbage just collected, so the process's CPU time is the thread's.
      if (thread !== null) {
        for (const m of made) {
          const c0 = cpuMs();
          const w0 = performance.now();
          // Review images: how long the thread took to make them (in the window, the process's CPU), out of decode + read.
          let review: ReviewTime = { cpuMs: 0, wallMs: 0 };
          for (const [sheet, f] of m.files.entries()) {
            const read = await thread.read({ kind: 'encoded', file: f, index: 0 }, g.value.target, sheet, false);
            if (!read.ok) throw new Error(read.error.message_en);
            const t = read.value.reviewTime;
            if (t !== undefined) review = { cpuMs: review.cpuMs + t.cpuMs, wallMs: review.wallMs + t.wallMs };
          }
          p.threadCpu.get(m.file)!.push(cpuMs() - c0 - review.cpuMs);
          p.threadWall.get(m.file)!.push(performance.now() - w0 - review.wallMs);
          if (review.wallMs > 0) {
            p.threadReviewCpu.push(review.cpuMs);
            p.threadReviewWall.push(review.wallMs);
          }
        }
      }
    }
    const { b, file, files } = made.shift()!;
    const c0 = cpuMs();
    const w0 = performance.now();
    const pages = [];
    for (const f of files) {
      const decoded = await decodeScan(f);
      if (!decoded.ok) throw new Error(decoded.error.message_en);
      pages.push(...decoded.value);
    }
    const c1 = cpuMs();
    const { sheets, ballots } = readStack(pages, g.value.target);
    const c2 = cpuMs();
    const w1 = performance.now();
    p.decideWall.push(w1 - w0);
    p.windows.push([w0, w1]);
    p.decideCpu.push(c2 - c0);
    p.decideCpuByFile.get(file)!.push(c2 - c0);
    p.readCpu += c2 - c1;
    const reading = ballots[0]!;
    if (dump !== undefined) appendFileSync(dump, `${JSON.stringify({ dpi, seed, reading })}\n`);
    if (reading.kind === 'review') {
      const r0 = cpuMs();
      const t0 = performance.now();
      reviewPng(reading, sheets, pages, layout);
      p.reviewWall.push(performance.now() - t0);
      p.reviewCpu.push(cpuMs() - r0);
    }
    if (sheets.some((s) => s.kind === 'rejected')) p.rejected++;
    const clean = needsNobody(b);
    const decided = reading.kind === 'decided';
    if (clean) p.clean++;
    if (decided) p.decided++;
    if (clean && decided) p.cleanDecided++;
    const errors = confidentErrors(b, reading);
    const proposed = proposedWrongly(b, reading);
    p.errors += errors;
    p.proposed += proposed;
    const ms = c2 - c0;
    for (const r of reading.rows) {
      const wrong = CONFIDENT.has(said(r)) && said(r) !== b.truth.rows.get(r.candidateId) ? 1 : 0;
      p.rows.add(rowWords(b.truth.plans.get(r.candidateId)), CONFIDENT.has(said(r)), wrong, ms);
    }
    const seal = b.truth.seal;
    const ballotKeys = [
      seal === null ? 'seal: none' : `seal: ${seal.place}, ${seal.strength}, ${seal.ink}`,
      ...(seal === null ? [] : [`seal placed: ${seal.place}`, `seal strength: ${seal.strength}`, `seal ink: ${seal.ink}`]),
      b.truth.writingOutside ? 'writing outside the rows' : 'nothing written outside',
      ...scanWords(b.degradations[0]!).map((w) => `scan: ${w}`),
      `file: ${file}`,
      ...(variety ? [`sheet noise: ${b.truth.noise.join(', ') || 'none'}`] : []),
    ];
    for (const key of ballotKeys) p.ballots.add(key, decided, errors + proposed, ms);
    if (why) {
      const wrong = reading.rows.filter((r) => CONFIDENT.has(said(r)) && said(r) !== b.truth.rows.get(r.candidateId));
      const sent = clean && reading.kind === 'review' ? reading.reasons : [];
      if (wrong.length > 0 || sent.length > 0) process.stderr.write(`  WHY ${dpi} dpi seed ${seed}: ${[...scanWords(b.degradations[0]!), ...b.truth.noise].join(', ')}\n`);
      for (const x of sent) {
        const row = x.candidateId === null ? undefined : reading.rows.find((q) => q.candidateId === x.candidateId);
        const plan = x.candidateId === null ? '' : JSON.stringify(b.truth.plans.get(x.candidateId) ?? 'none');
        process.stderr.write(`  WHY ${x.reason.code} ${x.candidateId ?? ''} ${plan}${row === undefined ? '' : ` — ${said(row)}: ${measured(row)}`}\n`);
      }
      for (const r of wrong) process.stderr.write(`  WHY SAI ${r.candidateId} ${JSON.stringify(b.truth.plans.get(r.candidateId))} — ${said(r)}: ${measured(r)}\n`);
    }
    // Why ballots that need no person went to the board.
    if (clean && reading.kind === 'review') {
      for (const code of new Set(reading.reasons.map((r) => r.reason.code))) p.ballots.add(`needing no person, sent to the board for: ${code}`, false, 0, ms);
    }
  }
  return p;
};

const round1 = (v: number): number => Math.round(v * 10) / 10;
const share = (a: number, b: number): number => round1((100 * a) / Math.max(1, b));
const mean = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0) / Math.max(1, xs.length);
const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const p95 = (xs: readonly number[]): number => quantile(xs, 0.95);

/** The per-variation table, as Markdown (to stderr: docs/MEASUREMENTS.md takes it as it is). */
const table = (p: Pass): string => {
  const lines = [`| variation (${p.dpi} dpi, ${p.n} ballots) | n | decided | review | errors | ms per ballot |`, '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const [title, t] of [['rows', p.rows], ['ballots', p.ballots]] as const) {
    for (const [key, v] of [...t.by].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`| ${title}: ${key} | ${v.n} | ${share(v.decided, v.n)} % | ${v.review} | ${v.errors} | ${round1(v.ms / v.n)} |`);
    }
  }
  return lines.join('\n');
};

/** The collector's pauses inside each ballot's decode + read: mean ms per ballot, share of ballots with a full one. */
const gcFigures = (p: Pass, at: string): BenchResult[] => {
  if (gcPauses === null) return [];
  const inside = p.windows.map(([from, to]) => gcPauses.filter((g) => g.start >= from && g.start < to));
  return [
    { bench: `scan: collector's pauses inside decode + read, per ballot ${at}: mean`, value: round1(mean(inside.map((gs) => gs.reduce((a, g) => a + g.ms, 0)))), unit: 'ms' },
    { bench: `scan: ballots with a full collection inside decode + read ${at}`, value: share(inside.filter((gs) => gs.some((g) => g.full)).length, p.n), unit: '%' },
  ];
};

const figures = (p: Pass): BenchResult[] => {
  const at = `at ${p.dpi} dpi`;
  const variations = [...p.rows.by.entries(), ...p.ballots.by.entries()].flatMap(([key, v]) => [
    { bench: `scan: ${at}, ${key}: decided`, value: share(v.decided, v.n), unit: `% of ${v.n}` },
    { bench: `scan: ${at}, ${key}: errors`, value: v.errors, unit: 'errors' },
  ]);
  return [
    { bench: `scan: ballots generated and read ${at}`, value: p.n, unit: 'ballots' },
    { bench: `scan: decode the PNG + read, per ballot ${at} (CPU, one core), every file: mean`, value: round1(mean(p.decideCpu)), unit: 'ms' },
    { bench: `scan: decode the PNG + read, per ballot ${at} (CPU, one core), every file: p95`, value: round1(p95(p.decideCpu)), unit: 'ms' },
    ...[...p.decideCpuByFile].flatMap(([kind, xs]) => [
      { bench: `scan: decode the ${kind} + read, per ballot ${at} (CPU, one core): mean`, value: round1(mean(xs)), unit: `ms (${xs.length} ballots)` },
      { bench: `scan: decode the ${kind} + read, per ballot ${at} (CPU, one core): p95`, value: round1(p95(xs)), unit: `ms (${xs.length} ballots)` },
    ]),
    { bench: `scan: decode the PNG + read, per ballot ${at} (wall clock): mean`, value: round1(mean(p.decideWall)), unit: 'ms' },
    { bench: `scan: decode the PNG + read, per ballot ${at} (wall clock): p95`, value: round1(p95(p.decideWall)), unit: 'ms' },
    ...[...p.threadCpu].filter(([, xs]) => xs.length > 0).flatMap(([kind, xs]) => [
      { bench: `scan: in the server's reading thread, decode the ${kind} + read, per ballot ${at} (CPU): mean`, value: round1(mean(xs)), unit: `ms (${xs.length} ballots)` },
      { bench: `scan: in the server's reading thread, decode the ${kind} + read, per ballot ${at} (CPU): p50`, value: round1(quantile(xs, 0.5)), unit: `ms (${xs.length} ballots)` },
      { bench: `scan: in the server's reading thread, decode the ${kind} + read, per ballot ${at} (CPU): p95`, value: round1(p95(xs)), unit: `ms (${xs.length} ballots)` },
      { bench: `scan: in the server's reading thread, decode the ${kind} + read, per ballot ${at} (wall clock): p95`, value: round1(p95(p.threadWall.get(kind)!)), unit: `ms (${xs.length} ballots)` },
    ]),
    { bench: `scan: read alone, per ballot ${at} (CPU): mean`, value: round1(p.readCpu / p.n), unit: 'ms' },
    ...gcFigures(p, at),
    ...(p.threadReviewCpu.length === 0 ? [] : [
      { bench: `scan: in the server's reading thread, review image per ballot in review ${at} (CPU): mean`, value: round1(mean(p.threadReviewCpu)), unit: `ms (${p.threadReviewCpu.length} ballots)` },
      { bench: `scan: in the server's reading thread, review image per ballot in review ${at} (CPU): p95`, value: round1(p95(p.threadReviewCpu)), unit: `ms (${p.threadReviewCpu.length} ballots)` },
      { bench: `scan: in the server's reading thread, review image per ballot in review ${at} (wall clock): mean`, value: round1(mean(p.threadReviewWall)), unit: 'ms' },
      { bench: `scan: in the server's reading thread, review image per ballot in review ${at} (wall clock): p95`, value: round1(p95(p.threadReviewWall)), unit: 'ms' },
    ]),
    { bench: `scan: review image per ballot in review ${at} (CPU): mean`, value: round1(mean(p.reviewCpu)), unit: 'ms' },
    { bench: `scan: review image per ballot in review ${at} (CPU): p95`, value: round1(p95(p.reviewCpu)), unit: 'ms' },
    { bench: `scan: review image per ballot in review ${at} (wall clock): mean`, value: round1(mean(p.reviewWall)), unit: 'ms' },
    { bench: `scan: ballots decided without review ${at} (whole mix)`, value: share(p.decided, p.n), unit: '%' },
    { bench: `scan: ballots needing no person by their truth, decided without review ${at}`, value: share(p.cleanDecided, p.clean), unit: `% of ${p.clean}` },
    { bench: `scan: confident errors ${at}`, value: p.errors, unit: 'errors' },
    { bench: `scan: names or flags proposed wrongly to the board ${at}`, value: p.proposed, unit: 'errors' },
    { bench: `scan: ballots with a sheet rejected (registration or QR) ${at}`, value: p.rejected, unit: 'ballots' },
    ...variations,
  ];
};

export default async (): Promise<BenchResult[]> => {
  sharp.concurrency(1);
  const n = Number(process.env.SCAN_BENCH_BALLOTS ?? 2000);
  const nDpi = Number(process.env.SCAN_BENCH_DPI_BALLOTS ?? 500);
  // Each pass's table and figures as soon as it ends: a long run cut short keeps what it measured.
  const run = async (dpi: number, count: number, firstSeed: number): Promise<BenchResult[]> => {
    const p = await runPass(dpi, count, firstSeed, dpi === 200 && count > 0 ? reader : null);
    process.stderr.write(`\n${table(p)}\n`);
    const out = figures(p);
    for (const f of out) process.stderr.write(`${JSON.stringify(f)}\n`);
    return out;
  };
  // One reading thread of the server's (src/server/scan/sheet-reader.ts), for the 200 dpi pass.
  const reader = sheetReader(1);
  // Its threads do not hold the process open (a server's sockets do): this does, while the bench waits on them.
  const alive = setInterval(() => undefined, 60_000);
  const offset = Number(process.env.SCAN_BENCH_SEED ?? 0);
  const results = await run(200, n, offset + 1);
  // Other seeds than the 200 dpi pass: other ballots, not the same ones at another resolution.
  if (nDpi > 0) results.push(...await run(150, nDpi, offset + 1_000_001), ...await run(300, nDpi, offset + 2_000_001));
  await reader.close();
  clearInterval(alive);
  return results;
};
