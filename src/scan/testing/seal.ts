/**
 * The convening committee's round seal as people press it (docs/rules.md §5 [practice]: upper-left corner, usually over
 * the committee's name in the header, red; place and strength vary): a thick outer ring, a thin inner ring, the
 * committee's name in small letters between them, an emblem and a line of text in the middle. Pressed with uneven
 * pressure (the ink fades across the disc, or a part does not print at all), speckled where the ink is thin.
 * Drawn straight into the grey page: red ink as a scanner's grey sees it.
 */
import type { BallotPage } from '../../documents/ballot-layout.ts';
import type { GreyImage } from '../image.ts';
import { between } from './draw.ts';

export const SEAL_PLACES = ['over-header', 'partly-off', 'touching-mark', 'anywhere-in-corner'] as const;
export type SealPlace = (typeof SEAL_PLACES)[number];
export const SEAL_STRENGTHS = ['strong', 'faint', 'partial'] as const;
export type SealStrength = (typeof SEAL_STRENGTHS)[number];
/** Red ink in a colour scan turned grey; red on a grey scanner (darker); a worn dark-grey pad. */
export const SEAL_INKS = ['red-colour-scan', 'red-grey-scan', 'dark'] as const;
export type SealInk = (typeof SEAL_INKS)[number];

export interface SealPlan {
  readonly place: SealPlace;
  readonly strength: SealStrength;
  readonly ink: SealInk;
}

/** Where and how a seal was pressed, in page points: the truth the bench tallies by. */
export interface PressedSeal extends SealPlan {
  readonly cx: number;
  readonly cy: number;
  readonly radius: number;
}

type Rand = () => number;

/** The grey of the ink where it is full (0–255). */
const inkGrey = (r: Rand, ink: SealInk): number => {
  switch (ink) {
    case 'red-colour-scan': return between(r, 95, 140);
    case 'red-grey-scan': return between(r, 70, 110);
    case 'dark': return between(r, 45, 85);
  }
};

/** The seal's centre for a place, on a page whose header is `page.header`. */
const centreFor = (r: Rand, page: BallotPage, place: SealPlace, radius: number): { cx: number; cy: number } => {
  const h = page.header ?? page.title;
  const left = h.width * 0.46;
  switch (place) {
    case 'over-header':
      return { cx: h.x + between(r, 0.12, 0.62) * left, cy: h.y + between(r, 4, 38) };
    case 'partly-off':
      return r() < 0.5
        ? { cx: h.x + between(r, -14, 0.25 * left), cy: h.y + between(r, 10, 40) }
        : { cx: h.x + between(r, 0.05, 0.5) * left, cy: h.y + between(r, 42, 72) };
    case 'anywhere-in-corner': {
      // Anywhere over the header's left part and the band under it, the disc whole within the seal's area.
      const zone = page.seal;
      const x1 = Math.min(h.x + left, zone.x + zone.width - radius - 2);
      const y1 = Math.min(h.y + h.height + 24, zone.y + zone.height - radius * 0.5);
      return { cx: between(r, h.x, x1), cy: between(r, h.y, y1) };
    }
    case 'touching-mark': {
      // The disc's edge from 4 pt clear of the mark's inner corner to 7 pt over it.
      const m = page.marks[0];
      const corner = { x: m.x + m.width, y: m.y + m.height };
      const angle = between(r, 0.3, 1.25);
      const d = radius + between(r, -7, 4);
      return { cx: corner.x + d * Math.cos(angle), cy: corner.y + d * Math.sin(angle) };
    }
  }
};

/** Share of the ink that prints at the angle `a` (radians) and radius share `rho`: pressure across the disc. */
const pressure = (strength: SealStrength, tilt: number, gapFrom: number, gapWidth: number) => (a: number, rho: number): number => {
  const lean = 1 + tilt * rho * Math.cos(a - gapFrom);
  switch (strength) {
    case 'strong': return Math.min(1, 0.9 * lean);
    case 'faint': return Math.max(0, Math.min(1, 0.42 * lean));
    case 'partial': {
      const off = Math.abs(((a - gapFrom + 3 * Math.PI) % (2 * Math.PI)) - Math.PI);
      // A part of the disc does not print; the ink fades in over a quarter of a turn around it.
      const fade = Math.max(0, Math.min(1, (Math.PI - off - gapWidth / 2) / (Math.PI / 4)));
      return Math.min(1, 0.85 * lean * fade);
    }
  }
};

