/**
 * A thin line followed under a word's letters from its visible end (src/scan/strike-ends.ts), on drawn pixel maps:
 * letters 4 px wide with 2 px gaps between them over rows 4–15, a line along row 10.
 */
import { describe, expect, it } from 'vitest';
import { bridgeHidden, followedEnds, followedHoles, type LineEnds, type Pixels } from '../../src/scan/strike-ends.ts';

const H = 20;
const K = 2;
/** A letter's column: columns 0–3 of every 6, from 6 on. */
const letterAt = (i: number): boolean => i >= 6 && i % 6 < 4;

/**
 * `line(i)`: the line shows in the gap at column i (dark on rows 9–11 only); `edge(i)`: the gap is dark over the
 * letters' whole height (a blurred letter's edge).
 */
const pixels = (line: (i: number) => boolean, edge: (i: number) => boolean = () => false): Pixels => ({
  clear: (i, j) => !(letterAt(i) && j >= 4 && j < 16),
  apart: (i, j) => !(letterAt(i) && j >= 4 && j < 16),
  dark: (i, j) => (letterAt(i) && j >= 4 && j < 16) || (line(i) && j >= 9 && j <= 11) || (edge(i) && j >= 4 && j < 16),
  deep: (i, j) => (letterAt(i) && j >= 4 && j < 16) || (line(i) && j >= 9 && j <= 11) || (edge(i) && j >= 4 && j < 16),
});

const ends = (first: number, last: number): LineEnds => ({ first, last, firstRow: 10, lastRow: 10, slope: 0 });

describe('scan: a thin line followed under the letters from its ends', () => {
  it('follows a line seen in every gap to the last gap it shows in, both ways', () => {
    // Seen from column 20 on (its visible start at 60); the gaps at 10–11 and 16–17 are plain paper on the course.
    const px = pixels((i) => i >= 20);
    expect(followedEnds(ends(60, 60), px, H, K, 0, 100).from).toBe(22);
    // Seen up to column 80 going right; beyond, plain paper.
    const right = pixels((i) => i <= 80);
    expect(followedEnds(ends(40, 40), right, H, K, 0, 100).to).toBe(77 + 1);
  });

  it('stops at a gap of plain paper on the course: a line through part of a name ending inside a word is not carried on', () => {
    // The line ends at column 46 (inside a letter); the gap at 52–53 beyond it shows paper.
    const px = pixels((i) => i <= 46);
    expect(followedEnds(ends(20, 46), px, H, K, 0, 100).to).toBe(47);
  });

  it('takes no blurred letter edge (dark above and below the course) for the line, and goes no further than a letter without a sighting', () => {
    const px = pixels(() => false, () => true);
    expect(followedEnds(ends(60, 60), px, H, K, 0, 100)).toEqual({ from: 60, to: 61 });
  });

  it('takes nothing within a pixel of print for the line that is paler than a pen line (the blurred edge of a letter may be there)', () => {
    const px: Pixels = { ...pixels(() => true), apart: (i) => i >= 60, deep: () => false };
    expect(followedEnds(ends(60, 60), px, H, K, 0, 100).from).toBe(60);
  });

  it('follows a line deep in both columns of each 2 px gap within a pixel of print (a line along the letters\' tops)', () => {
    // Fresh 200 dpi 4,100,099: the line along the tops of "uyễn" shows clear as printed only between the stems, two
    // columns at a time (NEAR_RUN); letters' blurred edges there are that deep in one column at most.
    const px: Pixels = { ...pixels((i) => i >= 20), apart: (i) => i >= 60 };
    expect(followedEnds(ends(60, 60), px, H, K, 0, 100).from).toBe(22);
  });

  it('follows a pale line seen clear of the print in one gap in three (9 pt apart), dark but within the widened print in the others', () => {
    // A thin ballpoint at 150 dpi: the line darkens every gap from column 20 on, but only the gaps at 22–23, 40–41 and
    // 58–59 leave it clear of the print mask widened for the letters' blurred edges; its visible start is at 76.
    const px: Pixels = { ...pixels((i) => i >= 20), apart: (i, j) => !(letterAt(i) && j >= 4 && j < 16) && i % 18 >= 4 && i % 18 < 6 };
    expect(followedEnds(ends(76, 76), px, H, K, 0, 100).from).toBe(22);
    // Going right from 22: up to the last gap where it shows clear of the print (58), the gaps between not open paper.
    const right: Pixels = { ...pixels((i) => i <= 60), apart: px.apart };
    expect(followedEnds(ends(22, 22), right, H, K, 0, 100).to).toBe(59 + 1);
  });

  /**
   * A word with a bar along rows 8–9 and stems every 12 columns (columns 6–59): a line along row 10 hugs the bar, within
   * a pixel of print but clear of it as printed (300 dpi 2,000,020: a late start along B's middle bar, the names 0.38 pt
   * lower). `line(i)`: the line darkens row 10 at column i; `deep`: as dark as a pen line, not a letter's blurred edge.
   */
  const hugging = (line: (i: number) => boolean, deep: boolean): Pixels => {
    const printed = (i: number, j: number): boolean => i >= 6 && i < 60 && ((j >= 8 && j <= 9) || (i % 12 < 2 && j >= 4 && j < 16));
    const dark = (i: number, j: number): boolean => printed(i, j) || (line(i) && j === 10);
    return {
      clear: (i, j) => !printed(i, j),
      apart: (i, j) => ![-1, 0, 1].some((di) => [-1, 0, 1].some((dj) => printed(i + di, j + dj))),
      dark,
      deep: (i, j) => printed(i, j) || (deep && dark(i, j)),
    };
  };

  it('follows a line hugging the print, deep over a few columns in a row, under the word', () => {
    expect(followedEnds(ends(64, 64), hugging((i) => i >= 20, true), H, K, 0, 100).from).toBe(20);
  });

  it('takes no ink by the print that is pale (a blurred edge) or deep in single columns only', () => {
    expect(followedEnds(ends(64, 64), hugging((i) => i >= 20, false), H, K, 0, 100).from).toBeGreaterThanOrEqual(60);
    expect(followedEnds(ends(64, 64), hugging((i) => i >= 20 && i % 3 === 0, true), H, K, 0, 100).from).toBeGreaterThanOrEqual(60);
  });

  it('on a coarse scan, follows a line pale in every gap within a pixel of print: dark on its course, not two pixels off it (pale-line.ts)', () => {
    // Fresh 150 dpi 97,000,139: a thin ballpoint started late inside "Bế", in its counters only darker than faint ink.
    const pale: Pixels = { ...pixels((i) => i >= 20), apart: (i) => i >= 60, deep: () => false };
    expect(followedEnds(ends(60, 60), pale, H, K, 0, 100).from).toBe(60);
    expect(followedEnds(ends(60, 60), { ...pale, pale: true }, H, K, 0, 100).from).toBe(22);
  });

  it('takes no letter edge dark on and off the course for a pale line, nor a stretch of fewer than PALE_RUN such columns', () => {
    const edges: Pixels = { ...pixels(() => false, (i) => i < 60), apart: (i) => i >= 60, deep: () => false, pale: true };
    expect(followedEnds(ends(60, 60), edges, H, K, 0, 100).from).toBe(60);
    // Pale in the two gaps before the visible start only (4 columns): not enough.
    const short: Pixels = { ...pixels((i) => i >= 52), apart: (i) => i >= 60, deep: () => false, pale: true };
    expect(followedEnds(ends(60, 60), short, H, K, 0, 100).from).toBe(60);
  });

  it('never reaches beyond the name', () => {
    const px = pixels(() => true);
    const { from, to } = followedEnds(ends(40, 50), px, H, K, 30, 62);
    expect(from).toBeGreaterThanOrEqual(30);
    expect(to).toBeLessThanOrEqual(62);
  });
});

