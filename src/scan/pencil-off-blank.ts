/**
 * A pencil's stretch against the blank form blurred to the scan's resolution. On a 150 dpi scan the letters' blurred
 * edges spill past the print mask, and along some names (their flat tops and bars) they make a light line with paper
 * above and below, 8.5–14.5 pt long and 0.15–0.17 darker than that paper: what pencil-strike.ts finds of a pencil
 * through part of the name. But the letters' blur is known: it is the blank form's print blurred as the scan blurs it
 * (photo-blank-model.ts fitBlank, as for soft photos). What the row holds darker than that blurred blank, along the
 * stretch, is ink the form does not print: a pencil leaves its grey there, the letters' blur nothing.
 */
import { FORM_PER_POINT, type RowGuide } from './form.ts';
import { GAP_MODEL, modelAt, residualAt, type BlankFit } from './photo-blank-model.ts';
import { pencilPart, pencilStretch, type PencilCourse } from './pencil-strike.ts';
import type { RowSample } from './row-sample.ts';
import { scratch } from './scratch.ts';

/** The residual of each open column of the stretch, kept from one row to the next. */
const columnsOf = scratch((n) => new Float64Array(n), false);

/**
 * At least this much (points) of the stretch's line on open paper: a pen dot by the letters showed a 3 pt stretch
 * with 1 pt of it open (300 dpi, fresh bench seed 9,300,065 c016), pencils through half a syllable 1.5 pt and more.
 */
const OPEN_LEAST_PT = 1.5;
/** …and at least this many of its columns where the blurred blank prints nothing (GAP_MODEL): pencils 2 and more. */
const GAP_LEAST = 2;

/**
 * The median, over the columns of the course's longest stretch where the fitted blurred blank prints nothing on the
 * line (GAP_MODEL, as darkestRun's: the gaps and counters of the letters, not their blurred edges), of how
 * much darker than that blank the line is there (grey levels, paper 255; the darkest of the line's row and the rows
 * above and below: a pencil's middle may fall a pixel off the straight line). Over the letters' edges a name set a
 * fraction of a point off the blank leaves a run of its own: 27 along a name with nothing drawn printed 0.38 pt high
 * (test/scan/partial-strikes.test.ts, rendered 150 dpi seed 152,109 c002), 11 over its gaps. -Infinity with no
 * stretch, less than OPEN_LEAST_PT of it open or fewer than GAP_LEAST columns of gap.
 */
export const offBlank = (fit: BlankFit, sample: RowSample, printedAt: (i: number, j: number) => boolean, c: PencilCourse): number => {
  if (c.runFrom < 0) return -Infinity;
  const { s } = sample;
  const w = s.width;
  const columns = columnsOf(c.runTo - c.runFrom + 1);
  let open = 0, n = 0;
  for (let i = c.runFrom; i <= c.runTo; i++) {
    const j = Math.round(c.y + c.slope * (i - c.xc));
    if (j < 1 || j >= s.height - 1 || printedAt(i, j)) continue;
    open++;
    if (Math.min(modelAt(fit, (j - 1) * w + i), modelAt(fit, j * w + i), modelAt(fit, (j + 1) * w + i)) < GAP_MODEL) continue;
    columns[n++] = Math.max(residualAt(fit, s, (j - 1) * w + i), residualAt(fit, s, j * w + i), residualAt(fit, s, (j + 1) * w + i));
  }
  if (open < OPEN_LEAST_PT * FORM_PER_POINT || n < GAP_LEAST) return -Infinity;
  const gaps = columns.subarray(0, n).sort();
  return gaps[Math.floor(n / 2)]!;
};

