/**
 * Name rows of phone photos that need nobody, which the reader sent to the board (bench/scan-photo.bench.ts with
 * SCAN_PHOTO_WHY=1): a circle round a name, an underline under it, a double strike; and a confident wrong reading
 * of the unseen set (a half-word partial strike read kept). Every other row of each photo is read as its truth says
 * or left to the board.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeScan } from '../../src/scan/input.ts';
import { offPrint } from '../../src/scan/photo-fit.ts';
import { readPhoto, rectifyPhoto } from '../../src/scan/photo.ts';
import { readSheet } from '../../src/scan/sheet.ts';
import type { Generator, RowPlan } from '../../src/scan/testing/generate.ts';
import { rng } from '../../src/scan/testing/draw.ts';
import { PARTIAL_STRIKES } from '../../src/scan/testing/human.ts';
import { generatePhoto, nameVariation, randomVariation, type GeneratedPhoto } from '../../src/scan/testing/photo.ts';
import { expectTruth, generator, said, strikeRound } from './support.ts';

let g: Generator;
beforeAll(async () => {
  g = await generator(strikeRound());
}, 120_000);

const rowsOf = async (p: GeneratedPhoto): Promise<ReturnType<typeof readPhoto>['outcome']> => {
  const pages = await decodeScan(p.jpeg);
  if (!pages.ok) throw new Error(pages.error.message_en);
  return readPhoto(pages.value[0]!, g.target, 0).outcome;
};

/** The photo's rows as the reader reads them, whether or not the photo is then refused as blurred for its resolution. */
const rowsRead = async (p: GeneratedPhoto): Promise<ReturnType<typeof readPhoto>['outcome']> => {
  const pages = await decodeScan(p.jpeg);
  if (!pages.ok) throw new Error(pages.error.message_en);
  const r = rectifyPhoto(pages.value[0]!, g.target.layout);
  if (!r.ok) throw new Error(r.error.message_en);
  return readSheet(r.value.image, g.target, 0, { photo: { pxPerPt: r.value.marks.pxPerPt } });
};

const STRESS_PARTS = ['half-middle-word', 'half-word', 'middle-word', 'family-name'] as const;
const STRESS_PENS = ['thin-ballpoint', 'thin-ballpoint', 'ballpoint'] as const;
const UNDERLINE_CLOSE: RowPlan = { kind: 'non-strike', mark: 'underline-close', pen: 'felt-pen' };

/**
 * The plan of the scratch stress photos (every other row a partial strike — half a middle word, half a word, a middle
 * word, the family name; thin ballpoint twice as often as ballpoint — and the others `other`), as they were made.
 */
const stressPlan = (seed: number, other: RowPlan) => (i: number): RowPlan => {
  const q = seed * 7 + i;
  return i % 2 === 0 ? { kind: 'partial', part: STRESS_PARTS[(q >> 1) % 4]!, pen: STRESS_PENS[(q >> 3) % 3]! } : other;
};

/**
 * Sharp 1080p stress photos (blur σ 0, 0.3 or 0.5 by the seed; the other rows nothing drawn): each named row, a thin
 * ballpoint through part of the name, is never read kept, and nothing on the photo is read wrong.
 */
const expectThinStrikesNotKept = async (cases: readonly (readonly [number, string])[]): Promise<void> => {
  for (const [seed, candidateId] of cases) {
    const p = await generatePhoto(g, { seed, pNoStamp: 0, pOutside: 0, plan: stressPlan(seed, { kind: 'none' }), variation: { camera: '1080p', blur: [0, 0.3, 0.5][seed % 3]!, cut: false } });
    const outcome = await rowsOf(p);
    const name = `seed ${seed}, ${candidateId}: ${nameVariation(p.variation)}`;
    expect(outcome.kind, name).toBe('read');
    if (outcome.kind !== 'read') continue;
    expect(p.ballot.truth.plans.get(candidateId), name).toMatchObject({ kind: 'partial', pen: 'thin-ballpoint' });
    expect(said(outcome.page.rows.find((r) => r.candidateId === candidateId)!), name).not.toBe('kept');
    expectTruth(p.ballot, outcome.page.rows);
  }
};