/** Letters around the ring and in the middle: strokes in a cell of `size` points, chosen by `code`. */
const glyph = (u: number, v: number, code: number): boolean => {
  // u, v in 0–1 across one letter; four shapes of strokes about 0.12 of a letter thick.
  const t = 0.13;
  switch (code % 4) {
    case 0: return u < t || u > 1 - t || Math.abs(v - 0.5) < t / 2;
    case 1: return Math.abs(u - 0.5) < t || v < t;
    case 2: return Math.abs(u - v) < t || u < t;
    default: return v < t || v > 1 - t || Math.abs(u - 0.5) < t;
  }
};

/** Presses a seal on `img` (k pixels per point) and says where. */
export const pressSeal = (img: GreyImage, k: number, r: Rand, page: BallotPage, plan: SealPlan): PressedSeal => {
  const radius = between(r, 44, 58);
  const { cx, cy } = centreFor(r, page, plan.place, radius);
  const ink = inkGrey(r, plan.ink);
  const outerW = between(r, 1.6, 2.6);
  const innerR = radius - between(r, 9, 12);
  const innerW = between(r, 0.6, 1.0);
  const letterH = (radius - outerW - innerR - innerW) * 0.72;
  const letters = Math.round((2 * Math.PI * (innerR + letterH)) / (letterH * 0.85));
  const codes = Array.from({ length: 64 }, () => Math.floor(r() * 97));
  const press = pressure(plan.strength, between(r, -0.35, 0.35), between(r, 0, 2 * Math.PI), between(r, 1.2, 2.6));
  const speckle = plan.strength === 'faint' ? 0.35 : plan.strength === 'partial' ? 0.2 : 0.08;
  const seed = Math.floor(r() * 1e9);
  const x0 = Math.max(0, Math.floor((cx - radius - 2) * k));
  const x1 = Math.min(img.width - 1, Math.ceil((cx + radius + 2) * k));
  const y0 = Math.max(0, Math.floor((cy - radius - 2) * k));
  const y1 = Math.min(img.height - 1, Math.ceil((cy + radius + 2) * k));
  for (let py = y0; py <= y1; py++) {
    for (let px = x0; px <= x1; px++) {
      const dx = (px + 0.5) / k - cx;
      const dy = (py + 0.5) / k - cy;
      const rho = Math.hypot(dx, dy);
      if (rho > radius + 0.5) continue;
      const a = Math.atan2(dy, dx);
      let cover = 0;
      if (rho > radius - outerW) cover = Math.min(1, radius + 0.5 - rho);
      else if (Math.abs(rho - innerR) < innerW / 2 + 0.5) cover = Math.min(1, innerW / 2 + 0.5 - Math.abs(rho - innerR));
      else if (rho > innerR + innerW && rho < innerR + innerW + letterH) {
        const along = (((a + Math.PI) / (2 * Math.PI)) * letters) % letters;
        const cell = Math.floor(along);
        const u = (along - cell) / 0.85;
        const v = (rho - innerR - innerW) / letterH;
        cover = u < 1 && glyph(u, v, codes[cell % 64]!) ? 1 : 0;
      } else if (rho < innerR * 0.45) {
        // The emblem: a five-pointed star, filled.
        const spoke = Math.cos(5 * (a + Math.PI / 2));
        cover = rho < innerR * (0.16 + 0.26 * Math.max(0, spoke) ** 3) ? 1 : 0;
      } else if (Math.abs(dy - innerR * 0.6) < letterH * 0.45 && Math.abs(dx) < innerR * 0.6) {
        const along = (dx + innerR * 0.6) / (letterH * 0.8);
        const cell = Math.floor(along);
        cover = glyph(along - cell, (dy - innerR * 0.6) / (letterH * 0.9) + 0.5, codes[(cell + 7) % 64]!) ? 1 : 0;
      }
      if (cover <= 0) continue;
      // Speckle: a fixed hash of the pixel, so that the seal's texture does not depend on the drawing order.
      const hash = Math.imul((px * 73856093) ^ (py * 19349663) ^ seed, 0x27d4eb2d) >>> 0;
      if (hash / 4294967296 < speckle) continue;
      const p = press(a, rho / radius) * cover;
      if (p <= 0) continue;
      const i = py * img.width + px;
      // Ink over paper or print: multiplied, as a transparent ink does.
      img.data[i] = Math.round(img.data[i]! * (1 - p * (1 - ink / 255)));
    }
  }
  return { ...plan, cx, cy, radius };
};