/**
 * Darker than the blurred blank by this much over the stretch's gaps (offBlank, grey levels): a pencil. `part`: a
 * stretch pencilPart takes, on a coarse scan — at 150 dpi pencils through part of the name (test/scan/variety.test.ts
 * seeds 9,700–9,703, tuned on) 30–47, names with nothing drawn or a mark that keeps them whose stretch pencilPart takes
 * (default bench seeds 1,000,001–1,000,200: 129 of 2,300 rows read kept) at most 17. `stretch`: a stretch only
 * pencilStretch takes, at any resolution — pencils 36–62 (seeds 9,703–9,738 at 150 dpi, 9,702 at 300 dpi), names with
 * nothing drawn up to 25 (150 dpi 1,000,152 c012, 200 dpi 19 c015: noise over 1.5 pt of gaps); a fold along the
 * letters' foot 38 (variety bench 90,087 c016, 200 dpi: a 59.5 pt stretch from the second word on, slanted off the fold
 * in the first).
 */
export const PENCIL_OFF_BLANK = { part: 26, stretch: 32 } as const;

/**
 * A light pencil line through part of the name (pencil-strike.ts): on a fine scan a stretch pencilPart takes; on a
 * coarse one (`coarse`) only if it is also off the blurred blank; and at any resolution a shorter or longer stretch
 * pencilStretch takes, off the blurred blank by more, unless a fold crosses the row (`folded`: a fold's grey is off
 * the blank too). `off` (offBlank of the row's course) and `folded` are computed only when asked.
 */
export const pencilThroughPart = (c: PencilCourse, coarse: boolean, off: () => number, folded: () => boolean): boolean =>
  pencilPart(c) ? !coarse || off() >= PENCIL_OFF_BLANK.part : pencilStretch(c) && off() >= PENCIL_OFF_BLANK.stretch && !folded();

/** Where the line is looked for: the letters' middle, this far below their top and above their foot (points; pencilCourse's). */
const LINE_CORE_PT = { top: 0.5, foot: 1 } as const;
/** The paper above and below the line, this far from it (points), where the blurred blank prints nothing either. */
const BESIDE_PT = 1.5;
/**
 * The line is measured along this length (points: half a syllable), over at least LINE_LEAST such gap columns of it;
 * over the letters' upright stems too (`upright`), along more than twice a dot's width: a pen dot hidden by the
 * letters, found as no dot, is such a line over 5 pt (27–30: stress 151,056 c018 and 151,059 c006, 150 dpi), not over 7
 * (8–11; the pencils below 27.5–39).
 */
const LINE_RUN_PT = 5;
const UPRIGHT_RUN_PT = 7;
const LINE_LEAST = 3;
/** The lines tried (pixels per pixel). */
const LINE_SLOPES = [0, 0.01, -0.01, 0.02, -0.02, 0.04, -0.04] as const;
/**
 * `upright` columns (lineOffBlank): the fitted blurred blank within this much (grey levels) at the line's pixel and
 * BESIDE_PT above and below it — the gaps, and a letter's upright stem, whose misfit is as dark above as below.
 */
const UPRIGHT_MODEL = 10;
/** The residual smoothed 1-2-1 upright, the fitted blurred blank, and how much more residual a pixel holds than the paper beside it (NaN: not measured). */
const smoothedOf = scratch((n) => new Float32Array(n), false);
const modelsOf = scratch((n) => new Float32Array(n), false);
const peaksOf = scratch((n) => new Float32Array(n), false);
const RUN_MOST = UPRIGHT_RUN_PT * FORM_PER_POINT;
const runPeaks = new Float64Array(RUN_MOST);

export interface LineOffBlank {
  /**
   * The most, over the lines tried and every LINE_RUN_PT of the name along them, of the median over the run's gap
   * columns of how much darker than the blurred blank the line is than the paper beside it (grey levels, paper 255;
   * -Infinity: no run of LINE_LEAST gap columns).
   */
  readonly peak: number;
  /** The mean, over that run's gap columns, of how much darker than the blurred blank the line is (grey levels): a pencil is light. */
  readonly darkness: number;
}

