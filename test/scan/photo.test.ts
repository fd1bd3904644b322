/**
 * Ballots photographed with a phone or tablet: the homography from the four marks, and generated phone photos
 * (src/scan/testing/photo.ts) read by the scanner's reader — each decided as marked or sent to the board, never a
 * confident wrong reading; shots too blurred, skewed, small or cut refused with the reason.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { groupSheets, type BallotReading } from '../../src/scan/index.ts';
import { applyH, homographyFrom4, solveLinear, stretch } from '../../src/scan/homography.ts';
import { decodeScan } from '../../src/scan/input.ts';
import { findPhotoMarks, lowResolution, markCentres } from '../../src/scan/photo-marks.ts';
import { PHOTO } from '../../src/scan/strike-row.ts';
import { readPhoto } from '../../src/scan/photo.ts';
import type { Generator } from '../../src/scan/testing/generate.ts';
import { generatePhoto, nameVariation, type GeneratedPhoto, type PhotoVariation } from '../../src/scan/testing/photo.ts';
import { expectTruth, generator, strikeRound } from './support.ts';

describe('homography from four points', () => {
  it('maps each of the four points exactly and a fifth as the perspective does', () => {
    const from = [{ x: 0, y: 0 }, { x: 500, y: 0 }, { x: 500, y: 800 }, { x: 0, y: 800 }];
    const to = [{ x: 110, y: 95 }, { x: 1290, y: 160 }, { x: 1400, y: 1900 }, { x: 60, y: 1780 }];
    const m = homographyFrom4(from, to)!;
    for (const [i, p] of from.entries()) {
      expect(applyH(m, p).x).toBeCloseTo(to[i]!.x, 6);
      expect(applyH(m, p).y).toBeCloseTo(to[i]!.y, 6);
    }
    // The diagonals' crossing stays their crossing under any perspective.
    const c = applyH(m, { x: 250, y: 400 });
    const side = (a: { x: number; y: number }, b: { x: number; y: number }, p: { x: number; y: number }): number => (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    expect(Math.abs(side(to[0]!, to[2]!, c))).toBeLessThan(1e-3 * 2000 * 2000);
    expect(Math.abs(side(to[1]!, to[3]!, c))).toBeLessThan(1e-3 * 2000 * 2000);
    expect(Math.abs(side(to[0]!, to[2]!, applyH(m, { x: 300, y: 400 })))).toBeGreaterThan(1000);
  });

  it('is a plain scaling for a scaled square, stretching equally both ways; none from three points on a line', () => {
    const sq = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }];
    const m = homographyFrom4(sq, sq.map((p) => ({ x: 3 * p.x + 7, y: 3 * p.y - 2 })))!;
    expect(m.g).toBeCloseTo(0, 9);
    expect(m.h).toBeCloseTo(0, 9);
    expect(stretch(m, { x: 4, y: 4 }).min).toBeCloseTo(3, 6);
    expect(stretch(m, { x: 4, y: 4 }).max).toBeCloseTo(3, 6);
    expect(homographyFrom4([{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 2 }, { x: 0, y: 5 }], sq)).toBeNull();
    expect(solveLinear([[1, 2], [2, 4]], [1, 2])).toBeNull();
    expect(solveLinear([[0, 1], [1, 0]], [3, 4])).toEqual([4, 3]);
  });
});

let g: Generator;
beforeAll(async () => {
  g = await generator(strikeRound());
}, 120_000);

const readShot = async (p: GeneratedPhoto): Promise<{ reading: BallotReading; rows: ReturnType<typeof readPhoto> }> => {
  const pages = await decodeScan(p.jpeg);
  if (!pages.ok) throw new Error(pages.error.message_en);
  const r = readPhoto(pages.value[0]!, g.target, 0);
  return { reading: groupSheets(g.target, [r.outcome])[0]!, rows: r };
};

/** The photo's four marks are found, each within 3 pt of where the camera put it (the seal's ink in a mark's box may
 * pull its centre a point or two: the upright page corrects it, photo.ts); false when they are not found. */
