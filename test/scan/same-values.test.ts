/**
 * The readers' faster paths give the very values of the plain ones they replaced: integer floor and round of a pixel
 * coordinate, the shift search of align-row.ts that leaves a shift once it costs more than the best so far, and a
 * piece's box measured by flood.ts's pieceBox, samplePage's two loops.
 */
import { describe, expect, it } from 'vitest';
import { shiftCosts } from '../../src/scan/align-row.ts';
import { floodPiece, pieceBox } from '../../src/scan/flood.ts';
import { floorOf, roundOf } from '../../src/scan/pixel-index.ts';
import { samplePage } from '../../src/scan/sample.ts';

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

describe('pieceBox', () => {
  it('is the box of every pixel floodPiece visits, in the same order, with the same pixels seen', () => {
    let seed = 11;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 40; trial++) {
      const w = 5 + Math.floor(rand() * 30);
      const h = 3 + Math.floor(rand() * 20);
      const grid = Uint8Array.from({ length: w * h }, () => (rand() < 0.45 ? 1 : 0));
      const inside = (q: number): boolean => grid[q] === 1;
      const seenA = new Uint8Array(w * h);
      const seenB = new Uint8Array(w * h);
      for (let start = 0; start < w * h; start++) {
        if (grid[start] !== 1 || seenA[start] === 1) continue;
        const visited: number[] = [];
        floodPiece(w, h, start, seenA, inside, (_x, _y, q) => visited.push(q));
        const again: number[] = [];
        const box = pieceBox(w, h, start, seenB, inside, (_x, _y, q) => again.push(q));
        expect(again).toEqual(visited);
        const xs = visited.map((q) => q % w);
        const ys = visited.map((q) => Math.floor(q / w));
        expect(box).toEqual({ x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) });
      }
      expect(seenB).toEqual(seenA);
    }
  });
});

describe('samplePage', () => {
  /** The one loop it was: a test per pixel for the darkest of four, Math.floor, greys read as needed. */
  const plain = (img: { width: number; height: number; data: Uint8Array }, t: { a: number; b: number; c: number; d: number; e: number; f: number },
    b: { x: number; y: number; width: number; height: number }, perPoint: number, darkest: boolean): Uint8Array => {
    const w = Math.max(1, Math.round(b.width * perPoint));
    const h = Math.max(1, Math.round(b.height * perPoint));
    const o = new Uint8Array(w * h).fill(255);
    const step = 1 / perPoint;
    const { width: W, height: H, data } = img;
    for (let j = 0; j < h; j++) {
      const py = b.y + (j + 0.5) * step;
      let sx = t.a * (b.x + 0.5 * step) + t.b * py + t.c - 0.5;
      let sy = t.d * (b.x + 0.5 * step) + t.e * py + t.f - 0.5;
      for (let i = 0; i < w; i++, sx += t.a * step, sy += t.d * step) {
        if (!(sx >= 0 && sy >= 0 && sx < W - 1 && sy < H - 1)) continue;
        const x0 = Math.floor(sx);
        const y0 = Math.floor(sy);
        const k = y0 * W + x0;
        if (darkest) { o[j * w + i] = Math.min(data[k]!, data[k + 1]!, data[k + W]!, data[k + W + 1]!); continue; }
        const top = data[k]! + (data[k + 1]! - data[k]!) * (sx - x0);
        const bottom = data[k + W]! + (data[k + W + 1]! - data[k + W]!) * (sx - x0);
        o[j * w + i] = top + (bottom - top) * (sy - y0) + 0.5;
      }
    }
    return o;
  };

  it('gives the very greys of the plain loop, bilinear and darkest, turned and scaled, over the scan\'s edges', () => {
    let seed = 17;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const img = { width: 120, height: 90, data: Uint8Array.from({ length: 120 * 90 }, () => Math.floor(rand() * 256)) };
    for (let trial = 0; trial < 60; trial++) {
      const turn = (rand() - 0.5) * 0.2;
      const scale = 1 + rand() * 3;
      const t = { a: scale * Math.cos(turn), b: -scale * Math.sin(turn), c: rand() * 20 - 10, d: scale * Math.sin(turn), e: scale * Math.cos(turn), f: rand() * 20 - 10 };
      const box = { x: rand() * 30 - 5, y: rand() * 25 - 5, width: 5 + rand() * 30, height: 3 + rand() * 20 };
      const perPoint = 0.5 + rand() * 3;
      for (const darkest of [false, true]) expect(samplePage(img, t, box, perPoint, darkest).data).toEqual(plain(img, t, box, perPoint, darkest));
    }
  });
});
