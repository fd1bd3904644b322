/**
 * Where a thin strike that starts late or ends early goes on under the first or last word. Its pen ink shows
 * between the words; inside a word the letters hide it, and it shows only in the gaps and counters of the letters
 * it passes: a few pixels of ink on the line's course clear of the print — of the blank form's print mask, widened
 * so that a letter's blurred edge lies within it: a dark pixel outside it is new ink; within it, only a pixel clear as
 * printed, as dark as a pen line (NEAR_LEVEL) and on the course over a few columns (a line hugging a letter's bar,
 * which at its height leaves no gap). A line is followed from its visible end along its course while it is seen so
 * in the letters' gaps at most STEP_PT apart, and no further than a column where its course is plain paper (there the
 * line is not: a strike through part of the name that ends in the space between two words, or inside a word, stops
 * at the first gap of paper on its course). What it credits is a lower bound of the word the line crosses: the
 * columns up to the last gap where the line was seen.
 */
import { paleSighting } from './pale-line.ts';

/**
 * Followed on from one sighting to the next at most this far (points): about two letters. A thin ballpoint, pale
 * under the scanner's blur, shows a pixel or two clear of the widened print in one gap of its letters in two or
 * three at 150–200 dpi (bench: whole strikes started late or ended early, read partial, their first or last word
 * showing the line 7–12 pt apart); a gap with paper on the course ends the following sooner.
 */
const STEP_PT = 10;
/** The course is checked this many pixels above and below (a hand wavers). */
const COURSE_PX = 1;

export interface LineEnds {
  /** The line's first and last columns through the name, as seen (pen ink, gaps closed). */
  readonly first: number;
  readonly last: number;
  /** Its row at the first and last columns, and its slope (rows per column). */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly slope: number;
}

/** The scan about the name, pixel by pixel. */
export interface Pixels {
  /** Darker than faint ink. */
  readonly dark: (i: number, j: number) => boolean;
  /** Clear of print on the blank form: `clear` as printed, `apart` a pixel away from it too (a letter's blurred edge). */
  readonly clear: (i: number, j: number) => boolean;
  readonly apart: (i: number, j: number) => boolean;
  /** Darker than NEAR_LEVEL of the paper: as dark as a pen line, darker than a letter's blurred edge clear of print. */
  readonly deep: (i: number, j: number) => boolean;
  /** A coarse scan's line pale in the letters' gaps is a sighting too (pale-line.ts). */
  readonly pale?: boolean;
}

/**
 * A pixel a letter's blur may reach (within a pixel of print, clear as printed) is new ink only when darker than this
 * share of the paper and, on the course, in NEAR_RUN columns in a row: a line hugging a letter's bar or bowl. Bench,
 * printed paper, rows with no mark (522 at 300 dpi, 270 at 200 dpi): such pixels as dark as half the paper in at most
 * one column in a row; the lines of late starts hidden under the first word's bar (the names 0.38 pt lower: a line
 * at the letters' middle along B's or e's bar, 300 dpi 2,000,020 and 2,000,040) in 4–7; along the tops of "uyễn"
 * (fresh 200 dpi 4,100,025, 4,100,099, 4,100,252; 150 dpi 5,100,058) in two, between the letters' stems, where the
 * blank is printed: followed with three wanted to 45 % of the word, read partial. The stress set's 3,600 partial
 * strikes are read neither kept nor struck with two.
 */
export const NEAR_LEVEL = 0.5;
const NEAR_RUN = 2;

/** A sighting is new ink at most this tall (points) in its column: a pen line blurred, not a letter's edge. */
const THIN_PT = 3;

/**
 * New ink on the course at (i, j): darker than faint ink and clear of the widened print mask, in a run of such
 * pixels in its column at most THIN_PT tall — a line across the column (along the letters' top, the print below it),
 * not a gap dark over the letters' whole height (a letter's blurred edge, should one reach out of the mask).
 */
const sighting = (px: Pixels, h: number, k: number): ((i: number, j: number) => boolean) => {
  const tall = Math.round(THIN_PT * k);
  const ink = (i: number, j: number): boolean => j >= 0 && j < h && px.apart(i, j) && px.dark(i, j);
  return (i, j) => {
    if (!ink(i, j)) return false;
    let a = j;
    let b = j;
    while (b - a < tall && ink(i, a - 1)) a--;
    while (b - a < tall && ink(i, b + 1)) b++;
    return b - a < tall;
  };
};

/**
 * Follows a line from column `start` (its row there `row`, rows per column `slope`) in direction `dir` up to `limit`
 * while it is seen in the letters' gaps at most STEP_PT apart and its course shows no paper: the last column it was seen.
 */
