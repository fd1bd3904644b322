/**
 * A pen stroke among the few points of ink found outside the rows: looked at again, finely, around each of them.
 * The page is read for ink outside at one sample a point (sheet.ts inkOutside): a thin pen line between two samples
 * shows as a point or two, as little as a staple's holes or a speck. Around such points the page is sampled
 * FINE_PER_PT times a point each way, and the piece of dark ink through each point measured whole: a line of writing
 * is long and thin; a hole, a dent or a speck is short; a crease, a ring's rim or the scanner's streak runs on out of
 * the window. The finer look also goes into the margin kept beside each row for its strokes' ends: a digit written
 * there is writing, unless it reaches the row (then it may be a strike's end: the row's).
 */
import type { Box } from '../documents/ballot-layout.ts';
import type { GreyImage } from './image.ts';
import { pieceBox } from './flood.ts';
import { floorOf } from './pixel-index.ts';
import { scratch } from './scratch.ts';
import type { Affine } from './transform.ts';

/** Samples a point, each way, in the finer look (a thin ballpoint, 0.6 pt, is crossed by at least one). */
const FINE_PER_PT = 3;
/** How far around a point found the finer look goes (points): a digit or a short word's letter fits. */
const REACH_PT = 16;
/** Ink this close to a row (points) goes on from it: a strike's end, not writing of its own. */
const ROW_TOUCH_PT = 1;
/**
 * A piece this long (its box's longer side, points) is a stroke of writing: a digit (6–10 pt), a tick, a letter. A
 * staple's hole is 1–2 pt, a speck of dust under 1 (variety seeds 90,001–90,200 and 97,001–97,200 at 200 dpi).
 */
const STROKE_PT = 4;
/**
 * …and its darkest sample under this share of the ink level: a pen's core (a ballpoint digit's 0.27–0.46). What is left
 * of a fold, or a shadow's edge, dips just under the level where it dips at all (a fold's remnants 0.94–0.97: variety
 * 97,035, 97,164, 97,187).
 */
const PEN_CORE = 0.8;

/** A row: its box, and the box about it kept for its strokes' ends. */
export interface RowZone {
  readonly row: Box;
  readonly zone: Box;
}

/** What the finer look needs of the page read for ink outside (page points w × h). */
export interface OutsideLook {
  readonly img: GreyImage;
  /** Page points → scan pixels. */
  readonly t: Affine;
  readonly w: number;
  readonly h: number;
  /** Points looked at (1): the page less its edge, the boxes where ink is expected and the seal's ink. */
  readonly look: Uint8Array;
  /** Points near the form's print (1). */
  readonly printed: Uint8Array;
  /** Ink is darker than this at page row y (points). */
  readonly levelAt: (y: number) => number;
  readonly rows: readonly RowZone[];
}

/** The piece of dark ink through a point found, at the finer look. */
export interface FinePiece {
  /** Page points: where it lies. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Square points of dark ink. */
  readonly area: number;
  /** It reaches the window's edge: it runs on beyond REACH_PT. */
  readonly runsOn: boolean;
  /** It reaches a row: a strike's end may be. */
  readonly byRow: boolean;
  /** Its darkest sample, as a share of the ink level. */
  readonly darkest: number;
}

const inBox = (b: Box, x: number, y: number, by = 0): boolean =>
  x >= b.x - by && x < b.x + b.width + by && y >= b.y - by && y < b.y + b.height + by;

/** The window's samples: dark (1), dark and by a row (2); those flooded already. */
const windowDark = scratch((n) => new Uint8Array(n), true);
const windowSeen = scratch((n) => new Uint8Array(n), true);
const windowValue = scratch((n) => new Float64Array(n), false);

/**
 * The pieces of dark ink, sampled FINE_PER_PT a point, through the points of `ink` (w × h, 1) — each piece once;
 * the points of `ink` they pass through are cleared.
 */
