/**
 * Folds found once per sheet, and cleared. A ballot folded to go into the box shows on a scan as a thin grey crease
 * from one edge of the paper to the other. Left on the page it is writing outside the rows wherever it crosses a
 * margin and a faint line through the name it crosses: 7 folded ballots in 10 went to the board. A crease is found as a
 * straight line seen across the blank margins on both sides of the column of names, and its light grey is cleared
 * along its whole length: ink darker than the crease — a pen crossing it, or a pen line along it, darker where the two
 * overlap — is left where it is. (A row the reader still finds struck by a line running on across both margins goes
 * to the board: sheet-crease.ts.)
 */
import { FORM_PER_POINT, type FormPage } from './form.ts';
import { quantile, type GreyImage } from './image.ts';
import { samplePage } from './sample.ts';
import type { Affine } from './transform.ts';

/** The margins looked at: no nearer the paper's edge than this (points), and this far from the rows (sheet-crease.ts too). */
export const EDGE_PT = 24;
export const ROW_GAP_PT = 6;
/** Of each margin, the strip of this width (points) beside the rows is looked at; one narrower than MIN_MARGIN_PT is not. */
const STRIP_PT = 40;
export const MIN_MARGIN_PT = 30;
/** Darker than this share of the paper's grey (each band of BAND_PT of the strip): a crease's pixel. */
export const DARK = 0.9;
const BAND_PT = 16;
/** A strip with more dark pixels than this share is not blank enough to look for a line in. */
const MAX_DARK = 0.2;
/** A crease is seen in at least this share of each margin's columns. */
export const SEEN = 0.6;
/** A fold is at most this steep; lines are tried every SLOPE_STEP, their height where they cross the page's middle every BIN_PT. */
export const MAX_SLOPE = 0.06;
export const SLOPE_STEP = 0.002;
const BIN_PT = 1;
/** Pixels this near the line (points) are the crease's core, fitted and cleared. */
const CORE_PT = 1.2;
/** Cleared: not darker than the crease by more than this (grey levels). */
const TOLERANCE = 10;

export interface Crease {
  /** The crease's line on the page (points): y = y0 + slope · (x − page's middle). */
  readonly y0: number;
  readonly slope: number;
  /** The paper's grey beside it; the margins where it was seen (points, from x to x). */
  readonly paper: number;
  readonly margins: readonly (readonly [number, number])[];
}

interface Strip {
  readonly x0: number;
  readonly y0: number;
  readonly s: GreyImage;
  /** 1: darker than the paper of its band; 2: printed on the blank form. */
  readonly dark: Uint8Array;
  readonly paper: number;
}

/** Creases are looked for at this many pixels a point, each the darkest of the scan's pixels around it (a thin line keeps its grey). */
const DETECT_PER_POINT = 1;

/** Whether the blank form has print anywhere in the page square of one point from (x, y). */
const printedIn = (page: FormPage, x: number, y: number): boolean => {
  const k = FORM_PER_POINT;
  for (let j = Math.floor(y * k); j < Math.ceil((y + 1) * k); j++) {
    for (let i = Math.floor(x * k); i < Math.ceil((x + 1) * k); i++) if (page.printed[j * page.blank.width + i] === 1) return true;
  }
  return false;
};

