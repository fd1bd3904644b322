/**
 * Reading ballots photographed with a phone or tablet, on generated photos whose ground truth is known
 * (src/scan/testing/photo.ts): our real A4 ballot (18 names, 15 seats) marked as people mark (strikes of every
 * shape and pen, now and then a partial strike, a mark that keeps a name, no seal, writing outside), photographed
 * at 1080p, 3, 8 or 12 MP, tilted up to 25°, turned, under a light gradient and shadows, mildly blurred, as JPEG.
 * - decode + correct + read: decodeScan of the JPEG, readPhoto (marks, homography, upright page, light, reader) and
 *   grouping, per photo, wall clock, mean and 95th percentile;
 * - decided without review: overall, and among the photos that need no person by their truth;
 * - refused at once (too small, skewed, blurred, cut): share;
 * - the same share of decided among the photos needing nobody whose four corner marks the camera framed (truth:
 *   `marksCut` 0): a photo cutting a mark is rightly refused, never read — counted apart, its refusals shown;
 * - confident errors: a row read struck or kept against its truth, a ballot decided with writing outside or
 *   without its seal: must be 0.
 * - after retakes (SCAN_PHOTO_RETAKES=k, default 2): a photo refused at once is taken again, as the refusal asks, with the
 *   same phone, up to k times (the same marked ballot; tilt, light, blur and framing drawn anew): decided, of the
 *   ballots needing nobody, when the board retakes what is refused. Every retake's reading counts for the errors.
 *   The camera console works so: each shot is read by the server at once (POST …/scan/shot) and one refused is
 *   taken again while the ballot is in hand; photos chosen from a folder are read with the batch, and one refused
 *   there goes to the board (the first-shot figure).
 * SCAN_PHOTO_BENCH sets the number of photos (default 50), SCAN_PHOTO_SEED the first seed (default 10,000),
 * SCAN_PHOTO_CAMERA one camera for all (1080p, 3MP, 8MP, 12MP; default: each photo's own). SCAN_PHOTO_WHY=1 prints,
 * for every photo needing nobody that went to the board, each reason with its row's truth (the plan drawn) and what
 * the reader measured there, and the photo's pixels per point. The ballots are printed paper (src/scan/testing/generate.ts
 * Printing 'printed'); SCAN_PHOTO_PRINTED=0 photographs them rendered at the scan's resolution, as before session 32.
 */
import { HEADER, candidates, round } from '../src/documents/fixtures/congress.ts';
import { decodeScan, groupSheets, type RowReading } from '../src/scan/index.ts';
import { readPhoto } from '../src/scan/photo.ts';
import { findPhotoMarks } from '../src/scan/photo-marks.ts';
import { prepareGenerator } from '../src/scan/testing/generate.ts';
import { rng } from '../src/scan/testing/draw.ts';
import { CAMERAS, generatePhoto, nameVariation, randomVariation, type Camera, type PhotoVariation } from '../src/scan/testing/photo.ts';
import type { BenchResult } from './run.ts';

const said = (r: RowReading): string => (r.kind === 'strike' ? r.state : r.mark ?? 'uncertain');
const pct = (v: number): string => (100 * v).toFixed(0);
/** What the reader measured on a row it left to the board (SCAN_PHOTO_WHY). */
const measured = (r: RowReading): string => r.kind !== 'strike' ? `agree ${pct(r.agreeInk)} disagree ${pct(r.disagreeInk)}`
  : `cover ${pct(r.coverage)} run ${pct(r.longestRun)} faint ${pct(r.faint.coverage)}/${pct(r.faint.longestRun)} ` +
    `line ${pct(r.line.coverage)}/${pct(r.line.leastWord)}${r.line.through ? ' through' : ''} slope ${r.line.slope.toFixed(2)}`;
const CONFIDENT = new Set(['struck', 'kept', 'agree', 'disagree', 'both', 'none']);

const percentile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

