/**
 * The convening committee's round seal (docs/rules.md §5: top left; [practice] usually over the committee's name in the
 * header, red, its place and strength varying from ballot to ballot). Looked for over the whole upper-left corner
 * of the first page (BallotPage.seal), in the ink that the blank form does not print: a seal is a large ring
 * (its outer rim) of 34–68 points radius, found by a circle vote over that ink and measured by how much of its
 * rim is inked, with ink inside it (its letters and emblem). Writing is thin strokes: it makes no such ring.
 * Faint ink counts: a red seal pressed lightly is much paler than a pen.
 */
import type { BallotPage, Box } from '../documents/ballot-layout.ts';
import { FORM_PER_POINT, type FormPage } from './form.ts';
import { quantile, type GreyImage } from './image.ts';
import { roundOf } from './pixel-index.ts';
import { samplePage } from './sample.ts';
import type { Affine } from './transform.ts';
import { scratch } from './scratch.ts';

export type SealState = 'present' | 'missing' | 'uncertain';

export interface Circle {
  /** Centre and radius in page points. */
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
}

export interface SealReading {
  readonly state: SealState;
  /** The seal's rim (present or uncertain); null when no ring was found. */
  readonly circle: Circle | null;
  /** Share of the rim's angles inked (0–1), where the rim is on paper. */
  readonly rim: number;
  /** Share of the disc inside the rim inked. */
  readonly inside: number;
  /** New ink in the seal's corner, in square points. */
  readonly ink: number;
}

/** Ink lighter than a pen: below this share of the paper level (of its TILE × TILE points). */
const SEAL_LEVEL = 0.88;
const TILE = 40;
const R_MIN = 34;
const R_MAX = 68;
/** Below this much new ink (square points) the corner is empty: no seal. */
export const SEAL_MISSING_PT2 = 60;
/** A seal: at least this share of its rim inked, and this share of its inside. */
export const SEAL_RIM = 0.28;
export const SEAL_INSIDE = 0.01;

/** Ink this close (points) to the seal's ink is the seal's: its letters, a missed part of its rim. */
const SEAL_REACH_PT = 4;
const VOTE_ANGLES = 32;
const RIM_ANGLES = 96;
const RIM_COS = Float64Array.from({ length: RIM_ANGLES }, (_, a) => Math.cos((2 * Math.PI * a) / RIM_ANGLES));
const RIM_SIN = Float64Array.from({ length: RIM_ANGLES }, (_, a) => Math.sin((2 * Math.PI * a) / RIM_ANGLES));
const MAX_VOTERS = 400;

interface InkMap {
  readonly w: number;
  readonly h: number;
  /** 1 new ink, 0 paper, 2 unknown (printed, a mark, off the paper). */
  readonly cell: Uint8Array;
  readonly count: number;
}

/**
 * Where the corner may not be read at 1 px/pt: printed on the blank form within a point, or the mark. The same
 * for every sheet of a form: kept with it.
 */
const maskedOf = (form: FormPage, page: BallotPage, zone: Box, w: number, h: number): Uint8Array => {
  const key = `${zone.x},${zone.y},${w},${h}`;
  const cached = masks.get(form)?.get(key);
  if (cached !== undefined) return cached;
  const out = new Uint8Array(w * h);
  const W = form.blank.width;
  const H = form.blank.height;
  const mark = page.marks[0];
  for (let y = 0; y < h; y++) {
    const gy = Math.round((zone.y + y + 0.5) * FORM_PER_POINT);
    for (let x = 0; x < w; x++) {
      const px = zone.x + x + 0.5;
      const py = zone.y + y + 0.5;
      let masked = px >= mark.x - 3 && px <= mark.x + mark.width + 3 && py >= mark.y - 3 && py <= mark.y + mark.height + 3;
      const gx = Math.round(px * FORM_PER_POINT);
      for (let yy = Math.max(0, gy - 2); yy <= Math.min(H - 1, gy + 2) && !masked; yy++) {
        for (let xx = Math.max(0, gx - 2); xx <= Math.min(W - 1, gx + 2) && !masked; xx++) masked = form.printed[yy * W + xx] === 1;
      }
      if (masked) out[y * w + x] = 1;
    }
  }
  const forForm = masks.get(form) ?? new Map<string, Uint8Array>();
  forForm.set(key, out);
  masks.set(form, forForm);
  return out;
};
const masks = new WeakMap<FormPage, Map<string, Uint8Array>>();

