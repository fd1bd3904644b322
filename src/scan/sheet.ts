/**
 * One sheet: registration, then every row of its page, the seal and writing outside the rows. A sheet that
 * cannot be registered is rejected with the reason; nothing on it is read.
 */
import { clearCreases, findCreases } from './sheet-folds.ts';
import { alongCrease } from './sheet-crease.ts';
import type { Box, BallotPage } from '../documents/ballot-layout.ts';
import { alignRow } from './align-row.ts';
import type { RuleError } from '../rules/index.ts';
import { FORM_PER_POINT, type FormPage, type RowGuide, type ScanTarget } from './form.ts';
import type { GreyImage } from './image.ts';
import { floorOf } from './pixel-index.ts';
import { INK_LEVEL, readMarksRow, type RowReading } from './read-rows.ts';
import { ENTERING, PHOTO, readStrikeRow, STRIKE } from './strike-row.ts';
import { register, type Registration } from './register.ts';
import { readSeal, type Circle, type SealFound, type SealReading } from './seal.ts';
import { scratch } from './scratch.ts';
import { strokeOutside, type FinePiece } from './outside-strokes.ts';

/**
 * New ink outside rows, seal, QR and marks, in square points, from which the sheet goes to the board as written on.
 * A digit written in the margin leaves 6–29 pt² (20 let a third of them through, decided); a clean sheet of the
 * generator leaves 0 at every dpi, a speck of dust well under 1; a blot or a ring off the names now goes to the board.
 */
export const OUTSIDE_INK_PT2 = 5;
const STRIP = 48;
/** Around a seal's rim, ink is the seal's (its blurred edge, a spatter): points. */
const SEAL_MARGIN = 5;

export interface PageReading {
  readonly pageIndex: number;
  readonly rows: readonly RowReading[];
  readonly seal: SealReading;
  /** New ink outside the rows, the seal, the QR code and the marks, in square points. */
  readonly outsideInk: number;
  /** outsideInk reaches OUTSIDE_INK_PT2, or a stroke of writing was found among less (outside-strokes.ts). */
  readonly writingOutside: boolean;
}

export type SheetOutcome =
  | { readonly kind: 'rejected'; readonly sheet: number; readonly reason: RuleError }
  | { readonly kind: 'read'; readonly sheet: number; readonly registration: Registration; readonly page: PageReading };

/**
 * A strike's end flown off out of the first or last row, beyond the table (the hand did not stop): the ink that leaves
 * a row's box across its top or bottom and goes on from ink inside it, no more than FLICK_PT2 in all and reaching no
 * further than FLICK_PT from the box, is the row's stroke, not writing outside. Such lines of the variety set leave
 * 4–25 pt² beyond the box (seeds 9,600–9,619 at 200 dpi: 13 of 20 ballots over OUTSIDE_INK_PT2 for it before, none
 * now); writing of its own (a digit, a name, a blot) does not go on from a row's ink.
 */
const FLICK_PT2 = 40;
const FLICK_PT = 14;

const grow = (b: Box, dx: number, dy: number): Box => ({ x: b.x - dx, y: b.y - dy, width: b.width + 2 * dx, height: b.height + 2 * dy });
const rowBox = (r: Box): Box => grow(r, 14, 3);

/** Where ink is expected: marks, QR, the rows (strikes overshoot); the seal's corner when its seal is unclear. */
const expectedInk = (page: BallotPage, seal: SealReading): Box[] => [
  ...page.marks.map((m) => grow(m, 4, 4)), grow(page.qr, 6, 6), ...page.rows.map((r) => rowBox(r.row)),
  ...(seal.state === 'uncertain' ? [page.seal] : []),
];

/** Clears the seal's own ink (around every point of it, SEAL_MARGIN) from the points looked at. */
const clearSealInk = (look: Uint8Array, w: number, h: number, zone: Box, ink: Uint8Array): void => {
  const zw = Math.round(zone.width);
  const zh = ink.length / zw;
  for (let y = 0; y < zh; y++) {
    for (let x = 0; x < zw; x++) {
      if (ink[y * zw + x] !== 1) continue;
      const px = Math.floor(zone.x + x);
      const py = Math.floor(zone.y + y);
      for (let yy = Math.max(0, py - SEAL_MARGIN); yy <= Math.min(h - 1, py + SEAL_MARGIN); yy++) {
        look.fill(0, yy * w + Math.max(0, px - SEAL_MARGIN), yy * w + Math.min(w, px + SEAL_MARGIN + 1));
      }
    }
  }
};

