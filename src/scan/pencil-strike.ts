/**
 * A pencil line through the whole name: light grey graphite, grainy, in dabs with small gaps (faint-line.ts). The
 * row reader sees its pieces away from the letters as pen ink and its pieces by the letters as nothing, so it finds
 * a line through part of the name only. Measured here along the one straight line the light ink follows (the
 * straight line through the most of it; faint-line.ts looks for such a line only to never keep the name): how far it runs (from before the name's first open column to past its last), the longest stretch
 * of open paper on its course with no light ink (a pencil skips for a point or two, a strike of part of the name
 * leaves a word or half of one), and whether it is a line rather than a tint (paper just above and below it).
 */
import type { Box } from '../documents/ballot-layout.ts';
import type { RowGuide } from './form.ts';
import type { GreyImage } from './image.ts';
import { LIGHT_LEVEL } from './light-band.ts';
import { scratch } from './scratch.ts';
import { PEN } from './stroke-path.ts';

/** The line is looked for through the letters' middle: from this far below their top to this far above their foot (points). */
export const CORE_PT = { top: 0.5, foot: 1 } as const;
/** Paper this far (points) above and below the line: a line, not a tint or a shadow. */
const CLEAR_PT = 1.5;

export interface PencilCourse {
  readonly share: number;
  readonly leastWord: number;
  /** Points from the name's first open column on the line to the first light ink on it (≤ 0: before the name); the same at its last. */
  readonly startPt: number;
  readonly endPt: number;
  /** The longest stretch of open columns (points) between the line's first and last light ink with none on it. */
  readonly gapPt: number;
  /** Share of the columns with light ink on the line that show paper CLEAR_PT above and below it. */
  readonly clear: number;
  /** Median over those columns of how much darker (a share of the paper) the line is than the darker of the pixels CLEAR_PT above and below it. */
  readonly contrast: number;
  /** Median grey of the darkest pixel on the line in the columns with light ink on it, as a share of the paper. */
  readonly grey: number;
  /** The longest stretch of the line (points, first light ink to last) whose open columns have light ink with no gap over PART_GAP_PT. */
  readonly runPt: number;
  /** Share of that stretch's light-ink columns that show paper CLEAR_PT above and below the line. */
  readonly runClear: number;
  /** Share of that stretch's open columns with light ink on the line. */
  readonly runFill: number;
  /** Median over that stretch of how much darker (a share of the paper) the line is than the darker of the pixels CLEAR_PT above and below. */
  readonly runContrast: number;
  /** The line: its row at the name's middle column `xc`, its slope (pixels per pixel); that stretch's first and last columns (-1: none). */
  readonly y: number;
  readonly slope: number;
  readonly xc: number;
  readonly runFrom: number;
  readonly runTo: number;
}

/** A pencil line skips a point or two of paper; a wider gap ends a stretch of it (runPt). */
export const PART_GAP_PT = 2.5;

/** Lines tried: through the letters' middle rows, at slopes up to MAX_SLOPE (pixels per pixel), the flattest first. */
const MAX_SLOPE = 0.06;
const SLOPE_STEP = 0.005;
const SLOPES = Array.from({ length: 2 * Math.round(MAX_SLOPE / SLOPE_STEP) + 1 }, (_, n) => (n % 2 === 0 ? 1 : -1) * Math.ceil(n / 2) * SLOPE_STEP);
/** What a pixel of the row's sample is, once looked at: the form's print, light ink, or paper (pencilCourse). */
const PRINT = 1, LIGHT = 2, PAPER = 3;
/** pencilCourse's maps, kept (cleared) from one row to the next. */
const kinds = scratch((n) => new Uint8Array(n), true);
const runningCounts = scratch((n) => new Int32Array(n), false);

/**
 * The straight line through the letters' middle (CORE_PT) that finds light ink in the most open columns of the name
 * [i0, i1) (within a pixel of it), and how it runs: see PencilCourse. `words`: each word's columns [a, b).
 */