/** New ink of the corner at 1 px/pt: darker than SEAL_LEVEL of the paper, where the corner may be read. */
const inkMap = (img: GreyImage, t: Affine, form: FormPage, page: BallotPage, zone: Box): InkMap => {
  const s = samplePage(img, t, zone, 1);
  const { width: w, height: h } = s;
  // The paper level tile by tile: a shadow across the corner darkens one side.
  const tw = Math.ceil(w / TILE);
  const levels = Array.from({ length: tw * Math.ceil(h / TILE) }, (_, i) =>
    quantile(s, (i % tw) * TILE, Math.floor(i / tw) * TILE, TILE, TILE, 0.9) * SEAL_LEVEL);
  const masked = maskedOf(form, page, zone, w, h);
  const cell = new Uint8Array(w * h);
  let count = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (masked[i] === 1) cell[i] = 2;
      else if (s.data[i]! < levels[Math.floor(y / TILE) * tw + Math.floor(x / TILE)]!) { cell[i] = 1; count++; }
    }
  }
  return { w, h, cell, count };
};

/** The circles most ink votes for: every ink pixel (up to MAX_VOTERS, evenly spread) votes for the centres around it. */
const vote = (m: InkMap): readonly Circle[] => {
  const cw = Math.ceil(m.w / 2);
  const ch = Math.ceil(m.h / 2);
  const radii = VOTE_RADII;
  const acc = votes(cw * ch * radii);
  const step = Math.max(1, Math.floor(m.count / MAX_VOTERS));
  let seen = 0;
  for (let i = 0; i < m.cell.length; i++) {
    if (m.cell[i] !== 1 || seen++ % step !== 0) continue;
    const x = i % m.w;
    const y = (i - x) / m.w;
    for (let k = 0, q = 0; k < radii; k++) {
      for (let a = 0; a < VOTE_ANGLES; a++, q++) {
        // The centre Math.round(vx), Math.round(vy), on the grid of centres: vx from −0.5, under cw − 0.5.
        const vx = (x - VOTE_DX[q]!) / 2;
        const vy = (y - VOTE_DY[q]!) / 2;
        if (!(vx >= -0.5 && vy >= -0.5 && vx < cw - 0.5 && vy < ch - 0.5)) continue;
        acc[(roundOf(vy) * cw + roundOf(vx)) * radii + k]!++;
      }
    }
  }
  const peaks: Circle[] = [];
  for (let n = 0; n < VOTE_PEAKS; n++) {
    let best = 0;
    let at = -1;
    for (let i = 0; i < acc.length; i++) if (acc[i]! > best) { best = acc[i]!; at = i; }
    if (at < 0) break;
    const k = at % radii;
    const c = (at - k) / radii;
    const x = c % cw;
    const y = Math.floor(c / cw);
    peaks.push({ cx: 2 * x, cy: 2 * y, r: R_MIN + 2 * k });
    // The next peak is another circle: every centre within PEAK_APART_PT of this one leaves the count.
    const apart = PEAK_APART_PT / 2;
    for (let yy = Math.max(0, y - apart); yy <= Math.min(ch - 1, y + apart); yy++) {
      for (let xx = Math.max(0, x - apart); xx <= Math.min(cw - 1, x + apart); xx++) acc.fill(0, (yy * cw + xx) * radii, (yy * cw + xx + 1) * radii);
    }
  }
  return peaks;
};
/**
 * Circles voted for, most votes first. A faint seal pressed partly off the paper leaves few votes on its cut rim; its
 * letters and emblem may vote more for a smaller circle off its centre (photo 160,079): the next peaks are measured too.
 */
const VOTE_PEAKS = 3;
/** Centres this close (points) are one peak. */
const PEAK_APART_PT = 12;
/** The vote's counts, kept from one sheet to the next (the corner is the same size on every sheet of a form). */
const votes = scratch((n) => new Uint16Array(n), true);
const VOTE_RADII = Math.floor((R_MAX - R_MIN) / 2) + 1;
/** r·cos and r·sin of every radius voted for (R_MIN + 2k) and every angle, radius by radius. */
const VOTE_DX = Float64Array.from({ length: VOTE_RADII * VOTE_ANGLES }, (_, q) =>
  (R_MIN + 2 * Math.floor(q / VOTE_ANGLES)) * Math.cos((2 * Math.PI * (q % VOTE_ANGLES)) / VOTE_ANGLES));
