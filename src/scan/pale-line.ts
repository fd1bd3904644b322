/**
 * A thin pen the letters of a word hide on a coarse scan (150 dpi), pale under the scanner: in the word's gaps and
 * counters it leaves no pixel clear of the widened print mask nor as dark as NEAR_LEVEL (strike-ends.ts), only pixels
 * within a pixel of print that are darker than faint ink — a letter's blurred edge is that dark too. What tells the
 * line from the edges is its shape: along the course, column after column, the gaps' pixels are dark on the course and
 * not just off it, where a letter's upright edge is dark on and off the course alike. A run of PALE_RUN such columns
 * (columns the print fills on the course neither make nor break it) is a sighting of the line.
 */
import type { Pixels } from './strike-ends.ts';

/** Columns lined in a row (print-filled columns between them skipped) that make a sighting. */
export const PALE_RUN = 5;
/** The rows checked off the course, this far above and below it (pixels): clear of the line, not of a letter's edge. */
const OFF_PX = 2;
/** The course, this many pixels above and below it (strike-ends.ts COURSE_PX). */
const COURSE_PX = 1;

type Lined = 'lined' | 'unlined' | 'print';

/**
 * Column i at the course row r: 'lined' where a pixel of the course clear as printed is darker than faint ink and the
 * pixels OFF_PX above and below the course are not (print or paper); 'unlined' where they are, or where the course's
 * middle row is clear and light; else 'print'.
 */
const linedAt = (px: Pixels, h: number, i: number, r: number): Lined => {
  const clearDark = (j: number): boolean => j >= 0 && j < h && px.clear(i, j) && px.dark(i, j);
  let dark = false;
  for (let j = r - COURSE_PX; j <= r + COURSE_PX; j++) if (clearDark(j)) dark = true;
  if (dark) return !clearDark(r - OFF_PX) && !clearDark(r + OFF_PX) ? 'lined' : 'unlined';
  // Nothing dark on the course: the line is not there if its middle row is clear; where that row is print, the line
  // may lie in it (a thin line is a pixel or two tall), the light rows beside it telling nothing.
  return r >= 0 && r < h && px.clear(i, r) ? 'unlined' : 'print';
};

/**
 * Whether column i, its course row `rowAt(i)`, lies in a run of at least PALE_RUN lined columns (linedAt) within
 * [lo, hi): the line seen pale there. Only columns that are lined themselves.
 */
export const paleSighting = (px: Pixels, h: number, i: number, rowAt: (x: number) => number, lo: number, hi: number): boolean => {
  if (px.pale !== true || linedAt(px, h, i, rowAt(i)) !== 'lined') return false;
  let run = 1;
  for (let x = i - 1; x >= lo && run < PALE_RUN; x--) {
    const c = linedAt(px, h, x, rowAt(x));
    if (c === 'unlined') break;
    if (c === 'lined') run++;
  }
  for (let x = i + 1; x < hi && run < PALE_RUN; x++) {
    const c = linedAt(px, h, x, rowAt(x));
    if (c === 'unlined') break;
    if (c === 'lined') run++;
  }
  return run >= PALE_RUN;
};