export const finePieces = (ink: Uint8Array, o: OutsideLook): FinePiece[] => {
  const { img, t, w, h, look, printed, levelAt, rows } = o;
  const { width: iw, height: ih, data } = img;
  const pieces: FinePiece[] = [];
  const span = 2 * REACH_PT + 1;
  const side = span * FINE_PER_PT;
  for (let p = 0; p < ink.length; p++) {
    if (ink[p] !== 1) continue;
    const px = p % w;
    const py = (p - px) / w;
    const ox = px - REACH_PT;
    const oy = py - REACH_PT;
    const dark = windowDark(side * side);
    const seen = windowSeen(side * side);
    const values = windowValue(side * side);
    const near = rows.filter((r) => r.zone.x - 1 < ox + span && r.zone.x + r.zone.width + 1 > ox && r.zone.y - 1 < oy + span && r.zone.y + r.zone.height + 1 > oy);
    for (let j = 0; j < side; j++) {
      const y = oy + (j + 0.5) / FINE_PER_PT;
      if (y < 0 || y >= h) continue;
      const level = levelAt(y);
      for (let i = 0; i < side; i++) {
        const x = ox + (i + 0.5) / FINE_PER_PT;
        if (x < 0 || x >= w) continue;
        const at = floorOf(y) * w + floorOf(x);
        if (printed[at] === 1) continue;
        // Beside a row, in the box kept for its strokes' ends (as the points looked at leave it: whole points), not on the row.
        const zone = look[at] !== 1 && near.some((r) => inBox(r.zone, x, y, 1) && !inBox(r.row, x, y));
        if (look[at] !== 1 && !zone) continue;
        const sx = t.a * x + t.b * y + t.c;
        const sy = t.d * x + t.e * y + t.f;
        if (!(sx >= 0 && sy >= 0 && sx < iw && sy < ih)) continue;
        const v = data[floorOf(sy) * iw + floorOf(sx)]!;
        if (v >= level) continue;
        dark[j * side + i] = zone && near.some((r) => inBox(r.row, x, y, ROW_TOUCH_PT)) ? 2 : 1;
        values[j * side + i] = v / level;
      }
    }
    const seed = (REACH_PT * FINE_PER_PT + 1) * side + REACH_PT * FINE_PER_PT + 1;
    if (dark[seed] === 0) continue;
    let count = 0;
    let darkest = 1;
    let byRow = false;
    const box = pieceBox(side, side, seed, seen, (q) => dark[q] !== 0, (_x, _y, q) => {
      count++;
      darkest = Math.min(darkest, values[q]!);
      if (dark[q] === 2) byRow = true;
      // The points of `ink` this piece passes through are looked at with it.
      const fx = ox + Math.floor((q % side) / FINE_PER_PT);
      const fy = oy + Math.floor(Math.floor(q / side) / FINE_PER_PT);
      if (fx >= 0 && fy >= 0 && fx < w && fy < h) ink[fy * w + fx] = 0;
    });
    pieces.push({
      x: ox + box.x0 / FINE_PER_PT, y: oy + box.y0 / FINE_PER_PT,
      width: (box.x1 - box.x0 + 1) / FINE_PER_PT, height: (box.y1 - box.y0 + 1) / FINE_PER_PT,
      area: count / FINE_PER_PT ** 2,
      runsOn: box.x0 === 0 || box.y0 === 0 || box.x1 === side - 1 || box.y1 === side - 1,
      byRow, darkest,
    });
  }
  return pieces;
};

/** A piece of writing: long enough, with a pen's dark core, ending within the window, apart from the rows. */
const isStroke = (p: FinePiece): boolean =>
  !p.runsOn && !p.byRow && Math.max(p.width, p.height) >= STROKE_PT && p.darkest < PEN_CORE;

/** The first stroke of writing among the pieces through the points of `ink` (finePieces), or null. */
export const strokeOutside = (ink: Uint8Array, o: OutsideLook): FinePiece | null => finePieces(ink, o).find(isStroke) ?? null;