const VOTE_DY = Float64Array.from({ length: VOTE_RADII * VOTE_ANGLES }, (_, q) =>
  (R_MIN + 2 * Math.floor(q / VOTE_ANGLES)) * Math.sin((2 * Math.PI * (q % VOTE_ANGLES)) / VOTE_ANGLES));

/**
 * The rim as the disc's outer edge: the share of angles with ink within 1.5 pt inside radius r and only paper from
 * 2.5 to 6 pt outside it; and the share of angles on readable paper. Inside a seal every radius is inked (rings,
 * letters): its edge is where the ink stops.
 */
const rimOf = (m: InkMap, c: Circle, stride = 1): { inked: number; known: number } => {
  let edge = 0;
  let other = 0;
  const { w, h, cell } = m;
  const { cx, cy, r } = c;
  for (let a = 0; a < RIM_ANGLES; a += stride) {
    const ca = RIM_COS[a]!;
    const sa = RIM_SIN[a]!;
    // 1 ink within, else 0 paper, else 2 unknown (off the corner: 2).
    let inner = 2;
    for (let d = -1.5; d <= 0.5 && inner !== 1; d += 1) {
      const rho = r + d;
      const x = (cx + rho * ca + 0.5) | 0;
      const y = (cy + rho * sa + 0.5) | 0;
      const v = x < 0 || y < 0 || x >= w || y >= h ? 2 : cell[y * w + x]!;
      if (v === 1 || (v === 0 && inner === 2)) inner = v;
    }
    if (inner === 2) continue;
    let outer = 0;
    let unknown = 0;
    for (let d = 2.5; d <= 6; d += 1) {
      const rho = r + d;
      const x = (cx + rho * ca + 0.5) | 0;
      const y = (cy + rho * sa + 0.5) | 0;
      const v = x < 0 || y < 0 || x >= w || y >= h ? 2 : cell[y * w + x]!;
      if (v === 1) outer++;
      else if (v === 2) unknown++;
    }
    if (unknown > 1) continue;
    if (inner === 1 && outer === 0) edge++;
    else other++;
  }
  const known = edge + other;
  return { inked: known === 0 ? 0 : edge / known, known: (stride * known) / RIM_ANGLES };
};

/** Share of the paper inside the circle (to 0.85 of its radius) that is new ink. */
const insideOf = (m: InkMap, c: Circle): number => {
  const r = c.r * 0.85;
  let ink = 0;
  let paper = 0;
  for (let y = Math.max(0, Math.floor(c.cy - r)); y <= Math.min(m.h - 1, Math.ceil(c.cy + r)); y++) {
    for (let x = Math.max(0, Math.floor(c.cx - r)); x <= Math.min(m.w - 1, Math.ceil(c.cx + r)); x++) {
      if ((x - c.cx) ** 2 + (y - c.cy) ** 2 > r * r) continue;
      const v = m.cell[y * m.w + x]!;
      if (v === 1) ink++;
      else if (v === 0) paper++;
    }
  }
  return ink + paper === 0 ? 0 : ink / (ink + paper);
};

/** The disc's edge nearest the voted circle: outwards, then climbing 1 pt at a time. */
const refine = (m: InkMap, voted: Circle): { circle: Circle; inked: number; known: number } => {
  // The vote is coarse and may have found an inner ring: a grid around it first, outwards more than inwards.
  let best = { circle: voted, ...rimOf(m, voted) };
  for (let dy = -8; dy <= 8; dy += 2) {
    for (let dx = -8; dx <= 8; dx += 2) {
      for (let dr = -4; dr <= 14; dr += 2) {
        const c = { cx: voted.cx + dx, cy: voted.cy + dy, r: voted.r + dr };
        const rim = rimOf(m, c, 3);
        if (rim.inked > best.inked) best = { circle: c, ...rim };
      }
    }
  }
  best = { circle: best.circle, ...rimOf(m, best.circle) };
  // An inner ring has an edge too: the seal's rim is the outermost edge about as clear as the best one.
  const inner = best;
  for (let dr = 4; dr <= 16; dr++) {
    for (let dy = -6; dy <= 6; dy += 2) {
      for (let dx = -6; dx <= 6; dx += 2) {
        const c = { cx: inner.circle.cx + dx, cy: inner.circle.cy + dy, r: inner.circle.r + dr };
        const rim = rimOf(m, c, 3);
        if (rim.inked >= Math.max(SEAL_RIM, 0.75 * inner.inked) && c.r >= best.circle.r) best = { circle: c, ...rim };
      }
    }
  }
  best = { circle: best.circle, ...rimOf(m, best.circle) };
  for (let moved = true, steps = 0; moved && steps < 12; steps++) {
    moved = false;
    const from = best.circle;
    for (const [dx, dy, dr] of NEIGHBOURS) {
      const c = { cx: from.cx + dx, cy: from.cy + dy, r: from.r + dr };
      const rim = rimOf(m, c);
      if (rim.inked > best.inked + 1e-9) { best = { circle: c, ...rim }; moved = true; }
    }
  }
  return best;
};

