/**
 * A clean page as a scanner returns it: placed on the scanner bed rotated (±5°, or upside down), slightly
 * scaled and shifted, blurred, with noise, a shadow across it and JPEG compression.
 */
import sharp from 'sharp';
import { greyImage, type GreyImage } from '../image.ts';
import { between } from './draw.ts';

export interface Degradation {
  readonly degrees: number;
  readonly upsideDown: boolean;
  readonly scale: number;
  /** Shift of the paper on the bed, in pixels. */
  readonly dx: number;
  readonly dy: number;
  /** Bed margin around the paper, in pixels (a flatbed scans more than the paper). */
  readonly margin: number;
  readonly blur: boolean;
  /** Noise amplitude, grey levels. */
  readonly noise: number;
  /** Darkening at the shadowed edge, 0–1. */
  readonly shadow: number;
  /** JPEG quality, or null for none. */
  readonly jpeg: number | null;
}

export const randomDegradation = (r: () => number, perPoint: number, strength: 'none' | 'normal'): Degradation =>
  strength === 'none'
    ? { degrees: 0, upsideDown: false, scale: 1, dx: 0, dy: 0, margin: Math.round(30 * perPoint), blur: false, noise: 0, shadow: 0, jpeg: null }
    : {
      degrees: between(r, -5, 5), upsideDown: r() < 0.15, scale: between(r, 0.97, 1.03),
      dx: between(r, -8, 8) * perPoint, dy: between(r, -8, 8) * perPoint, margin: Math.round(45 * perPoint),
      blur: r() < 0.5, noise: between(r, 0, 14), shadow: r() < 0.5 ? between(r, 0.05, 0.25) : 0,
      jpeg: r() < 0.3 ? Math.round(between(r, 55, 85)) : null,
    };

/** Rotates, scales, shifts the paper onto a white bed (bilinear). */
const place = (src: GreyImage, d: Degradation): GreyImage => {
  const out = greyImage(src.width + 2 * d.margin, src.height + 2 * d.margin, 250);
  const rad = ((d.degrees + (d.upsideDown ? 180 : 0)) * Math.PI) / 180;
  const cos = Math.cos(rad) / d.scale;
  const sin = Math.sin(rad) / d.scale;
  const pcx = src.width / 2;
  const pcy = src.height / 2;
  const ocx = out.width / 2 + d.dx;
  const ocy = out.height / 2 + d.dy;
  const W = src.width;
  for (let v = 0; v < out.height; v++) {
    for (let u = 0; u < out.width; u++) {
      const ux = u + 0.5 - ocx;
      const vy = v + 0.5 - ocy;
      const x = pcx + cos * ux + sin * vy - 0.5;
      const y = pcy - sin * ux + cos * vy - 0.5;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      if (x0 < 0 || y0 < 0 || x0 >= W - 1 || y0 >= src.height - 1) continue;
      const fx = x - x0;
      const fy = y - y0;
      const k = y0 * W + x0;
      const a = src.data[k]! + (src.data[k + 1]! - src.data[k]!) * fx;
      const b = src.data[k + W]! + (src.data[k + W + 1]! - src.data[k + W]!) * fx;
      out.data[v * out.width + u] = a + (b - a) * fy + 0.5;
    }
  }
  return out;
};

/** 3×3 box blur, in place through a copy. */
const blur3 = (img: GreyImage): void => {
  const { width: w, height: h } = img;
  const src = Uint8Array.from(img.data);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const k = y * w + x;
      img.data[k] = (src[k - w - 1]! + src[k - w]! + src[k - w + 1]! + src[k - 1]! + src[k]! + src[k + 1]! + src[k + w - 1]! + src[k + w]! + src[k + w + 1]!) / 9;
    }
  }
};

export const degrade = async (clean: GreyImage, d: Degradation, r: () => number): Promise<GreyImage> => {
  const img = place(clean, d);
  if (d.blur) blur3(img);
  if (d.noise > 0 || d.shadow > 0) {
    const table = new Float32Array(4096).map(() => (r() + r() + r() - 1.5) * d.noise);
    const horizontal = r() < 0.5;
    const { width: w, height: h } = img;
    let n = Math.floor(r() * 4096);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const k = y * w + x;
        const shade = 1 - d.shadow * (horizontal ? x / w : y / h);
        n = (n + 1103) & 4095;
        img.data[k] = Math.max(0, Math.min(255, img.data[k]! * shade + table[n]!));
      }
    }
  }
  if (d.jpeg === null) return img;
  const jpeg = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } }).jpeg({ quality: d.jpeg }).toBuffer();
  const { data, info } = await sharp(jpeg).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
};
