/**
 * Phone photos of generated ballots, for test/scan/photo*.test.ts and bench/scan-photo.bench.ts: the marked page
 * (generate.ts, not degraded) laid on a table and photographed by a pinhole camera — tilted up to 25°, turned,
 * from a distance giving 1080p to 12 MP — under a light gradient and a soft shadow, slightly out of focus, with
 * sensor noise and JPEG compression. Every variation is named in the truth.
 */
import sharp from 'sharp';
import { MARK_INSET, MARK_SIZE } from '../../documents/ballot-layout.ts';
import { applyH, homographyFrom4, type Homography } from '../homography.ts';
import type { GreyImage } from '../image.ts';
import type { Point } from '../transform.ts';
import { between, rng } from './draw.ts';
import { generateBallot, type GenerateOptions, type GeneratedBallot, type Generator } from './generate.ts';

export const CAMERAS = {
  '1080p': { width: 1080, height: 1920 },
  '3MP': { width: 1536, height: 2048 },
  '8MP': { width: 2448, height: 3264 },
  '12MP': { width: 3024, height: 4032 },
} as const;
export type Camera = keyof typeof CAMERAS;

export interface PhotoVariation {
  readonly camera: Camera;
  /** The phone held sideways: the photo is landscape. */
  readonly landscape: boolean;
  /** Camera tilt off square-on, degrees, and the direction it leans (degrees round the page normal). */
  readonly tilt: number;
  readonly tiltAxis: number;
  /** The paper turned on the table, degrees (in the photo's plane). */
  readonly roll: number;
  /** The paper's share of the photo's short side (its long side's share when landscape). */
  readonly fill: number;
  /** Light falling off across the photo, 0–1, and a soft shadow's darkening, 0–1 (0: none). */
  readonly gradient: number;
  readonly shadow: number;
  /**
   * Gaussian blur sigma in photo pixels (0: none): focus, a hand's shake. libvips' blur (the default) leaves σ under
   * 0.56 undone and gives σ 0.6–1.0 an effective 0.58–0.74 (its mask cut at 0.2 of its peak); `gaussian` blurs by the
   * true Gaussian of σ instead.
   */
  readonly blur: number;
  readonly gaussian?: boolean;
  readonly noise: number;
  readonly jpeg: number;
  /** Shift the paper so a corner is cut off the photo (for refusal tests). */
  readonly cut: boolean;
}

export interface GeneratedPhoto {
  readonly jpeg: Buffer;
  readonly ballot: GeneratedBallot;
  readonly variation: PhotoVariation;
  /** Page points → photo pixels, as the camera made it. */
  readonly homography: Homography;
  readonly width: number;
  readonly height: number;
  /**
   * Corner marks the photo cuts: not wholly inside it with half a mark's side of paper round them (the camera set the
   * paper's centre in the photo's; tilted, its near side may reach past the frame although `cut` is false). Such a
   * photo is rightly refused (the marks are not all seen); the bench counts those refusals apart.
   */
  readonly marksCut: number;
}

/** How many of the page's four marks (page points → photo pixels by `m`) are not inside a photo of `size` with half a side of paper round them. */
export const marksCutOff = (m: Homography, paper: { width: number; height: number }, size: { width: number; height: number }): number => {
  const lo = MARK_INSET - MARK_SIZE / 2, hi = MARK_INSET + MARK_SIZE * 1.5;
  const squares = [[lo, lo], [paper.width - hi, lo], [lo, paper.height - hi], [paper.width - hi, paper.height - hi]] as const;
  return squares.filter(([x, y]) => [[x, y], [x + 2 * MARK_SIZE, y], [x, y + 2 * MARK_SIZE], [x + 2 * MARK_SIZE, y + 2 * MARK_SIZE]].some(([px, py]) => {
    const q = applyH(m, { x: px!, y: py! });
    return q.x < 0 || q.y < 0 || q.x > size.width || q.y > size.height;
  })).length;
};

export const randomVariation = (r: () => number): PhotoVariation => {
  const cams = Object.keys(CAMERAS) as Camera[];
  return {
    camera: cams[Math.floor(r() * cams.length)]!, landscape: r() < 0.15,
    tilt: between(r, 0, 25), tiltAxis: between(r, 0, 360), roll: between(r, -12, 12), fill: between(r, 0.72, 0.92),
    gradient: between(r, 0, 0.4), shadow: r() < 0.4 ? between(r, 0.15, 0.4) : 0,
    blur: r() < 0.5 ? between(r, 0.3, 1.0) : 0, noise: between(r, 0, 6), jpeg: Math.round(between(r, 70, 92)), cut: false,
  };
};

