/**
 * Reading scanned ballots (issue 7), on generated ballots whose ground truth is known: our real A4 ballot
 * (18 names, 15 seats) rendered at 200 dpi, marked as people mark (strikes of every shape and pen, underlines,
 * ticks, circles, dots; a few partial strikes, missing stamps and writing outside the rows, which must go to
 * review), then degraded (±5°, upside down, ±3 % scale, blur, noise, shadow, JPEG).
 * - ms per ballot: the reader's CPU time on one core (registration, QR, rows, stamp, outside writing), from a
 *   decoded grey page; JPEG decoding of such a page is reported apart;
 * - the share of ballots decided without review, overall and among those that need no person by their truth;
 * - confident errors: a row read wrong and not sent to review, or a ballot decided with a wrong flag.
 * SCAN_BENCH_BALLOTS sets the number of ballots (default 300: generating one takes longer than reading it).
 */
import sharp from 'sharp';
import { HEADER, candidates, round } from '../src/documents/fixtures/congress.ts';
import { readStack, type BallotReading, type RowReading } from '../src/scan/index.ts';
import { generateBallot, prepareGenerator, type GeneratedBallot } from '../src/scan/testing/generate.ts';
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

export default async (): Promise<BenchResult[]> => {
  sharp.concurrency(1);
  const n = Number(process.env.SCAN_BENCH_BALLOTS ?? 300);
  const g = await prepareGenerator({ header: HEADER, round: round({ kind: 'committee', seats: 15, candidates: candidates(18) }) });
  if (!g.ok) throw new Error(g.error.message_en);
  let readCpu = 0, readWall = 0, decided = 0, clean = 0, cleanDecided = 0, errors = 0, rejected = 0;
  for (let seed = 1; seed <= n; seed++) {
    const b = await generateBallot(g.value, { seed, pNonStrike: 0.08, pPartial: 0.001, pNoStamp: 0.005, pOutside: 0.005 });
    const c0 = cpuMs();
    const w0 = performance.now();
    const { sheets, ballots } = readStack(b.pages, g.value.target);
    readWall += performance.now() - w0;
    readCpu += cpuMs() - c0;
    const reading = ballots[0]!;
    if (sheets[0]!.kind === 'rejected') rejected++;
    if (reading.kind === 'decided') decided++;
    if (needsNobody(b)) {
      clean++;
      if (reading.kind === 'decided') cleanDecided++;
    }
    errors += confidentErrors(b, reading);
  }
  const page = (await generateBallot(g.value, { seed: 1 })).pages[0]!;
  const jpeg = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } }).jpeg({ quality: 85 }).toBuffer();
  const d0 = cpuMs();
  for (let k = 0; k < 10; k++) await sharp(jpeg).greyscale().raw().toBuffer();
  const decodeMs = (cpuMs() - d0) / 10;
  return [
    { bench: 'scan: ballots generated and read', value: n, unit: 'ballots' },
    { bench: 'scan: read one A4 ballot at 200 dpi (CPU, one core)', value: round1(readCpu / n), unit: 'ms' },
    { bench: 'scan: read one A4 ballot at 200 dpi (wall clock)', value: round1(readWall / n), unit: 'ms' },
    { bench: 'scan: decode one A4 200 dpi JPEG scan (CPU)', value: round1(decodeMs), unit: 'ms' },
    { bench: 'scan: ballots decided without review', value: round1((100 * decided) / n), unit: '%' },
    { bench: 'scan: ballots needing no person by their truth, decided without review', value: round1((100 * cleanDecided) / Math.max(1, clean)), unit: '%' },
    { bench: 'scan: sheets rejected (registration or QR)', value: rejected, unit: 'sheets' },
    { bench: 'scan: confident errors (read wrong, not sent to review)', value: errors, unit: 'rows' },
  ];
};

const round1 = (v: number): number => Math.round(v * 10) / 10;