/** Clears the disc of a seal (and SEAL_MARGIN around it) from the points looked at. */
const clearDisc = (look: Uint8Array, w: number, h: number, c: Circle): void => {
  const r = c.r + SEAL_MARGIN;
  for (let y = Math.max(0, Math.floor(c.cy - r)); y < Math.min(h, Math.ceil(c.cy + r)); y++) {
    const half = Math.sqrt(Math.max(0, r * r - (y + 0.5 - c.cy) ** 2));
    const x0 = Math.max(0, Math.floor(c.cx - half));
    const x1 = Math.min(w, Math.ceil(c.cx + half));
    if (x1 > x0) look.fill(0, y * w + x0, y * w + x1);
  }
};

/**
 * Printed within `px` pixels of the form grid (FORM_PER_POINT a point) of a point's middle: at one sample a point a
 * letter's blurred edge must not count as writing.
 */
const printedNear = (printed: Uint8Array, W: number, H: number, gx: number, gy: number, px: number): boolean => {
  for (let y = Math.max(0, gy - px); y <= Math.min(H - 1, gy + px); y++) {
    for (let x = Math.max(0, gx - px); x <= Math.min(W - 1, gx + px); x++) if (printed[y * W + x] === 1) return true;
  }
  return false;
};

/**
 * Print within one pixel (half a point) is the form's. Print within two (a point) is the form's too for the ink counted
 * outside (OUTSIDE_INK_PT2) but for a pen's dark core, its other points there only looked at finely (outside-strokes.ts): the blurred crossbar of
 * a header letter a sample off the scan's print counted 5 pt² with a speck beside it (variety bench 100,043, 200 dpi,
 * upside down, blurred: sent to the board with nothing written on it), while a digit written between the header's
 * words, a point or two from its letters, shows there as a stroke.
 */
const NEAR_PRINT_PX = 1;
const BY_PRINT_PX = 2;
/**
 * …unless darker than this share of the ink level: a pen's core (a ballpoint digit's 0.27–0.46, outside-strokes.ts);
 * the letters' blurred edges are lighter (that crossbar's darkest 0.67).
 */
const BY_PRINT_DARK = 0.55;

/** printedNear at every point of a page (w × h points), 1 where printed: the same for every sheet of a form, kept with it. */
const printedNearAll = (form: FormPage, w: number, h: number, px: number): Uint8Array => {
  const key = `${w},${h},${px}`;
  const cached = nearPrint.get(form)?.get(key);
  if (cached !== undefined) return cached;
  const W = form.blank.width;
  const H = form.blank.height;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const gy = Math.round((y + 0.5) * FORM_PER_POINT);
    for (let x = 0; x < w; x++) if (printedNear(form.printed, W, H, Math.round((x + 0.5) * FORM_PER_POINT), gy, px)) out[y * w + x] = 1;
  }
  const forForm = nearPrint.get(form) ?? new Map<string, Uint8Array>();
  forForm.set(key, out);
  nearPrint.set(form, forForm);
  return out;
};
const nearPrint = new WeakMap<FormPage, Map<string, Uint8Array>>();