/** The variation in words, for test messages and the bench. */
export const nameVariation = (v: PhotoVariation): string =>
  `${v.camera}${v.landscape ? ' ngang' : ''}, nghiêng ${v.tilt.toFixed(0)}° (hướng ${v.tiltAxis.toFixed(0)}°), xoay ${v.roll.toFixed(0)}°, ` +
  `chiếm ${(v.fill * 100).toFixed(0)}%, tối dần ${(v.gradient * 100).toFixed(0)}%, bóng ${(v.shadow * 100).toFixed(0)}%, ` +
  `mờ σ ${v.blur.toFixed(1)}, nhiễu ${v.noise.toFixed(0)}, JPEG ${v.jpeg}${v.cut ? ', mất góc' : ''}`;

/** Where the camera sees the four paper corners (clockwise from top left), in pixels of the photo. */
const project = (paper: { width: number; height: number }, v: PhotoVariation, size: { width: number; height: number }): Point[] => {
  const corners = [{ x: 0, y: 0 }, { x: paper.width, y: 0 }, { x: paper.width, y: paper.height }, { x: 0, y: paper.height }];
  const t = (v.tilt * Math.PI) / 180;
  const ax = (v.tiltAxis * Math.PI) / 180;
  const roll = ((v.roll + (v.landscape ? 90 : 0)) * Math.PI) / 180;
  // Rotation about the in-plane axis (cos ax, sin ax) by t (Rodrigues), then the roll about the optical axis.
  const ux = Math.cos(ax), uy = Math.sin(ax);
  const rot = (p: { x: number; y: number; z: number }): { x: number; y: number; z: number } => {
    const c = Math.cos(t), s = Math.sin(t);
    const dot = ux * p.x + uy * p.y;
    // u × p with u = (ux, uy, 0).
    const cx = uy * p.z, cy = -ux * p.z, cz = ux * p.y - uy * p.x;
    const q = { x: p.x * c + cx * s + ux * dot * (1 - c), y: p.y * c + cy * s + uy * dot * (1 - c), z: p.z * c + cz * s };
    const cr = Math.cos(roll), sr = Math.sin(roll);
    return { x: q.x * cr - q.y * sr, y: q.x * sr + q.y * cr, z: q.z };
  };
  const focal = Math.max(size.width, size.height) / 2 / Math.tan((33 * Math.PI) / 180);
  const shape = (distance: number): Point[] => corners.map((c) => {
    const p = rot({ x: c.x - paper.width / 2, y: c.y - paper.height / 2, z: 0 });
    return { x: size.width / 2 + (focal * p.x) / (distance + p.z), y: size.height / 2 + (focal * p.y) / (distance + p.z) };
  });
  // The distance at which the paper's extent fills `fill` of the photo (the binding dimension).
  let distance = 1000;
  for (let i = 0; i < 30; i++) {
    const s = shape(distance);
    const xs = s.map((p) => p.x), ys = s.map((p) => p.y);
    const share = Math.max((Math.max(...xs) - Math.min(...xs)) / size.width, (Math.max(...ys) - Math.min(...ys)) / size.height);
    distance *= share / v.fill;
  }
  const s = shape(distance);
  if (!v.cut) return s;
  // The paper moved a fifth of the photo towards its top left: that corner falls outside.
  return s.map((p) => ({ x: p.x - size.width * 0.2, y: p.y - size.height * 0.2 }));
};

const invert = (m: Homography): Homography => {
  // The adjugate of [[a b c] [d e f] [g h 1]], normalised.
  const { a, b, c, d, e, f, g, h } = m;
  const A = e - f * h, B = c * h - b, C = b * f - c * e;
  const D = f * g - d, E = a - c * g, F = c * d - a * f;
  const G = d * h - e * g, H = b * g - a * h, I = a * e - b * d;
  return { a: A / I, b: B / I, c: C / I, d: D / I, e: E / I, f: F / I, g: G / I, h: H / I };
};

