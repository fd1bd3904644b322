/**
 * A highlighter over a name: a band of light ink 6–10 pt tall behind the letters, across the name. The row reader
 * takes its edges, or the light ink between the letters, for a strike (or sees too little of it and keeps the name);
 * the board rules what the voter meant. No pen fills the letters' middle with light ink: a pen's line is dark but for
 * its blurred edges, a pencil's is 1 pt tall; and a letter's blurred edge is mostly inside the print mask.
 */
import { histogramQuantile } from './image.ts';

/** Light ink: darker than this share of the paper's grey (a pencil, a highlighter, a pen's blurred edge). */
export const LIGHT_LEVEL = 0.9;
/** Dark ink: darker than this share (a pen's core; as read-rows.ts INK_LEVEL). */
const DARK_LEVEL = 0.6;
/** The window looked at: this far above and below the letters' middle (points). */
const HALF_WINDOW_PT = 2.5;
/**
 * A highlighter: at least this share of the window's unprinted pixels is light ink that is not dark. Measured (every
 * row of 20 ballots of a mix of strikes and keeping marks per dpi, seeds 7,100–7,119; 6 ballots of highlighters per
 * dpi, seeds 9,000–9,005, every other row; 150/200/300 dpi): keeping marks and bare names ≤ 0.13, pen strikes ≤ 0.69
 * (a felt pen blurred at 150 dpi), highlighters ≥ 0.94.
 */
const FILLED = 0.85;

/**
 * Share of the unprinted pixels of the name's columns [i0, i1), rows middle ± HALF_WINDOW_PT, whose grey is light ink
 * but not dark. `grey(i, j)`, `printedAt(i, j)` on the row's sample, `paper` its paper grey, `k` pixels a point.
 */
export const lightFill = (
  grey: (i: number, j: number) => number, printedAt: (i: number, j: number) => boolean, paper: number, k: number,
  i0: number, i1: number, middle: number, h: number,
): number => {
  const j0 = Math.max(0, Math.round(middle - HALF_WINDOW_PT * k));
  const j1 = Math.min(h, Math.round(middle + HALF_WINDOW_PT * k));
  let n = 0;
  let light = 0;
  for (let j = j0; j < j1; j++) {
    for (let i = i0; i < i1; i++) {
      if (printedAt(i, j)) continue;
      n++;
      const v = grey(i, j);
      if (v < paper * LIGHT_LEVEL && v >= paper * DARK_LEVEL) light++;
    }
  }
  return n > 0 ? light / n : 0;
};

export const lightBand = (...a: Parameters<typeof lightFill>): boolean => lightFill(...a) >= FILLED;

/** Rows this far (points) from the letters' middle are above or below any highlighter's band (7–10 pt tall). */
const CLEAR_OF_BAND_PT = 6.5;
/** Rows this near (points) the row's top and bottom are its rules' blur. */
const EDGE_PT = 1.5;

/**
 * How much darker, as a share of the paper, the unprinted pixels of the name's columns are across the letters' middle
 * (± HALF_WINDOW_PT) than above and below any band there: the tint of a highlighter too light to count as ink (a
 * yellow one, 220–238 on a grey scan). Medians, so a pen's line or the letters' blurred edges move it little.
 */
export const bandTint = (
  grey: (i: number, j: number) => number, printedAt: (i: number, j: number) => boolean, k: number,
  i0: number, i1: number, middle: number, h: number, apart: (i: number, j: number) => boolean = () => false,
): number => {
  const inside = new Uint32Array(256);
  const outside = new Uint32Array(256);
  let nIn = 0;
  let nOut = 0;
  const edge = Math.round(EDGE_PT * k);
  for (let j = edge; j < h - edge; j++) {
    const d = Math.abs(j - middle) / k;
    const hist = d <= HALF_WINDOW_PT ? inside : d >= CLEAR_OF_BAND_PT ? outside : null;
    if (hist === null) continue;
    for (let i = i0; i < i1; i++) {
      if (printedAt(i, j) || apart(i, j)) continue;
      hist[grey(i, j)]!++;
      if (hist === inside) nIn++;
      else nOut++;
    }
  }
  if (nIn === 0 || nOut === 0) return 0;
  const paper = histogramQuantile(outside, nOut, 0.5);
  return paper > 0 ? (paper - histogramQuantile(inside, nIn, 0.5)) / paper : 0;
};

/**
 * A tinted band: the middle of a name that would be read kept is this much darker than above and below it (`apart`: pixels
 * left out, as a pencil's own line, blurred). Measured
 * (bandTint, 150/200/300 dpi): bare names ≤ 0.013 (seeds 9,000–9,005, 54 rows per dpi) and in a mix with sheet noise
 * ≤ 0.013 but under a fold (to the board already: 0.03–0.11; seeds 9,200–9,239, 419 rows per dpi); keeping marks ≤ 0.024
 * (a tick on the name, 150 dpi; seeds 9,100–9,119, 360 rows per dpi); yellow highlighters ≥ 0.067 (162 rows).
 */
const TINTED = 0.04;

export const tinted = (...a: Parameters<typeof bandTint>): boolean => bandTint(...a) >= TINTED;