/** The points of a page looked at for writing, but for the seal's own ink: the page less its edge and the boxes where ink is expected. */
const lookedAt = (page: BallotPage, seal: SealReading, w: number, h: number): Uint8Array => {
  const key = `${seal.state === 'uncertain'},${w},${h}`;
  const cached = looks.get(page)?.get(key);
  if (cached !== undefined) return cached;
  const edge = 8;
  const look = new Uint8Array(w * h).fill(1);
  for (let y = 0; y < h; y++) {
    if (y < edge || y >= h - edge) look.fill(0, y * w, (y + 1) * w);
    else { look.fill(0, y * w, y * w + edge); look.fill(0, (y + 1) * w - edge, (y + 1) * w); }
  }
  for (const b of expectedInk(page, seal)) {
    const x0 = Math.max(0, Math.floor(b.x));
    const x1 = Math.min(w, Math.ceil(b.x + b.width));
    for (let y = Math.max(0, Math.floor(b.y)); y < Math.min(h, Math.ceil(b.y + b.height)); y++) look.fill(0, y * w + x0, y * w + x1);
  }
  const forPage = looks.get(page) ?? new Map<string, Uint8Array>();
  forPage.set(key, look);
  looks.set(page, forPage);
  return look;
};
const looks = new WeakMap<BallotPage, Map<string, Uint8Array>>();
/** The page's mask less a seal's ink, kept from one sheet to the next. */
const lookCopy = scratch((n) => new Uint8Array(n), false);
/** The points counted as ink outside (1), and the stack of their flood. */
const outsideMap = scratch((n) => new Uint8Array(n), true);
/** The points of ink by the print (BY_PRINT_PX), looked at finely only, with those counted. */
const byPrintMap = scratch((n) => new Uint8Array(n), true);
const floodStack = scratch((n) => new Int32Array(n), false);

/**
 * The piece of ink counted outside (`ink`, w wide) from point `start`, cleared from `ink` as it is flooded: its square
 * points and how far it reaches from row `edge`. Points two apart are one piece: a thin pen sampled a point apart shows
 * as dots with gaps.
 */
const floodPiece = (ink: Uint8Array, w: number, start: number, edge: number): { area: number; far: number } => {
  const stack = floodStack(ink.length);
  let area = 0;
  let far = 0;
  let top = 0;
  stack[top++] = start;
  ink[start] = 0;
  while (top > 0) {
    const k = stack[--top]!;
    area++;
    far = Math.max(far, Math.abs(Math.floor(k / w) - edge));
    const kx = k % w;
    for (let dy = -2 * w; dy <= 2 * w; dy += w) {
      for (let dx = -2; dx <= 2; dx++) {
        const q = k + dy + dx;
        if (q < 0 || q >= ink.length || kx + dx < 0 || kx + dx >= w || ink[q] !== 1) continue;
        ink[q] = 0;
        stack[top++] = q;
      }
    }
  }
  return { area, far };
};

/**
 * Square points of the ink counted outside (`ink`, w × h, 1) that flick out of a row's box across its top or bottom
 * edge from dark ink just inside it (`darkAt`, page points), within FLICK_PT of the edge, FLICK_PT2 at most in all from a row.
 */
const flicksOutOfRows = (ink: Uint8Array, w: number, h: number, page: BallotPage, darkAt: (x: number, y: number) => boolean): number => {
  let flicks = 0;
  for (const r of page.rows) {
    let fromRow = 0;
    const b = rowBox(r.row);
    const x0 = Math.max(0, Math.floor(b.x));
    const x1 = Math.min(w, Math.ceil(b.x + b.width));
    // The first point looked at above the box and below it (lookedAt clears floor(top) … ceil(bottom) − 1); a thin
    // pen's line may show a gap of a point at the edge, on either side of it.
    for (const { edge, out } of [{ edge: Math.floor(b.y) - 1, out: -1 }, { edge: Math.ceil(b.y + b.height), out: 1 }]) {
      const darkInside = (x: number): boolean => {
        for (let dx = -2; dx <= 2; dx++) if (darkAt(x + dx + 0.5, edge - out + 0.5) || darkAt(x + dx + 0.5, edge - 2 * out + 0.5)) return true;
        return false;
      };
      for (const y of [edge, edge + out]) {
        if (y < 0 || y >= h) continue;
        for (let x = x0; x < x1; x++) {
          if (ink[y * w + x] !== 1 || !darkInside(x)) continue;
          const { area, far } = floodPiece(ink, w, y * w + x, edge);
          if (area <= FLICK_PT2 && far < FLICK_PT) fromRow += area;
        }
      }
    }
    // A zigzag written across the row's edge leaves many such pieces: more than FLICK_PT2 in all is writing.
    if (fromRow <= FLICK_PT2) flicks += fromRow;
  }
  return flicks;
};

