/**
 * A light pencil line drawn steeply across the name. pencil-strike.ts follows light ink only along lines up to its
 * MAX_SLOPE (0.06 pixels per pixel); a steeper pencil line through the name, lighter than the faint level, leaves the
 * row reader nothing — no pen ink, hardly any faint ink — and the name was read kept (test/scan/variety.test.ts's
 * pencil plan, 150 dpi seed 9,901 c002: a steep slant through "Trần Thị Dũng", slope about 0.2). Here the straight
 * lines steeper than that course's are tried, through the letters' middle at the name's middle column, each scored by
 * the name's columns with light ink on it (a vote of the light pixels off the print, so that only the best line is
 * walked), and the best one measured as pencil-strike.ts measures its course: its longest stretch of light ink with no
 * gap over PART_GAP_PT, how full of light ink, with paper above and below it, darker than that paper.
 */
import type { Box } from '../documents/ballot-layout.ts';
import type { RowGuide } from './form.ts';
import type { GreyImage } from './image.ts';
import { LIGHT_LEVEL } from './light-band.ts';
import { CORE_PT, PART_GAP_PT } from './pencil-strike.ts';
import { scratch } from './scratch.ts';

/** Paper this far (points) above and below the line. */
const CLEAR_PT = 1.5;
/**
 * Slopes tried (pixels per pixel, both signs): from pencil-strike.ts's MAX_SLOPE on, to more than the steepest strike
 * a voter draws across a row (the generator's steep slant: 8–16 pt over the line's length, at least 60 pt: 0.27).
 */
const LEAST_SLOPE = 0.07;
const MOST_SLOPE = 0.32;
const SLOPE_STEP = 0.01;
const SLOPES = Array.from({ length: Math.round((MOST_SLOPE - LEAST_SLOPE) / SLOPE_STEP) + 1 }, (_, n) => LEAST_SLOPE + n * SLOPE_STEP)
  .flatMap((m) => [m, -m]);

export interface SteepLine {
  /** The longest stretch (points, first light ink to last, within the name's columns) with no gap over PART_GAP_PT. */
  readonly runPt: number;
  /** Share of that stretch's open columns with light ink on the line. */
  readonly fill: number;
  /** Share of its light-ink columns with paper CLEAR_PT above and below the line. */
  readonly clear: number;
  /** Median over them of how much darker (a share of the paper) the line is than the darker of the pixels CLEAR_PT above and below. */
  readonly contrast: number;
  /** Median grey of the darkest pixel on the line in those columns, as a share of the paper. */
  readonly grey: number;
  readonly slope: number;
}

const NONE: SteepLine = { runPt: 0, fill: 0, clear: 0, contrast: 0, grey: 1, slope: 0 };

/** Votes per (slope, row at the name's middle column), and the last column that voted for each. */
const votesOf = scratch((n) => new Int32Array(n), false);
const lastOf = scratch((n) => new Int32Array(n), false);