export const pencilCourse = (
  s: GreyImage, paper: number, printedAt: (i: number, j: number) => boolean, k: number, area: Box, g: RowGuide, i0: number, i1: number,
  words: readonly { readonly a: number; readonly b: number }[],
): PencilCourse => {
  const w = s.width;
  const h = s.height;
  const top = Math.max(1, Math.round((g.bandTop + CORE_PT.top - area.y) * k));
  const foot = Math.min(h - 1, Math.round((g.baseline - CORE_PT.foot - area.y) * k));
  // Each pixel is looked at only where the search or the walk below reaches it (a few rows of the sample), and once.
  const kind = kinds(w * h);
  const kindAt = (q: number, i: number, j: number): number => {
    let c = kind[q]!;
    if (c === 0) { c = printedAt(i, j) ? PRINT : s.data[q]! < paper * LIGHT_LEVEL ? LIGHT : PAPER; kind[q] = c; }
    return c;
  };
  const printed = (j: number, i: number): boolean => kindAt(j * w + i, i, j) === PRINT;
  const light = (j: number, i: number): boolean => kindAt(j * w + i, i, j) === LIGHT;
  const xc = (i0 + i1) / 2;
  const rowAt = (y: number, slope: number, i: number): number => Math.round(y + slope * (i - xc));
  const lit = (j: number, i: number): boolean => light(j - 1, i) || light(j, i) || light(j + 1, i);
  const open = (j: number, i: number): boolean => j >= 1 && j < h - 1 && !printed(j, i);
  // A line tried counts the name's open columns within a pixel of light ink on it. Over the rows the lines reach
  // (jLo to jHi), each row's running count of such columns; a line is a few flat steps (its slope is small), and
  // Math.round(y + x) is y + Math.round(x) for a whole y: each step's count is a difference of two running counts.
  const span = i1 - i0;
  const reach = MAX_SLOPE * Math.max(xc - i0, i1 - xc) + 1;
  const jLo = Math.max(1, Math.floor(top - reach));
  const jHi = Math.min(h - 1, Math.ceil(foot + reach));
  const counts = runningCounts(Math.max(0, jHi - jLo) * (span + 1));
  for (let j = jLo; j < jHi; j++) {
    const row = (j - jLo) * (span + 1);
    counts[row] = 0;
    for (let n = 0; n < span; n++) counts[row + n + 1] = counts[row + n]! + (open(j, i0 + n) && lit(j, i0 + n) ? 1 : 0);
  }
  const steps = SLOPES.map((slope) => {
    const found: { readonly a: number; readonly b: number; readonly off: number }[] = [];
    for (let n = 0; n < span;) {
      const off = Math.round(slope * (i0 + n - xc));
      let b = n + 1;
      while (b < span && Math.round(slope * (i0 + b - xc)) === off) b++;
      found.push({ a: n, b, off });
      n = b;
    }
    return found;
  });
  let best = { y: top, slope: 0, found: -1 };
  for (let y = top; y < foot; y++) {
    for (let m = 0; m < SLOPES.length; m++) {
      let found = 0;
      for (const { a, b, off } of steps[m]!) {
        const j = y + off;
        if (j >= jLo && j < jHi) found += counts[(j - jLo) * (span + 1) + b]! - counts[(j - jLo) * (span + 1) + a]!;
      }
      if (found > best.found) best = { y, slope: SLOPES[m]!, found };
    }
  }
  const d = Math.round(CLEAR_PT * k);
  const hitAt = new Uint8Array(w);
  const openAt = new Uint8Array(w);
  let first = -1, last = -1, firstOpen = -1, lastOpen = -1, gap = 0, run = 0, clear = 0, hits = 0;
  let from = -1, to = -1, runClears = 0, runHits = 0, runPt = 0, runClear = 0, runOpen = 0, runFill = 0;
  // The longest stretch's contrasts are contrasts[runStart, runEnd) (in the line's order until sorted at the end).
  let stretchStart = 0, runStart = 0, runEnd = 0;
  let runFrom = -1, runTo = -1;
  const greys: number[] = [];
  const contrasts: number[] = [];
  for (let i = 0; i < w; i++) {
    const j = rowAt(best.y, best.slope, i);
    if (!open(j, i)) continue;
    openAt[i] = 1;
    if (i >= i0 && i < i1) { if (firstOpen < 0) firstOpen = i; lastOpen = i; }
    if (from >= 0) runOpen++;
    if (!lit(j, i)) { if (first >= 0) run++; continue; }
    hitAt[i] = 1;
    if (first < 0) first = i;
    gap = Math.max(gap, run);
    const skipped = run;
    run = 0;
    last = i;
    hits++;
    const on = Math.min(s.data[(j - 1) * w + i]!, s.data[j * w + i]!, s.data[(j + 1) * w + i]!);
    greys.push(on / paper);
    const beside = [j - d, j + d].filter((y) => y >= 0 && y < h && !printed(y, i)).map((y) => s.data[y * w + i]!);
    const against = beside.length > 0 ? (Math.min(...beside) - on) / paper : null;
    if (against !== null) contrasts.push(against);
    const paperAt = (y: number): boolean => y < 0 || y >= h || !light(y, i);
    const isClear = paperAt(j - d) && paperAt(j + d);
    if (isClear) clear++;
    if (from < 0 || skipped > PART_GAP_PT * k) { from = i; runClears = 0; runHits = 0; runOpen = 1; stretchStart = contrasts.length - (against === null ? 0 : 1); }
    to = i; runHits++; if (isClear) runClears++;
    if ((to - from) / k > runPt) {
      runPt = (to - from) / k; runFrom = from; runTo = to; runClear = runClears / runHits; runFill = runHits / runOpen;
      runStart = stretchStart; runEnd = contrasts.length;
    }
  }
  const shareOf = (a: number, b: number): number => {
    let m = 0, f = 0;
    for (let i = a; i < b; i++) { m += openAt[i]!; f += hitAt[i]!; }
    return m > 0 ? f / m : 1;
  };
  const runContrasts = contrasts.slice(runStart, runEnd).sort((a, b) => a - b);
  const runContrast = runContrasts[Math.floor(runContrasts.length / 2)] ?? 0;
  greys.sort((a, b) => a - b);
  contrasts.sort((a, b) => a - b);
  return {
    share: shareOf(i0, i1), leastWord: Math.min(1, ...words.map(({ a, b }) => shareOf(a, b))),
    startPt: first < 0 || firstOpen < 0 ? Infinity : (first - firstOpen) / k,
    endPt: last < 0 || lastOpen < 0 ? Infinity : (lastOpen - last) / k,
    runPt, runClear, runFill, runContrast, y: best.y, slope: best.slope, xc, runFrom, runTo,
    gapPt: gap / k, clear: hits > 0 ? clear / hits : 0, contrast: contrasts.length > 0 ? contrasts[Math.floor(contrasts.length / 2)]! : 0, grey: greys.length > 0 ? greys[Math.floor(greys.length / 2)]! : 1,
  };
};

