/**
 * A row's registration refined on its printed name. On a phone photo the page map comes from four marks a pixel or
 * two wide a point (a 1080p shot of an A4 page), so a row in the middle of the page may sit half a point or more off
 * the blank form: the blurred edges of its letters then read as new ink along the baseline, a thin "pen line" that
 * joins the ink of a partial strike across the whole name. The printed name is matched against the blank form
 * over shifts of up to MAX_SHIFT_PT, to a fraction of a pixel, and the map moved by the shift found.
 */
import { FORM_PER_POINT, type FormPage, type RowGuide } from './form.ts';
import { quantile, type GreyImage } from './image.ts';
import { samplePage } from './sample.ts';
import { scratch } from './scratch.ts';
import type { Affine } from './transform.ts';

/** The largest shift looked for, in points. */
const MAX_SHIFT_PT = 1.5;
/** Around the printed name, points of paper matched too. */
const PAD_PT = 3;
/** A pixel's difference counts at most this much (grey levels): a pen stroke over the name does not pull the match. */
const CAP = 90;

/** The page → pixels map `t` moved by (dx, dy) page points. */
const shifted = (t: Affine, dx: number, dy: number): Affine => ({ ...t, c: t.c + t.a * dx + t.b * dy, f: t.f + t.d * dx + t.e * dy });

/** Parabola through three costs: the offset of its lowest point from the middle one, within ±0.5. */
const vertex = (before: number, at: number, after: number): number => {
  const curve = before + after - 2 * at;
  return curve <= 0 ? 0 : Math.max(-0.5, Math.min(0.5, (before - after) / (2 * curve)));
};

/**
 * The pixels of the window (x0, y0, w, h of the form grid) within `d` pixels of print: only they are matched. A
 * letter shifted by up to the largest shift stays within them; an underline drawn a few points under the name, or
 * a circle round it, lies outside and cannot pull the match (a thick underline in the window drew the name onto it).
 */
const nearPrintMask = (page: FormPage, x0: number, y0: number, w: number, h: number, d: number): Uint8Array => {
  const W = page.blank.width;
  const across = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let hit = 0;
      for (let e = -d; e <= d && hit === 0; e++) hit = page.printed[(y0 + y) * W + x0 + x + e] ?? 0;
      across[y * w + x] = hit;
    }
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let hit = 0;
      for (let e = Math.max(0, y - d); e <= Math.min(h - 1, y + d) && hit === 0; e++) hit = across[e * w + x]!;
      out[y * w + x] = hit;
    }
  }
  return out;
};

/** The window's pixels near print as a list (y · w + x, in raster order) with the blank's grey at each. */
interface NearPrint { readonly at: Int32Array; readonly blank: Uint8Array }

/** By row and search radius: the same for every ballot of a form, so made once. */
const nearCache = new WeakMap<RowGuide, Map<number, NearPrint>>();

const nearPrint = (page: FormPage, g: RowGuide, x0: number, y0: number, w: number, h: number, d: number): NearPrint => {
  const byRadius = nearCache.get(g) ?? new Map<number, NearPrint>();
  nearCache.set(g, byRadius);
  const known = byRadius.get(d);
  if (known !== undefined) return known;
  const mask = nearPrintMask(page, x0, y0, w, h, d);
  const at: number[] = [];
  for (let q = 0; q < mask.length; q++) if (mask[q] === 1) at.push(q);
  const W = page.blank.width;
  const made = { at: Int32Array.from(at), blank: Uint8Array.from(at, (q) => page.blank.data[(y0 + Math.floor(q / w)) * W + x0 + (q % w)]!) };
  byRadius.set(d, made);
  return made;
};

/** The near pixels summed between two checks against the best cost so far. */
const CHUNK = 256;

/**
 * The match's cost at one shift (`shift`: its offset in the sample): Σ min(CAP, |blank − sample · scale|) over the
 * near pixels, in their order (`scaled`: the sample's greys times scale); Infinity as soon as the running sum exceeds
 * `bound` (its terms are never negative, so the whole sum would too).
 */
const shiftCost = (blank: Float64Array, inSample: Int32Array, scaled: Float64Array, shift: number, bound: number): number => {
  let sum = 0;
  for (let from = 0; from < inSample.length; from += CHUNK) {
    const to = Math.min(inSample.length, from + CHUNK);
    for (let n = from; n < to; n++) sum += Math.min(CAP, Math.abs(blank[n]! - scaled[inSample[n]! + shift]!));
    if (sum > bound) return Infinity;
  }
  return sum;
};

/** The costs of every shift of ±r pixels both ways, by (dy + r) · (2r + 1) + dx + r: the lowest (first of equals), and any one exactly. */
export interface ShiftCosts {
  readonly best: number;
  /** Until the next search: the sample's greys it reads are kept in an array the next search reuses. */
  readonly exact: (q: number) => number;
}