const NEIGHBOURS: ReadonlyArray<readonly [number, number, number]> = [-1, 0, 1].flatMap((dx) => [-1, 0, 1].flatMap((dy) =>
  [-1, 0, 1].map((dr) => [dx, dy, dr] as const))).filter(([dx, dy, dr]) => dx !== 0 || dy !== 0 || dr !== 0);

/**
 * The seal's own ink: every stretch of ink of the corner reached from inside its circle through ink no more than
 * SEAL_REACH_PT apart — its letters and a part of its rim the circle missed, a blot of its pad; 1 per point of the
 * corner (the corner's grid).
 */
const sealInk = (m: InkMap, c: Circle): Uint8Array => {
  const out = new Uint8Array(m.w * m.h);
  const stack: number[] = [];
  for (let i = 0; i < m.cell.length; i++) {
    const x = i % m.w;
    const y = (i - x) / m.w;
    if (m.cell[i] === 1 && (x - c.cx) ** 2 + (y - c.cy) ** 2 <= c.r * c.r) { out[i] = 1; stack.push(i); }
  }
  const reach = SEAL_REACH_PT;
  while (stack.length > 0) {
    const p = stack.pop()!;
    const px = p % m.w;
    const py = (p - px) / m.w;
    for (let y = Math.max(0, py - reach); y <= Math.min(m.h - 1, py + reach); y++) {
      for (let x = Math.max(0, px - reach); x <= Math.min(m.w - 1, px + reach); x++) {
        const q = y * m.w + x;
        if (m.cell[q] !== 1 || out[q] === 1) continue;
        out[q] = 1;
        stack.push(q);
      }
    }
  }
  return out;
};

/** What readSeal found, with the seal's own ink (corner grid, 1 px/pt) for the search for writing beside it. */
export interface SealFound {
  readonly reading: SealReading;
  readonly ink: Uint8Array | null;
}

/** Reads the seal in the corner `page.seal` of a registered sheet. */
export const readSeal = (img: GreyImage, t: Affine, form: FormPage, page: BallotPage): SealFound => {
  const zone = page.seal;
  const m = inkMap(img, t, form, page, zone);
  if (m.count < SEAL_MISSING_PT2) return { reading: { state: 'missing', circle: null, rim: 0, inside: 0, ink: m.count }, ink: null };
  const peaks = vote(m);
  if (peaks.length === 0) return { reading: { state: 'uncertain', circle: null, rim: 0, inside: 0, ink: m.count }, ink: null };
  const sealOf = (voted: Circle): { circle: Circle; inked: number; known: number; inside: number; present: boolean } => {
    const found = refine(m, voted);
    const inside = insideOf(m, found.circle);
    return { ...found, inside, present: found.inked >= SEAL_RIM && found.known >= 0.3 && inside >= SEAL_INSIDE };
  };
  // The most voted circle, or of the next peaks that are a seal, the one with the most of its rim inked.
  const first = sealOf(peaks[0]!);
  const next = first.present ? [] : peaks.slice(1).map(sealOf).filter((c) => c.present).sort((a, b) => b.inked - a.inked);
  const { circle, inked: rim, inside, present } = next[0] ?? first;
  const onPage = { cx: circle.cx + zone.x + 0.5, cy: circle.cy + zone.y + 0.5, r: circle.r };
  return {
    reading: { state: present ? 'present' : 'uncertain', circle: onPage, rim, inside, ink: m.count },
    ink: present ? sealInk(m, circle) : null,
  };
};