/** Columns [from, to] of a row's sample. */
export interface ColumnSpan { readonly from: number; readonly to: number }

/**
 * A pen dot's spot in what the row holds darker than the blurred blank: pixels darker than it by `darker` (grey levels)
 * — more than a pencil's grey can leave (its ink 150–185 on paper 255, at most 105; pencils through part of the name
 * at most 91 at 150 dpi, 101 at 300: test/scan/variety.test.ts's plan, seeds 9,700–9,739, tuned on), at least `leastPx`
 * of them (no lone speck of noise), all within `widePt` (a pen dot is up to 3 pt across, 4 with its blur).
 * The line off the blank is measured without the spot's columns and `marginPt` beside them (the dot's blur): a pen dot
 * on the name the row reader found as no dot (cut by the letters) made, over 5–7 pt, such a line of its own (150 dpi
 * ballots, seeds 9,100,000–9,100,019: 10 of 360 dots sent to the board so, 5 of them kept now).
 */
export const PEN_SPOT = { darker: 120, leastPx: 2, widePt: 4.5, marginPt: 1.5 } as const;

/** The columns to leave out of lineOffBlank for a pen dot's spot (PEN_SPOT) in the letters' middle, or null when there is none, or more than a dot. */
export const penSpot = (fit: BlankFit, g: RowGuide, sample: RowSample): ColumnSpan | null => {
  const k = FORM_PER_POINT;
  const { s, area, i0, i1 } = sample;
  const w = s.width, h = s.height;
  const d = Math.round(BESIDE_PT * k);
  const jLo = Math.max(1, Math.round((g.bandTop + LINE_CORE_PT.top - area.y) * k) - d);
  const jHi = Math.min(h - 1, Math.round((g.baseline - LINE_CORE_PT.foot - area.y) * k) + d);
  let n = 0, from = w, to = -1;
  for (let j = jLo; j < jHi; j++) {
    for (let i = i0; i < i1; i++) {
      if (residualAt(fit, s, j * w + i) < PEN_SPOT.darker) continue;
      n++;
      from = Math.min(from, i);
      to = Math.max(to, i);
    }
  }
  if (n < PEN_SPOT.leastPx || to - from + 1 > PEN_SPOT.widePt * k) return null;
  const margin = Math.round(PEN_SPOT.marginPt * k);
  return { from: from - margin, to: to + margin };
};

/**
 * A pencil through part of the name found in what the row holds darker than the blurred blank (not along
 * pencil-strike.ts's course of light ink, which on a coarse scan may be the letters' own blur, or too short, or have
 * no paper above and below it): a light line through the letters' gaps, darker there than the paper BESIDE_PT above
 * and below it. The letters' misfit (a fraction of a pixel off) leaves upright slivers along their edges, as dark
 * above and below; only gaps with the blank printing nothing BESIDE_PT away either are measured, and the median of a
 * run is taken (one speck is no line). `upright`: measured too where the letters' print is upright (UPRIGHT_MODEL) —
 * a pencil laid over the letters of a syllable crosses hardly a gap clear above and below it, but their stems.
 * `skip`: columns not measured (a pen dot's spot, penSpot).
 */