/** New ink outside the rows in square points (less the rows' strokes flown off), and a stroke of writing where that is under the limit. */
interface OutsideInk {
  readonly area: number;
  /** Found by the finer look (outside-strokes.ts) where the area is under OUTSIDE_INK_PT2 but not 0. */
  readonly stroke: FinePiece | null;
}

/**
 * New ink, in square points, anywhere on the page outside the boxes where ink is expected: one nearest
 * sample per point, against the paper level of each band of STRIP points and the printed form. Band by band: the
 * band's samples, its paper level, then its points darker than ink. Where some is found but less than
 * OUTSIDE_INK_PT2, the page is looked at again finely around it for a stroke of writing (a thin pen between samples).
 */
const inkOutside = (
  img: GreyImage, reg: Registration, form: FormPage, page: BallotPage, found: SealFound, size: { width: number; height: number },
): OutsideInk => {
  const seal = found.reading;
  const w = Math.floor(size.width);
  const h = Math.floor(size.height);
  let look = lookedAt(page, seal, w, h);
  if (seal.circle !== null || found.ink !== null) {
    const copy = lookCopy(look.length);
    copy.set(look);
    look = copy;
    if (seal.circle !== null) clearDisc(look, w, h, seal.circle);
    if (found.ink !== null) clearSealInk(look, w, h, page.seal, found.ink);
  }
  const t = reg.transform;
  // The map's x terms of each column, as the sum a·(x + 0.5) + b·(y + 0.5) + c would have them.
  const ax = new Float64Array(w);
  const dx = new Float64Array(w);
  for (let x = 0; x < w; x++) { ax[x] = t.a * (x + 0.5); dx[x] = t.d * (x + 0.5); }
  const values = new Uint8Array(STRIP * w);
  const hist = new Uint32Array(256);
  const { width: iw, height: ih, data } = img;
  const printed = printedNearAll(form, w, h, NEAR_PRINT_PX);
  const byPrint = printedNearAll(form, w, h, BY_PRINT_PX);
  const ink = outsideMap(w * h);
  const near = byPrintMap(w * h);
  let nearby = 0;
  const levels = new Float64Array(Math.ceil(h / STRIP));
  let n = 0;
  for (let y0 = 0; y0 < h; y0 += STRIP) {
    const y1 = Math.min(h, y0 + STRIP);
    values.fill(255);
    hist.fill(0);
    let count = 0;
    for (let y = y0; y < y1; y++) {
      const by = t.b * (y + 0.5);
      const ey = t.e * (y + 0.5);
      const row = y * w;
      const at = (y - y0) * w;
      for (let x = 0; x < w; x++) {
        if (look[row + x] === 0) continue;
        // On the scan: Math.floor of each from 0, under its width and height.
        const sx = ax[x]! + by + t.c;
        const sy = dx[x]! + ey + t.f;
        if (!(sx >= 0 && sy >= 0 && sx < iw && sy < ih)) continue;
        const v = data[floorOf(sy) * iw + floorOf(sx)]!;
        values[at + x] = v;
        hist[v]!++;
        count++;
      }
    }
    // The 90th percentile (counted from the light end): the paper level of the band.
    let paper = 255;
    let total = 0;
    for (let q = 255; q >= 0 && count > 0; q--) {
      total += hist[q]!;
      if (total >= 0.1 * count) { paper = q; break; }
    }
    const level = paper * INK_LEVEL;
    levels[y0 / STRIP] = level;
    for (let y = y0; y < y1; y++) {
      const row = y * w;
      const at = (y - y0) * w;
      for (let x = 0; x < w; x++) {
        if (look[row + x] === 1 && values[at + x]! < level && printed[row + x] === 0) {
          if (byPrint[row + x] === 1 && values[at + x]! >= level * BY_PRINT_DARK) {
            nearby++;
            near[row + x] = 1;
            continue;
          }
          n++;
          ink[row + x] = 1;
        }
      }
    }
  }
  if (n === 0 && nearby === 0) return { area: 0, stroke: null };
  const darkAt = (x: number, y: number): boolean => {
    const sx = t.a * x + t.b * y + t.c;
    const sy = t.d * x + t.e * y + t.f;
    return sx >= 0 && sy >= 0 && sx < iw && sy < ih && data[floorOf(sy) * iw + floorOf(sx)]! < levels[Math.floor(y / STRIP)]!;
  };
  const area = n - flicksOutOfRows(ink, w, h, page, darkAt);
  // Under the limit, the few points left may be a thin pen line between the samples: looked at finely around them.
  if (area < OUTSIDE_INK_PT2 && nearby > 0) for (let q = 0; q < ink.length; q++) if (near[q] === 1) ink[q] = 1;
  const stroke = (area > 0 || nearby > 0) && area < OUTSIDE_INK_PT2
    ? strokeOutside(ink, { img, t, w, h, look, printed, levelAt: (y) => levels[Math.floor(y / STRIP)]!, rows: page.rows.map((r) => ({ row: r.row, zone: rowBox(r.row) })) })
    : null;
  return { area, stroke };
};