/** The steep straight line with light ink in the most of the name's columns [i0, i1), measured (SteepLine). */
export const steepLine = (
  s: GreyImage, paper: number, printedAt: (i: number, j: number) => boolean, k: number, area: Box, g: RowGuide, i0: number, i1: number,
): SteepLine => {
  const w = s.width, h = s.height;
  const top = Math.max(1, Math.round((g.bandTop + CORE_PT.top - area.y) * k));
  const foot = Math.min(h - 1, Math.round((g.baseline - CORE_PT.foot - area.y) * k));
  if (foot <= top || i1 <= i0) return NONE;
  const xc = (i0 + i1) / 2;
  const light = (q: number): boolean => s.data[q]! < paper * LIGHT_LEVEL;
  // Each light pixel off the print votes for the line through it at each slope (its row at xc, top..foot), once a
  // column; a line's score is the votes of its row and the rows a pixel above and below (a pencil is 2–4 pixels tall).
  const bins = foot - top + 1;
  const votes = votesOf(SLOPES.length * bins);
  const last = lastOf(SLOPES.length * bins);
  votes.fill(0);
  last.fill(-1);
  for (let i = i0; i < i1; i++) {
    const x = i - xc;
    for (let j = 1; j < h - 1; j++) {
      if (!light(j * w + i) || printedAt(i, j)) continue;
      for (let m = 0; m < SLOPES.length; m++) {
        const b = Math.round(j - SLOPES[m]! * x) - top;
        if (b < 0 || b >= bins) continue;
        const at = m * bins + b;
        if (last[at] !== i) { last[at] = i; votes[at] = votes[at]! + 1; }
      }
    }
  }
  let best = -1, bestVotes = 0;
  for (let m = 0; m < SLOPES.length; m++) {
    for (let b = 0; b < bins; b++) {
      const at = m * bins + b;
      const score = votes[at]! + (b > 0 ? votes[at - 1]! : 0) + (b + 1 < bins ? votes[at + 1]! : 0);
      if (score > bestVotes) { bestVotes = score; best = at; }
    }
  }
  if (best < 0) return NONE;
  const slope = SLOPES[Math.floor(best / bins)]!;
  const y = top + (best % bins);
  const d = Math.round(CLEAR_PT * k);
  const lightAt = (j: number, i: number): boolean => j >= 0 && j < h && light(j * w + i) && !printedAt(i, j);
  let runPt = 0, fill = 0, clearShare = 0, runStart = 0, runEnd = 0;
  let from = -1, to = -1, opened = 0, hits = 0, clears = 0, skipped = 0, stretchStart = 0;
  const contrasts: number[] = [];
  const greys: number[] = [];
  for (let i = i0; i < i1; i++) {
    const j = Math.round(y + slope * (i - xc));
    if (j < 1 || j >= h - 1 || printedAt(i, j)) continue;
    if (from >= 0) opened++;
    if (!(lightAt(j - 1, i) || lightAt(j, i) || lightAt(j + 1, i))) { if (from >= 0) skipped++; continue; }
    if (from < 0 || skipped > PART_GAP_PT * k) { from = i; opened = 1; hits = 0; clears = 0; stretchStart = contrasts.length; }
    skipped = 0;
    to = i;
    hits++;
    const on = Math.min(s.data[(j - 1) * w + i]!, s.data[j * w + i]!, s.data[(j + 1) * w + i]!);
    const beside = [j - d, j + d].filter((b) => b >= 0 && b < h && !printedAt(i, b));
    if (beside.every((b) => !light(b * w + i))) clears++;
    contrasts.push(beside.length > 0 ? (Math.min(...beside.map((b) => s.data[b * w + i]!)) - on) / paper : 0);
    greys.push(on / paper);
    if ((to - from) / k > runPt) {
      runPt = (to - from) / k; fill = hits / opened; clearShare = clears / hits; runStart = stretchStart; runEnd = contrasts.length;
    }
  }
  const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return {
    runPt, fill, clear: clearShare, slope,
    contrast: median(contrasts.slice(runStart, runEnd)), grey: runEnd > runStart ? median(greys.slice(runStart, runEnd)) : 1,
  };
};

/**
 * A steep light line through the name (SteepLine): its stretch over at least `share` of the name's width, full of
 * light ink, with paper above and below it, darker than that paper, and a pencil's grey. Measured with a scratch probe
 * on rows about to be read kept (tuned on): pencil strikes drawn steeply through the whole name (every row of seeds
 * 9,900–9,919 such a strike, 150 dpi, the rows not struck by a pen line: 171) ran over 48–98 pt (0.6–1 of the name),
 * filled 0.91–1, clear 0.57–1, 0.12–0.24 darker than the paper, their darkest 0.72–0.85 of it; names with nothing
 * drawn or a mark that keeps them (stress 150,500–150,619, 200,500–200,619, 300,500–300,559; default mix 150 dpi
 * 1,000,001–1,000,120, 200 dpi 1–120, 300 dpi 2,000,001–2,000,060; variety 200 dpi 90,001–90,120, 150 dpi
 * 1,090,001–1,090,060: 7,602 rows) at most 0.32 of the name (bare "c004" rows at 150 dpi: the letters' blur along
 * their flat tops, at the least slope) — but for pen underlines drawn close, whose blurred edge runs along such a line
 * (0.6–0.67 of the paper, 0.24–0.39 darker than it): cleared as underlines before this is asked, never asked then.
 */
export const STEEP_PENCIL = { share: 0.6, fill: 0.8, clear: 0.5, contrast: 0.08, grey: 0.68 } as const;

/** A steep light line through most of the name `namePt` points wide (see above): the board looks. */
export const steepPencil = (l: SteepLine, namePt: number): boolean => {
  const p = STEEP_PENCIL;
  return l.runPt >= p.share * namePt && l.fill >= p.fill && l.clear >= p.clear && l.contrast >= p.contrast && l.grey >= p.grey;
};