export const lineOffBlank = (fit: BlankFit, g: RowGuide, sample: RowSample, upright = false, skip: ColumnSpan | null = null): LineOffBlank => {
  const k = FORM_PER_POINT;
  const { s, area, i0, i1 } = sample;
  const w = s.width, h = s.height;
  const d = Math.round(BESIDE_PT * k);
  const span = i1 - i0;
  const xc = (i0 + i1) / 2;
  // The rows of the letters' middle [jLo, jHi), each of the line's pixels within them (a slanted line's end reaches
  // no lower: an underline drawn close under the letters' foot is no line through them); the smoothed residual over
  // them and d beyond, within the sample.
  const jLo = Math.max(d + 1, Math.round((g.bandTop + LINE_CORE_PT.top - area.y) * k));
  const jHi = Math.min(h - d - 1, Math.round((g.baseline - LINE_CORE_PT.foot - area.y) * k));
  const none = { peak: -Infinity, darkness: 0 };
  const run = (upright ? UPRIGHT_RUN_PT : LINE_RUN_PT) * k;
  if (jHi - jLo < 1 || span < run) return none;
  const rLo = jLo - d, rows = jHi - jLo + 2 * d;
  const smoothed = smoothedOf(rows * span);
  const models = modelsOf(rows * span);
  for (let r = 0; r < rows; r++) {
    for (let n = 0; n < span; n++) {
      const q = (rLo + r) * w + i0 + n;
      models[r * span + n] = modelAt(fit, q);
      smoothed[r * span + n] = (residualAt(fit, s, q - w) + 2 * residualAt(fit, s, q) + residualAt(fit, s, q + w)) / 4;
    }
  }
  const peaks = peaksOf((jHi - jLo) * span);
  for (let j = jLo; j < jHi; j++) {
    for (let n = 0; n < span; n++) {
      const at = (j - rLo) * span + n, above = at - d * span, below = at + d * span;
      const m = models[at]!, ma = models[above]!, mb = models[below]!;
      const skipped = skip !== null && i0 + n >= skip.from && i0 + n <= skip.to;
      const measured = !skipped && (upright ? Math.abs(m - ma) <= UPRIGHT_MODEL && Math.abs(m - mb) <= UPRIGHT_MODEL
        : m >= GAP_MODEL && ma >= GAP_MODEL && mb >= GAP_MODEL);
      // NaN wherever the line's pixel or the paper beside it is not measured.
      peaks[(j - jLo) * span + n] = measured ? smoothed[at]! - Math.max(smoothed[above]!, smoothed[below]!) : NaN;
    }
  }
  let best = none;
  for (let y = jLo; y < jHi; y++) {
    for (const slope of LINE_SLOPES) {
      for (let n0 = 0; n0 + run <= span; n0++) {
        let m = 0, dark = 0;
        for (let n = n0; n < n0 + run; n++) {
          const j = y + Math.round(slope * (i0 + n - xc));
          if (j < jLo || j >= jHi) continue;
          const v = peaks[(j - jLo) * span + n]!;
          if (Number.isNaN(v)) continue;
          runPeaks[m++] = v;
          dark += smoothed[(j - rLo) * span + n]!;
        }
        if (m < LINE_LEAST) continue;
        const median = runPeaks.subarray(0, m).sort()[Math.floor((m - 1) / 2)]!;
        if (median > best.peak) best = { peak: median, darkness: dark / m };
      }
    }
  }
  return best;
};

/**
 * A pencil's line (lineOffBlank), on rows read kept whose course found some light ink, no pen mark cleared, no dot:
 * `peak` darker than the paper beside it, and `spreads` times the blank's misfit over the letters (fitBlank's spread: a
 * grainy scan's noise makes such runs, 36–41 on default bench seed 1,000,011 at 150 dpi, misfit 8.2–9.6, at most
 * 4.8 times it), and light (`darkness`, the residual itself). Measured with a scratch probe (tuned on): pencils
 * through part of the name read kept on seeds 9,710–9,739 31–45 at 150 dpi, 33–57 at 200, 39–75 at 300, 6.0–28 times
 * the misfit, darkness 24–69; names with nothing drawn at most 26 (default bench 150 dpi 1,000,001–1,000,060, 200 dpi
 * 1–60, 300 dpi 2,000,001–2,000,030, stress 150,500–150,539) but for the grainy ballot above and a smudge over
 * "An" at 200 dpi (variety 90,035 c001: 47, no light ink on the course, not asked); pen marks not cleared, where
 * the line is found, darker: a thin-ballpoint circle 86–90 (300 dpi 2,000,008 c010, stress 150,509 c002); a ballpoint
 * dot on the name the row reader did not find as a dot 30.1, darkness 41 (stress 151,056 c018, 150 dpi): hence 33.
 */