export interface ReadOptions {
  /**
   * A phone photo (photo.ts) and its fewest photo pixels per point: each name row's map is refined on its printed
   * name (align-row.ts; the map from four small marks may leave a row half a point off); a struck line must run
   * through the letters, not along their foot; below PHOTO.lowPxPerPt a name is read as kept only when nothing
   * longer than PHOTO.keptPt crosses its letters (a stroke through half a short word shows a point or two of ink
   * between the letters' blurred edges); nor when a pen line longer than a dot reaches into the name from beside it
   * (RowThresholds.fromPad); at any resolution, nor when its letters' core holds pen ink (RowThresholds.bareCore).
   * A scan's marks are sharp and large: its map and thresholds are kept.
   */
  readonly photo?: { readonly pxPerPt: number };
}

export const readSheet = (scan: GreyImage, target: ScanTarget, sheet: number, options: ReadOptions = {}): SheetOutcome => {
  const reg = register(scan, target);
  if (!reg.ok) return { kind: 'rejected', sheet, reason: reg.error };
  const { transform: t, pageIndex } = reg.value;
  const page = target.layout.pages[pageIndex]!;
  const form = target.pages[pageIndex]!;
  // A ballot folded for the box: its creases are cleared once, before anything is read (sheet-folds.ts).
  const creases = findCreases(scan, t, form);
  const img = creases.length > 0 ? clearCreases(scan, t, form, creases) : scan;
  const strikeRow = (g: RowGuide): RowReading => {
    const reading = options.photo === undefined ? readStrikeRow(img, t, form, g)
      : readStrikeRow(img, alignRow(img, t, form, g), form, g, {
        keptPt: options.photo.pxPerPt < PHOTO.lowPxPerPt ? PHOTO.keptPt : STRIKE.keptPt, minAbovePt: PHOTO.minAbovePt, circles: true, fromPad: true, bandLine: true, upperOfTwo: true,
        entering: options.photo.pxPerPt < PHOTO.lowPxPerPt ? PHOTO.entering : ENTERING, bareCore: true, strikePieces: true, linedPieces: options.photo.pxPerPt < PHOTO.coarsePxPerPt, wholeMarks: true, openLoops: true, dots: true, dotsOnLetters: true, followEnds: true, creases: true,
        notOverUnderline: options.photo.pxPerPt < PHOTO.lowPxPerPt, followByPrint: options.photo.pxPerPt >= PHOTO.lowPxPerPt,
        endsOffBlank: options.photo.pxPerPt < PHOTO.lowPxPerPt,
        tickSlivers: true, tickBox: true,
      });
    return alongCrease(reading, g, creases, form) ? { ...reading, state: 'uncertain', confidence: 0 } : reading;
  };
  const rows: RowReading[] = target.layout.form === 'strike-out'
    ? form.rows.map(strikeRow)
    : target.layout.form === 'write-in' ? [] : form.rows.map((g) => readMarksRow(img, t, form, g));
  const found = readSeal(img, t, form, page);
  const seal = found.reading;
  const outside = target.layout.form === 'write-in' ? { area: 0, stroke: null } : inkOutside(img, reg.value, form, page, found, target.layout);
  return {
    kind: 'read', sheet, registration: reg.value,
    page: { pageIndex, rows, seal, outsideInk: outside.area, writingOutside: outside.area >= OUTSIDE_INK_PT2 || outside.stroke !== null },
  };
};
