/**
 * A phone photo's name row against the blank form blurred as the photo is. A photo of few pixels a point, softened
 * by focus or a hand's shake, shows a thin pen line through half a syllable only as faint grey between the letters —
 * as faint as the letters' own soft edges, so that a threshold on the grey cannot tell them apart (photo-soft.ts).
 * But the letters' soft edges are known: they are the blank form's letters blurred by the same lens. The row,
 * matched to the blank form (align-row.ts), is compared with the blank blurred by the Gaussian that fits its printed
 * letters best (and their contrast, which light and JPEG change); what is left is what the form does not print.
 * A pen line leaves a flat band of it across the gaps and counters of the letters it crosses; the letters' misfit
 * (a fraction of a pixel off) leaves thin upright slivers of either sign that a run along a line averages away.
 */
import { FORM_PER_POINT, type FormPage, type RowGuide } from './form.ts';
import { histogramQuantile, type GreyImage } from './image.ts';
import { sampleRow, type RowSample } from './row-sample.ts';
import { scratch } from './scratch.ts';
import type { Affine } from './transform.ts';

/** The blurs tried (Gaussian σ, in pixels of the form grid, FORM_PER_POINT a point). */
const SIGMAS = [0.5, 0.8, 1.1, 1.4, 1.7, 2, 2.4, 2.8, 3.3] as const;

/** The blank's window (x0, y0, w, h of its grid) blurred by a Gaussian of `sigma` pixels, the edges repeated. */
const blurWindow = (blank: GreyImage, x0: number, y0: number, w: number, h: number, sigma: number): Float32Array => {
  const r = Math.ceil(3 * sigma);
  const kernel = new Float32Array(2 * r + 1);
  let sum = 0;
  for (let d = -r; d <= r; d++) sum += (kernel[d + r] = Math.exp(-(d * d) / (2 * sigma * sigma)));
  for (let d = 0; d < kernel.length; d++) kernel[d]! /= sum;
  const { width: W, height: H, data } = blank;
  const bh = h + 2 * r;
  // Across first (rows of the window with r above and below), then down.
  const across = new Float32Array(w * bh);
  for (let y = 0; y < bh; y++) {
    const yy = Math.min(H - 1, Math.max(0, y0 - r + y)) * W;
    for (let x = 0; x < w; x++) {
      let v = 0;
      for (let d = -r; d <= r; d++) v += kernel[d + r]! * data[yy + Math.min(W - 1, Math.max(0, x0 + x + d))]!;
      across[y * w + x] = v;
    }
  }
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v = 0;
      for (let d = -r; d <= r; d++) v += kernel[d + r]! * across[(y + r + d) * w + x]!;
      out[y * w + x] = v;
    }
  }
  return out;
};

/** By row and blur: the row's window is the same for every ballot of a form (row-sample.ts), so blurred once. */
const blurCache = new WeakMap<RowGuide, Map<number, Float32Array>>();

const blurredWindow = (page: FormPage, g: RowGuide, x0: number, y0: number, w: number, h: number, sigma: number): Float32Array => {
  const bySigma = blurCache.get(g) ?? new Map<number, Float32Array>();
  blurCache.set(g, bySigma);
  const known = bySigma.get(sigma);
  if (known?.length === w * h) return known;
  const made = blurWindow(page.blank, x0, y0, w, h, sigma);
  bySigma.set(sigma, made);
  return made;
};

export interface BlankResidual {
  /** The row's sample (FORM_PER_POINT) and what it holds darker than the blurred blank predicts (grey levels, paper 255). */
  readonly width: number;
  readonly height: number;
  readonly residual: Float32Array;
  /** The blurred blank, fitted (grey levels, paper about 255). */
  readonly model: Float32Array;
  /** The blur fitted (pixels of the form grid) and the residual's spread over the letters (grey levels, robust). */
  readonly sigma: number;
  readonly spread: number;
  readonly i0: number;
  readonly i1: number;
  readonly j0: number;
  readonly j1: number;
}

/**
 * The blank blurred to fit a row's sample: the sample's grey at a pixel q, times `scale` (paper 255), is modelled as
 * a + b · blurred[q] (`blurred`: the blank's window blurred by `sigma`, shared by every ballot of the form — not to be
 * written). `spread`: the misfit over the letters (grey levels, robust).
 */
