/**
 * The one line across a row that runs through the most pen ink: a path with one height per column, moving at most
 * two pixels up or down from one column to the next (a slanted or wavy stroke), found by dynamic programming.
 * Pen ink scores, paper costs, printed letters are neutral (a stroke passes under them unseen).
 */
import { scratch } from './scratch.ts';

/** What a pixel is, for the path. */
export const PEN = 1;
export const HIDDEN = 2;
export const PAPER = 0;

const SCORE = [-0.5, 1, 0] as const;
const STEP_COST = 0.12;
const MAX_STEP = 2;
/** The cost of a step of 0, 1 and 2 rows. */
const COST = [0, STEP_COST, STEP_COST * 2] as const;

/** Kept from one path to the next: every element used is written first (`from` of column 0 is read, never used). */
const scores = scratch((n) => new Float32Array(n), false);
const nextScores = scratch((n) => new Float32Array(n), false);
const steps = scratch((n) => new Int8Array(n), false);

/**
 * `cls` is w × h (rows top to bottom) of PEN / HIDDEN / PAPER; the path stays within rows lo–hi. Returns the row
 * of the path in each column.
 */
export const followLine = (cls: Uint8Array, w: number, h: number, lo: number, hi: number): Int16Array => {
  const n = hi - lo + 1;
  let prev = scores(n);
  let next = nextScores(n);
  const from = steps(w * n);
  for (let j = 0; j < n; j++) prev[j] = SCORE[cls[(lo + j) * w] as 0 | 1 | 2];
  for (let i = 1; i < w; i++) {
    const at = i * n;
    for (let j = 0; j < n; j++) {
      // The steps -MAX_STEP…MAX_STEP in order, the first best kept (as a loop over them would).
      let best = -Infinity;
      let step = 0;
      if (j >= MAX_STEP && j < n - MAX_STEP) {
        const m2 = prev[j - 2]! - COST[2];
        const m1 = prev[j - 1]! - COST[1];
        const z = prev[j]! - COST[0];
        const p1 = prev[j + 1]! - COST[1];
        const p2 = prev[j + 2]! - COST[2];
        best = m2; step = -2;
        if (m1 > best) { best = m1; step = -1; }
        if (z > best) { best = z; step = 0; }
        if (p1 > best) { best = p1; step = 1; }
        if (p2 > best) { best = p2; step = 2; }
      } else {
        for (let d = -MAX_STEP; d <= MAX_STEP; d++) {
          const q = j + d;
          if (q < 0 || q >= n) continue;
          const v = prev[q]! - COST[d < 0 ? -d : d]!;
          if (v > best) { best = v; step = d; }
        }
      }
      next[j] = best + SCORE[cls[(lo + j) * w + i] as 0 | 1 | 2];
      from[at + j] = step;
    }
    [prev, next] = [next, prev];
  }
  let end = 0;
  for (let j = 1; j < n; j++) if (prev[j]! > prev[end]!) end = j;
  const path = new Int16Array(w);
  for (let i = w - 1, j = end; i >= 0; i--) {
    path[i] = lo + j;
    j += from[i * n + j]!;
  }
  return path;
};
