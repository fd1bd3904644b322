/**
 * A pencil's stretch against the blank form blurred to the scan's resolution. On a 150 dpi scan the letters' blurred
 * edges spill past the print mask, and along some names (their flat tops and bars) they make a light line with paper
 * above and below, 8.5–14.5 pt long and 0.15–0.17 darker than that paper: what pencil-strike.ts finds of a pencil
 * through part of the name. But the letters' blur is known: it is the blank form's print blurred as the scan blurs it
 * (photo-blank-model.ts fitBlank, as for soft photos). What the row holds darker than that blurred blank, along the
 * stretch, is ink the form does not print: a pencil leaves its grey there, the letters' blur nothing.
 */
import { FORM_PER_POINT, type FormPage, type RowGuide } from './form.ts';
import { fitBlank, residualAt } from './photo-blank-model.ts';
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

/**
 * The median, over the open columns of the course's longest stretch (not printed on the line's row), of how much
 * darker than the fitted blurred blank the line is there (grey levels, paper 255; the darkest of the line's row and
 * the rows above and below: a pencil's middle may fall a pixel off the straight line). -Infinity with no stretch or
 * less than OPEN_LEAST_PT of it open.
 */
export const offBlank = (page: FormPage, g: RowGuide, sample: RowSample, printedAt: (i: number, j: number) => boolean, c: PencilCourse): number => {
  if (c.runFrom < 0) return -Infinity;
  const { s } = sample;
  const w = s.width;
  const fit = fitBlank(page, g, sample);
  const columns = columnsOf(c.runTo - c.runFrom + 1);
  let n = 0;
  for (let i = c.runFrom; i <= c.runTo; i++) {
    const j = Math.round(c.y + c.slope * (i - c.xc));
    if (j < 1 || j >= s.height - 1 || printedAt(i, j)) continue;
    columns[n++] = Math.max(residualAt(fit, s, (j - 1) * w + i), residualAt(fit, s, j * w + i), residualAt(fit, s, (j + 1) * w + i));
  }
  if (n < OPEN_LEAST_PT * FORM_PER_POINT) return -Infinity;
  const open = columns.subarray(0, n).sort();
  return open[Math.floor(n / 2)]!;
};

/**
 * Darker than the blurred blank by this much along the stretch (offBlank, grey levels): a pencil. `part`: a stretch
 * pencilPart takes, on a coarse scan — at 150 dpi pencils through part of the name (test/scan/variety.test.ts seeds
 * 9,700–9,703, tuned on) 34–47, names with nothing drawn or a mark that keeps them whose stretch pencilPart takes
 * (default bench seeds 1,000,001–1,000,200: 129 of 2,300 rows read kept) at most 17. `stretch`: a stretch only
 * pencilStretch takes, at any resolution — pencils 36–62 (seeds 9,703–9,738 at 150 dpi, 9,702 at 300 dpi), names with
 * nothing drawn up to 25 (150 dpi 1,000,152 c012, 200 dpi 19 c015: 3 pt of noise); a fold along the letters' foot 38
 * (variety bench 90,087 c016, 200 dpi: a 59.5 pt stretch from the second word on, slanted off the fold in the first).
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