/**
 * The lowest-cost shift, as an exhaustive search finds it (the first of equal costs in raster order), with the
 * shifts nearest no shift costed first: the best so far bounds the others, each left as soon as it costs more
 * (it can be neither the lowest nor equal to it). A shift left early is costed in full when asked for (`exact`).
 */
export const shiftCosts = (blank: Uint8Array, inSample: Int32Array, sample: Uint8Array, scale: number, sampleWidth: number, r: number): ShiftCosts => {
  const side = 2 * r + 1;
  const offset = (q: number): number => Math.floor(q / side) * sampleWidth + (q % side);
  // The very doubles each term takes (an integer grey less a grey times scale), made once rather than once a shift.
  const blankGrey = blankGreys(blank.length);
  for (let n = 0; n < blank.length; n++) blankGrey[n] = blank[n]!;
  const scaled = scaledGreys(sample.length);
  for (let q = 0; q < sample.length; q++) scaled[q] = sample[q]! * scale;
  const cost = new Float64Array(side * side);
  let bound = Infinity;
  for (const q of nearestFirst(r)) {
    const c = shiftCost(blankGrey, inSample, scaled, offset(q), bound);
    cost[q] = c;
    bound = Math.min(bound, c);
  }
  let best = 0;
  for (let q = 1; q < cost.length; q++) if (cost[q]! < cost[best]!) best = q;
  const exact = (q: number): number => {
    if (cost[q] === Infinity) cost[q] = shiftCost(blankGrey, inSample, scaled, offset(q), Infinity);
    return cost[q]!;
  };
  return { best, exact };
};

/** Kept from one row to the next (a thread aligns one row at a time; `exact` is asked before the next search). */
const blankGreys = scratch((n) => new Float64Array(n), false);
const scaledGreys = scratch((n) => new Float64Array(n), false);
const placesInSample = scratch((n) => new Int32Array(n), false);

/** The shifts of ±r pixels (by (dy + r) · (2r + 1) + dx + r), ring by ring out from no shift (the larger of |dx|, |dy|). */
const nearestFirst = (r: number): readonly number[] => {
  const known = orders.get(r);
  if (known !== undefined) return known;
  const side = 2 * r + 1;
  const ring = (q: number): number => Math.max(Math.abs((q % side) - r), Math.abs(Math.floor(q / side) - r));
  const order = Array.from({ length: side * side }, (_, q) => q).sort((p, q) => ring(p) - ring(q) || p - q);
  orders.set(r, order);
  return order;
};
const orders = new Map<number, readonly number[]>();

/**
 * The map `t` refined for row `g`: shifted so that its printed name falls on the blank form's, by at most
 * `maxShiftPt` (a scan's map is good to a pixel: a smaller search is enough there).
 */
export const alignRow = (img: GreyImage, t: Affine, page: FormPage, g: RowGuide, maxShiftPt = MAX_SHIFT_PT): Affine => {
  const k = FORM_PER_POINT;
  const r = Math.round(maxShiftPt * k);
  const x0 = Math.round((g.textX0 - PAD_PT) * k);
  const y0 = Math.round((g.bandTop - PAD_PT - 3) * k);
  const w = Math.round((g.textX1 - g.textX0 + 2 * PAD_PT) * k);
  const h = Math.round((g.baseline - g.bandTop + 2 * PAD_PT + 5) * k);
  if (x0 - r < 0 || y0 - r < 0 || x0 + w + r > page.blank.width || y0 + h + r > page.blank.height) return t;
  const s = samplePage(img, t, { x: (x0 - r) / k, y: (y0 - r) / k, width: (w + 2 * r) / k, height: (h + 2 * r) / k }, k);
  const paper = Math.max(1, quantile(s, 0, 0, s.width, s.height, 0.9));
  const scale = 255 / paper;
  const near = nearPrint(page, g, x0, y0, w, h, r + 1);
  // Each near pixel's place in the sample, unshifted.
  const inSample = placesInSample(near.at.length);
  for (let n = 0; n < inSample.length; n++) {
    const q = near.at[n]!;
    const x = q % w;
    inSample[n] = ((q - x) / w) * s.width + x;
  }
  const side = 2 * r + 1;
  const costs = shiftCosts(near.blank, inSample, s.data, scale, s.width, r);
  const best = costs.best;
  const bx = (best % side) - r;
  const by = Math.floor(best / side) - r;
  const at = (dx: number, dy: number): number => costs.exact((Math.max(-r, Math.min(r, dy)) + r) * side + Math.max(-r, Math.min(r, dx)) + r);
  const c = at(bx, by);
  const fx = Math.abs(bx) === r ? 0 : vertex(at(bx - 1, by), c, at(bx + 1, by));
  const fy = Math.abs(by) === r ? 0 : vertex(at(bx, by - 1), c, at(bx, by + 1));
  return shifted(t, (bx + fx) / k, (by + fy) / k);
};
