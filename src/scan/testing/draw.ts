/** Drawing pen strokes on a grey page, as people do, for the test set: polylines with a round pen, discs. */
import type { GreyImage } from '../image.ts';
import type { Point } from '../transform.ts';

/** Deterministic pseudo-random numbers (mulberry32): every generated ballot is reproducible from its seed. */
export const rng = (seed: number): (() => number) => {
  let a = Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export const between = (r: () => number, lo: number, hi: number): number => lo + (hi - lo) * r();

/** One segment of a round pen of diameter `width` pixels and grey `ink`, anti-aliased over one pixel. */
const segment = (img: GreyImage, a: Point, b: Point, width: number, ink: number): void => {
  const half = width / 2;
  const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - half - 1));
  const x1 = Math.min(img.width - 1, Math.ceil(Math.max(a.x, b.x) + half + 1));
  const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - half - 1));
  const y1 = Math.min(img.height - 1, Math.ceil(Math.max(a.y, b.y) + half + 1));
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy || 1e-9;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5 - a.x;
      const py = y + 0.5 - a.y;
      const t = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
      const d = Math.hypot(px - t * dx, py - t * dy);
      const cover = Math.max(0, Math.min(1, half + 0.5 - d));
      if (cover <= 0) continue;
      const k = y * img.width + x;
      const v = img.data[k]! * (1 - cover) + ink * cover;
      if (v < img.data[k]!) img.data[k] = v;
    }
  }
};

export const polyline = (img: GreyImage, pts: readonly Point[], width: number, ink: number): void => {
  for (let i = 1; i < pts.length; i++) segment(img, pts[i - 1]!, pts[i]!, width, ink);
  if (pts.length === 1) segment(img, pts[0]!, pts[0]!, width, ink);
};
