/** Resampling a box of the page (in points) out of a scan, through the registration map, upright. */
import type { Box } from '../documents/ballot-layout.ts';
import { greyImage, shrinkByMean, type GreyImage } from './image.ts';
import { floorOf } from './pixel-index.ts';
import type { Affine } from './transform.ts';

/** The size in pixels of the page box `b` sampled at `perPoint` pixels per point (samplePage's result). */
export const sampledSize = (b: Box, perPoint: number): { width: number; height: number } =>
  ({ width: Math.max(1, Math.round(b.width * perPoint)), height: Math.max(1, Math.round(b.height * perPoint)) });

/**
 * The page box `b` at `perPoint` pixels per point, bilinear; outside the scan reads as white paper.
 * `darkest` takes the darkest of the four pixels around instead: a thin stroke keeps its ink when the scan's
 * resolution is higher than `perPoint`.
 * Pixel (i, j) of the result is the page point (b.x + (i + 0.5) / perPoint, b.y + (j + 0.5) / perPoint).
 */
export const samplePage = (img: GreyImage, t: Affine, b: Box, perPoint: number, darkest = false): GreyImage => {
  const { width: w, height: h } = sampledSize(b, perPoint);
  const out = greyImage(w, h);
  sampleInto(img, t, b, perPoint, darkest, w, h, out.data, 0, w);
  return out;
};

/**
 * samplePage, each pixel the mean of `n` × `n` bilinear samples spread over it: a scan much sharper than `perPoint`
 * comes out as the blank form's letters are rendered (each pixel the ink over its area), not sharper than they are.
 */
export const samplePageAveraged = (img: GreyImage, t: Affine, b: Box, perPoint: number, n: number): GreyImage => {
  const { width: w, height: h } = sampledSize(b, perPoint);
  const fine = greyImage(w * n, h * n);
  sampleInto(img, t, b, perPoint * n, false, w * n, h * n, fine.data, 0, w * n);
  return shrinkByMean(fine, n);
};

/** Where sampled pixels go: row j of the box starts at data[at + j · stride]. */
export interface SampleTarget {
  readonly data: Uint8Array;
  readonly at: number;
  readonly stride: number;
}

/**
 * samplePage's pixels written into `into` (bilinear: review images sampled straight into the image the board sees);
 * the pixels outside the scan are left as they are (white in a fresh image).
 */
export const samplePageInto = (img: GreyImage, t: Affine, b: Box, perPoint: number, into: SampleTarget): void => {
  const { width: w, height: h } = sampledSize(b, perPoint);
  sampleInto(img, t, b, perPoint, false, w, h, into.data, into.at, into.stride);
};

/** The w × h pixels of the box into o, row j from o[at + j · stride]. */
const sampleInto = (
  img: GreyImage, t: Affine, b: Box, perPoint: number, darkest: boolean, w: number, h: number, o: Uint8Array, at: number, stride: number,
): void => {
  const step = 1 / perPoint;
  const { width: W, height: H, data } = img;
  // Within the scan: Math.floor of each from 0, under the width (height) less one.
  const xEnd = W - 1;
  const yEnd = H - 1;
  const dx = t.a * step;
  const dy = t.d * step;
  for (let j = 0; j < h; j++) {
    const py = b.y + (j + 0.5) * step;
    let sx = t.a * (b.x + 0.5 * step) + t.b * py + t.c - 0.5;
    let sy = t.d * (b.x + 0.5 * step) + t.e * py + t.f - 0.5;
    const row = at + j * stride;
    // Two loops, not a test per pixel: the bilinear one is most of the reader's sampling.
    if (darkest) {
      for (let i = 0; i < w; i++, sx += dx, sy += dy) {
        if (!(sx >= 0 && sy >= 0 && sx < xEnd && sy < yEnd)) continue;
        const k = floorOf(sy) * W + floorOf(sx);
        // Two by two: Math.min of four arguments cost 10 ns a pixel here, this 8 (the bilinear loop 4).
        const top = Math.min(data[k]!, data[k + 1]!);
        const bottom = Math.min(data[k + W]!, data[k + W + 1]!);
        o[row + i] = top < bottom ? top : bottom;
      }
      continue;
    }
    for (let i = 0; i < w; i++, sx += dx, sy += dy) {
      if (!(sx >= 0 && sy >= 0 && sx < xEnd && sy < yEnd)) continue;
      const x0 = floorOf(sx);
      const y0 = floorOf(sy);
      const k = y0 * W + x0;
      const fx = sx - x0;
      const fy = sy - y0;
      const topLeft = data[k]!;
      const bottomLeft = data[k + W]!;
      const top = topLeft + (data[k + 1]! - topLeft) * fx;
      const bottom = bottomLeft + (data[k + W + 1]! - bottomLeft) * fx;
      o[row + i] = top + (bottom - top) * fy + 0.5;
    }
  }
};