/**
 * A pencil struck through the whole name (PencilCourse). Measured on the variety bench (200 dpi, seeds 90,001–90,200:
 * 28 pencil strikes, 39 highlighters; the default mix, seeds 1–200, has no row near): pencil strikes cross 0.84–1 of
 * the name's open columns and 0.5–1 of its least word, from at most 0 pt inside its first open column to its last,
 * skipping at most 2.5 pt; paper above and below in 0.45–1 of their columns, 0.15–0.37 darker than it; their darkest
 * 0.59–0.81 of the paper. A pencil skipping 5 pt across 0.796 of the name (variety bench 100,068 c012, tilted) went to
 * the board: share and gapPt eased to 0.75 and 5.5 — pencils through part of the name (test/scan/variety.test.ts's
 * kinds, seeds 9,000–9,029, 540 rows at 150/200/300 dpi) leave a word or half of one uncrossed (leastWord) or start or
 * end inside the name (startPt, endPt), and none passed. Highlighters (sent to the board before this is asked: light-band.ts) find such a line too,
 * but with paper beside it in at most 0.55 of its columns or at most 0.09 lighter (yellow ones: 0.69–0.72 clear).
 */
export const PENCIL_STRIKE = { share: 0.75, leastWord: 0.45, startPt: 1.5, endPt: 1.5, gapPt: 5.5, clear: 0.6, contrast: 0.12, grey: 0.5 } as const;

/**
 * Looked for only on a row whose faint ink crosses at least this share of the name (read-rows.ts crossing): pencil
 * strikes 0.38–1 on the variety bench, a name with nothing drawn about 0 — the search costs a few tenths of a
 * millisecond a row.
 */
export const PENCIL_FAINT = 0.3;

/** Light ink along one straight line through the whole name (see above): a pencil struck through it. Dark lines are the row reader's. */
export const pencilStrike = (c: PencilCourse): boolean => {
  const p = PENCIL_STRIKE;
  return c.share >= p.share && c.leastWord >= p.leastWord && c.startPt <= p.startPt && c.endPt <= p.endPt && c.gapPt <= p.gapPt &&
    c.clear >= p.clear && c.contrast >= p.contrast && c.grey >= p.grey;
};

