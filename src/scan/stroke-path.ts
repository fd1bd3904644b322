/**
 * The one line across a row that runs through the most pen ink: a path with one height per column, moving at most
 * two pixels up or down from one column to the next (a slanted or wavy stroke), found by dynamic programming.
 * Pen ink scores, paper costs, printed letters are neutral (a stroke passes under them unseen).
 */

/** What a pixel is, for the path. */
export const PEN = 1;
export const HIDDEN = 2;
export const PAPER = 0;

const SCORE = [-0.5, 1, 0] as const;
const STEP_COST = 0.12;
const MAX_STEP = 2;

/**
 * `cls` is w × h (rows top to bottom) of PEN / HIDDEN / PAPER; the path stays within rows lo–hi. Returns the row
 * of the path in each column.
 */
export const followLine = (cls: Uint8Array, w: number, h: number, lo: number, hi: number): Int16Array => {
  const n = hi - lo + 1;
  let prev = new Float32Array(n);
  let next = new Float32Array(n);
  const from = new Int8Array(w * n);
  for (let j = 0; j < n; j++) prev[j] = SCORE[cls[(lo + j) * w] as 0 | 1 | 2];
  for (let i = 1; i < w; i++) {
    for (let j = 0; j < n; j++) {
      let best = -Infinity;
      let step = 0;
      for (let d = -MAX_STEP; d <= MAX_STEP; d++) {
        const q = j + d;
        if (q < 0 || q >= n) continue;
        const v = prev[q]! - STEP_COST * Math.abs(d);
        if (v > best) { best = v; step = d; }
      }
      next[j] = best + SCORE[cls[(lo + j) * w + i] as 0 | 1 | 2];
      from[i * n + j] = step;
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