const followCourse = (px: Pixels, h: number, k: number, slope: number): ((start: number, row: number, dir: 1 | -1, limit: number) => number) => {
  const step = STEP_PT * k;
  const paper = (i: number, j: number): boolean => j >= 0 && j < h && px.clear(i, j) && !px.dark(i, j);
  const seen = sighting(px, h, k);
  const near = (i: number, j: number): boolean => j >= 0 && j < h && px.clear(i, j) && !px.apart(i, j) && px.deep(i, j);
  const nearAt = (i: number, r: number): boolean => near(i, r - 1) || near(i, r) || near(i, r + 1);
  // A column of a run of NEAR_RUN columns showing deep ink by the print on the course.
  const nearRun = (i: number, r: number): boolean => {
    if (!nearAt(i, r)) return false;
    let run = 1;
    for (let d = 1; d < NEAR_RUN && nearAt(i - d, r); d++) run++;
    for (let d = 1; d < NEAR_RUN && nearAt(i + d, r); d++) run++;
    return run >= NEAR_RUN;
  };
  return (start, row, dir, limit) => {
    let reached = start;
    // The course, re-centred on each sighting: a hand drifts from a straight line (bench, 150 dpi: the line showed
    // 1–2 px off the course drawn from its visible end, a few letters on).
    let at = row;
    let from = start;
    for (let i = start + dir; dir < 0 ? i >= limit : i < limit; i += dir) {
      if (Math.abs(i - reached) > step) break;
      const r = Math.round(at + slope * (i - from));
      let open = true;
      let sighted = 0;
      let n = 0;
      for (let j = r - COURSE_PX; j <= r + COURSE_PX; j++) {
        if (!paper(i, j)) open = false;
        if (seen(i, j)) { sighted += j; n++; }
      }
      if (n === 0 && nearRun(i, r)) {
        for (let j = r - COURSE_PX; j <= r + COURSE_PX; j++) if (near(i, j)) { sighted += j; n++; }
      }
      if (n === 0 && !open && paleSighting(px, h, i, (x) => Math.round(at + slope * (x - from)), dir < 0 ? limit : start + 1, dir < 0 ? start : limit)) {
        sighted = r;
        n = 1;
      }
      if (open) break;
      if (n > 0) {
        at = sighted / n;
        from = i;
        reached = i;
      }
    }
    return reached;
  };
};

/** The columns [from, to) the line reaches into the name when followed from its ends under the letters, within [i0, i1). */
export const followedEnds = (ends: LineEnds, px: Pixels, h: number, k: number, i0: number, i1: number): { readonly from: number; readonly to: number } => {
  const follow = followCourse(px, h, k, ends.slope);
  return {
    from: follow(ends.first, ends.firstRow, -1, i0),
    to: follow(ends.last, ends.lastRow, 1, i1) + 1,
  };
};

/**
 * Where a line seen on both sides of a stretch of the row is not seen between them (a thin pen the letters of a whole
 * word hide, pale under the scanner's blur, its pixels in the gaps faint beside the print: 150 dpi), it is followed
 * into that stretch from both sides as from its ends (followCourse: seen in the letters' gaps at most STEP_PT apart,
 * stopped by paper on its course), and the columns so followed marked in `hit` (the line's columns across the whole
 * sample, the pad beyond the name's ends included; `rowAt` its row at a column). Asked for the stretches that reach
 * into the columns [a, b) (the first or last word). A strike through part of the name leaves a word it does not
 * cross unseen on one side at least, or shows paper in its gaps on its course.
 */
export const followedHoles = (hit: Uint8Array, rowAt: (i: number) => number, slope: number, px: Pixels, h: number, k: number, a: number, b: number): void => {
  const follow = followCourse(px, h, k, slope);
  let x = hit.indexOf(1);
  if (x < 0) return;
  const w = hit.length;
  while (x < w) {
    if (hit[x] === 1) { x++; continue; }
    let y = x;
    while (y < w && hit[y] !== 1) y++;
    if (y < w && y > a && x < b) {
      const left = follow(x - 1, rowAt(x - 1), 1, y);
      const right = follow(y, rowAt(y), -1, x);
      hit.fill(1, x, left + 1);
      hit.fill(1, right, y);
    }
    x = y;
  }
};

/** A pen skips: paper on the line's course over at most this many points (the generator's skip is one segment, 1.5–3.5). */
const SKIP_PT = 3;
/** A place the line is seen, to bridge from or to: pen ink on its course over at least this many points in a row. */
const SEEN_RUN_PT = 2;

/**
 * The columns of a word [a, b) at the line's end (and before it, from the last column seen within STEP_PT), between
 * two places where the line is seen (`hit`, SEEN_RUN_PT in a row each) at most STEP_PT apart, where its course shows
 * paper over at most SKIP_PT: the letters hide the line there (and the pen may have skipped), not a gap of it — a
 * strike through part of a name ends before the space between two words, and nothing is seen on its course beyond.
 * Marked in `hit`. 300 dpi seed 2,000,074 c001 (a thin ballpoint ending early along the tops of "Đào"): seen up to the
 * word, skipping 2.5 pt in the space before it, hidden 4 pt under its first letter, then seen 2.5 pt: 16 % of the word
 * credited.
 */
export const bridgeHidden = (hit: Uint8Array, ends: LineEnds, px: Pixels, h: number, k: number, a: number, b: number): void => {
  const step = STEP_PT * k;
  const run = Math.round(SEEN_RUN_PT * k);
  const paper = (i: number, j: number): boolean => j >= 0 && j < h && px.clear(i, j) && !px.dark(i, j);
  const open = (i: number): boolean => {
    const r = Math.round(ends.firstRow + ends.slope * (i - ends.first));
    for (let j = r - COURSE_PX; j <= r + COURSE_PX; j++) if (!paper(i, j)) return false;
    return true;
  };
  const seenRun = (from: number, dir: 1 | -1): boolean => {
    for (let d = 0; d < run; d++) if (hit[from + dir * d] !== 1) return false;
    return true;
  };
  const lo = Math.max(a - step, ends.first);
  const hi = Math.min(b, ends.last + 1);
  let seen = -1;
  for (let i = lo; i < hi; i++) {
    if (hit[i] !== 1) continue;
    if (seen >= 0 && i - seen > 1 && i - seen <= step && seenRun(seen, -1) && seenRun(i, 1)) {
      let skipped = 0;
      for (let x = seen + 1; x < i; x++) if (open(x)) skipped++;
      if (skipped <= SKIP_PT * k) hit.fill(1, seen + 1, i);
    }
    seen = i;
  }
};