/**
 * A pencil line through part of the name (PencilCourse's longest stretch): light ink in most of the open columns along
 * it, paper above and below, darker than that paper, 8–40 pt long. Measured at 200 and 300 dpi (test/scan/variety.test.ts,
 * seeds 9,700–9,703, tuned on): pencil lines through part of the name read kept showed stretches of 3.5–16 pt, filled
 * 0.5–1, clear 0.57–1, 0.06–0.26 darker, their darkest 0.73–0.80 of the paper. Bare names showed none at 200 and 300 dpi
 * (seeds 500–507, 600–611) but for noise of 3.5 pt (variety bench seed 90,146) and a stretch 0.66 of the paper (default
 * bench seed 298). At 150 dpi the blur by some bare names' letters is a full, clear stretch of 8.5–14.5 pt (default
 * bench seeds 1,000,064, 1,000,066, 1,000,081), as a pencil's there: on such a coarse scan the stretch must also be
 * darker than the blank form blurred as the scan is (pencil-off-blank.ts).
 */
export const PENCIL_PART = {
  runPt: 8,
  /** Longer is no stroke through part of a name: a fold across the row (variety bench seed 90,027: 58.5 pt). */
  mostPt: 40,
  fill: 0.5, clear: 0.5, contrast: 0.05,
  /**
   * Light ink only: a thin ballpoint's circle or underline by the letters, found as such a stretch, is 0.52–0.60 of the
   * paper (variety bench seeds 90,023–90,183, 200 dpi, 7 rows), a bare name's 0.66 (bench seed 298): the row reader's.
   */
  grey: 0.7,
} as const;

/** Light ink along a straight line through part of the name (see above): a pencil stroke the board must see. */
export const pencilPart = (c: PencilCourse): boolean => c.runPt >= PENCIL_PART.runPt && c.runPt <= PENCIL_PART.mostPt && lightStretch(c);

/** The longest stretch filled, clear and darker than its paper, its ink light (PENCIL_PART), whatever its length. */
const lightStretch = (c: PencilCourse): boolean => {
  const p = PENCIL_PART;
  return c.runFill >= p.fill && c.runClear >= p.clear && c.runContrast >= p.contrast && c.grey >= p.grey;
};

/**
 * A stretch pencilPart does not take, which the blank form's comparison may still confirm (pencil-off-blank.ts):
 * shorter than its runPt (half a syllable: 3.5–7 pt at 150 dpi, test/scan/variety.test.ts seeds 9,703, 9,711, 9,725,
 * 9,735) or longer than its mostPt (half the name, all but one word: 43–58 pt at 150 dpi, seeds 9,719–9,738), with
 * pencilPart's other measures; not as dark beside its paper as a pen (a ballpoint dot's edge by the letters made such
 * a stretch 0.59 darker than its paper, pencils 0.06–0.26); and the line's light ink not beyond both ends of the name
 * (startPt, endPt): a fold along the letters' foot runs across the whole row (variety bench seed 90,087 c016, 200 dpi:
 * a 59.5 pt stretch from the second word on), a stroke through part of the name leaves it at one end at most.
 */
export const PENCIL_STRETCH = { leastPt: 3, mostContrast: 0.4 } as const;

/** Light ink along a straight line through part of the name, of any length (see above): asked only against the blank form. */
export const pencilStretch = (c: PencilCourse): boolean =>
  c.runPt >= PENCIL_STRETCH.leastPt && (c.startPt > 0 || c.endPt > 0) && c.runContrast <= PENCIL_STRETCH.mostContrast && lightStretch(c);

/**
 * A short stretch of a pencil through half a syllable on a fine scan (200 dpi and finer), darker than PENCIL_PART's
 * grey or missing the blank form's gaps (pencilStretch's blank comparison finds no gap along it): 3.5–7 pt inside the
 * name, filled 0.8–1, clear 1, 0.23–0.42 darker than its paper, its darkest 0.61–0.76 of the paper (the grey counts
 * the letters' edge beside it), on rows with no pen ink at all (test/scan/variety.test.ts's plan, seeds 10,100–10,159,
 * 200 dpi, 5 of the 7 rows read kept; tuned on). Rows with nothing drawn or a mark that keeps the name at 200 and 300
 * dpi show no such stretch (printed stress 200,500–200,619, 300,500–300,559; default mix 1–120, 2,000,001–2,000,060;
 * variety 90,001–90,120, 2,090,001–2,090,060; every kept row through a scratch probe): their short stretches are at
 * most 0.11 darker than the paper (noise, 0.89–0.9 of it) or have pen ink in the row (a thin ballpoint's close
 * underline, 30.5 pt). At 150 dpi the letters' blur makes such stretches on names with nothing drawn (filled 0.5–0.67,
 * 0.22–0.31 darker, 0.69–0.79 grey: default mix 1,000,039 c001 and 1,000,108 c003, stress 150,595 c006, variety
 * 1,090,024 c006): not asked there. A pen dot on the name hidden by the letters shows no pen ink either and may pass
 * (variety bench seed 190,013 c012, 200 dpi, seen after): a needless send, not an error.
 */