/** The photo of one clean page (pixels at `perPoint` px/pt) under variation `v`, as JPEG bytes. */
export const photograph = async (page: GreyImage, perPoint: number, v: PhotoVariation, seed: number): Promise<{ jpeg: Buffer; homography: Homography; width: number; height: number; marksCut: number }> => {
  const cam = CAMERAS[v.camera];
  const size = v.landscape ? { width: cam.height, height: cam.width } : cam;
  const paper = { width: page.width / perPoint, height: page.height / perPoint };
  const corners = project(paper, v, size);
  const toPhoto = homographyFrom4([{ x: 0, y: 0 }, { x: paper.width, y: 0 }, { x: paper.width, y: paper.height }, { x: 0, y: paper.height }], corners)!;
  const toPage = invert(toPhoto);
  const r = rng(seed);
  const { width: W, height: H } = size;
  const out = new Uint8Array(W * H);
  const bg0 = between(r, 60, 120), bg1 = between(r, 60, 120);
  // Light: a linear fall-off across the photo in a random direction, and a soft-edged shadow over a part of it.
  const la = between(r, 0, 2 * Math.PI);
  const lx = Math.cos(la), ly = Math.sin(la);
  const sa = between(r, 0, 2 * Math.PI);
  const sx = Math.cos(sa), sy = Math.sin(sa);
  const sOff = between(r, -0.15, 0.25) * Math.min(W, H);
  const soft = 0.05 * Math.min(W, H);
  const noise = new Float32Array(4096).map(() => (r() + r() + r() - 1.5) * v.noise);
  let n = Math.floor(r() * 4096);
  const src = page.data, sw = page.width, sh = page.height;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const u = (x + 0.5 - W / 2) / W, w = (y + 0.5 - H / 2) / H;
      const light = (1 - v.gradient * (0.5 + u * lx + w * ly)) *
        (1 - v.shadow * Math.min(1, Math.max(0, ((x - W / 2) * sx + (y - H / 2) * sy - sOff) / soft + 0.5)));
      const d = toPage.g * (x + 0.5) + toPage.h * (y + 0.5) + 1;
      const px = ((toPage.a * (x + 0.5) + toPage.b * (y + 0.5) + toPage.c) / d) * perPoint - 0.5;
      const py = ((toPage.d * (x + 0.5) + toPage.e * (y + 0.5) + toPage.f) / d) * perPoint - 0.5;
      let value: number;
      const x0 = Math.floor(px), y0 = Math.floor(py);
      if (x0 < 0 || y0 < 0 || x0 >= sw - 1 || y0 >= sh - 1) {
        value = bg0 + (bg1 - bg0) * (x / W);
      } else {
        const fx = px - x0, fy = py - y0, k = y0 * sw + x0;
        const top = src[k]! + (src[k + 1]! - src[k]!) * fx;
        const bottom = src[k + sw]! + (src[k + sw + 1]! - src[k + sw]!) * fx;
        value = (top + (bottom - top) * fy) * 0.94;
      }
      n = (n + 1103) & 4095;
      out[y * W + x] = Math.max(0, Math.min(255, value * light + noise[n]!));
    }
  }
  let img = sharp(out, { raw: { width: W, height: H, channels: 1 } });
  if (v.gaussian === true && v.blur > 0) {
    const r = Math.max(1, Math.ceil(3 * v.blur));
    const k1 = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * v.blur * v.blur)));
    const s1 = k1.reduce((a, b) => a + b, 0);
    const kernel = k1.flatMap((a) => k1.map((b) => (a * b) / (s1 * s1)));
    img = sharp(await img.convolve({ width: 2 * r + 1, height: 2 * r + 1, kernel }).extractChannel(0).raw().toBuffer(), { raw: { width: W, height: H, channels: 1 } });
  } else if (v.blur >= 0.3) img = img.blur(v.blur);
  const jpeg = await img.jpeg({ quality: v.jpeg }).toBuffer();
  // The camera's map is of the paper's corners; the page's points are the same plane (points → pixels).
  return { jpeg, homography: toPhoto, width: W, height: H, marksCut: marksCutOff(toPhoto, paper, size) };
};

/** A generated ballot (one page) photographed: marked as people mark, then shot under `variation` (random by default). */
export const generatePhoto = async (g: Generator, o: GenerateOptions & { readonly variation?: Partial<PhotoVariation> }): Promise<GeneratedPhoto> => {
  const ballot = await generateBallot(g, { ...o, degrade: 'none' });
  const variation = { ...randomVariation(rng(o.seed * 31 + 7)), ...o.variation };
  // generate.ts lays the page on a white bed (30 pt each side when not degraded): the paper alone is photographed.
  const bed = ballot.pages[0]!;
  const m = Math.round(30 * g.perPoint);
  const page = g.clean[0]!;
  const paper = new Uint8Array(page.width * page.height);
  for (let y = 0; y < page.height; y++) paper.set(bed.data.subarray((y + m) * bed.width + m, (y + m) * bed.width + m + page.width), y * page.width);
  const shot = await photograph({ width: page.width, height: page.height, data: paper }, g.perPoint, variation, o.seed * 13 + 5);
  return { ...shot, ballot, variation };
};
