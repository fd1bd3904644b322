/**
 * One 8-connected piece of a w × h grid, filled depth first from `start` (already inside): every pixel where `inside`
 * holds and not yet `seen` is marked seen and given to `visit` once, `start` first.
 */
export const floodPiece = (
  w: number, h: number, start: number, seen: Uint8Array, inside: (q: number) => boolean, visit: (x: number, y: number, q: number) => void,
): void => {
  const stack = [start];
  seen[start] = 1;
  while (stack.length > 0) {
    const p = stack.pop()!;
    const x = p % w;
    const y = (p - x) / w;
    visit(x, y, p);
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
        const q = ny * w + nx;
        if (seen[q] === 0 && inside(q)) { seen[q] = 1; stack.push(q); }
      }
    }
  }
};