export const PENCIL_LINE = {
  peak: 33, spreads: 5.5, darkness: 75,
  /**
   * Asked only of a row fitting the blank this well (fitBlank's spread, grey levels: 1.4826 × a median misfit of 0.5 +
   * whole levels, so 8.15, 9.64, 11.1 …): paper rendered at 150 dpi sets the names 0.24 pt off the blank
   * (test/scan/partial-strikes.test.ts, seeds 152,109–152,244), its letters' edges leave runs of 79–93 on names with
   * nothing drawn, misfit 9.6–11.1; the pencils above 3.7–6.7.
   */
  mostSpread: 8,
  /**
   * …and at 200 dpi and finer, of a row whose course's light ink is a pencil's grey (pencil-strike.ts PencilCourse
   * grey, at least `fineGrey` of the paper), misfitting by 8.15 too: pencils through half a syllable read kept there
   * (seeds 9,900–9,959, tuned on: 200 dpi 9,912 c015 51.5 and 9,937 c013 58.7; 300 dpi 9,912 c007 51.4 and 9,937 c013
   * 55.8; their course 0.64–0.74). At 150 dpi not: paper rendered at 150 dpi misfits by 8.15 too (the bare name
   * 152,109 c002 then read partial; rendered stress 150,500–150,539: 6 pen marks that keep the name would pass). Pen
   * marks that keep the name at 8.15 and pass at 200 and 300 dpi (printed stress 200,500–200,619, 300,500–300,559,
   * default mix 1–120, 2,000,001–2,000,060, variety 90,001–90,120, 2,090,001–2,090,060; rendered stress
   * 200,500–200,559, 300,500–300,539): none but a thin-ballpoint circle on rendered paper (200,539 c016), its course
   * 0.44 of the paper: not a pencil's grey.
   */
  fineSpread: 9,
  fineGrey: 0.6,
} as const;

export const pencilLineOffBlank = (l: LineOffBlank, spread: number, mostSpread: number = PENCIL_LINE.mostSpread): boolean =>
  spread <= mostSpread && l.peak >= PENCIL_LINE.peak && l.peak >= PENCIL_LINE.spreads * spread && l.darkness <= PENCIL_LINE.darkness;

/**
 * A pencil's line measured over the gaps and the letters' upright stems (lineOffBlank `upright`), on the same rows
 * as pencilLineOffBlank: a pencil laid along the middle of a syllable's letters at 150 dpi, hardly a gap column clear
 * above and below it (test/scan/variety.test.ts's plan, seeds 9,710–9,739, tuned on: rows read kept 27.5–39 where
 * the gaps alone gave 4–32), against names with nothing drawn or a mark that keeps them, on the rows it is asked of,
 * measured over 5 pt (UPRIGHT_RUN_PT was 5 then), at most 16.8 (a bare name on variety 90,051 c001, 200 dpi; else
 * 13.3) — but for two pen dots hidden by the letters, 27–30 over 5 pt, 8–11 over 7 — and 3.9 times the misfit (150 dpi: stress
 * 150,500–150,619, default mix 1,000,001–1,000,120; 200 dpi: stress 200,500–200,559, mix 1–60, variety
 * 90,001–90,060; 300 dpi: stress 300,500–300,529, mix 2,000,001–2,000,030; a scratch probe, in memory).
 */
export const PENCIL_UPRIGHT = { peak: 24, spreads: 4 } as const;

export const pencilLineUpright = (l: LineOffBlank, spread: number, mostSpread: number = PENCIL_LINE.mostSpread): boolean =>
  spread <= mostSpread && l.peak >= PENCIL_UPRIGHT.peak && l.peak >= PENCIL_UPRIGHT.spreads * spread && l.darkness <= PENCIL_LINE.darkness;
