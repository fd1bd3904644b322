/**
 * The readers' faster paths give the very values of the plain ones they replaced: integer floor and round of a pixel
 * coordinate, and the shift search of align-row.ts that leaves a shift once it costs more than the best so far.
 */
import { describe, expect, it } from 'vitest';
import { shiftCosts } from '../../src/scan/align-row.ts';
import { floorOf, roundOf } from '../../src/scan/pixel-index.ts';

/** Coordinates where floor and round change, and either side of them by the smallest step a double can take. */
const edges = (): number[] => {
  const out: number[] = [0, -0, 0.49999999999999994, 0.5, 0.5000000000000001, 2 ** 31 - 2.5];
  for (let n = 0; n < 3000; n += n < 40 ? 1 : 37) {
    for (const v of [n, n + 0.5, n + 0.25, n + 0.75]) out.push(v, v - v * Number.EPSILON, v + Math.max(v, 1) * Number.EPSILON, v - 2 * Number.EPSILON);
  }
  let seed = 5;
  for (let i = 0; i < 20_000; i++) out.push(((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 4000);
  return out;
};

describe('floorOf and roundOf', () => {
  it('are Math.floor from 0 and Math.round from −0.5 (an index: −0 and 0 alike)', () => {
    for (const v of edges().filter((x) => x >= 0)) expect(floorOf(v) === Math.floor(v)).toBe(true);
    for (const v of [-0.5, -0.49999999999999994, -0.25, ...edges()]) expect(roundOf(v) === Math.round(v)).toBe(true);
  });
});

describe('shiftCosts', () => {
  /** The plain search: every shift's cost in full, the first lowest in raster order. */
  const exhaustive = (blank: Uint8Array, at: Int32Array, sample: Uint8Array, scale: number, width: number, r: number): { best: number; costs: number[] } => {
    const side = 2 * r + 1;
    const costs: number[] = [];
    for (let dy = -r; dy <= r; dy++) {
      for (let dx = -r; dx <= r; dx++) {
        let sum = 0;
        for (let n = 0; n < at.length; n++) sum += Math.min(90, Math.abs(blank[n]! - sample[at[n]! + (r + dy) * width + r + dx]! * scale));
        costs.push(sum);
      }
    }
    const best = costs.indexOf(Math.min(...costs));
    expect(costs.length).toBe(side * side);
    return { best, costs };
  };

  it('finds the lowest shift of the exhaustive search, and any shift costed exactly, on prints moved every way', () => {
    let seed = 3;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 60; trial++) {
      const r = 1 + (trial % 3);
      const w = 40;
      const h = 12;
      const width = w + 2 * r;
      // A blank of random "letters", the sample the same letters moved by (mx, my), noisy, darker or lighter; on some
      // trials a flat blank on flat paper, where every shift costs the same (the first in raster order must win).
      const flat = trial % 10 === 0;
      const blank = new Uint8Array(w * h).map(() => (flat ? 200 : rand() < 0.3 ? 20 + 60 * rand() : 250));
      const mx = Math.floor(rand() * (2 * r + 1)) - r;
      const my = Math.floor(rand() * (2 * r + 1)) - r;
      const sample = new Uint8Array(width * (h + 2 * r)).fill(230);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w && !flat; x++) sample[(y + r + my) * width + x + r + mx] = Math.max(0, Math.min(255, blank[y * w + x]! * 0.9 + 30 * (rand() - 0.5)));
      }
      const at = Int32Array.from({ length: w * h }, (_, q) => Math.floor(q / w) * width + (q % w));
      const scale = 255 / (200 + 40 * rand());
      const plain = exhaustive(blank, at, sample, scale, width, r);
      const fast = shiftCosts(blank, at, sample, scale, width, r);
      expect(fast.best).toBe(plain.best);
      plain.costs.forEach((c, q) => expect(fast.exact(q)).toBe(c));
    }
  });
});