const expectMarksFound = async (p: GeneratedPhoto, name: string): Promise<boolean> => {
  const pages = await decodeScan(p.jpeg);
  if (!pages.ok) throw new Error(pages.error.message_en);
  const found = findPhotoMarks(pages.value[0]!, g.target.layout);
  expect(found.ok, name).toBe(true);
  if (!found.ok) return false;
  for (const c of markCentres(g.target.layout)) {
    const truth = applyH(p.homography, c);
    const seen = applyH(found.value.homography, c);
    expect(Math.hypot(seen.x - truth.x, seen.y - truth.y) / found.value.pxPerPt, name).toBeLessThan(3);
  }
  return true;
};

const shot = (seed: number, variation: Partial<PhotoVariation> = {}): Promise<GeneratedPhoto> =>
  generatePhoto(g, { seed, pNonStrike: 0.05, pPartial: 0.03, pStrike: 0.3, variation });

describe('scan: phone photos of ballots', () => {
  it('finds the four marks where the camera put them, within a point, at every camera and tilt', async () => {
    const cases: Array<Partial<PhotoVariation>> = [
      { camera: '1080p', tilt: 0, roll: 0, fill: 0.9 },
      { camera: '3MP', tilt: 25, tiltAxis: 30, roll: -10 },
      { camera: '8MP', landscape: true, tilt: 15, tiltAxis: 200, roll: 6, shadow: 0.35 },
    ];
    for (const [i, v] of cases.entries()) {
      const p = await shot(500 + i, v);
      const pages = await decodeScan(p.jpeg);
      if (!pages.ok) throw new Error(pages.error.message_en);
      const found = findPhotoMarks(pages.value[0]!, g.target.layout);
      expect(found.ok, nameVariation(p.variation)).toBe(true);
      if (!found.ok) continue;
      const k = found.value.pxPerPt;
      for (const c of markCentres(g.target.layout)) {
        // Landscape: the map may be the page turned a half-turn (the QR code settles which way up).
        const truth = applyH(p.homography, c);
        const turned = applyH(p.homography, { x: g.target.layout.width - c.x, y: g.target.layout.height - c.y });
        const seen = applyH(found.value.homography, c);
        const off = Math.min(Math.hypot(seen.x - truth.x, seen.y - truth.y), Math.hypot(seen.x - turned.x, seen.y - turned.y));
        expect(off / k, nameVariation(p.variation)).toBeLessThan(1);
      }
      expect(Math.abs(found.value.tiltDegrees - p.variation.tilt), nameVariation(p.variation)).toBeLessThan(3);
    }
  }, 240_000);

  it('says at once of a shot read below the resolution of sure reading (1080p, 3 MP) that a closer shot reads better', async () => {
    const p = await shot(40, { camera: '1080p', tilt: 5, fill: 0.85 });
    const pages = await decodeScan(p.jpeg);
    if (!pages.ok) throw new Error(pages.error.message_en);
    const found = findPhotoMarks(pages.value[0]!, g.target.layout);
    if (!found.ok) throw new Error(found.error.message_en);
    expect(found.value.pxPerPt).toBeLessThan(PHOTO.lowPxPerPt);
    expect(lowResolution(found.value)?.message_vi).toMatch(/^Ảnh chưa đủ nét, độ phân giải thấp .*Chụp gần hơn/u);
    // Below it a blurred photo is refused as blurred (photo-soft.ts): the camera says so, up to the sure resolution.
    expect(lowResolution({ ...found.value, pxPerPt: PHOTO.lowPxPerPt - 0.1 })?.message_vi).toMatch(/ảnh hơi mờ sẽ không được đọc/u);
    // The same threshold as the reader's stricter reading of kept names: a sharp enough shot has no notice.
    expect(lowResolution({ ...found.value, pxPerPt: PHOTO.lowPxPerPt })).toBeNull();
  }, 60_000);

  it('takes for a mark neither a letter of the header by a seal touching the real mark, nor the table\'s dark corner by the paper\'s', async () => {
    // Two photos of bench/scan-photo.bench.ts: 10,041 (1080p, the seal touches the top-left mark, which only the
    // opened look sees, while the far top-right mark only the plain look sees: a letter "K" of the header was taken)
    // and 10,084 (8 MP, the table's dark corner beside the top-right mark made a larger quadrilateral).
    for (const seed of [10_041, 10_084]) {
      const p = await generatePhoto(g, { seed, pStrike: 0.3, pNonStrike: 0.05, pPartial: 0.03, pNoStamp: 0.03, pOutside: 0.03 });
      const name = `seed ${seed}: ${nameVariation(p.variation)}`;
      if (!(await expectMarksFound(p, name))) continue;
      // The marks are this test's subject; whatever the ballot's own marks make of it, never a wrong decision.
      const { reading, rows } = await readShot(p);
      if (reading.kind === 'decided' && rows.outcome.kind === 'read') expectTruth(p.ballot, rows.outcome.page.rows);
    }
  }, 240_000);

  it('finds a large mark that the seal\'s ring touches, pressed thick, and reads the photo rather than refuse it', async () => {
    // Photos 30,215 (8 MP landscape, 14°) and 30,227 (12 MP, 20°) of the bench's unseen set, framing all four marks:
    // the ring was 4–6 working pixels wide where it met the 16-pixel top-left mark, which neither the plain look nor
    // the look opened by 4 pixels saw apart from it; another blob was taken for it (refused as skewed, or as its
    // marks not seen).
    for (const seed of [30_215, 30_227]) {
      const p = await generatePhoto(g, { seed, pStrike: 0.3, pNonStrike: 0.05, pPartial: 0.03, pNoStamp: 0.03, pOutside: 0.03 });
      const name = `seed ${seed}: ${nameVariation(p.variation)}`;
      expect(p.marksCut, name).toBe(0);
      if (!(await expectMarksFound(p, name))) continue;
      const { reading, rows } = await readShot(p);
      expect(rows.outcome.kind, name).toBe('read');
      if (reading.kind === 'decided' && rows.outcome.kind === 'read') expectTruth(p.ballot, rows.outcome.page.rows);
    }
  }, 240_000);

  it('reads 12 photos (1080p to 12 MP, tilted up to 25°, turned, shadowed, blurred, JPEG): each decided as marked or sent to the board, none wrong', async () => {
    let decided = 0;
    const seeds = [1, 2, 3, 5, 7, 8, 11, 13, 16, 17, 21, 23];
    for (const seed of seeds) {
      const p = await shot(seed, seed === 2 ? {} : { camera: seed % 3 === 0 ? '1080p' : seed % 3 === 1 ? '3MP' : '8MP' });
      const { reading, rows } = await readShot(p);
      const name = `seed ${seed}: ${nameVariation(p.variation)}`;
      if (rows.outcome.kind === 'read') expectTruth(p.ballot, rows.outcome.page.rows);
      if (reading.kind === 'decided') {
        decided++;
        const struck = [...p.ballot.truth.rows].filter(([, t]) => t === 'struck').map(([id]) => id).sort();
        expect('struck' in reading.ballot ? [...reading.ballot.struck].sort() : null, name).toEqual(struck);
        expect(p.ballot.truth.stamped && !p.ballot.truth.writingOutside, name).toBe(true);
      }
    }
    // Most good photos are decided by the machine.
    expect(decided).toBeGreaterThanOrEqual(seeds.length / 2);
  }, 600_000);

  it('reads every row right when the seal reaches a corner mark (its ink pulls the centre the photo shows)', async () => {
    // Two photos of bench/scan-photo.bench.ts whose seal reaches the top-left mark (its centre on the photo was 2.3
    // and 1.4 pt off): before the marks were measured again on the upright page, kept names were read struck.
    for (const seed of [10_014, 10_031]) {
      const p = await generatePhoto(g, { seed, pStrike: 0.3, pNonStrike: 0.05, pPartial: 0.03, pNoStamp: 0.03, pOutside: 0.03 });
      const { rows } = await readShot(p);
      const name = `seed ${seed}: ${nameVariation(p.variation)}`;
      expect(rows.outcome.kind, name).toBe('read');
      if (rows.outcome.kind !== 'read') continue;
      expect(expectTruth(p.ballot, rows.outcome.page.rows), name).toBeLessThanOrEqual(2);
    }
  }, 240_000);

  it('finds a faint seal pressed partly off the paper, whose letters vote more than its cut rim, and no seal on a ballot not stamped', async () => {
    // Photo 160,079 of the bench (8 MP, tilted 24°): the most voted circle was a smaller one off the seal's centre:
    // the seal read uncertain, the ballot sent to the board. The next peaks of the vote are measured too.
    const p = await generatePhoto(g, { seed: 160_079, pStrike: 0.3, pNonStrike: 0.05, pPartial: 0.03, pNoStamp: 0.03, pOutside: 0.03 });
    const { rows } = await readShot(p);
    expect(rows.outcome.kind).toBe('read');
    if (rows.outcome.kind === 'read') expect(rows.outcome.page.seal.state).toBe('present');
    for (const seed of [1, 2, 3]) {
      const bare = await generatePhoto(g, { seed, pStrike: 0.3, stamped: false, pOutside: 0, variation: { cut: false } });
      const read = await readShot(bare);
      expect(read.rows.outcome.kind).toBe('read');
      if (read.rows.outcome.kind === 'read') expect(read.rows.outcome.page.seal.state, nameVariation(bare.variation)).not.toBe('present');
    }
  }, 180_000);

  it('never reads a fold across a photographed ballot as a strike: the crease is found and cleared as on a scan', async () => {
    // Folded ballots photographed (variety.ts 'fold'): 700,005 (1080p) and 700,008 (8 MP) were decided with a kept
    // name read struck, the photo's rows read without looking for folds.
    for (const seed of [700_005, 700_008]) {
      const p = await generatePhoto(g, { seed, pStrike: 0.3, pNonStrike: 0, pPartial: 0, pNoStamp: 0, pOutside: 0, noise: ['fold'], variation: { cut: false } });
      const { rows } = await readShot(p);
      expect(rows.outcome.kind).toBe('read');
      if (rows.outcome.kind === 'read') expectTruth(p.ballot, rows.outcome.page.rows);
    }
  }, 180_000);

  it('does not keep a name struck from before it into its first letter (a partial strike of half a word whose tip only is inside)', async () => {
    // Photo 30,128 of the bench's second set (12 MP): a thin ballpoint stroke from the pad into the "M" of "Mã Văn
    // Tâm" showed one column of ink inside the name and was read kept, with confidence.
    // Since the generator's lists grew, that seed draws another ballot: every other row of these 12 MP photos is
    // struck through half a word (or the family name) with a thin ballpoint, wherever the random stroke starts.
    for (const seed of [30_128, 30_129, 30_130]) {
      const p = await generatePhoto(g, {
        seed, pNoStamp: 0, pOutside: 0, variation: { camera: '12MP' },
        plan: (i) => (i % 2 === 0 ? { kind: 'partial', part: i % 4 === 0 ? 'half-word' : 'family-name', pen: 'thin-ballpoint' } : { kind: 'none' }),
      });
      const { rows } = await readShot(p);
      expect(rows.outcome.kind).toBe('read');
      if (rows.outcome.kind !== 'read') return;
      const partial = [...p.ballot.truth.rows].filter(([, t]) => t === 'partial').map(([id]) => id);
      expect(partial.length).toBeGreaterThan(0);
      for (const id of partial) {
        const row = rows.outcome.page.rows.find((r) => r.candidateId === id)!;
        expect(row.kind === 'strike' ? row.state : null, `seed ${seed}, ${id}: ${JSON.stringify(p.ballot.truth.plans.get(id))}`).not.toBe('kept');
      }
      expectTruth(p.ballot, rows.outcome.page.rows);
    }
  }, 180_000);

  it('reads a phone JPEG stored sideways with an EXIF orientation (90°, 270°) the right way up, as the phone showed it', async () => {
    const p = await shot(31, { camera: '3MP', tilt: 8, landscape: false });
    const plain = await readShot(p);
    for (const [orientation, stored] of [[6, 270], [8, 90]] as const) {
      const turned = await sharp(p.jpeg).rotate(stored).raw().toBuffer({ resolveWithObject: true });
      const { width, height, channels } = turned.info;
      const jpeg = await sharp(turned.data, { raw: { width, height, channels } }).jpeg({ quality: 95 }).withMetadata({ orientation }).toBuffer();
      const pages = await decodeScan(jpeg);
      if (!pages.ok) throw new Error(pages.error.message_en);
      expect([pages.value[0]!.width, pages.value[0]!.height], `orientation ${orientation}`).toEqual([p.width, p.height]);
      const { reading, rows } = await readShot({ ...p, jpeg });
      expect(reading.kind, `orientation ${orientation}`).toBe(plain.reading.kind);
      expect(rows.outcome.kind, `orientation ${orientation}`).toBe('read');
      if (rows.outcome.kind === 'read') expectTruth(p.ballot, rows.outcome.page.rows);
    }
  }, 240_000);

  it('refuses the bench\'s photos that cut a corner mark (tilted, the paper\'s near side past the frame) saying at which side of the photo the ballot runs off, as their truth says; reads one tilted 24° that frames all four', async () => {
    // Seeds 50,029, 50,071 and 50,076 of the bench (12 MP, tilted 16–23°, the paper filling 89–91% of the photo round
    // its centre) and 1,030,014 / 1,030,043 / 1,030,158 (3 MP and 12 MP, tilted 19–23°): a mark past the photo's edge,
    // another blob taken for it or none. 50,071 was refused as too steep (about 40°) and the others as marks not all
    // seen, without saying where: now each says the side of the photo where the paper runs off.
    const mix = { pStrike: 0.3, pNonStrike: 0.05, pPartial: 0.03, pNoStamp: 0.03, pOutside: 0.03 };
    const VI = { left: 'trái', right: 'phải', top: 'trên', bottom: 'dưới' } as const;
    // 1,040,811 (3 MP, tilted 23°): the four marks taken fit no ballot on the upright page (register.ts
    // scan.marks-geometry, a scanner's "distorted or tilted beyond 5°", sent to the board with no word of a retake).
    for (const seed of [50_029, 50_071, 50_076, 1_030_014, 1_030_043, 1_030_158, 1_040_811]) {
      const p = await generatePhoto(g, { seed, ...mix });
      const name = `seed ${seed}: ${nameVariation(p.variation)}`;
      expect(p.marksCut, name).toBe(1);
      // The truth: the sides of the photo the cut mark lies past (within a mark's side of the edge).
      const cut = markCentres(g.target.layout).flatMap((c) => {
        const q = applyH(p.homography, c);
        const side = 14 * stretch(p.homography, c).max;
        return (['left', 'right', 'top', 'bottom'] as const).filter((s) =>
          s === 'left' ? q.x < side : s === 'right' ? q.x > p.width - side : s === 'top' ? q.y < side : q.y > p.height - side);
      });
      expect(cut.length, name).toBeGreaterThan(0);
      const { rows } = await readShot(p);
      expect(rows.outcome.kind === 'rejected' ? rows.outcome.reason.code : rows.outcome.kind, name).toBe('scan.photo-marks');
      if (rows.outcome.kind !== 'rejected') continue;
      const where = /ở (.+?) của ảnh/u.exec(rows.outcome.reason.message_vi)?.[1] ?? '';
      for (const s of cut) expect(where, name).toContain(VI[s]);
      expect(rows.outcome.reason.message_vi, name).toMatch(/chụp lại/u);
    }
    const p = await generatePhoto(g, { seed: 50_004, ...mix });
    expect([p.marksCut, p.variation.tilt > 24], nameVariation(p.variation)).toEqual([0, true]);
    expect((await readShot(p)).rows.outcome.kind, nameVariation(p.variation)).toBe('read');
  }, 300_000);

  it('refuses at once, with what to do, a blurred, too skewed, too small or cut photo: the sheet goes to the board', async () => {
    const cases: Array<[Partial<PhotoVariation>, string]> = [
      [{ camera: '3MP', tilt: 5, blur: 5 }, 'scan.photo-blur'],
      [{ camera: '8MP', tilt: 45, tiltAxis: 80, fill: 0.8 }, 'scan.photo-skew'],
      [{ camera: '1080p', tilt: 3, fill: 0.45 }, 'scan.photo-small'],
      // A corner cut off: no fourth mark, or another blob taken for it that makes the shot look steep; both say so.
      [{ camera: '3MP', tilt: 5, cut: true }, 'góc'],
    ];
    for (const [i, [v, expected]] of cases.entries()) {
      const p = await shot(600 + i, v);
      const { reading } = await readShot(p);
      const name = nameVariation(p.variation);
      expect(reading.kind, name).toBe('review');
      if (reading.kind !== 'review') continue;
      expect(reading.reasons).toHaveLength(1);
      const reason = reading.reasons[0]!.reason;
      if (expected.startsWith('scan.')) expect(reason.code, name).toBe(expected);
      else expect([reason.code, reason.message_vi], name).toEqual([expect.stringMatching(/^scan\.photo-(marks|skew)$/u), expect.stringContaining(expected)]);
      expect(reason.message_vi, name).toMatch(/chụp|máy/u);
      expect(reading.proposal, name).toBeNull();
    }
  }, 240_000);
});
