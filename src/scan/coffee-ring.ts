/**
 * A cup's ring over the names: the pale rim a cup leaves, a circle 14–30 pt in radius, light grey, across several rows.
 * Where the rim crosses the letters' band beside a stroke through part of a name, the two make one line across the
 * name, read struck with confidence (stress ballots with three rings each, 200 dpi seeds 7,001 c001, 7,017 c009, 7,022
 * c015). A voter's stroke stays in its row; the rim goes on round, above and below it, as a thin circle of light ink
 * with paper inside and outside it. Such a circle is looked for (a Hough vote over the light ink around the row), its
 * rim and the stain inside it cleared from the row's sample (only ink no darker than they are: a pen crossing it is
 * left), and the row read again. Reading a bare name kept so (variety bench 140,069, 140,070: the rim read as a stroke
 * through part of the name) also read a ballpoint through half a word kept (stress 7,229 c017): not done.
 */
import { FORM_PER_POINT, type FormPage, type RowGuide } from './form.ts';
import { quantile, type GreyImage } from './image.ts';
import type { RowSample } from './row-sample.ts';
import { samplePage } from './sample.ts';
import type { Affine } from './transform.ts';

/** The radii looked for (points): the variety set's rings are 14–30, drawn a little out of round (×0.92–1.05). */
const RADIUS_PT = [12, 33] as const;
/** Light ink: darker than this share of the paper (the rim, 170–210 on the variety set's paper; its stain inside, 228–242, is not)… */
const LIGHT = 0.85;
/** …and the rim's middle no darker than this share (a pen's line is 10–95). */
const RIM_LIGHTEST = 0.55;
/** The rim is looked for this far (points) either side of the circle (its width 1–2.5 pt, the ring out of round). */
const RIM_PT = 2.5;
/** A circle is a rim: light ink along at least this share of the arc seen (off the print)… */
const SEEN = 0.75;
/** …seen along at least this share of the whole circle… */
const KNOWN = 0.5;
/** …and at this far (points) inside and outside the rim, paper: light ink along at most this share. */
const BESIDE_PT = 4.5;
const BESIDE = 0.35;
/** The rim cleared: within this (points) of where it runs at each angle, no darker than the 30th percentile of its darkest at each angle, less this. */
const CLEAR_PT = 1.75;
const TOLERANCE = 15;
/** The stain inside: its level this quantile of it above and below the letters' band, cleared down to this less (grey levels). */
const STAIN_QUANTILE = 0.05;
const STAIN_TOLERANCE = 5;
/** The rim is sought at 1 px a point, each pixel the darkest of the scan's under it (a thin rim keeps its grey). */
const PER_POINT = 1;
/** Circles are verified with at least this share of their circumference voted for, the best first, at most MOST_TRIED, apart by SAME_PT (points, centre and radius). */
const MIN_VOTES = 0.5;
const MOST_TRIED = 6;
const SAME_PT = 3;

export interface Ring {
  /** Centre and radius, page points; where the rim runs at each whole degree (its distance from the centre). */
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
  readonly at: Float32Array;
  /** The rim's grey: light ink along it at most this dark is the rim's (the row sample's grey levels). */
  readonly keep: number;
}

interface Window {
  readonly x0: number;
  readonly y0: number;
  readonly s: GreyImage;
  /** 1: light ink off the print; 2: on the blank form's print (unknown). */
  readonly ink: Uint8Array;
  readonly paper: number;
}

const printedIn = (page: FormPage, x: number, y: number): boolean => {
  const k = FORM_PER_POINT;
  const W = page.blank.width;
  const H = page.blank.height;
  for (let j = Math.floor(y * k); j < Math.ceil((y + 1) * k); j++) {
    for (let i = Math.floor(x * k); i < Math.ceil((x + 1) * k); i++) if (j >= 0 && i >= 0 && j < H && i < W && page.printed[j * W + i] === 1) return true;
  }
  return false;
};