/** A photo of the bench (its seed and mix), and the row it sent to the board though it needs nobody. */
const benchRowKept = (seed: number, candidateId: string): Promise<void> => benchRow(seed, candidateId, 'kept');

const benchRow = async (seed: number, candidateId: string, truth: 'kept' | 'struck', plan?: (i: number) => RowPlan | undefined): Promise<void> => {
  const p = await generatePhoto(g, { seed, pStrike: 0.3, pNonStrike: 0.05, pPartial: 0.03, pNoStamp: 0.03, pOutside: 0.03, ...(plan === undefined ? {} : { plan }) });
  const outcome = await rowsRead(p);
  const name = `seed ${seed}, ${candidateId} ${JSON.stringify(p.ballot.truth.plans.get(candidateId))}: ${nameVariation(p.variation)}`;
  expect(outcome.kind, name).toBe('read');
  if (outcome.kind !== 'read') return;
  const row = outcome.page.rows.find((r) => r.candidateId === candidateId)!;
  expect(said(row), name).toBe(truth);
  expectTruth(p.ballot, outcome.page.rows);
};

describe('scan: rows of phone photos that need nobody', () => {
  it('keeps a name circled, whose circle\'s sides cross the letters\' band beside it (no stroke reaching in from the pad)', async () => {
    await benchRowKept(10_000, 'c004');
    await benchRowKept(10_052, 'c017');
  }, 300_000);

  it('keeps a name circled whose circle\'s side reads as a whole line beside the letters, an open circle too (read again without the circle, as scans are)', async () => {
    // 160,007 (12 MP, an open circle in gel pen) and 170,032 (8 MP, its open end crossing the band by the last letter):
    // the circle was cleared but for the faint ink by its edge, and an open one not at all, before a pen line from the pad was looked for.
    await benchRowKept(160_007, 'c018');
    await benchRowKept(170_032, 'c015');
  }, 300_000);

  it('keeps a name with a pen dot pressed on its letters, which cut it into pieces: a dot, not a line through part of the name', async () => {
    // 160,054 (12 MP, ballpoint), 170,024 (1080p, ballpoint), 180,015 (3 MP, thin ballpoint): the dot's ink in the
    // letters' core kept the name from being read kept (bareCore), as a thin line's specks must. On printed paper the
    // mix draws other marks on 160,054 and 180,015 (the bands moved): 160,041 (1080p, thin ballpoint) and 180,004
    // (12 MP, gel pen) are dots on the name in their place.
    await benchRowKept(160_041, 'c016');
    await benchRowKept(170_024, 'c007');
    await benchRowKept(180_004, 'c017');
  }, 300_000);

  it('strikes a name struck with a thin ballpoint that starts late or ends early, followed under its end word where the line shows between the letters (as scans are)', async () => {
    // 160,000 (12 MP), 170,022 (3 MP), 210,052 (8 MP, two rows): read partly struck, sent to the board.
    await benchRow(160_000, 'c008', 'struck');
    await benchRow(170_022, 'c004', 'struck');
    await benchRow(210_052, 'c009', 'struck');
    await benchRow(210_052, 'c013', 'struck');
  }, 300_000);

  it('strikes a name struck with a thin ballpoint that starts late under its first word, seen there hugging the letters on a photo from 2.5 px/pt (as scans are)', async () => {
    // 160,085 (12 MP, 3.19 px/pt, blur σ 0.9): the line showed 3 % of the first word clear of the widened print; the
    // rest of its course runs along the letters, as dark as a pen line (strike-ends.ts NEAR_LEVEL). Read partly struck.
    await benchRow(160_085, 'c010', 'struck');
  }, 300_000);

  it('strikes a name struck with a line that starts late under its first word on a photo below 2.5 px/pt, followed there against the blank form blurred as the photo is', async () => {
    // 920,002 c010 (gel pen, 8 MP at 1.83 px/pt), 920,042 c012 (thin ballpoint, sharp 1080p at 1.09), 920,072 c010
    // (thin ballpoint, 3 MP at 1.62, σ 0.7): the letters' blurred edges fill their gaps, no pixel of the line shows clear
    // of the widened print under the first word (0–3 % of it seen), and the row was read partly struck.
    await benchRow(920_002, 'c010', 'struck');
    await benchRow(920_042, 'c012', 'struck');
    await benchRow(920_072, 'c010', 'struck');
  }, 300_000);

  it('keeps a name underlined a few points under it: the row\'s alignment on its printed name is not drawn onto the underline', async () => {
    // A thick underline in the window matched against the blank form pulled the map 1.5 pt off (the largest shift),
    // and the letters' feet read as pen ink across the name.
    // Both photos (blur σ 0.9 and 0.7, 1080p and 3 MP) are refused as blurred for their resolution; read all the same.
    await benchRowKept(10_011, 'c005');
    await benchRowKept(10_188, 'c017');
  }, 300_000);

  it('strikes a name struck twice with a felt pen whose lower line runs under the letters (more of its ink shows than the upper one\'s)', async () => {
    // 10,028 (8 MP) was 10,005 (c006) on rendered paper: printed, the mix draws nothing on that row.
    await benchRow(10_028, 'c008', 'struck');
    // Double strikes, underlines close and far, tight and open circles, in turn: none read wrong.
    const plans: RowPlan[] = [
      { kind: 'strike', shape: 'double', pen: 'felt-pen' }, { kind: 'non-strike', mark: 'underline-close', pen: 'felt-pen' },
      { kind: 'non-strike', mark: 'circle-tight', pen: 'ballpoint' }, { kind: 'strike', shape: 'double-slanted', pen: 'gel-pen' },
      { kind: 'non-strike', mark: 'circle-open', pen: 'ballpoint' }, { kind: 'non-strike', mark: 'underline', pen: 'felt-pen' },
    ];
    for (const seed of [1, 2]) {
      const p = await generatePhoto(g, { seed, pNoStamp: 0, pOutside: 0, variation: { camera: '1080p' }, plan: (i) => plans[i % plans.length]! });
      const outcome = await rowsOf(p);
      expect(outcome.kind).toBe('read');
      if (outcome.kind === 'read') expect(expectTruth(p.ballot, outcome.page.rows), nameVariation(p.variation)).toBeLessThanOrEqual(4);
    }
  }, 300_000);

  it('strikes a name struck twice with a felt pen whose lower line runs by the letters\' foot, the upper through them', async () => {
    // Photos 50,105 and 50,132 of the bench (8 MP, 2.5 and 2.9 px/pt): the line found was the lower one, 0.8 and
    // 1.3 pt above the foot (under PHOTO.minAbovePt, where a circle's side or the blurred foot runs); the upper line
    // crosses the whole name through the letters.
    // On printed paper 50,132's double strike goes to the board as unclear (never kept); 30,049 (8 MP, c006) is
    // such a double felt-pen strike read struck.
    await benchRow(50_105, 'c001', 'struck');
    await benchRow(30_049, 'c006', 'struck');
  }, 300_000);

  it('strikes a name struck twice whose lower line, by the letters\' foot, shows below their band too: no circle found there, the upper line through the letters is a double strike\'s', async () => {
    // Photos 170,003 (8 MP, 2.10 px/pt, felt pen, blur σ 0.9) and 170,024 (1080p, 1.14 px/pt, gel pen, σ 0.4) of the
    // bench: the line found was the lower one, with its ink below the band read as a line beside it (a circle's side?);
    // no circle cleared, the name went to the board though a second whole line crosses the letters above.
    await benchRow(170_003, 'c008', 'struck');
    await benchRow(170_024, 'c011', 'struck');
  }, 300_000);

  it('never keeps a name struck through half its first word with a light thin pen on a blurred photo below 2.5 px/pt', async () => {
    // Photo 30,110 of the bench's unseen set (3 MP, blur σ 1): the stroke showed 2 pt of ink, 1.5 pt tall, before
    // "Nông" and specks inside it, and the name was read kept with confidence 1 (on main too).
    const p = await generatePhoto(g, { seed: 30_110, pStrike: 0.3, pNonStrike: 0.05, pPartial: 0.03, pNoStamp: 0.03, pOutside: 0.03 });
    const outcome = await rowsOf(p);
    // Refused as blurred for its resolution (photo-soft.ts), or read with that name not kept.
    if (outcome.kind === 'rejected') expect(outcome.reason.code).toBe('scan.photo-blur');
    if (outcome.kind !== 'read') return;
    const row = outcome.page.rows.find((r) => r.candidateId === 'c004')!;
    expect(p.ballot.truth.rows.get('c004')).toBe('partial');
    expect(said(row), nameVariation(p.variation)).not.toBe('kept');
    expectTruth(p.ballot, outcome.page.rows);
  }, 300_000);

  it('never keeps a name struck through half a syllable with a thin ballpoint on an 8 MP photo above 2.5 px/pt, blurred, where the stroke leaves pen ink in the letters\' core', async () => {
    // A stress photo (every other row a partial strike of one kind or another, a thin ballpoint or a ballpoint; 8 MP,
    // 2.7 px/pt, blur σ 1): c015, half a middle syllable, was read kept with confidence 0.71 — the letters' core was
    // looked at below PHOTO.lowPxPerPt only.
    const parts = ['half-middle-word', 'half-word', 'family-name', 'given-name', 'middle-word', 'half-name'] as const;
    const pens = ['thin-ballpoint', 'ballpoint'] as const;
    const seed = 1091;
    const plan = (i: number): RowPlan | undefined =>
      (i % 2 === 0 ? { kind: 'partial', part: parts[((i >> 1) + seed) % parts.length]!, pen: pens[((i >> 1) + (seed >> 1)) % 2]! } : undefined);
    const p = await generatePhoto(g, { seed, pNoStamp: 0, pOutside: 0, plan, variation: { camera: '8MP', blur: 1 } });
    const outcome = await rowsOf(p);
    const name = `seed ${seed}: ${nameVariation(p.variation)}`;
    expect(outcome.kind, name).toBe('read');
    if (outcome.kind !== 'read') return;
    const row = outcome.page.rows.find((r) => r.candidateId === 'c015')!;
    expect(p.ballot.truth.plans.get('c015')).toEqual({ kind: 'partial', part: 'half-middle-word', pen: 'thin-ballpoint' });
    expect(said(row), name).not.toBe('kept');
    expectTruth(p.ballot, outcome.page.rows);
  }, 300_000);

  it('never keeps a name struck through half a syllable with a thin ballpoint on a sharp 1080p photo, where the stroke shows a speck or two', async () => {
    // Every other row struck through half a word (a middle one or the first or last) with a thin ballpoint or a
    // ballpoint; photos of about 1 and 1.3 px/pt, blur σ 0.4 and 0.5 (as sharp as the unblurred). The stroke through
    // half of a middle syllable showed 3 and 2 pixels of strong ink between the letters, shorter than the longest
    // stroke kept at that resolution (PHOTO.keptPt), and the name was read kept.
    const parts = ['half-middle-word', 'half-word'] as const;
    const pens = ['thin-ballpoint', 'ballpoint'] as const;
    const plan = (i: number): RowPlan => (i % 2 === 0 ? { kind: 'partial', part: parts[(i >> 1) % 2]!, pen: pens[(i >> 2) % 2]! } : { kind: 'none' });
    for (const [seed, candidateId] of [[105, 'c009'], [106, 'c017']] as const) {
      const p = await generatePhoto(g, { seed, pNoStamp: 0, pOutside: 0, plan, variation: { camera: '1080p', blur: 0.3 + (seed % 8) / 10 } });
      const outcome = await rowsOf(p);
      const name = `seed ${seed}: ${nameVariation(p.variation)}`;
      expect(outcome.kind, name).toBe('read');
      if (outcome.kind !== 'read') continue;
      const row = outcome.page.rows.find((r) => r.candidateId === candidateId)!;
      expect(p.ballot.truth.plans.get(candidateId)).toEqual({ kind: 'partial', part: 'half-middle-word', pen: 'thin-ballpoint' });
      expect(said(row), name).not.toBe('kept');
      expectTruth(p.ballot, outcome.page.rows);
    }
  }, 300_000);

  it('never keeps a name struck through half a syllable with a thin ballpoint on a photo of few pixels a point blurred for its resolution: a 1080p one is refused', async () => {
    // Photos 10,142 (1080p, 1.07 px/pt, blur σ 0.6) and 30,032 (1.02 px/pt, σ 1) of the bench: a thin ballpoint
    // through half of "Văn" showed at most faint specks, as the blurred edges of the letters of the clean names do;
    // 30,032's c010 is read kept by the strike reader (with confidence 1 before these photos were refused as
    // blurred). Against the blank form blurred by the Gaussian fitted to the letters (photo-blank-model.ts) the
    // stroke leaves a run darker than LINE_LEVEL in the letters' middle: both photos are read, the name to the board.
    // On printed paper the mix draws other marks on those rows (the bands moved): the stroke is drawn there as planned.
    // Printed, 30,032 is refused as blurred for its resolution; 30,033 made as a 1080p photo blurred σ 1 takes its place.
    // Both are now refused at once (a 1080p photo whose letters' edges are soft: the test below), as a thin line there
    // was seen no darker than nothing drawn on other such photos; the name is never read kept.
    for (const [seed, candidateId, blur] of [[10_142, 'c007', undefined], [30_033, 'c010', 1]] as const) {
      const row = Number(candidateId.slice(1)) - 1;
      const plan = (i: number): RowPlan | undefined => (i === row ? { kind: 'partial', part: 'half-middle-word', pen: 'thin-ballpoint' } : undefined);
      const p = await generatePhoto(g, { seed, pStrike: 0.3, pNonStrike: 0.05, pPartial: 0.03, pNoStamp: 0.03, pOutside: 0.03, plan, ...(blur === undefined ? {} : { variation: { camera: '1080p', blur } }) });
      expect(p.ballot.truth.plans.get(candidateId)).toEqual({ kind: 'partial', part: 'half-middle-word', pen: 'thin-ballpoint' });
      const outcome = await rowsOf(p);
      const name = `seed ${seed}: ${nameVariation(p.variation)}`;
      expect(outcome.kind === 'rejected' ? outcome.reason.code : outcome.kind, name).toBe('scan.photo-blur');
    }
  }, 300_000);

  it('refuses at once a 1080p photo whose letters\' edges are soft: a thin ballpoint through half a word there cannot be told from nothing', async () => {
    // Scratch stress photos (every other row a partial strike, 1080p, blur σ 0.6–1, fitted σ 1.1–1.4): the thin line,
    // narrower than a camera pixel, measured 31–34 against the blurred blank where names with nothing drawn reach 35;
    // these names were read kept with confidence (the strike reader and the blurred-blank check alike) before such
    // photos were refused: 540,013 c007 (every other row a close felt-pen underline; 1.04 px/pt, blur σ 0.8) and
    // 831,017 c003 (the others nothing drawn; 1.38 px/pt, blur σ 1), printed paper.
    for (const [seed, candidateId, other, blur] of [[540_013, 'c007', 'underline', 0.8], [831_017, 'c003', 'none', 1]] as const) {
      const plan = stressPlan(seed, other === 'underline' ? UNDERLINE_CLOSE : { kind: 'none' });
      const p = await generatePhoto(g, { seed, pNoStamp: 0, pOutside: 0, plan, variation: { camera: '1080p', blur, cut: false } });
      const name = `seed ${seed}, ${candidateId}: ${nameVariation(p.variation)}`;
      expect(p.ballot.truth.plans.get(candidateId), name).toMatchObject({ kind: 'partial', pen: 'thin-ballpoint' });
      const read = await rowsRead(p);
      expect(read.kind, name).toBe('read');
      if (read.kind === 'read') expect(said(read.page.rows.find((r) => r.candidateId === candidateId)!), name).toBe('kept');
      const outcome = await rowsOf(p);
      expect(outcome.kind === 'rejected' ? outcome.reason.code : outcome.kind, name).toBe('scan.photo-blur');
      if (outcome.kind === 'rejected') expect(outcome.reason.message_vi).toContain('Chụp gần hơn');
    }
  }, 300_000);

  it('refuses at once a 3 MP photo under the sure resolution whose letters\' edges are soft, blurred as a lens blurs (a true Gaussian): a thin ballpoint through half the middle word there read kept', async () => {
    // Scratch photos (every other row a thin-ballpoint partial strike of the 8 kinds, the others nothing; 3 MP; blur by
    // a true Gaussian of σ 0.6–1 camera px, which libvips' blur of the bench does not make): read against the blurred
    // blank at 1.52–1.59 px/pt, the line measured 35.8–38.9, and at 1.95 px/pt 34.0 (2,620,053, seen once a bound of
    // 1.7 px/pt had been set) — under the level of 40 they were read at, kept with confidence.
    const thin = (seed: number) => (i: number): RowPlan => (i % 2 === 0 ? { kind: 'partial', part: PARTIAL_STRIKES[(seed * 3 + (i >> 1)) % PARTIAL_STRIKES.length]!, pen: 'thin-ballpoint' } : { kind: 'none' });
    for (const [seed, candidateId, blur] of [[2_600_007, 'c005', 0.6], [2_600_027, 'c013', 0.8], [2_600_041, 'c009', 1], [2_620_053, 'c001', 0.9]] as const) {
      const p = await generatePhoto(g, { seed, plan: thin(seed), stamped: true, writingOutside: false, variation: { camera: '3MP', blur, gaussian: true } });
      const name = `seed ${seed}, ${candidateId}: ${nameVariation(p.variation)}`;
      expect(p.ballot.truth.plans.get(candidateId), name).toMatchObject({ kind: 'partial', part: 'half-middle-word', pen: 'thin-ballpoint' });
      const read = await rowsRead(p);
      expect(read.kind, name).toBe('read');
      if (read.kind === 'read') expect(said(read.page.rows.find((r) => r.candidateId === candidateId)!), name).toBe('kept');
      const outcome = await rowsOf(p);
      expect(outcome.kind === 'rejected' ? outcome.reason.code : outcome.kind, name).toBe('scan.photo-blur');
    }
  }, 300_000);

  it('refuses a photo whose map from its marks misses the printed names, where letters would read as strikes', async () => {
    // Photo 30,163 of the bench's unseen set (3 MP, tilted 24°): the names lay 7 pt left of the blank form's, and
    // eleven names were read struck with confidence (before, and after it was refused as blurred too).
    // On printed paper it is refused before that, for its marks; the same miss is made on photo 10,000, read right,
    // by moving its map 7 pt to the left.
    const p = await generatePhoto(g, { seed: 30_163, pStrike: 0.3, pNonStrike: 0.05, pPartial: 0.03, pNoStamp: 0.03, pOutside: 0.03 });
    const outcome = await rowsOf(p);
    expect(outcome.kind === 'rejected' ? outcome.reason.code : outcome.kind, nameVariation(p.variation)).toMatch(/^scan\.photo-(fit|marks)$/);
    const right = await generatePhoto(g, { seed: 10_000, pStrike: 0.3, pNonStrike: 0.05, pPartial: 0.03, pNoStamp: 0.03, pOutside: 0.03 });
    const pages = await decodeScan(right.jpeg);
    if (!pages.ok) throw new Error(pages.error.message_en);
    const r = rectifyPhoto(pages.value[0]!, g.target.layout);
    if (!r.ok) throw new Error(r.error.message_en);
    const read = readSheet(r.value.image, g.target, 0, { photo: { pxPerPt: r.value.marks.pxPerPt } });
    expect(read.kind).toBe('read');
    if (read.kind !== 'read') return;
    expect(offPrint(r.value.image, read, g.target)).toBeNull();
    const t = read.registration.transform;
    const moved = { ...read, registration: { ...read.registration, transform: { ...t, c: t.c + 7 * t.a, f: t.f + 7 * t.d } } };
    expect(offPrint(r.value.image, moved, g.target)?.code).toBe('scan.photo-fit');
  }, 300_000);

  it('never keeps a name struck through half a middle word with a thin ballpoint on a sharp 1080p photo where the strike reader sees nothing: the name is held to the blank form blurred as the photo is', async () => {
    // Stress photos (every other row a partial strike: half a middle word, half a word, a middle word, the family name;
    // thin ballpoint or ballpoint; 1080p, blur σ 0–0.5, the letters' edges sharp): these names were read kept with
    // confidence; against the blurred blank they leave runs of 57, 50 and 71 along the letters' middle (SHARP_LINE_LEVEL).
    await expectThinStrikesNotKept([[830_000, 'c017'], [830_013, 'c007'], [830_025, 'c011']]);
  }, 300_000);

  it('keeps a name with nothing drawn on a sharp 1080p photo, whose letters\' edges stepped by the camera\'s pixels leave one flat piece in a gap: a line leaves one in each gap it crosses', async () => {
    // Bench photos 180,043 (1.00 px/pt), 190,025 (0.98, two names) and 410,095 (1.21), blur σ 0: one piece 2 × 0.5 or
    // 1.5 × 1 pt, 65–80 levels darker than the letters, in the same gap of the same name, sent the name to the board.
    await benchRowKept(180_043, 'c006');
    // On printed paper the mix draws a strike on 190,025's c009 (the bands moved): nothing is drawn there as planned.
    await benchRow(190_025, 'c009', 'kept', (i) => (i === 8 ? { kind: 'none' } : undefined));
    await benchRowKept(190_025, 'c016');
    // 410,095's c018 too (the mix draws a strike there on printed paper): nothing is drawn there as planned.
    await benchRow(410_095, 'c018', 'kept', (i) => (i === 17 ? { kind: 'none' } : undefined));
  }, 300_000);

  it('never keeps a name struck through half a syllable with a thin ballpoint on a 1080p retake, where the stroke shows only a short faint flat piece over the letters', async () => {
    // Photo 130,074 of the bench (SCAN_PHOTO_SEED=130000), its first retake (the first shot refused as blurred): c014
    // showed pieces 1.5–2 × 1–1.5 pt, 69–106 levels darker than the letters, over the top of the lower-case letters,
    // and was read kept with confidence (ink-beside-print.ts STRIKE_PIECE); three of them, along the stroke's course, as
    // a photo of fewer than PHOTO.coarsePxPerPt needs (linedStrikePieces).
    const seed = 130_074;
    const marking = { pStrike: 0.3, pNonStrike: 0.05, pPartial: 0.03, pNoStamp: 0.03, pOutside: 0.03 } as const;
    const first = await generatePhoto(g, { seed, ...marking });
    const retake = await generatePhoto(g, { seed, ...marking, variation: { ...randomVariation(rng(seed * 31 + 7 + 7919)), camera: first.variation.camera } });
    const outcome = await rowsOf(retake);
    expect(outcome.kind, nameVariation(retake.variation)).toBe('read');
    if (outcome.kind !== 'read') return;
    expect(retake.ballot.truth.plans.get('c014')).toMatchObject({ kind: 'partial', pen: 'thin-ballpoint' });
    expect(said(outcome.page.rows.find((r) => r.candidateId === 'c014')!), nameVariation(retake.variation)).not.toBe('kept');
    expectTruth(retake.ballot, outcome.page.rows);
  }, 300_000);

  it('keeps a name with nothing drawn on a sharp 1080p photo whose letters\' flat tops and bars, a fraction of a camera pixel off the blurred blank, leave a run along them: the line is looked for over the letters\' gaps', async () => {
    // Bench photos 160,078 (1080p, 0.89 px/pt, blur σ 0: five names with nothing drawn, runs of 49–56 along the top bar
    // of "T" and the letters' tops against SHARP_LINE_LEVEL 48 then) and 160,087 (1.21 px/pt: 49), sent to the board
    // by photo-soft.ts. Over the gaps and counters only (darkestRun gapsOnly) they show 27–28 and 14.
    for (const [seed, candidateId] of [[160_078, 'c001'], [160_078, 'c004'], [160_078, 'c005'], [160_087, 'c004']] as const) {
      const p = await generatePhoto(g, { seed, pStrike: 0.3, pNonStrike: 0.05, pPartial: 0.03, pNoStamp: 0.03, pOutside: 0.03 });
      const outcome = await rowsOf(p);
      const name = `seed ${seed}, ${candidateId}: ${nameVariation(p.variation)}`;
      expect(outcome.kind, name).toBe('read');
      if (outcome.kind !== 'read') continue;
      expect(p.ballot.truth.plans.get(candidateId), name).toEqual({ kind: 'none' });
      expect(said(outcome.page.rows.find((r) => r.candidateId === candidateId)!), name).toBe('kept');
      expectTruth(p.ballot, outcome.page.rows);
    }
  }, 300_000);

  it('never keeps a name struck through half a word with a thin ballpoint on a sharp 1080p photo whose run over all the letters was under the level: over the gaps the line shows whole', async () => {
    // Stress photos 830,016 (c001, half a middle word, 1.08 px/pt), 830,029 (c007, half a middle word, 1.11 px/pt) and
    // 830,002 (c013, half a word, 1.13 px/pt), the plan of the test above: read kept by the strike reader; the first two
    // kept with confidence on main (runs of 38 and 43 over all the run's pixels against 48 then, after the marks left
    // out), 830,002 sent (68). Over the gaps only: 58, 61 and 85.
    await expectThinStrikesNotKept([[830_016, 'c001'], [830_029, 'c007'], [830_002, 'c013']]);
  }, 300_000);

  it('never keeps a name struck through half a word with a thin ballpoint on a sharp 1080p photo saved at a low JPEG quality, whose run over the gaps is 52', async () => {
    // Stress photo 850,003 (the plan above, nothing drawn on the other rows; 1080p, 0.86 px/pt, no blur, JPEG 71): c015,
    // half a word, read kept by the strike reader and, over the gaps at 52.0, kept with confidence at the former
    // SHARP_LINE_LEVEL of 52. Names with nothing drawn on 40 such photos (850,000–850,039) reach 43.
    const seed = 850_003;
    const p = await generatePhoto(g, { seed, pNoStamp: 0, pOutside: 0, plan: stressPlan(seed, { kind: 'none' }), variation: { camera: '1080p', blur: 0, jpeg: 71, noise: 1, landscape: false, cut: false } });
    const outcome = await rowsOf(p);
    const name = `seed ${seed}: ${nameVariation(p.variation)}`;
    expect(outcome.kind, name).toBe('read');
    if (outcome.kind !== 'read') return;
    expect(p.ballot.truth.plans.get('c015'), name).toMatchObject({ kind: 'partial', part: 'half-word', pen: 'thin-ballpoint' });
    expect(said(outcome.page.rows.find((r) => r.candidateId === 'c015')!), name).not.toBe('kept');
    expectTruth(p.ballot, outcome.page.rows);
  }, 300_000);

  it('never strikes a name underlined close with a felt pen on a 1080p photo blurred σ 0.6–1, whose blurred underline reads as a whole line through the letters\' lower half', async () => {
    // Stress photos (every other row a partial strike, the others a felt-pen underline drawn close; 1080p, blur σ 0.6–1,
    // seeds 540,000–540,039): 15 of 171 underlines were read struck with confidence. 540,005 c002 and 540,019 c016 (the
    // underline's ink under the letters' foot is pen there), 540,023 c002 (a thick underline 2 pt under the foot, its
    // ink too thick in its column to be classed pen; the row's match pulled down, the letters' tops read as the line).
    for (const [seed, candidateId] of [[540_005, 'c002'], [540_019, 'c016'], [540_023, 'c002']] as const) {
      const plan = stressPlan(seed, UNDERLINE_CLOSE);
      const p = await generatePhoto(g, { seed, pNoStamp: 0, pOutside: 0, plan, variation: { camera: '1080p', blur: [0.6, 0.8, 1.0, 0.7][seed % 4]!, cut: false } });
      // Such photos are now refused at once (photo-soft.ts); the strike reader's rule, for every photo below
      // PHOTO.lowPxPerPt, is held here on the rows as it reads them.
      const outcome = await rowsRead(p);
      const name = `seed ${seed}, ${candidateId}: ${nameVariation(p.variation)}`;
      expect(outcome.kind, name).toBe('read');
      if (outcome.kind !== 'read') continue;
      expect(p.ballot.truth.plans.get(candidateId), name).toEqual(UNDERLINE_CLOSE);
      expect(said(outcome.page.rows.find((r) => r.candidateId === candidateId)!), name).not.toBe('struck');
      for (const row of outcome.page.rows) {
        if (p.ballot.truth.rows.get(row.candidateId) === 'kept') expect(said(row), `${name}, ${row.candidateId}`).not.toBe('struck');
      }
    }
  }, 300_000);
});
