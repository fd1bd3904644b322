/**
 * A fingerprint over a name: a patch of parallel ridges (nested loops), light grey, 9–14 pt across and taller than
 * that — on a blurred scan one light blob. The row reader sees where it crosses the letters' band as a short stroke
 * through part of the name. A pen stroke is a line: as thick as the pen in its columns (a steep one is short across),
 * dark at its core; a highlighter is a band along the letters, no taller than they are.
 */
import type { GreyImage } from './image.ts';
import { LIGHT_LEVEL } from './light-band.ts';

/** A patch: at most this wide and at least this tall (points), or this tall where the row's box cuts it… */
const MOST_WIDE_PT = 18;
const LEAST_TALL_PT = 10;
const LEAST_CUT_PT = 6;
/** …reaching at least this far (points) above or below the letters' band… */
const BEYOND_BAND_PT = 1.5;
/** …as thick in its columns as this (points, the median over the columns of the stroke it was taken for)… */
const THICK_PT = 3;
/** …and no pixel of it darker than this share of the paper (a pen's core; fingerprints 0.57–0.77 on the variety bench). */
const DARKEST = 0.45;
/** Columns of the patch may have no light ink for at most this far (points): between two ridges, where a letter hides them. */
const GAP_PT = 1;

/** The patch's columns in the row's sample, [x0, x1] inclusive. */
export interface Patch { readonly x0: number; readonly x1: number }

/**
 * The fingerprint whose ridges the row reader took for a stroke through columns [from, to) of the row's sample `s`
 * (paper grey `paper`; the letters' band rows [j0, j1)), or null when the ink there is not one (see above).
 */
export const fingerprintAt = (
  s: GreyImage, paper: number, printedAt: (i: number, j: number) => boolean, k: number, j0: number, j1: number, from: number, to: number,
): Patch | null => {
  const w = s.width;
  const h = s.height;
  if (to <= from) return null;
  const light = (i: number, j: number): boolean => !printedAt(i, j) && s.data[j * w + i]! < paper * LIGHT_LEVEL;
  // A column of the patch: light ink in two pixels at least (a speck of the scanner's noise is one).
  const lit = (i: number): boolean => {
    let n = 0;
    for (let j = 0; j < h && n < 2; j++) if (light(i, j)) n++;
    return n >= 2;
  };
  const gap = Math.round(GAP_PT * k);
  const widen = (start: number, dir: 1 | -1): number => {
    let edge = start;
    let bare = 0;
    for (let i = start + dir; i >= 0 && i < w && bare <= gap; i += dir) {
      if (lit(i)) { edge = i; bare = 0; } else bare++;
    }
    return edge;
  };
  const x0 = widen(from, -1);
  const x1 = widen(to - 1, 1);
  if (x1 - x0 + 1 > MOST_WIDE_PT * k || x0 === 0 || x1 === w - 1) return null;
  let top = h, foot = -1;
  const thick: number[] = [];
  for (let i = x0; i <= x1; i++) {
    let n = 0;
    for (let j = 0; j < h; j++) {
      if (printedAt(i, j)) continue;
      const v = s.data[j * w + i]!;
      if (v < paper * DARKEST) return null;
      if (v >= paper * LIGHT_LEVEL) continue;
      top = Math.min(top, j);
      foot = Math.max(foot, j);
      n++;
    }
    if (i >= from && i < to) thick.push(n);
  }
  thick.sort((a, b) => a - b);
  const beyond = Math.round(BEYOND_BAND_PT * k);
  const height = foot - top + 1;
  const cut = top === 0 || foot === h - 1;
  const tall = (height >= LEAST_TALL_PT * k || (cut && height >= LEAST_CUT_PT * k)) && (top <= j0 - beyond || foot >= j1 + beyond);
  return tall && thick[Math.floor(thick.length / 2)]! >= THICK_PT * k ? { x0, x1 } : null;
};

/** The row's sample with the light ink of the patch's columns (not printed) made paper. */
export const withoutPatch = (s: GreyImage, paper: number, printedAt: (i: number, j: number) => boolean, p: Patch): GreyImage => {
  const data = Uint8Array.from(s.data);
  for (let j = 0; j < s.height; j++) {
    for (let i = p.x0; i <= p.x1; i++) {
      if (!printedAt(i, j) && data[j * s.width + i]! < paper * LIGHT_LEVEL) data[j * s.width + i] = paper;
    }
  }
  return { ...s, data };
};