const windowAround = (img: GreyImage, t: Affine, page: FormPage, g: RowGuide): Window => {
  const reach = RADIUS_PT[1] * 2 + RIM_PT;
  const width = page.blank.width / FORM_PER_POINT;
  const height = page.blank.height / FORM_PER_POINT;
  const x0 = Math.max(0, Math.floor(g.textX0 - reach));
  const x1 = Math.min(width, Math.ceil(g.textX1 + reach));
  const y0 = Math.max(0, Math.floor(g.row.row.y - reach));
  const y1 = Math.min(height, Math.ceil(g.row.row.y + g.row.row.height + reach));
  const s = samplePage(img, t, { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, PER_POINT, true);
  const paper = quantile(s, 0, 0, s.width, s.height, 0.9);
  const ink = new Uint8Array(s.width * s.height);
  for (let j = 0; j < s.height; j++) {
    for (let i = 0; i < s.width; i++) {
      const q = j * s.width + i;
      if (printedIn(page, x0 + i / PER_POINT, y0 + j / PER_POINT)) ink[q] = 2;
      else if (s.data[q]! < paper * LIGHT) ink[q] = 1;
    }
  }
  return { x0, y0, s, ink, paper };
};

/** Per angle (whole degrees), along the ray from the centre: 'ink' at some distance in [from, to], 'paper', or 'unknown' (all print or off the window). */
const along = (m: Window, cx: number, cy: number, deg: number, from: number, to: number, onInk?: (v: number, d: number) => void): 'ink' | 'paper' | 'unknown' => {
  const { width: w, height: h } = m.s;
  const c = Math.cos((deg * Math.PI) / 180);
  const sn = Math.sin((deg * Math.PI) / 180);
  let known = false;
  let found = false;
  for (let d = from; d <= to + 1e-9; d += 0.5) {
    const i = Math.floor((cx + d * c - m.x0) * PER_POINT);
    const j = Math.floor((cy + d * sn - m.y0) * PER_POINT);
    if (i < 0 || j < 0 || i >= w || j >= h) continue;
    const v = m.ink[j * w + i]!;
    if (v === 2) continue;
    known = true;
    if (v === 1) {
      found = true;
      onInk?.(m.s.data[j * w + i]!, d);
    }
  }
  return found ? 'ink' : known ? 'paper' : 'unknown';
};

/** The circle of light ink with paper inside and outside it, if there is one (see above). */
const verify = (m: Window, cx: number, cy: number, r: number): Ring | null => {
  let known = 0;
  let seen = 0;
  let besideKnown = 0;
  let beside = 0;
  // The rim's darkest at each angle where it is seen: a pen crossing it darkens a few angles only.
  const greys: number[] = [];
  const at = new Float32Array(360).fill(r);
  for (let deg = 0; deg < 360; deg++) {
    let best = 256;
    const rim = along(m, cx, cy, deg, r - RIM_PT, r + RIM_PT, (v, d) => {
      if (v < best) { best = v; at[deg] = d; }
    });
    if (best < 256) greys.push(best);
    if (rim === 'unknown') continue;
    known++;
    if (rim === 'ink') seen++;
    for (const d of [r - BESIDE_PT, r + BESIDE_PT]) {
      const b = along(m, cx, cy, deg, d, d);
      if (b === 'unknown') continue;
      besideKnown++;
      if (b === 'ink') beside++;
    }
  }
  greys.sort((a, b) => a - b);
  const middle = greys[Math.floor(greys.length / 2)]!;
  if (known < KNOWN * 360 || seen < SEEN * known || beside > BESIDE * besideKnown) return null;
  if (middle < RIM_LIGHTEST * m.paper) return null;
  return { cx, cy, r, at, keep: greys[Math.floor(greys.length * 0.3)]! - TOLERANCE };
};

/**
 * The ring whose rim crosses the row `g`, or null. Light ink around the row votes for the centres of circles through
 * it, radius by radius; the best circle is a ring when its rim is seen all round with paper beside it (verify).
 */
export const ringOver = (img: GreyImage, t: Affine, page: FormPage, g: RowGuide): Ring | null => {
  const m = windowAround(img, t, page, g);
  const { width: w, height: h } = m.s;
  const radii = RADIUS_PT[1] - RADIUS_PT[0] + 1;
  const acc = new Uint16Array(radii * w * h);
  for (let ri = 0; ri < radii; ri++) {
    const r = RADIUS_PT[0] + ri;
    const steps = Math.ceil(2 * Math.PI * r * PER_POINT);
    const offsets: number[] = [];
    for (let a = 0; a < steps; a++) {
      const th = (2 * Math.PI * a) / steps;
      offsets.push(Math.round(r * PER_POINT * Math.cos(th)), Math.round(r * PER_POINT * Math.sin(th)));
    }
    const base = ri * w * h;
    for (let q = 0; q < m.ink.length; q++) {
      if (m.ink[q] !== 1) continue;
      const x = q % w;
      const y = (q - x) / w;
      for (let o = 0; o < offsets.length; o += 2) {
        const cx = x - offsets[o]!;
        const cy = y - offsets[o + 1]!;
        if (cx >= 0 && cy >= 0 && cx < w && cy < h) acc[base + cy * w + cx]!++;
      }
    }
  }
  // The best circles, each verified in turn until one crosses the row: rings may overlap, and the best may miss the row.
  const scored: Array<{ c: number; score: number }> = [];
  for (let ri = 0; ri < radii; ri++) {
    const least = MIN_VOTES * 2 * Math.PI * (RADIUS_PT[0] + ri) * PER_POINT;
    for (let c = 0; c < w * h; c++) if (acc[ri * w * h + c]! >= least) scored.push({ c: ri * w * h + c, score: acc[ri * w * h + c]! / (RADIUS_PT[0] + ri) });
  }
  scored.sort((p, q) => q.score - p.score);
  const top = g.bandTop - 2;
  const foot = g.baseline + 0.5;
  const tried: Array<{ cx: number; cy: number; r: number }> = [];
  for (const { c: cell } of scored) {
    if (tried.length >= MOST_TRIED) break;
    const ri = Math.floor(cell / (w * h));
    const c = cell - ri * w * h;
    const cx = m.x0 + ((c % w) + 0.5) / PER_POINT;
    const cy = m.y0 + (Math.floor(c / w) + 0.5) / PER_POINT;
    const r = RADIUS_PT[0] + ri;
    // The circle must cross the row's letters' band, over the name: another ring nearby, and its many near copies in
    // the vote, are passed over without a try (three-ring stress seed 7,116 c011: six tries spent on one ring beside it).
    if (Math.abs(cy - (top + foot) / 2) > r + (foot - top) / 2 || cx + r < g.textX0 || cx - r > g.textX1) continue;
    if (tried.some((p) => Math.hypot(p.cx - cx, p.cy - cy) + Math.abs(p.r - r) < SAME_PT)) continue;
    tried.push({ cx, cy, r });
    const ring = verify(m, cx, cy, r);
    if (ring !== null) return ring;
  }
  return null;
};

/**
 * The longest run (points) of the name's columns whose letters' band holds ink off the print as light as a rim's and
 * none darker: where a row read struck may owe its line to a rim (a pen's line has a dark core in every column it
 * crosses; a rim crossing the band beside a stroke through part of the name joins it into one line across the name).
 */
export const lightRunPt = (sample: RowSample, printedAt: (i: number, j: number) => boolean): number => {
  const { s, paper, i0, i1, j0, j1 } = sample;
  const w = s.width;
  const dark = RIM_LIGHTEST * paper;
  const light = LIGHT * paper;
  let run = 0;
  let longest = 0;
  for (let i = i0; i < i1; i++) {
    let lit = false;
    let darker = false;
    for (let j = j0; j < j1 && !darker; j++) {
      if (printedAt(i, j) || printedAt(i - 1, j) || printedAt(i + 1, j) || printedAt(i, j - 1) || printedAt(i, j + 1)) continue;
      const v = s.data[j * w + i]!;
      if (v < dark) darker = true;
      else if (v < light) lit = true;
    }
    run = lit && !darker ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest / FORM_PER_POINT;
};

/**
 * The area (points²) of light ink (as light as a rim's) above and below the letters' band in the row's sample, off
 * the print and off darker ink (a pixel from either: the letters' and a pen's blurred edges): a rim crossing the band
 * goes on round out of it. Rows of the default mix that asked (200 dpi seeds 1–60: 39 rows, whole thin-ballpoint
 * strikes with light gaps) 0–0.25; rows under a ring 12–90 (variety bench 140,069, 140,070; three-ring stress 7,001,
 * 7,017, 7,022).
 */
export const RIM_OUTSIDE_PT2 = 2.5;
export const lightOutsideBand = (sample: RowSample, printedAt: (i: number, j: number) => boolean): number => {
  const { s, paper, j0, j1 } = sample;
  const w = s.width;
  const dark = RIM_LIGHTEST * paper;
  const light = LIGHT * paper;
  let n = 0;
  for (let j = 1; j < s.height - 1; j++) {
    if (j >= j0 - 1 && j <= j1) continue;
    for (let i = 1; i < w - 1; i++) {
      const v = s.data[j * w + i]!;
      if (v >= light || v < dark) continue;
      let near = false;
      for (let dj = -1; dj <= 1 && !near; dj++) for (let di = -1; di <= 1 && !near; di++) near = printedAt(i + di, j + dj) || s.data[(j + dj) * w + i + di]! < dark;
      if (!near) n++;
    }
  }
  return n / (FORM_PER_POINT * FORM_PER_POINT);
};

/**
 * The row's sample with the ring cleared to the paper: ink along the rim no darker than the rim, and inside it the
 * cup's stain — pixels no darker than the stain is above and below the letters' band (STAIN_TOLERANCE), the stain
 * tinting the name as a highlighter does (light-band.ts). A highlighter or a pencil inside the ring, darker than the
 * stain, is left.
 */
export const withoutRing = (sample: RowSample, ring: Ring, printedAt: (i: number, j: number) => boolean): GreyImage => {
  const k = FORM_PER_POINT;
  const { s, area, paper, j0, j1 } = sample;
  const out = { width: s.width, height: s.height, data: s.data.slice() };
  // Per pixel: 1 on the rim, 2 inside it.
  const where = new Uint8Array(s.width * s.height);
  const stain: number[] = [];
  for (let j = 0; j < s.height; j++) {
    for (let i = 0; i < s.width; i++) {
      const x = area.x + (i + 0.5) / k - ring.cx;
      const y = area.y + (j + 0.5) / k - ring.cy;
      const deg = Math.round((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
      const d = Math.hypot(x, y) - ring.at[deg]!;
      const q = j * s.width + i;
      if (Math.abs(d) <= CLEAR_PT) where[q] = 1;
      else if (d < 0) {
        where[q] = 2;
        if ((j < j0 || j >= j1) && !printedAt(i, j)) stain.push(s.data[q]!);
      }
    }
  }
  stain.sort((a, b) => a - b);
  const stainLevel = stain.length === 0 ? 256 : stain[Math.floor(stain.length * STAIN_QUANTILE)]! - STAIN_TOLERANCE;
  for (let q = 0; q < where.length; q++) {
    const v = s.data[q]!;
    if ((where[q] === 1 && v >= ring.keep) || (where[q] === 2 && v >= stainLevel)) out.data[q] = Math.max(v, paper);
  }
  return out;
};