const strip = (img: GreyImage, t: Affine, page: FormPage, x0: number, x1: number, y0: number, y1: number): Strip | null => {
  if (x1 - x0 < MIN_MARGIN_PT) return null;
  const k = DETECT_PER_POINT;
  const s = samplePage(img, t, { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, k, true);
  const dark = new Uint8Array(s.width * s.height);
  const band = BAND_PT * k;
  let n = 0;
  for (let b = 0; b < s.height; b += band) {
    const level = quantile(s, 0, b, s.width, band, 0.9) * DARK;
    for (let j = b; j < Math.min(s.height, b + band); j++) {
      for (let i = 0; i < s.width; i++) {
        const q = j * s.width + i;
        if (s.data[q]! >= level) continue;
        if (printedIn(page, x0 + i / k, y0 + j / k)) dark[q] = 2;
        else { dark[q] = 1; n++; }
      }
    }
  }
  // Too few dark pixels for a line across it (a blank margin, nearly always), or too many to tell one.
  if (n < SEEN * s.width || n > MAX_DARK * s.width * s.height) return null;
  return { x0, y0, s, dark, paper: quantile(s, 0, 0, s.width, s.height, 0.9) };
};

const SLOPES = Math.round((2 * MAX_SLOPE) / SLOPE_STEP) + 1;
const slopeAt = (n: number): number => -MAX_SLOPE + n * SLOPE_STEP;

/** Per slope and height at the page's middle (bins of BIN_PT): the share of the strip's columns a line there meets dark within a bin. */
const votes = (m: Strip, xMid: number, bins: number): Float32Array => {
  const k = DETECT_PER_POINT;
  const { width: w, height: h } = m.s;
  const acc = new Float32Array(SLOPES * bins);
  const touched = new Int32Array(SLOPES * bins).fill(-1);
  for (let i = 0; i < w; i++) {
    const x = m.x0 + (i + 0.5) / k - xMid;
    for (let j = 0; j < h; j++) {
      if (m.dark[j * w + i] !== 1) continue;
      const y = m.y0 + (j + 0.5) / k;
      for (let n = 0; n < SLOPES; n++) {
        const bin = Math.round((y - slopeAt(n) * x) / BIN_PT);
        for (let b = bin - 1; b <= bin + 1; b++) {
          if (b < 0 || b >= bins) continue;
          const q = n * bins + b;
          if (touched[q] === i) continue;
          touched[q] = i;
          acc[q]!++;
        }
      }
    }
  }
  for (let q = 0; q < acc.length; q++) acc[q]! /= w;
  return acc;
};

/** The dark pixels of the strips within CORE_PT of a line, fitted by least squares: the crease's own line. */
const fit = (strips: readonly Strip[], xMid: number, y0: number, slope: number): { y0: number; slope: number } => {
  const k = DETECT_PER_POINT;
  let n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const m of strips) {
    const { width: w, height: h } = m.s;
    for (let i = 0; i < w; i++) {
      const x = m.x0 + (i + 0.5) / k - xMid;
      const yc = y0 + slope * x;
      const j0 = Math.max(0, Math.floor((yc - 2 * CORE_PT - m.y0) * k));
      const j1 = Math.min(h, Math.ceil((yc + 2 * CORE_PT - m.y0) * k));
      for (let j = j0; j < j1; j++) {
        if (m.dark[j * w + i] !== 1) continue;
        const y = m.y0 + (j + 0.5) / k;
        n++; sx += x; sy += y; sxx += x * x; sxy += x * y;
      }
    }
  }
  const det = n * sxx - sx * sx;
  if (n < 2 || det === 0) return { y0, slope };
  const s = (n * sxy - sx * sy) / det;
  return { y0: (sy - s * sx) / n, slope: s };
};

/** The creases across a scanned page: lines seen across the blank margins on both sides of its rows. */
export const findCreases = (img: GreyImage, t: Affine, page: FormPage): Crease[] => {
  if (page.rows.length === 0) return [];
  const k = FORM_PER_POINT;
  const width = page.blank.width / k;
  const height = page.blank.height / k;
  const xMid = width / 2;
  const left = Math.min(...page.rows.map((g) => g.row.number.x)) - ROW_GAP_PT;
  const right = Math.max(...page.rows.map((g) => g.row.row.x + g.row.row.width)) + ROW_GAP_PT;
  const a = strip(img, t, page, Math.max(EDGE_PT, left - STRIP_PT), left, EDGE_PT, height - EDGE_PT);
  if (a === null) return [];
  const b = strip(img, t, page, right, Math.min(width - EDGE_PT, right + STRIP_PT), EDGE_PT, height - EDGE_PT);
  if (b === null) return [];
  const bins = Math.ceil(height / BIN_PT) + 1;
  const va = votes(a, xMid, bins);
  const vb = votes(b, xMid, bins);
  const found: Crease[] = [];
  // The best line first; lines within a few points of one found are the same crease.
  const candidates: { q: number; score: number }[] = [];
  for (let q = 0; q < va.length; q++) if (va[q]! >= SEEN && vb[q]! >= SEEN) candidates.push({ q, score: Math.min(va[q]!, vb[q]!) });
  candidates.sort((p, r) => r.score - p.score);
  for (const { q } of candidates) {
    const line = fit([a, b], xMid, (q % bins) * BIN_PT, slopeAt(Math.floor(q / bins)));
    if (found.some((c) => Math.abs(c.y0 - line.y0) < 4)) continue;
    found.push({ ...line, paper: Math.min(a.paper, b.paper), margins: [[a.x0, a.x0 + a.s.width / DETECT_PER_POINT], [b.x0, b.x0 + b.s.width / DETECT_PER_POINT]] });
  }
  return found;
};

/** Its soft shadow reaches this far from the crease's line (points): cleared where no darker than the crease's there. */
const SHADOW_PT = 3.5;
/** Just beyond the core (points): where a pen crossing the crease goes on; the crease's own specks do not. */
const FRINGE_PT = 0.6;
/** Ink darker than the crease's core along it for at most this long (points), and not on beyond the core, is a speck of it. */
const SPECK_PT = 1.5;

