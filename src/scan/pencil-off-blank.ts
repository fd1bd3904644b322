/**
 * A pencil's stretch against the blank form blurred to the scan's resolution. On a 150 dpi scan the letters' blurred
 * edges spill past the print mask, and along some names (their flat tops and bars) they make a light line with paper
 * above and below, 8.5–14.5 pt long and 0.15–0.17 darker than that paper: what pencil-strike.ts finds of a pencil
 * through part of the name. But the letters' blur is known: it is the blank form's print blurred as the scan blurs it
 * (photo-blank-model.ts fitBlank, as for soft photos). What the row holds darker than that blurred blank, along the
 * stretch, is ink the form does not print: a pencil leaves its grey there, the letters' blur nothing.
 */
import { FORM_PER_POINT, type FormPage, type RowGuide } from './form.ts';
import { fitBlank, GAP_MODEL, modelAt, residualAt } from './photo-blank-model.ts';
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
 * line (GAP_MODEL, as darkestRun's `gapsOnly`: the gaps and counters of the letters, not their blurred edges), of how
 * much darker than that blank the line is there (grey levels, paper 255; the darkest of the line's row and the rows
 * above and below: a pencil's middle may fall a pixel off the straight line). Over the letters' edges a name set a
 * fraction of a point off the blank leaves a run of its own: 27 along a name with nothing drawn printed 0.38 pt high
 * (test/scan/partial-strikes.test.ts, rendered 150 dpi seed 152,109 c002), 11 over its gaps. -Infinity with no
 * stretch, less than OPEN_LEAST_PT of it open or fewer than GAP_LEAST columns of gap.
 */
export const offBlank = (page: FormPage, g: RowGuide, sample: RowSample, printedAt: (i: number, j: number) => boolean, c: PencilCourse): number => {
  if (c.runFrom < 0) return -Infinity;
  const { s } = sample;
  const w = s.width;
  const fit = fitBlank(page, g, sample);
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
