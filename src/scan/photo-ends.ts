/**
 * Where a strike that starts late or ends early goes on under the first or last word, on a phone photo of few pixels
 * a point, seen against the blank form blurred as the photo is (photo-blank-model.ts). Below PHOTO.lowPxPerPt the
 * letters' blurred edges fill their gaps, and a thin line under them shows no pixel clear of the widened print
 * (strike-ends.ts finds nothing to follow); but the letters' blur is known, and what the row holds darker than the
 * blurred blank is ink the form does not print. A pen line leaves a ridge of it along its course — darker than the
 * residual 1.5 pt above and below — over the counters and gaps it crosses and over the letters' thin bars; the
 * letters' misfit (a fraction of a pixel off) leaves upright slivers, as dark above the course as on it.
 * Followed from the line's visible end along its course while such a ridge shows, in two columns running, at most
 * STEP_PT apart, and no further than a column where the blurred blank prints nothing on the course and the row holds
 * nothing there either (the space between two words: a strike through all but the family name starts there). What it
 * credits is the columns up to the last column where the ridge was seen: a lower bound of the word the line crosses.
 * Bench photos 920,002 c010, 920,042 c012, 920,072 c010 (late starts, 1.09–1.83 px/pt: 0–3 % of the first word seen by
 * strike-ends.ts) are followed over 59–80 % of it. Followed so from the space beside the first or last word of names
 * with nothing drawn (scratch photos 982,000–982,119, 1080p, 3 and 8 MP below 2.5 px/pt: 26,712 follows, the line's
 * end put 0.5 pt from the word and 1.5 pt above to 1.5 pt below the letters' middle), the noise carries at most 0.27 of
 * the word (the bar of "ê" in "Lê"), where STRIKE.endWord asks 0.5; one column alone instead of two carried 0.38.
 */
import { FORM_PER_POINT } from './form.ts';
import { GAP_MODEL, modelAt, residualAt, type BlankFit } from './photo-blank-model.ts';
import type { RowSample } from './row-sample.ts';
import type { LineEnds } from './strike-ends.ts';

/** Followed on from one sighting to the next at most this far (points). */
const STEP_PT = 4;
/** The course is looked at this many pixels above and below (a hand wavers). */
const COURSE_PX = 1;
/** The residual beside the course is taken this far above and below it (points). */
const BESIDE_PT = 1.5;
/**
 * A sighting: the residual on the course (smoothed 1-2-1 upright) at least this dark (grey levels, paper 255)… A thin
 * ballpoint pressed lightly shows 30–36 over the letters' gaps on a sharp 1080p photo (920,042 c012), 40–78 elsewhere.
 */
const SEEN_LEVEL = 30;
/** …and this much darker than beside it, above and below. */
const RIDGE = 25;
/** Open paper on the course: the blurred blank prints nothing there, and the row holds less than this residual. */
const OPEN_LEVEL = 15;

/** The residual at (i, j) smoothed 1-2-1 upright. */
const smoothed = (fit: BlankFit, sample: RowSample, i: number, j: number): number => {
  const { s } = sample;
  const w = s.width;
  if (j < 1 || j >= s.height - 1) return 0;
  return (residualAt(fit, s, (j - 1) * w + i) + 2 * residualAt(fit, s, j * w + i) + residualAt(fit, s, (j + 1) * w + i)) / 4;
};

interface EndLook {
  /** The line is seen at this column, its row there (or -1). */
  readonly seenAt: number;
  /** The course here is open paper: no line passes. */
  readonly open: boolean;
}

/** What the column `i` shows of a line whose course passes at row `r`. */
const lookAt = (fit: BlankFit, sample: RowSample, i: number, r: number): EndLook => {
  const { s } = sample;
  const w = s.width;
  const h = s.height;
  const beside = Math.round(BESIDE_PT * FORM_PER_POINT);
  let best = -Infinity;
  let row = -1;
  let open = true;
  for (let j = r - COURSE_PX; j <= r + COURSE_PX; j++) {
    if (j < 1 || j >= h - 1) { open = false; continue; }
    const v = smoothed(fit, sample, i, j);
    if (v > best) { best = v; row = j; }
    if (modelAt(fit, j * w + i) < GAP_MODEL || v >= OPEN_LEVEL) open = false;
  }
  if (row < 0 || best < SEEN_LEVEL) return { seenAt: -1, open };
  const side = Math.max(smoothed(fit, sample, i, row - beside), smoothed(fit, sample, i, row + beside));
  return { seenAt: best - side >= RIDGE ? row : -1, open };
};

/**
 * The columns [from, to) the line reaches into the name when followed from `from` leftwards and from `to` rightwards
 * (exclusive) along its course off the blurred blank, within [i0, i1).
 */
export const followedOffBlank = (fit: BlankFit, sample: RowSample, ends: LineEnds, from: number, to: number, i0: number, i1: number): { readonly from: number; readonly to: number } => {
  const step = STEP_PT * FORM_PER_POINT;
  const follow = (start: number, row: number, dir: 1 | -1, limit: number): number => {
    let reached = start;
    let at = row;
    let atCol = start;
    // The row the line was seen at in the column before (-1: not seen there): a sighting counts in two columns running.
    let before = -1;
    for (let i = start + dir; dir < 0 ? i >= limit : i < limit; i += dir) {
      if (Math.abs(i - reached) > step) break;
      const look = lookAt(fit, sample, i, Math.round(at + ends.slope * (i - atCol)));
      if (look.open) break;
      if (look.seenAt >= 0 && before >= 0 && Math.abs(look.seenAt - before) <= COURSE_PX) {
        at = look.seenAt;
        atCol = i;
        reached = i;
      }
      before = look.seenAt;
    }
    return reached;
  };
  return {
    from: follow(from, ends.firstRow + ends.slope * (from - ends.first), -1, i0),
    to: follow(to - 1, ends.lastRow + ends.slope * (to - 1 - ends.last), 1, i1) + 1,
  };
};
