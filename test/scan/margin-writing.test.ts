/**
 * Writing in the margin that a sample a point all but misses (src/scan/outside-strokes.ts): a thin digit between the
 * samples, a digit beside the number column; and the sheet's noise that leaves as little, which is no writing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GreyImage } from '../../src/scan/image.ts';
import { readSheet } from '../../src/scan/index.ts';
import { OUTSIDE_INK_PT2 } from '../../src/scan/sheet.ts';
import { polyline } from '../../src/scan/testing/draw.ts';
import { generateBallot, type Generator } from '../../src/scan/testing/generate.ts';
import type { SheetNoise } from '../../src/scan/testing/variety.ts';
import type { Point } from '../../src/scan/transform.ts';
import { generator, strikeRound } from './support.ts';

let g: Generator;
beforeAll(async () => {
  g = await generator(strikeRound());
}, 120_000);

/** The clean 200 dpi page with a thin ballpoint (0.7 pt, grey 70) drawn along each of `lines` (page points). */
const written = (lines: readonly (readonly Point[])[]): GreyImage => {
  const clean = g.clean[0]!;
  const img = { ...clean, data: Uint8Array.from(clean.data) };
  for (const line of lines) polyline(img, line.map((p) => ({ x: p.x * g.perPoint, y: p.y * g.perPoint })), 0.7 * g.perPoint, 70);
  return img;
};

/** A "1", 8 pt tall, its stem at x, beside the first row. */
const one = (x: number): Point[][] => {
  const y = g.target.layout.pages[0]!.rows[0]!.row.y + 7;
  return [[{ x: x - 1.5, y: y + 2 }, { x, y }, { x, y: y + 8 }]];
};

const outside = (img: GreyImage): { ink: number; writing: boolean } => {
  const s = readSheet(img, g.target, 0);
  if (s.kind !== 'read') throw new Error('rejected');
  return { ink: s.page.outsideInk, writing: s.page.writingOutside };
};

describe('a thin digit written in the margin', () => {
  // Fresh variety seed 97,088 at 200 dpi: a ballpoint "1" beside the first row left 3 pt² at a sample a point, under
  // OUTSIDE_INK_PT2: the ballot was decided. Here its stem lies between two columns of samples: 1 pt² of its flag is seen.
  it.each([90, 480, 520])('goes to the board though a sample a point sees a point of it (stem at %d pt)', (x) => {
    const read = outside(written(one(x)));
    expect(read.ink).toBeGreaterThan(0);
    expect(read.ink).toBeLessThan(OUTSIDE_INK_PT2);
    expect(read.writing).toBe(true);
  });

  // Fresh variety seed 97,167: a "7" written just left of the number column, inside the margin kept beside each row for
  // its strokes' ends: 1 pt² of it lay outside that margin.
  it('goes to the board when written in the margin kept beside a row for its strokes\' ends', () => {
    const row = g.target.layout.pages[0]!.rows[6]!.row;
    const x = row.x - 18;
    const y = row.y + 5;
    const read = outside(written([[{ x, y }, { x: x + 6, y }, { x: x + 2, y: y + 10 }]]));
    expect(read.ink).toBeLessThan(OUTSIDE_INK_PT2);
    expect(read.writing).toBe(true);
  });

  it('not when the line goes on into the row: a strike started before the number', () => {
    const row = g.target.layout.pages[0]!.rows[6]!.row;
    const y = row.y + 12;
    // A short tail left outside the margin kept for strokes' ends, and the strike from there into the row.
    const read = outside(written([[{ x: row.x - 15.5, y: y - 1 }, { x: row.x + 200, y }]]));
    expect(read.ink).toBeGreaterThan(0);
    expect(read.writing).toBe(false);
  });
});

describe('the sheet\'s noise that leaves a few points outside the rows', () => {
  // Variety seeds (200 dpi) where staple holes or a fold left 1–3 pt² outside: looked at finely, and no writing.
  it.each([
    [97034, 'staples'], [97114, 'staples'], [97122, 'staples'], [97129, 'staples'],
  ] as const)('seed %d (%s) stays without writing outside', async (seed, noise: SheetNoise) => {
    const b = await generateBallot(g, { seed, pStrike: 0.3, pNonStrike: 0.08, pPartial: 0.01, pNoStamp: 0.01, pOutside: 0.01, pVariety: 0.1, pNoise: 0.5 });
    expect(b.truth.noise).toEqual([noise]);
    const read = outside(b.pages[0]!);
    expect(read.ink).toBeGreaterThan(0);
    expect(read.writing).toBe(false);
  }, 60_000);
});

describe('the blurred edge of the form\'s own print', () => {
  // Variety bench seed 100,043 (200 dpi, upside down, blurred, staples): the blurred crossbar of a header letter lay a
  // sample off the scan's print, counted as ink outside with a stroke's edge beside it — 5 pt² with the staples' 2,
  // over OUTSIDE_INK_PT2: the ballot went to the board with nothing written on it. Print within a point is the form's.
  it('is no writing outside', async () => {
    const b = await generateBallot(g, { seed: 100_043, pStrike: 0.3, pNonStrike: 0.08, pPartial: 0.01, pNoStamp: 0.01, pOutside: 0.01, pVariety: 0.1, pNoise: 0.5 });
    expect(b.truth.writingOutside).toBe(false);
    const read = outside(b.pages[0]!);
    expect(read.ink).toBeLessThan(OUTSIDE_INK_PT2);
    expect(read.writing).toBe(false);
  }, 60_000);

  // A thin "1" written in a gap between two words of the header's second line (a word space, 2–3 pt from the letters on
  // each side): writing all the same.
  it('leaves a digit written between the print\'s words for the board', () => {
    const clean = g.clean[0]!;
    const k = g.perPoint;
    const y = 55;
    const printedAt = (x: number): boolean => clean.data[Math.round(y * k) * clean.width + Math.round(x * k)]! < 128;
    // The first gap of 4–8 pt between printed columns on the line through the header's second line of letters.
    let gap: { from: number; to: number } | null = null;
    for (let x = 100, from = -1; x < 500 && gap === null; x += 0.25) {
      if (!printedAt(x)) continue;
      if (from >= 0 && x - from >= 4 && x - from <= 8) gap = { from, to: x };
      from = x;
    }
    if (gap === null) throw new Error('no word space on the header\'s second line');
    const x = (gap.from + gap.to) / 2;
    const read = outside(written([[{ x: x - 1, y: y - 4 }, { x, y: y - 5 }, { x, y: y + 5 }]]));
    expect(read.writing).toBe(true);
  });
});