/**
 * A copy of the scan with each crease cleared to the paper: its grey across the line (offsets up to SHADOW_PT) is
 * measured in the margins, and a pixel no darker than the crease at its offset is cleared (the letters it crosses,
 * darker, are left whole); so, off the blank form's print, are the crease's own darker specks — ink darker than its
 * core along less than SPECK_PT of its length that goes on neither side of the core. Ink crossing it and a line darker
 * than it along it are left.
 */
export const clearCreases = (img: GreyImage, t: Affine, page: FormPage, creases: readonly Crease[]): GreyImage => {
  const out = { width: img.width, height: img.height, data: img.data.slice() };
  const k = FORM_PER_POINT;
  const width = page.blank.width / k;
  const xMid = width / 2;
  const pixel = 1 / Math.hypot(t.a, t.d);
  // Along the crease a scan pixel at a time, across it half a pixel at a time (no pixel of its band is skipped).
  const along = pixel;
  const across = pixel / 2;
  const offsets: number[] = [];
  for (let d = -SHADOW_PT; d <= SHADOW_PT; d += across) offsets.push(d);
  const n = offsets.length;
  const speck = Math.ceil(SPECK_PT / along);
  const { width: W, height: H, data } = img;
  const PW = page.blank.width;
  // The scan's pixel at page point (x, y), or -1 off the scan; on the blank form's print, -(pixel + 2).
  const pixelAt = (x: number, y: number): number => {
    const sx = Math.round(t.a * x + t.b * y + t.c - 0.5);
    const sy = Math.round(t.d * x + t.e * y + t.f - 0.5);
    if (sx < 0 || sy < 0 || sx >= W || sy >= H) return -1;
    return page.printed[Math.round(y * k) * PW + Math.round(x * k)] === 1 ? -(sy * W + sx) - 2 : sy * W + sx;
  };
  for (const c of creases) {
    const yAt = (x: number): number => c.y0 + c.slope * (x - xMid);
    // The crease's grey at each offset: the 10th percentile of the margins' unprinted pixels there, less TOLERANCE.
    const keep = new Float64Array(n);
    for (let o = 0; o < n; o++) {
      const values: number[] = [];
      for (const [x0, x1] of c.margins) {
        for (let x = x0; x < x1; x += along) {
          const q = pixelAt(x, yAt(x) + offsets[o]!);
          if (q >= 0) values.push(data[q]!);
        }
      }
      values.sort((p, r) => p - r);
      keep[o] = (values[Math.floor(values.length * 0.1)] ?? 0) - TOLERANCE;
    }
    const columns = Math.floor(width / along) + 1;
    const at = new Int32Array(columns * n);
    // Per column: 1 where the core holds ink darker than the crease, 2 where that ink goes on beyond the core.
    const darker = new Uint8Array(columns);
    for (let i = 0; i < columns; i++) {
      const x = i * along;
      const yc = yAt(x);
      for (let o = 0; o < n; o++) {
        const d = offsets[o]!;
        const q = pixelAt(x, yc + d);
        at[i * n + o] = q;
        if (q < 0 || data[q]! >= keep[o]! || Math.abs(d) > CORE_PT + FRINGE_PT) continue;
        darker[i] = Math.abs(d) <= CORE_PT ? Math.max(darker[i]!, 1) : 2;
      }
    }
    for (let i = 0; i < columns;) {
      let end = i + 1;
      if (darker[i] !== 0) while (end < columns && darker[end] !== 0) end++;
      const isSpeck = darker[i] !== 0 && end - i <= speck && !darker.subarray(i, end).includes(2);
      for (let col = i; col < end; col++) {
        // The paper by the crease: the mean of the unprinted pixels at the last offset on both sides.
        const first = at[col * n]!;
        const last = at[col * n + n - 1]!;
        const sides = (first >= 0 ? 1 : 0) + (last >= 0 ? 1 : 0);
        const paper = sides > 0 ? ((first >= 0 ? data[first]! : 0) + (last >= 0 ? data[last]! : 0)) / sides : c.paper;
        for (let o = 0; o < n; o++) {
          const stored = at[col * n + o]!;
          if (stored === -1) continue;
          const q = stored < 0 ? -stored - 2 : stored;
          if ((isSpeck && stored >= 0 && Math.abs(offsets[o]!) <= CORE_PT) || data[q]! >= keep[o]!) out.data[q] = Math.max(data[q]!, paper);
        }
      }
      i = end;
    }
  }
  return out;
};