export default async (): Promise<BenchResult[]> => {
  const n = Number(process.env['SCAN_PHOTO_BENCH'] ?? 50);
  const seed0 = Number(process.env['SCAN_PHOTO_SEED'] ?? 10_000);
  const named = process.env['SCAN_PHOTO_CAMERA'];
  const why = process.env['SCAN_PHOTO_WHY'] === '1';
  const retakes = Number(process.env['SCAN_PHOTO_RETAKES'] ?? 2);
  if (named !== undefined && !(named in CAMERAS)) throw new Error(`SCAN_PHOTO_CAMERA: one of ${Object.keys(CAMERAS).join(', ')}`);
  const camera = named as Camera | undefined;
  const g = await prepareGenerator({ header: HEADER, round: round({ kind: 'committee', seats: 15, candidates: candidates(18) }) }, 200, process.env['SCAN_PHOTO_PRINTED'] === '0' ? 'rendered' : 'printed');
  if (!g.ok) throw new Error(g.error.message_en);
  const times: number[] = [];
  let decided = 0, clean = 0, cleanDecided = 0, refused = 0, errors = 0;
  // Photos needing nobody whose marks the camera framed, of them decided; those cutting a mark, of them refused at once.
  let framed = 0, framedDecided = 0, cut = 0, cutRefused = 0;
  const refusals = new Map<string, number>();
  // Ballots needing nobody decided once refused shots are taken again; the retakes taken.
  let retakenDecided = 0, retakesTaken = 0;
  // Per variation: photos needing nobody, of them decided, and the time of each.
  const groups = new Map<string, { clean: number; decided: number; times: number[] }>();
  const count = (key: string, needsNobody: boolean, isDecided: boolean, ms: number): void => {
    const e = groups.get(key) ?? { clean: 0, decided: 0, times: [] };
    if (needsNobody) e.clean++;
    if (needsNobody && isDecided) e.decided++;
    e.times.push(ms);
    groups.set(key, e);
  };
  const marking = { pStrike: 0.3, pNonStrike: 0.05, pPartial: 0.03, pNoStamp: 0.03, pOutside: 0.03 } as const;
  /** One shot of ballot `seed` (its marks fixed by the seed), read as the server reads it. */
  const shoot = async (seed: number, variation: Partial<PhotoVariation> | undefined) => {
    const p = await generatePhoto(g.value, { seed, ...marking, ...(variation === undefined ? {} : { variation }) });
    const t0 = performance.now();
    const pages = await decodeScan(p.jpeg);
    if (!pages.ok) throw new Error(pages.error.message_en);
    const r = readPhoto(pages.value[0]!, g.value.target, 0);
    const reading = groupSheets(g.value.target, [r.outcome])[0]!;
    const refusedAtOnce = r.outcome.kind === 'rejected' && r.outcome.reason.code.startsWith('scan.photo');
    const wrong = reading.rows.filter((row) => CONFIDENT.has(said(row)) && said(row) !== p.ballot.truth.rows.get(row.candidateId));
    return { p, r, pages: pages.value, reading, refusedAtOnce, wrong, ms: performance.now() - t0 };
  };
  for (let i = 0; i < n; i++) {
    const { p, r, pages, reading, refusedAtOnce, wrong, ms } = await shoot(seed0 + i, camera === undefined ? undefined : { camera });
    times.push(ms);
    const truth = p.ballot.truth;
    const needsNobody = truth.stamped && !truth.writingOutside && ![...truth.rows.values()].includes('partial');
    if (needsNobody) clean++;
    if (needsNobody && p.marksCut === 0) {
      framed++;
      if (reading.kind === 'decided') framedDecided++;
    }
    if (p.marksCut > 0) {
      cut++;
      if (refusedAtOnce || (r.outcome.kind === 'rejected' && r.outcome.reason.code === 'scan.mark')) cutRefused++;
    }
    if (reading.kind === 'decided') {
      decided++;
      if (needsNobody) cleanDecided++;
      if (!truth.stamped || truth.writingOutside) errors++;
    }
    const v = p.variation;
    for (const key of [
      `camera ${v.camera}`, v.landscape ? 'landscape' : 'portrait', `tilt ${v.tilt < 10 ? '0–10' : v.tilt < 20 ? '10–20' : '20–25'}°`,
      v.shadow > 0 ? 'shadow' : 'no shadow', v.blur >= 0.3 ? 'blur σ 0.3–1.0' : 'no blur',
    ]) count(key, needsNobody, reading.kind === 'decided', times[i]!);
    errors += wrong.length;
    if (refusedAtOnce && r.outcome.kind === 'rejected') {
      refused++;
      refusals.set(r.outcome.reason.code, (refusals.get(r.outcome.reason.code) ?? 0) + 1);
    }
    const codes = reading.kind === 'review' ? reading.reasons.map((x) => x.reason.code).join(',') : 'decided';
    const errs = wrong.map((row) => `${said(row)} ≠ ${JSON.stringify(truth.plans.get(row.candidateId))}`).join('; ');
    process.stderr.write(`${i + 1}/${n} ${Math.round(times[i]!)} ms ${codes}${needsNobody ? '' : ' (a person needed)'}${p.marksCut > 0 ? ` (${p.marksCut} mark(s) cut)` : ''} — ${nameVariation(p.variation)}${errs === '' ? '' : ` — SAI: ${errs}`}\n`);
    if (why && needsNobody && reading.kind === 'review') {
      const marks = findPhotoMarks(pages[0]!, g.value.target.layout);
      process.stderr.write(`  WHY seed ${seed0 + i}, ${marks.ok ? `${marks.value.pxPerPt.toFixed(2)} px/pt` : marks.error.code}\n`);
      for (const x of reading.reasons) {
        const row = x.candidateId === null ? undefined : reading.rows.find((q) => q.candidateId === x.candidateId);
        const plan = x.candidateId === null ? '' : JSON.stringify(truth.plans.get(x.candidateId) ?? 'none');
        process.stderr.write(`  WHY ${x.reason.code} ${x.candidateId ?? ''} ${plan}${row === undefined ? '' : ` — ${said(row)}: ${measured(row)}`}\n`);
      }
    }
    // Refused: the board takes it again, with the same phone, until it is read or the retakes run out.
    let final = { refused: refusedAtOnce, decided: reading.kind === 'decided' };
    for (let k = 1; final.refused && k <= retakes; k++) {
      retakesTaken++;
      const again = await shoot(seed0 + i, { ...randomVariation(rng((seed0 + i) * 31 + 7 + 7919 * k)), camera: p.variation.camera });
      errors += again.wrong.length + (again.reading.kind === 'decided' && (!truth.stamped || truth.writingOutside) ? 1 : 0);
      final = { refused: again.refusedAtOnce, decided: again.reading.kind === 'decided' };
      process.stderr.write(`  retake ${k}: ${again.reading.kind === 'review' ? again.reading.reasons.map((x) => x.reason.code).join(',') : 'decided'} — ${nameVariation(again.p.variation)}${again.wrong.length > 0 ? ' — SAI' : ''}\n`);
    }
    if (needsNobody && final.decided) retakenDecided++;
  }
  const mean = times.reduce((a, b) => a + b, 0) / Math.max(1, n);
  return [
    { bench: 'scan-photo: photos', value: n, unit: 'photos' },
    { bench: 'scan-photo: decode + correct + read, mean', value: Math.round(mean), unit: 'ms' },
    { bench: 'scan-photo: decode + correct + read, p95', value: Math.round(percentile(times, 0.95)), unit: 'ms' },
    { bench: 'scan-photo: decided without review', value: Math.round((1000 * decided) / Math.max(1, n)) / 10, unit: '%' },
    { bench: 'scan-photo: decided, of the photos needing nobody by their truth', value: Math.round((1000 * cleanDecided) / Math.max(1, clean)) / 10, unit: '%' },
    { bench: `scan-photo: decided, of the photos needing nobody whose four marks are in the photo (${framedDecided}/${framed})`, value: Math.round((1000 * framedDecided) / Math.max(1, framed)) / 10, unit: '%' },
    { bench: `scan-photo: photos cutting a corner mark (truth), refused (${cutRefused}/${cut})`, value: cut, unit: 'photos' },
    { bench: `scan-photo: decided, of the photos needing nobody, refused shots taken again up to ${retakes} times (${retakenDecided}/${clean}; ${retakesTaken} retakes)`, value: Math.round((1000 * retakenDecided) / Math.max(1, clean)) / 10, unit: '%' },
    { bench: 'scan-photo: refused at once (small, skewed, blurred, cut)', value: Math.round((1000 * refused) / Math.max(1, n)) / 10, unit: '%' },
    ...[...refusals].map(([code, count]) => ({ bench: `scan-photo: refused ${code}`, value: count, unit: 'photos' })),
    { bench: 'scan-photo: confident errors', value: errors, unit: 'errors' },
    ...[...groups].sort(([a], [b]) => a.localeCompare(b)).flatMap(([key, e]) => [
      { bench: `scan-photo: ${key}: decided, of the photos needing nobody (${e.decided}/${e.clean})`, value: Math.round((1000 * e.decided) / Math.max(1, e.clean)) / 10, unit: '%' },
      { bench: `scan-photo: ${key}: mean / p95 per photo (${e.times.length} photos)`, value: Math.round(e.times.reduce((a, b) => a + b, 0) / Math.max(1, e.times.length)), unit: `ms / ${Math.round(percentile(e.times, 0.95))} ms` },
    ]),
  ];
};