export const PENCIL_SHORT = { leastPt: 3, fill: 0.75, clear: 0.75, contrast: 0.2, mostContrast: 0.5, grey: 0.8 } as const;

/** A short stretch inside the name (PENCIL_SHORT), shorter than pencilPart's: asked only on fine scans of rows with no pen ink. */
export const pencilShort = (c: PencilCourse): boolean => {
  const p = PENCIL_SHORT;
  return c.runPt >= p.leastPt && c.runPt < PENCIL_PART.runPt && c.startPt > 0 && c.endPt > 0 && c.runFill >= p.fill && c.runClear >= p.clear &&
    c.runContrast >= p.contrast && c.runContrast <= p.mostContrast && c.grey <= p.grey;
};

/**
 * A thin pen through part of the name on a coarse scan (150 dpi), blurred lighter than the faint level: the row reader
 * sees none of it, and its stretch is too dark for pencilPart's light ink — a long one, filled and clear all along,
 * much darker than its paper, darker than a pencil's grey (fresh bench seed 85,000,187 c003, a thin ballpoint through
 * half a word, blurred and JPEG'd: 11 pt, filled 1, clear 1, 0.48 darker, grey 0.61 — read kept with confidence).
 * Rows read kept whose course was measured show none such: dots on the name (150 dpi seeds 9,100,000–9,100,019,
 * 9,140,000–9,140,019), circles, close underlines, ticks on the name (9,150,000–9,150,009), pencils through the name
 * (9,700–9,739): 0 of 1,254.
 */
export const PALE_PEN = { leastPt: 8, mostPt: 40, fill: 0.9, clear: 0.9, contrast: 0.4 } as const;

/** A long stretch filled, clear, much darker than its paper and darker than a pencil (PALE_PEN): a blurred thin pen's. */
export const palePenPart = (c: PencilCourse): boolean => {
  const p = PALE_PEN;
  return c.runPt >= p.leastPt && c.runPt <= p.mostPt && c.runFill >= p.fill && c.runClear >= p.clear && c.runContrast >= p.contrast && c.grey < PENCIL_PART.grey;
};

/** No pixel of the row's sample is pen ink (`cls`, strike-row.ts's classes). */
export const noPenInk = (cls: Uint8Array): boolean => !cls.includes(PEN);

/**
 * A pencil's speck: a light line through part of the name may leave, away from the letters, a pixel or two the row
 * reader takes for pen ink — all its pen ink then, one compact piece, a dot by its shape (strike-row.ts oneDot), so
 * the pencil was never looked for. Its ink is a pencil's grey: at its darkest 0.67–0.78 of the paper (pencils through
 * part of the name read kept, test/scan/variety.test.ts's plan, seeds 9,710–9,739, 150–300 dpi: 7 rows). A pen dot
 * is darker wherever the reader sees it, even a sliver of it by the letters: dots on the name, dots in the row and
 * ticks' slivers found as one dot and nothing else 0.18–0.53 (stress 150,500–150,619, 151,000–151,099, 200,500–200,619,
 * 300,500–300,559; default mix 150 dpi 1,000,001–1,000,120, 200 dpi 1–120, 300 dpi 2,000,001–2,000,060; variety
 * 90,001–90,120), but for a thin ballpoint's tick sliver, 0.66, whose row shows no pencil line.
 */
export const PENCIL_SPECK = 0.6;

/** The row's pen ink (`cls` PEN pixels of the sample `s`) is all a pencil's grey: no darker than PENCIL_SPECK of the paper. */
export const pencilSpeck = (cls: Uint8Array, s: GreyImage, paper: number): boolean => {
  const lightest = PENCIL_SPECK * paper;
  for (let q = 0; q < cls.length; q++) if (cls[q] === PEN && s.data[q]! < lightest) return false;
  return true;
};
