/**
 * Where a thin strike that starts late or ends early goes on under the first or last word. Its pen ink shows
 * between the words; inside a word the letters hide it, and it shows only in the gaps and counters of the letters
 * it passes: a short run of faint ink on the line's course with paper above and below it (a letter's blurred edge
 * is inked above and below too). A line is followed from its visible end along its course while it is seen so in
 * the letters' gaps at most STEP_PT apart, and no further than a column where its course is plain paper (there the
 * line is not). What it credits is a lower bound of the word the line crosses: the columns up to the last gap
 * where the line was seen.
 */
/** Seen: new ink on the course with paper this far (points) above and below it. */
const CLEAR_PT = 1.5;
/** Followed on from one sighting to the next at most this far (points): about a wide letter. */
const STEP_PT = 6;
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
}

/** New ink on the course at (i, j), a pixel apart from print, with paper CLEAR_PT above and below it. */
const sighting = (px: Pixels, h: number, k: number): ((i: number, j: number) => boolean) => {
  const d = Math.round(CLEAR_PT * k);
  const paper = (i: number, j: number): boolean => j >= 0 && j < h && px.clear(i, j) && !px.dark(i, j);
  return (i, j) => j - d >= 0 && j + d < h && px.apart(i, j) && px.dark(i, j) && paper(i, j - d) && paper(i, j + d);
};

/** The columns [from, to) the line reaches into the name when followed from its ends under the letters, within [i0, i1). */
export const followedEnds = (ends: LineEnds, px: Pixels, h: number, k: number, i0: number, i1: number): { readonly from: number; readonly to: number } => {
  const step = STEP_PT * k;
  const paper = (i: number, j: number): boolean => j >= 0 && j < h && px.clear(i, j) && !px.dark(i, j);
  const seen = sighting(px, h, k);
  const follow = (start: number, row: number, dir: 1 | -1, limit: number): number => {
    let reached = start;
    for (let i = start + dir; dir < 0 ? i >= limit : i < limit; i += dir) {
      if (Math.abs(i - reached) > step) break;
      const r = Math.round(row + ends.slope * (i - start));
      let open = true;
      let sighted = false;
      for (let j = r - COURSE_PX; j <= r + COURSE_PX; j++) {
        if (!paper(i, j)) open = false;
        if (seen(i, j)) sighted = true;
      }
      if (open) break;
      if (sighted) reached = i;
    }
    return reached;
  };
  return {
    from: follow(ends.first, ends.firstRow, -1, i0),
    to: follow(ends.last, ends.lastRow, 1, i1) + 1,
  };
};
