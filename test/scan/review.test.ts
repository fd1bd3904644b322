/** Review images: what the counting board sees of a ballot sent to it. */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GreyImage } from '../../src/scan/image.ts';
import { readStack, reviewPng, type BallotReading, type SheetOutcome } from '../../src/scan/index.ts';
import { samplePage } from '../../src/scan/sample.ts';
import { polyline } from '../../src/scan/testing/draw.ts';
import { generateBallot, type Generator } from '../../src/scan/testing/generate.ts';
import { apply, type Point } from '../../src/scan/transform.ts';
import { generator, strikeRound } from './support.ts';

let g: Generator;
beforeAll(async () => {
  g = await generator(strikeRound());
}, 60_000);

interface Read { readonly page: GreyImage; readonly sheets: readonly SheetOutcome[]; readonly reading: BallotReading }

/** A ballot scanned at 200 dpi with nothing written outside the rows, then a pen line drawn from a to b (page points). */
const withWriting = async (seed: number, a: Point, b: Point): Promise<Read> => {
  const ballot = await generateBallot(g, { seed, writingOutside: false, stamped: true, pStrike: 0.2, pPartial: 0, pNonStrike: 0 });
  const page = ballot.pages[0]!;
  const before = readStack([page], g.target);
  const sheet = before.sheets[0]!;
  if (sheet.kind !== 'read') throw new Error('not registered');
  const t = sheet.registration.transform;
  const written = { ...page, data: Uint8Array.from(page.data) };
  // A ball-point pen: 1 pt wide, near black.
  polyline(written, [apply(t, a), apply(t, b)], apply(t, { x: 1, y: 0 }).x - apply(t, { x: 0, y: 0 }).x, 30);
  const { sheets, ballots } = readStack([written], g.target);
  return { page: written, sheets, reading: ballots[0]! };
};

/** Whether two images hold the same pixels (a boolean: vitest's diff of 1.4 million numbers takes minutes). */
const samePixels = async (a: Buffer, b: Buffer): Promise<boolean> => Buffer.from((await pixels(a)).data).equals(Buffer.from((await pixels(b)).data));

const pixels = async (png: Buffer): Promise<GreyImage> => {
  const { data, info } = await sharp(png).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
};

describe('review images', () => {
  it('shows writing outside the rows on the whole page, as dark as the pen, every pixel as sampled from the scan', async () => {
    // A signature-like line in the foot margin, below the last name.
    const a = { x: 300, y: 790 };
    const b = { x: 420, y: 780 };
    const r = await withWriting(41, a, b);
    expect(r.reading.kind === 'review' && r.reading.reasons.map((x) => x.reason.code)).toContain('scan.writing-outside');
    const png = reviewPng(r.reading, r.sheets, [r.page], g.target.layout);
    if (png === null) throw new Error('no review image');
    const img = await pixels(png);
    // The whole page, 1,000 px wide (A4: 595 pt), one grey channel.
    expect([img.width, img.height, img.data.length]).toEqual([1000, 1414, 1000 * 1414]);
    const perPoint = 1000 / g.target.layout.width;
    const at = (p: Point): number => img.data[Math.floor(p.y * perPoint) * img.width + Math.floor(p.x * perPoint)]!;
    // Along the line, the pen's ink (30 on the scan; bilinear sampling of a 2.8 px wide line keeps it under 100);
    // beside it, the paper.
    for (let s = 0.1; s < 0.95; s += 0.1) {
      const p = { x: a.x + s * (b.x - a.x), y: a.y + s * (b.y - a.y) };
      expect(at(p)).toBeLessThan(100);
      expect(at({ x: p.x, y: p.y + 8 })).toBeGreaterThan(200);
    }
    // Lossless: the very pixels of the page sampled upright at that scale.
    const sheet = r.sheets[0]!;
    if (sheet.kind !== 'read') throw new Error('not read');
    const page = samplePage(r.page, sheet.registration.transform, { x: 0, y: 0, width: g.target.layout.width, height: g.target.layout.height }, perPoint);
    expect(Buffer.from(img.data).equals(Buffer.from(page.data))).toBe(true);
    // Stored, not compressed (a scan's noise hardly compresses; level 1 took 15 ms of the image's 35): every pixel and
    // each row's filter byte, with a few bytes of zlib's blocks around them.
    expect(png.length).toBeGreaterThan(1001 * 1414);
  }, 120_000);

  it('keeps row crops compressed (zlib level 1) where a whole page is stored', async () => {
    const ballot = await generateBallot(g, { seed: 43, writingOutside: false, stamped: true, pStrike: 0, pPartial: 0.3, pNonStrike: 0 });
    const { sheets, ballots } = readStack([ballot.pages[0]!], g.target);
    const reading = ballots[0]!;
    expect(reading.kind === 'review' && reading.reasons.length > 0 && reading.reasons.every((r) => r.box !== null)).toBe(true);
    const png = reviewPng(reading, sheets, [ballot.pages[0]!], g.target.layout);
    if (png === null) throw new Error('no review image');
    const img = await pixels(png);
    // Stored, the PNG would hold every pixel; a scan's row crops compress to about half.
    expect(png.length).toBeLessThan(0.8 * img.width * img.height);
  }, 120_000);

  it('makes one ballot\'s image after another, each its own (the kept pixels drawn over for the next)', async () => {
    const ballots = await Promise.all([41, 42].map((seed) => withWriting(seed, { x: 100 + seed, y: 795 }, { x: 260 + seed, y: 785 })));
    const alone: Buffer[] = [];
    for (const r of ballots) alone.push(reviewPng(r.reading, r.sheets, [r.page], g.target.layout)!);
    const together = ballots.map((r) => reviewPng(r.reading, r.sheets, [r.page], g.target.layout));
    for (const [i, png] of together.entries()) expect(await samePixels(png!, alone[i]!)).toBe(true);
    // …and they differ from one another (the line moves with the seed).
    expect(await samePixels(alone[0]!, alone[1]!)).toBe(false);
  }, 120_000);
});
