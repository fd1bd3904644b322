/**
 * A pencil line through a name: light grey graphite, grainy, broken every few points where the pencil skipped or
 * pressed lightly. Between the letters it shows as faint ink, but in short pieces: no run of it crosses much of the
 * name, and the row reader would find nothing but specks. What gives it away is that the pieces lie on one straight
 * line across the letters' band, in every word — the blurred edges of letters and the specks of a scan do not.
 */

import type { Box } from '../documents/ballot-layout.ts';
import type { RowGuide } from './form.ts';
import type { GreyImage } from './image.ts';
import { LIGHT_LEVEL } from './light-band.ts';
import { scratch } from './scratch.ts';

/** Lines tried: through the band's rows, at slopes up to MAX_SLOPE in steps of SLOPE_STEP (pixels per pixel). */
const MAX_SLOPE = 0.08;
const SLOPE_STEP = 0.005;

export interface FaintLine {
  /** Share of the name's open columns (the line not on print there) where new ink lies within a pixel of the line. */
  readonly share: number;
  /** The same share in the word where it is least. */
  readonly leastWord: number;
}

/**
 * The straight line across the name's columns [i0, i1) through the rows [j0, j1) that finds light ink (`light`, 1: a
 * little darker than the paper, not printed) in the most open columns (`printed` 0 there), and how much of each word
 * it finds it in. Both maps w × h. `words`: each word's columns [a, b).
 */
export const faintLineAcross = (
  light: Uint8Array, printed: Uint8Array, w: number, h: number,
  i0: number, i1: number, j0: number, j1: number, words: readonly { readonly a: number; readonly b: number }[],
): FaintLine => {
  const xc = (i0 + i1) / 2;
  let best: FaintLine = { share: 0, leastWord: 0 };
  const open = new Uint8Array(w);
  const hit = new Uint8Array(w);
  for (let y = j0; y < j1; y++) {
    for (let slope = -MAX_SLOPE; slope <= MAX_SLOPE + 1e-9; slope += SLOPE_STEP) {
      let n = 0;
      let found = 0;
      for (let i = i0; i < i1; i++) {
        const j = Math.round(y + slope * (i - xc));
        open[i] = 0;
        hit[i] = 0;
        const q = j * w + i;
        if (j < 1 || j >= h - 1 || printed[q] === 1) continue;
        open[i] = 1;
        n++;
        if (light[q - w] === 1 || light[q] === 1 || light[q + w] === 1) { hit[i] = 1; found++; }
      }
      const share = n > 0 ? found / n : 0;
      if (share <= Math.min(best.share, best.leastWord)) continue;
      let least = 1;
      for (const { a, b } of words) {
        let m = 0;
        let f = 0;
        for (let i = a; i < b; i++) { m += open[i]!; f += hit[i]!; }
        // A word whose letters hide the line everywhere says nothing either way.
        if (m > 0) least = Math.min(least, f / m);
      }
      if (Math.min(share, least) > Math.min(best.share, best.leastWord)) best = { share, leastWord: least };
    }
  }
  return best;
};

/** The lines looked for run through the letters' middle: from this far below their top to this far above their foot (points). */
const CORE_PT = { top: 0.5, foot: 1 } as const;
/** Looked for only when light ink fills at least this share of the name's columns' worth of pixels in that core. */
const ENOUGH_LIGHT = 0.3;
/**
 * A pencil: light ink within a pixel of one line in at least this share of the open columns of the name and of each
 * word. Measured (every row of 20 ballots of a mix of strikes and keeping marks per dpi, seeds 7,000–7,019; 8 ballots
 * of pencil strikes per dpi, seeds 9,000–9,007, every other row): keeping marks and names with nothing drawn ≤ 0.26
 * (150 dpi), pencil strikes the reader kept before ≥ 0.50.
 */
const PENCIL_SHARE = 0.4;

/** pencilLine's maps, kept (cleared) from one row to the next. */
const lightPixels = scratch((n) => new Uint8Array(n), true);
const printedPixels = scratch((n) => new Uint8Array(n), true);

/** A pencil line through every word of the name (see above; `words`: each word's columns), on the row's sample `s` of paper grey `paper`. */
export const pencilLine = (
  s: GreyImage, paper: number, printedAt: (i: number, j: number) => boolean, k: number, area: Box, g: RowGuide, i0: number, i1: number,
  words: readonly { readonly a: number; readonly b: number }[],
): boolean => {
  const w = s.width;
  const j0 = Math.max(1, Math.round((g.bandTop + CORE_PT.top - area.y) * k));
  const j1 = Math.min(s.height - 1, Math.round((g.baseline - CORE_PT.foot - area.y) * k));
  const light = lightPixels(w * s.height);
  const printed = printedPixels(w * s.height);
  let n = 0;
  for (let j = 0; j < s.height; j++) {
    for (let i = i0; i < i1; i++) {
      const q = j * w + i;
      if (printedAt(i, j)) { printed[q] = 1; continue; }
      if (s.data[q]! >= paper * LIGHT_LEVEL) continue;
      light[q] = 1;
      if (j >= j0 && j < j1) n++;
    }
  }
  if (n < ENOUGH_LIGHT * (i1 - i0)) return false;
  const f = faintLineAcross(light, printed, w, s.height, i0, i1, j0, j1, words);
  return Math.min(f.share, f.leastWord) >= PENCIL_SHARE;
};
