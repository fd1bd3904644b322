/**
 * A highlighter over a name: a band of light ink 6–10 pt tall behind the letters, across the name. The row reader
 * takes its edges, or the light ink between the letters, for a strike (or sees too little of it and keeps the name);
 * the board rules what the voter meant. No pen fills the letters' middle with light ink: a pen's line is dark but for
 * its blurred edges, a pencil's is 1 pt tall; and a letter's blurred edge is mostly inside the print mask.
 */

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