export interface BlankFit {
  readonly a: number;
  readonly b: number;
  readonly scale: number;
  readonly blurred: Float32Array;
  readonly sigma: number;
  readonly spread: number;
}

/**
 * Over the name and its band, for each blur in SIGMAS the grey is fitted as a + b · blank (least squares, then again
 * without the pixels off by more than three times the median misfit: pen ink does not pull the fit), and the blur of
 * least misfit kept. Allocates nothing a row (the blurred windows are the form's, made once).
 */
export const fitBlank = (page: FormPage, g: RowGuide, sample: RowSample): BlankFit => {
  const k = FORM_PER_POINT;
  const { area, s, paper, i0, i1, j0, j1 } = sample;
  const w = s.width, h = s.height;
  const x0 = Math.round(area.x * k), y0 = Math.round(area.y * k);
  const scale = 255 / Math.max(1, paper);
  // The pixels fitted: the name's columns (and a point each side) over the letters' band.
  const fx0 = Math.max(0, i0 - k), fx1 = Math.min(w, i1 + k);
  // Their grey in paper 255, as a 32-bit float (as the residual's maps hold it): weighed once, not in each of the
  // fit's 36 passes over them (9 blurs, 2 passes, each summed and then its misfit counted).
  const obs = observedGreys(w * h);
  for (let j = j0; j < j1; j++) for (let i = fx0; i < fx1; i++) obs[j * w + i] = s.data[j * w + i]! * scale;
  const hist = fitHistogram;
  let best: { sigma: number; sse: number; a: number; b: number; m: Float32Array; spread: number } | null = null;
  for (const sigma of SIGMAS) {
    const m = blurredWindow(page, g, x0, y0, w, h, sigma);
    let a = 0, b = 1, keep = Infinity, spread = 0, sse = 0;
    for (let pass = 0; pass < 2; pass++) {
      let n = 0, sm = 0, so = 0, smm = 0, smo = 0;
      for (let j = j0; j < j1; j++) {
        for (let i = fx0; i < fx1; i++) {
          const q = j * w + i;
          const mq = m[q]!, oq = obs[q]!;
          if (Math.abs(a + b * mq - oq) > keep) continue;
          n++; sm += mq; so += oq; smm += mq * mq; smo += mq * oq;
        }
      }
      const det = n * smm - sm * sm;
      if (n < 10 || det <= 0) break;
      b = (n * smo - sm * so) / det;
      a = (so - b * sm) / n;
      hist.fill(0);
      let all = 0;
      for (let j = j0; j < j1; j++) {
        for (let i = fx0; i < fx1; i++) { hist[Math.min(255, Math.floor(Math.abs(a + b * m[j * w + i]! - obs[j * w + i]!)))]!++; all++; }
      }
      // The median absolute misfit (the middle of its whole grey level), scaled to a standard deviation.
      spread = (histogramQuantile(hist, all, 0.5) + 0.5) * 1.4826;
      keep = Math.max(6, 3 * spread);
      sse = 0;
      for (let v = 0; v < 256; v++) sse += hist[v]! * Math.min(v + 0.5, keep) ** 2;
    }
    if (best === null || sse < best.sse) best = { sigma, sse, a, b, m, spread };
  }
  const { a, b, m, sigma, spread } = best!;
  return { a, b, scale, blurred: m, sigma, spread };
};

/** The misfit's histogram, reused by every fit (one row at a time). */
const fitHistogram = new Uint32Array(256);
/** fitBlank's sample greys in paper 255 (32-bit floats), kept from one fit to the next; only the fitted pixels are written and read. */
const observedGreys = scratch((n) => new Float32Array(n), false);

/**
 * What the sample holds darker than the fitted blurred blank predicts at pixel q (grey levels, paper 255): the
 * residual's value there, computed as blankResidual's maps hold it.
 */
export const residualAt = (f: BlankFit, s: GreyImage, q: number): number => Math.fround(modelAt(f, q) - Math.fround(s.data[q]! * f.scale));

/** The fitted blurred blank's grey at pixel q (paper about 255). */
export const modelAt = (f: BlankFit, q: number): number => Math.fround(f.a + f.b * f.blurred[q]!);

