/**
 * Math.floor and Math.round of a pixel coordinate as a small integer. Both give the very values of Math.floor and
 * Math.round wherever they are defined; in the readers' innermost loops V8 keeps their result an integer (an index),
 * where Math.floor's or Math.round's result, a double that may be −0, made those loops slower: samplePage 3–4 times
 * (sample.ts), the seal's vote 2.5 times (seal.ts), the ink outside the rows a little (sheet.ts).
 */

/** Math.floor(v) for 0 ≤ v < 2³¹. */
export const floorOf = (v: number): number => v | 0;

/**
 * Math.round(v) for −0.5 ≤ v < 2³¹ − 1 (−0.5 gives 0, where Math.round gives −0: the same index). v + 0.5 may round up
 * to the next integer (v = 0.49999999999999994): then v is below that integer less a half, and one is taken off.
 */
export const roundOf = (v: number): number => {
  const r = (v + 0.5) | 0;
  return v < r - 0.5 ? r - 1 : r;
};
