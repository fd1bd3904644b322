/** Connected dark blobs (8-neighbour) in a window of a page: the candidates for the registration marks. */
import type { GreyImage } from './image.ts';
import { scratch } from './scratch.ts';

export interface Blob {
  readonly area: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly cx: number;
  readonly cy: number;
  /** Touches the window's edge: possibly cut off, never a mark. */
  readonly clipped: boolean;
}

export interface Window {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The flood fill's buffers, kept from one window to the next up to SCRATCH_PX pixels (a scan's corner windows: four
 * per sheet, the same size): a sheet then allocates none. Larger windows (a big photo) get their own.
 */
const SCRATCH_PX = 1 << 21;
const seenOf = scratch((n) => new Uint8Array(n), true, SCRATCH_PX);
const stackOf = scratch((n) => new Int32Array(n), false, SCRATCH_PX);

/** Every blob of pixels darker than `level` inside the window, with at least `minArea` pixels. */
export const darkBlobs = (img: GreyImage, win: Window, level: number, minArea: number): Blob[] => {
  const { x: wx, y: wy, width: ww, height: wh } = win;
  const seen = seenOf(ww * wh);
  const stack = stackOf(ww * wh);
  const blobs: Blob[] = [];
  for (let j = 0; j < wh; j++) {
    for (let i = 0; i < ww; i++) {
      const start = j * ww + i;
      if (seen[start] === 1 || img.data[(wy + j) * img.width + wx + i]! >= level) continue;
      let top = 0;
      stack[top++] = start;
      seen[start] = 1;
      let area = 0, sx = 0, sy = 0, x0 = i, x1 = i, y0 = j, y1 = j;
      while (top > 0) {
        const p = stack[--top]!;
        const px = p % ww;
        const py = (p - px) / ww;
        area++; sx += px; sy += py;
        if (px < x0) x0 = px;
        if (px > x1) x1 = px;
        if (py < y0) y0 = py;
        if (py > y1) y1 = py;
        for (let dy = -1; dy <= 1; dy++) {
          const ny = py + dy;
          if (ny < 0 || ny >= wh) continue;
          for (let dx = -1; dx <= 1; dx++) {
            const nx = px + dx;
            if (nx < 0 || nx >= ww) continue;
            const q = ny * ww + nx;
            if (seen[q] === 1 || img.data[(wy + ny) * img.width + wx + nx]! >= level) continue;
            seen[q] = 1;
            stack[top++] = q;
          }
        }
      }
      if (area < minArea) continue;
      blobs.push({
        area, x0: wx + x0, y0: wy + y0, x1: wx + x1, y1: wy + y1, cx: wx + sx / area + 0.5, cy: wy + sy / area + 0.5,
        clipped: x0 === 0 || y0 === 0 || x1 === ww - 1 || y1 === wh - 1,
      });
    }
  }
  return blobs;
};

/**
 * One pass of a binary box filter of side `side` along rows (`horizontal`) or columns: erosion keeps a pixel whose whole
 * window is set, dilation sets one whose window holds any.
 */
const boxPass = (m: Uint8Array, w: number, h: number, side: number, horizontal: boolean, erode: boolean): Uint8Array => {
  const out = new Uint8Array(w * h);
  const [n, lines] = horizontal ? [w, h] : [h, w];
  const at = (line: number, i: number): number => (horizontal ? line * w + i : i * w + line);
  const lo = Math.floor((side - 1) / 2);
  for (let line = 0; line < lines; line++) {
    let count = 0;
    for (let i = -lo; i < n; i++) {
      const add = i + side - 1 - lo;
      if (add < n && m[at(line, add)] === 1) count++;
      const drop = i - lo - 1;
      if (drop >= 0 && m[at(line, drop)] === 1) count--;
      if (i >= 0) out[at(line, i)] = (erode ? count === side : count > 0) ? 1 : 0;
    }
  }
  return out;
};

/**
 * The dark pixels of `half` that a solid square of side `side` fits in (a morphological opening), as a black on
 * white image: a seal's ring, letters or a pen stroke touching a registration mark fall away from it.
 */
export const opened = (half: GreyImage, level: number, side: number): GreyImage => {
  const { width: w, height: h } = half;
  const dark = new Uint8Array(w * h);
  for (let i = 0; i < dark.length; i++) dark[i] = half.data[i]! < level ? 1 : 0;
  const eroded = boxPass(boxPass(dark, w, h, side, true, true), w, h, side, false, true);
  const m = boxPass(boxPass(eroded, w, h, side, true, false), w, h, side, false, false);
  const data = new Uint8Array(w * h);
  for (let i = 0; i < m.length; i++) data[i] = m[i] === 1 ? 0 : 255;
  return { width: w, height: h, data };
};