/** The row's residual against the blank blurred to fit (fitBlank), as maps over its sample. */
export const blankResidual = (img: GreyImage, t: Affine, page: FormPage, g: RowGuide): BlankResidual => {
  const sample = sampleRow(img, t, g);
  const { s, i0, i1, j0, j1 } = sample;
  const w = s.width, h = s.height;
  const fit = fitBlank(page, g, sample);
  const model = new Float32Array(w * h);
  const residual = new Float32Array(w * h);
  for (let q = 0; q < model.length; q++) {
    model[q] = modelAt(fit, q);
    residual[q] = residualAt(fit, s, q);
  }
  return { width: w, height: h, residual, model, sigma: fit.sigma, spread: fit.spread, i0, i1, j0, j1 };
};

/** The letters' middle, where a stroke through them runs: the band less this much at its top and at its foot (points). */
export const CORE_PT = { top: 2.5, foot: 2 } as const;
/** A line is looked for along this length (points): a stroke through half a short syllable crosses 3 pt and more. */
const RUN_PT = 3;

/**
 * Where the fitted blurred blank is at least this light (grey levels, paper 255), the form prints nothing: a gap
 * between the letters or a counter, not a letter's edge.
 */
export const GAP_MODEL = 220;
/** A run over the gaps only is measured where its RUN_PT hold at least this much gap (points). */
const GAP_LEAST_PT = 1;

/**
 * The darkest run along the letters' middle that the blank form does not print: the most, over every height of
 * the band's core (the residual smoothed 1-2-1 upright) and every RUN_PT of the name, of the residual's mean along it
 * (grey levels), over the run's pixels where the blurred blank prints nothing (GAP_MODEL), at least GAP_LEAST_PT of
 * them. A pen line through part of the name leaves its whole darkness in the gaps and counters it crosses; the
 * letters' misfit, a fraction of a pixel, leaves slivers of either sign over the letters, and on a sharp photo of few
 * pixels a point the camera's pixels step the letters' edges: a letter's flat top or bar shifted a fraction of a pixel
 * leaves a run of its own along the letters' edge (bench photo 160,078, 1080p: 49–56 on names with nothing drawn, over
 * the top bar of "T" and the letters' tops), which the gaps do not show; a pen line shows there whole.
 */
export const darkestRun = (r: BlankResidual): number => {
  const k = FORM_PER_POINT;
  const { width: w, residual, model, i0, i1, j0, j1 } = r;
  const c0 = Math.max(1, j0 + Math.round(CORE_PT.top * k)), c1 = Math.min(r.height - 1, j1 - Math.round(CORE_PT.foot * k));
  const run = Math.round(RUN_PT * k);
  const least = Math.round(GAP_LEAST_PT * k);
  const counted = (q: number): boolean => model[q]! >= GAP_MODEL;
  let most = 0;
  for (let j = c0; j < c1; j++) {
    let sum = 0, n = 0;
    for (let i = i0; i < i1; i++) {
      const q = j * w + i;
      if (counted(q)) {
        sum += (residual[q - w]! + 2 * residual[q]! + residual[q + w]!) / 4;
        n++;
      }
      if (i - i0 >= run) {
        const p = q - run;
        if (counted(p)) {
          sum -= (residual[p - w]! + 2 * residual[p]! + residual[p + w]!) / 4;
          n--;
        }
      }
      if (i - i0 >= run - 1 && n >= least) most = Math.max(most, sum / n);
    }
  }
  return most;
};

/**
 * On a sharp photo of fewer than PHOTO.coarsePxPerPt (a 1080p shot, its letters' edges not soft), darker than this
 * along a run over the letters' gaps (darkestRun): names with nothing drawn reach 46 there (710 names of
 * bench photos 160,000–160,099 at 1080p and of 80 stress photos 830,000–830,039 and 832,000–832,039, 0.85–1.48 px/pt,
 * blur σ 0–0.5), where over all the run's pixels they reached 60 — the camera's pixels step the letters' edges, which a
 * Gaussian does not model. The thin ballpoints through half a word there that the strike reader read kept show 52 and
 * more (over all the run's pixels 38–68): 57.6 and up on 830,000–830,039, and 52.0 on a sharp 1080p photo saved at JPEG
 * 71 (stress photo 850,003 c015, 0.86 px/pt: read kept with confidence at the former level of 52); names with nothing
 * drawn on 40 such photos (850,000–850,039, JPEG 70–72, no blur) reach 43. The level lies between 46 and 52.
 */
export const SHARP_LINE_LEVEL = 49;
