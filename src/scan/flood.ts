/**
 * One 8-connected piece of a w × h grid, filled depth first from `start` (already inside): every pixel where `inside`
 * holds and not yet `seen` is marked seen and given to `visit` once, `start` first.
 */
import { scratch } from './scratch.ts';

/**
 * The pixels waiting, kept from one piece to the next rather than a JS array grown by push for each. A pixel is
 * pushed once at most (seen when pushed), so w × h places are enough.
 */
const waiting = scratch((n) => new Int32Array(n), false);

export const floodPiece = (
  w: number, h: number, start: number, seen: Uint8Array, inside: (q: number) => boolean, visit: (x: number, y: number, q: number) => void,
): void => {
  const stack = waiting(w * h);
  let top = 0;
  stack[top++] = start;
  seen[start] = 1;
  while (top > 0) {
    const p = stack[--top]!;
    const x = p % w;
    const y = (p - x) / w;
    visit(x, y, p);
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
        const q = ny * w + nx;
        if (seen[q] === 0 && inside(q)) { seen[q] = 1; stack[top++] = q; }
      }
    }
  }
};

/** A piece's box: its least and greatest column and row. */
export interface PieceBox { readonly x0: number; readonly x1: number; readonly y0: number; readonly y1: number }

/**
 * floodPiece, and the box of the piece filled; `visit`, if given, sees each pixel too. Its callers' loops keep no
 * variables of their own for a closure to capture: V8 would allocate them anew at every pixel the loop passes (a
 * block context per iteration, ~250 KB a row on a 200 dpi ballot), where a piece starts at a few.
 */
export const pieceBox = (
  w: number, h: number, start: number, seen: Uint8Array, inside: (q: number) => boolean, visit?: (x: number, y: number, q: number) => void,
): PieceBox => {
  let x0 = w, x1 = -1, y0 = h, y1 = -1;
  floodPiece(w, h, start, seen, inside, (x, y, q) => {
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
    visit?.(x, y, q);
  });
  return { x0, x1, y0, y1 };
};