describe('scan: a thin line bridged under a word at its end between two places it is seen', () => {
  /** Columns [from, to) seen as the line, as lineAcross marks them. */
  const seenAt = (...spans: Array<readonly [number, number]>): Uint8Array => {
    const hit = new Uint8Array(100);
    for (const [from, to] of spans) hit.fill(1, from, to);
    return hit;
  };
  const bridged = (hit: Uint8Array, px: Pixels): number[] => {
    bridgeHidden(hit, ends(20, 69), px, H, K, 40, 70);
    return [...hit.subarray(40, 59)];
  };

  it('bridges the letters between the line seen before the word and inside it, over a skip of the pen', () => {
    // Seen in every gap of the letters but 46–47 (the pen skipped a point there).
    expect(bridged(seenAt([20, 40], [59, 70]), pixels((i) => i !== 46 && i !== 47))).toEqual(Array(19).fill(1));
  });

  it('bridges no stretch of plain paper longer than a skip: a line through part of the name ends there', () => {
    // The course is paper in every gap between (3.5 pt).
    expect(bridged(seenAt([20, 40], [59, 70]), pixels(() => false))).toEqual(Array(19).fill(0));
  });

  it('bridges to no speck: the line seen inside the word must run SEEN_RUN_PT on its course', () => {
    expect(bridged(seenAt([20, 40], [59, 60]), pixels(() => true))).toEqual(Array(19).fill(0));
  });

  it('bridges no further than STEP_PT between the two places', () => {
    const hit = seenAt([20, 40], [64, 70]);
    bridgeHidden(hit, ends(20, 69), pixels(() => true), H, K, 40, 70);
    expect([...hit.subarray(40, 64)]).toEqual(Array(24).fill(0));
  });
});

describe('scan: a thin line followed from both sides into a stretch where it is not seen between two places it is', () => {
  /** Seen (lineAcross's columns) over [0, 10) — the pad before the name — and [80, 100). */
  const filled = (px: Pixels, a = 6, b = 80): number[] => {
    const hit = new Uint8Array(100);
    hit.fill(1, 0, 10);
    hit.fill(1, 80, 100);
    followedHoles(hit, () => 10, 0, px, H, K, a, b);
    return [...hit.subarray(10, 80)];
  };

  it('follows a line seen clear of the print in every gap of the word between, from both sides, across it', () => {
    // Fresh 150 dpi 121,000,060: a thin ballpoint seen in the pad before the name and from the second word on, faint
    // beside the letters of the first word between.
    expect(filled(pixels(() => true))).toEqual(Array(70).fill(1));
  });

  it('follows no further than plain paper on the course from either side: the word a line through part of a name leaves', () => {
    // The line shows up to column 40 and from column 52 on; the gaps at 46–47 are plain paper.
    const got = filled(pixels((i) => i <= 40 || i >= 52));
    expect(got.slice(0, 40 - 10 + 1)).toEqual(Array(31).fill(1));
    expect(got.slice(46 - 10, 52 - 10)).toEqual(Array(6).fill(0));
    expect(filled(pixels(() => false)).filter((v) => v === 1)).toEqual([]);
  });

  it('asks only the stretches that reach into the word given', () => {
    expect(filled(pixels(() => true), 90, 100)).toEqual(Array(70).fill(0));
  });
});
