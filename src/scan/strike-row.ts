/**
 * A name row of a strike-out ballot (docs/rules.md §5: the voter strikes the WHOLE name of each person rejected).
 * - struck: one pen line — straight, slanted, wavy, doubled, starting a little late or ending a little early —
 *   crosses the whole name through its letters: most of the name and at least half of every word, or from inside
 *   its first word to inside its last crossing every word between;
 * - partial ("gạch một phần"): a pen stroke through the letters of part of the name only (the family name, a
 *   word, half of it): never counted, the board rules;
 * - kept: nothing crosses the letters but marks too short to be a stroke (a dot); underlines run below the letters,
 *   circles around them, ticks beside them;
 * - uncertain: anything else (a faint line, a line through the whole name but not clearly through its letters).
 * Pen ink is new ink thin enough to be a stroke (at most PEN_THICKNESS_PT tall in its column): the edge of a
 * printed letter that the scan shows a little off the blank form runs the letter's full height and is not pen.
 */
import type { Box } from '../documents/ballot-layout.ts';
import { FORM_PER_POINT, PRINTED, type FormPage, type RowGuide } from './form.ts';
import { COARSE_PHOTO_PX_PER_PT, SHARP_PHOTO_PX_PER_PT } from './photo-marks.ts';
import type { GreyImage } from './image.ts';
import { lightOutsideBand, lightRunPt, RIM_OUTSIDE_PT2, ringOver, withoutRing } from './coffee-ring.ts';
import { fingerprintAt, withoutPatch, type Patch } from './fingerprint.ts';
import { floodPiece, pieceBox } from './flood.ts';
import { dotOnLetters } from './dot-on-letters.ts';
import { faintStubIntoLetter } from './faint-stub.ts';
import { coarseScan, inkBesidePrint, piecesAlongName, strikePieceBesidePrint, thinLineBesidePrint, type BesideLook, type InkPiece } from './ink-beside-print.ts';
import { creaseThrough } from './sheet-crease.ts';
import { pencilLine } from './faint-line.ts';
import { lineOffBlank, offBlank, PENCIL_LINE, pencilLineOffBlank, pencilLineUpright, pencilThroughPart, penSpot, type ColumnSpan } from './pencil-off-blank.ts';
import { fitBlank, type BlankFit } from './photo-blank-model.ts';
import { steepLine, steepPencil } from './pencil-steep.ts';
import { noPenInk, palePenPart, PENCIL_FAINT, pencilCourse, pencilShort, pencilSpeck, pencilStrike, type PencilCourse } from './pencil-strike.ts';
import { lightBand, tinted } from './light-band.ts';
import { clamp01, closeGaps, crossing, FAINT_LEVEL, inkOf, type Crossing, type StrikeRowReading } from './read-rows.ts';
import { sampleRow, type RowSample } from './row-sample.ts';
import { followedOffBlank } from './photo-ends.ts';
import { bridgeHidden, followedEnds, followedHoles, NEAR_LEVEL, type LineEnds, type Pixels } from './strike-ends.ts';
import { followLine, HIDDEN, PAPER, PEN } from './stroke-path.ts';
import type { Affine } from './transform.ts';

/** Thresholds of the strike decision. */
export const STRIKE = {
  /** Struck: the line crosses this share of the name, and this share of each word (a line may start late or end early). */
  struckCoverage: 0.7,
  struckWord: 0.2,
  /** …or, for the first or last word, this share of it crossed as followed under its letters (strike-ends.ts). */
  endWord: 0.5,
  /** …with at most this slope, its middle within the letters' band, wandering from a straight course by at most this (points, RMS). */
  maxSlope: 0.45,
  maxWanderPt: 3.5,
  /**
   * …or (startsLateEndsEarly), on a name of three words or more: the first and last word crossed at most `inside` each,
   * neither from the name's edge, and at least `followed` as followed under its letters or struckWord as seen; every
   * word between at least `crossed` as seen. A thin pen through half the name from the first word's last letter on
   * (200 dpi partial probe 32,172 c001) was followed back 0.21 into that word, seen 0 in it: read struck. Late-start
   * early-end strikes on a three-word name reaching this rule (30 ballots each at 150 / 200 / 300 dpi, seeds 5,000–5,029,
   * 4 / 1 / 0 rows): followed 0.32–0.47 where not seen, seen 0.20–0.38 otherwise.
   */
  lateEarly: { inside: 0.8, crossed: 0.9, followed: 0.3 },
  /** A stroke through the letters at least this long (points) is deliberate: a partial strike at least. */
  partialPt: 5,
  /** Kept: no stroke through the letters longer than this (points, a dot)… */
  keptPt: 3.5,
  /** …and no faint line across this share of the name (a pencil). */
  faintRun: 0.4,
  /**
   * …nor across this share of one word of a name of two words or more (RowThresholds.faintWord): a thin pen through
   * the family name only, blurred pale, shows as nothing but faint ink from one end of that word to the other. Rows
   * with no mark stay under 0.75 (150–300 dpi), rows with a mark that keeps the name mostly under 0.8.
   */
  faintWord: 0.85,
  /**
   * …and on a coarse scan (ink-beside-print.ts coarseScan: 150 dpi), across this share of one word. With the blank form's names where
   * the PDF puts them (form.ts FORM_FINER) the letters' edges leave little faint ink: rows kept at 150 dpi stay under
   * 0.28 (circles, dots; 2,578 rows of the stress set and the bench's mix, but one tick on the name at 0.52), while a
   * thin pen or a ballpoint through half a word showed only faint ink over 0.33–0.47 of it (stress seeds 150,513,
   * 150,588, 151,059: read kept with confidence).
   */
  faintWordCoarse: 0.3,
} as const;

/**
 * On a phone photo (sheet.ts ReadOptions): a struck line's middle at least minAbovePt above the letters' foot (real
 * strikes: 3 pt and more; a tight circle's lower side blurred into the foot: under 1 pt), a circle's side not taken
 * for a strike (RowThresholds.circles); and, with fewer pixels a
 * point than lowPxPerPt, a name kept only when no stroke through its letters is longer than keptPt (points), nor a
 * shorter, thicker line than on a scan runs up to a letter (entering: a thin light stroke, blurred, showed 2 pt of
 * ink 1.5 pt tall before the name and specks inside it — photo 30,110, read kept with confidence 1) — and at any
 * resolution not when its letters' core holds pen ink (RowThresholds.bareCore); such a photo whose letters' edges
 * are softer than softEdges (sharp 1080p photos 0.42–0.45, blurred from σ 0.6 up under 0.38, 3 MP under 0.41) has its
 * names read kept checked against the blank form blurred as the photo is, or is refused when blurred so far that a
 * thin pen line would not show (photo-soft.ts). Below coarsePxPerPt (a 1080p shot) the strike pieces beside the
 * print count only two along one line (RowThresholds.linedPieces).
 */
export const PHOTO = { minAbovePt: 1.5, lowPxPerPt: SHARP_PHOTO_PX_PER_PT, coarsePxPerPt: COARSE_PHOTO_PX_PER_PT, keptPt: 1.25, entering: { pt: 2, thin: 0.8 }, softEdges: 0.415 } as const;

/** A pencil's line (pencil-strike.ts), blurred: the rows this near it (points) are its own, not a highlighter's tint. */
const PENCIL_APART_PT = 1.5;

/** Thicker than this in its column (points), new ink is not a pen stroke (a felt pen is 2.5–4 pt). */
const PEN_THICKNESS_PT = 5.5;
/** A circle: lines above and below the letters across at least this share of the name each. */
const LOOP_SHARE = 0.7;
/** A tick: at most this wide, at least this tall (points). */
const TICK_WIDTH_PT = 16;
const TICK_HEIGHT_PT = 7;

/**
 * Ink `width` × `height` pixels (k a point) whose lowest point lies `leftUp` below its left end's lowest and `rightUp`
 * below its right end's is a tick's V: at most TICK_WIDTH_PT wide, at least TICK_HEIGHT_PT tall and about as tall as
 * wide, lowest between its ends (a slash through a word is lowest at one end) — its long arm on the right.
 */
export const veeShape = (width: number, height: number, leftUp: number, rightUp: number, k: number): boolean =>
  width <= TICK_WIDTH_PT * k && height >= TICK_HEIGHT_PT * k && height >= 0.9 * width && leftUp >= 1.5 * k && rightUp >= 3 * k;

/** Printed within one pixel: the blurred edge of a letter may be there. */
const nearPrint = (printedAt: (i: number, j: number) => boolean, i: number, j: number): boolean => {
  for (let dj = -1; dj <= 1; dj++) for (let di = -1; di <= 1; di++) if (printedAt(i + di, j + dj)) return true;
  return false;
};

/**
 * New ink as the path sees it: pen (new ink at most PEN_THICKNESS_PT tall in its column: strong, or faint away
 * from the letters — a thin line the scan made pale), hidden (printed, faint by a letter, or thick new ink), paper.
 */
const classify = (ink: Uint8Array, printedAt: (i: number, j: number) => boolean, w: number, h: number, k: number): Uint8Array => {
  const cls = new Uint8Array(w * h);
  const thick = PEN_THICKNESS_PT * k;
  const pen = new Uint8Array(w * h);
  for (let q = 0; q < pen.length; q++) {
    const v = ink[q]!;
    const i = q % w;
    const j = (q - i) / w;
    pen[q] = v === 1 || (v === 2 && i > 0 && j > 0 && i < w - 1 && j < h - 1 && !nearPrint(printedAt, i, j)) ? 1 : 0;
  }
  for (let i = 0; i < w; i++) {
    let j = 0;
    while (j < h) {
      const v = pen[j * w + i]!;
      if (v !== 1) {
        cls[j * w + i] = ink[j * w + i] !== 0 || printedAt(i, j) ? HIDDEN : PAPER;
        j++;
        continue;
      }
      let e = j;
      while (e < h && pen[e * w + i] === 1) e++;
      const c = e - j <= thick ? PEN : HIDDEN;
      for (let q = j; q < e; q++) cls[q * w + i] = c;
      j = e;
    }
  }
  return cls;
};

interface Line {
  readonly coverage: number;
  readonly leastWord: number;
  /** The columns it crosses (gaps closed), the share of each word it crosses, and its ends within the name. */
  readonly hit: Uint8Array;
  readonly words: readonly number[];
  readonly ends: LineEnds | null;
  readonly slope: number;
  /** Its middle is within the letters' band and it keeps a straight (or wavy) course. */
  readonly through: boolean;
  /** Its longest stretch through the letters' band, in points. */
  readonly inBandPt: number;
  /** How far its middle is above the foot of the letters' band (j1), in points. */
  readonly abovePt: number;
  /** Its row at a column: its pen ink's middle where it crosses it, else its straight course. */
  readonly rowAt: (i: number) => number;
}

/**
 * A pen line across at least this share of the name, ending inside it (coarseCoverage on a coarse scan)… A pencil's
 * whole strike seen as pen ink only in short pieces (0.03–0.09 of the name) has its course elsewhere. At 150 dpi a thin
 * pen through all but the family name seen across 0.48 of it (partial probe 31,437 c001) was struck by the pencil path
 * at 0.5; no pencil whole strike there changes down to 0.3 (seeds 9,000–9,029, every row or every other). At 200 dpi a
 * pencil's pen line across 0.48 leaves the pencil's course beyond its end (variety seed 9,001 c007): 0.5 holds there.
 */
const PEN_END = { coverage: 0.5, coarseCoverage: 0.4, columns: 4, coarseColumns: 3, paper: 0.9 } as const;

/**
 * …with paper on its course beyond that end, away from the letters (the median of its darkest pixel within a pixel of
 * the course at least PEN_END.paper of the paper, over PEN_END.columns such columns or more; coarseColumns on a coarse
 * scan, where a short word such as "Bế" leaves three: 150 dpi partial probe 46,052 c010, 0.97 / 0.94 / 0.83, struck with
 * four asked; no pencil whole strike of 150 dpi seeds 9,000–9,029 changes, one of 227 at 200 dpi would): a pen that stopped there,
 * not a pencil's whole strike, whose graphite goes on grey (0.78–0.83 of the paper at 150 dpi, test/scan/variety.test.ts
 * pencilPlan 9,000–9,029) where the pen path lost it. A thin ballpoint through part of a name (150 dpi partial 31,017
 * c013: 0.98) is then the board's, never struck by the pencil path.
 */
const penEndOnPaper = (
  line: Line, data: Uint8Array | Uint8ClampedArray, w: number, h: number, paper: number,
  printedAt: (i: number, j: number) => boolean, i0: number, i1: number, coarse: boolean,
): boolean => {
  const ends = line.ends;
  const columns = coarse ? PEN_END.coarseColumns : PEN_END.columns;
  if (!line.through || ends === null || line.coverage < (coarse ? PEN_END.coarseCoverage : PEN_END.coverage)) return false;
  const onPaper = (a: number, b: number): boolean => {
    const v: number[] = [];
    for (let i = a; i < b; i++) {
      const r = Math.round(line.rowAt(i));
      if (nearPrint(printedAt, i, r)) continue;
      let least = Infinity;
      for (let j = Math.max(0, r - 1); j <= Math.min(h - 1, r + 1); j++) least = Math.min(least, data[j * w + i]! / paper);
      v.push(least);
    }
    if (v.length < columns) return false;
    v.sort((x, y) => x - y);
    return v[Math.floor(v.length / 2)]! >= PEN_END.paper;
  };
  return onPaper(i0, Math.min(i1, ends.first)) || onPaper(Math.max(i0, ends.last + 1), i1);
};

/** A word's columns [a, b) of the sample, within the name's [i0, i1). */
const wordColumns = (word: RowGuide['words'][number], k: number, area: Box, i0: number, i1: number): { a: number; b: number } =>
  ({ a: Math.max(i0, Math.round((word.x0 - area.x) * k)), b: Math.min(i1, Math.round((word.x1 - area.x) * k)) });

/** Share of the name's columns [i0, i1) that `hit` marks, and of each word's. */
const shares = (hit: Uint8Array, k: number, area: Box, g: RowGuide, i0: number, i1: number): { coverage: number; words: number[] } => {
  let covered = 0;
  for (let i = i0; i < i1; i++) covered += hit[i]!;
  const words = g.words.map((word) => {
    const { a, b } = wordColumns(word, k, area, i0, i1);
    let n = 0;
    for (let i = a; i < b; i++) n += hit[i]!;
    return b > a ? n / (b - a) : 0;
  });
  return { coverage: i1 > i0 ? covered / (i1 - i0) : 0, words };
};

/** The largest share of one word of a name of two words or more that the longest run of `c` crosses (0 for one word). */
const runOverWord = (c: { readonly runFrom: number; readonly runTo: number }, k: number, area: Box, g: RowGuide, i0: number, i1: number): number => {
  if (g.words.length < 2) return 0;
  let most = 0;
  for (const word of g.words) {
    const { a, b } = wordColumns(word, k, area, i0, i1);
    if (b > a) most = Math.max(most, (Math.min(b, c.runTo) - Math.max(a, c.runFrom)) / (b - a));
  }
  return most;
};

/** The line through the most pen ink (kept within rows lo–hi, by default the whole row), and how it crosses the name. */
const lineAcross = (
  cls: Uint8Array, w: number, h: number, k: number, area: Box, g: RowGuide, i0: number, i1: number, j0: number, j1: number,
  lo = Math.round(k), hi = h - 1 - Math.round(k),
): Line => {
  const path = followLine(cls, w, h, lo, hi);
  const hit = new Uint8Array(w);
  const top = new Int32Array(w);
  const bottom = new Int32Array(w);
  for (let i = 0; i < w; i++) {
    const j = path[i]!;
    if (cls[j * w + i] !== PEN) continue;
    hit[i] = 1;
    let a = j;
    let b = j;
    while (a > 0 && cls[(a - 1) * w + i] === PEN) a--;
    while (b < h - 1 && cls[(b + 1) * w + i] === PEN) b++;
    top[i] = a;
    bottom[i] = b;
  }
  closeGaps(hit, top, bottom, (i, j) => cls[j * w + i] === HIDDEN, k);
  const { coverage, words } = shares(hit, k, area, g, i0, i1);
  const leastWord = Math.min(1, ...words);
  // A straight course fitted through the pen ink of the line, about the name's middle column.
  const xc = (i0 + i1) / 2;
  let n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (let i = 0; i < w; i++) {
    if (cls[path[i]! * w + i] !== PEN) continue;
    const x = i - xc;
    const y = (top[i]! + bottom[i]!) / 2;
    n++; sx += x; sy += y; sxx += x * x; sxy += x * y;
  }
  const det = n * sxx - sx * sx;
  const slope = n > 2 && det > 0 ? (n * sxy - sx * sy) / det : 0;
  const mid = n > 0 ? (sy - slope * sx) / n : 0;
  let wander = 0;
  let inBand = 0;
  let longestInBand = 0;
  for (let i = 0; i < w; i++) {
    if (cls[path[i]! * w + i] === PEN) wander += ((top[i]! + bottom[i]!) / 2 - (mid + slope * (i - xc))) ** 2;
    const inside = i >= i0 && i < i1 && hit[i] === 1 && path[i]! >= j0 && path[i]! < j1;
    inBand = inside ? inBand + 1 : 0;
    longestInBand = Math.max(longestInBand, inBand);
  }
  const rms = n > 0 ? Math.sqrt(wander / n) / k : Infinity;
  let first = i0;
  while (first < i1 && hit[first] === 0) first++;
  let last = i1 - 1;
  while (last > first && hit[last] === 0) last--;
  const rowAt = (i: number): number => (hit[i] === 1 && cls[path[i]! * w + i] === PEN ? (top[i]! + bottom[i]!) / 2 : mid + slope * (i - xc));
  return {
    coverage, leastWord, slope, hit, words,
    ends: first < i1 ? { first, last, firstRow: rowAt(first), lastRow: rowAt(last), slope } : null,
    through: mid >= j0 && mid < j1 && rms <= STRIKE.maxWanderPt && Math.abs(slope) <= STRIKE.maxSlope,
    inBandPt: longestInBand / k, abovePt: (j1 - mid) / k, rowAt,
  };
};

/** Share of the name's columns [i0, i1) that a line kept within rows lo–hi crosses on pen ink; and its path. */
const lineWithin = (cls: Uint8Array, w: number, h: number, lo: number, hi: number, i0: number, i1: number): { share: number; path: Int16Array } => {
  const path = followLine(cls, w, h, lo, hi);
  let n = 0;
  for (let i = i0; i < i1; i++) if (cls[path[i]! * w + i] === PEN) n++;
  return { share: i1 > i0 ? n / (i1 - i0) : 0, path };
};

/** A pen line above or below the letters' band across most of the name: a circle's side (or an underline). */
const besideBand = (cls: Uint8Array, w: number, h: number, i0: number, i1: number, j0: number, j1: number): boolean =>
  (j0 >= 3 && lineWithin(cls, w, h, 0, j0 - 1, i0, i1).share >= LOOP_SHARE) ||
  (j1 <= h - 3 && lineWithin(cls, w, h, j1, h - 1, i0, i1).share >= LOOP_SHARE);

/** A pen line below the letters' band across most of the name: an underline, or a circle's lower side. */
const underLetters = (cls: Uint8Array, w: number, h: number, i0: number, i1: number, j1: number): boolean =>
  j1 <= h - 3 && lineWithin(cls, w, h, j1, h - 1, i0, i1).share >= LOOP_SHARE;

/** Pen lines both above and below the letters' band across most of the name: a circle round it. */
const loopAround = (cls: Uint8Array, w: number, h: number, i0: number, i1: number, j0: number, j1: number): boolean =>
  j0 >= 3 && j1 <= h - 3 && lineWithin(cls, w, h, 0, j0 - 1, i0, i1).share >= LOOP_SHARE && lineWithin(cls, w, h, j1, h - 1, i0, i1).share >= LOOP_SHARE;

/** The line crosses the whole name: most of it, and enough of each word (STRIKE). */
const isWhole = (l: Line): boolean => l.coverage >= STRIKE.struckCoverage && l.leastWord >= STRIKE.struckWord;
/** How far a whole line is past the least a strike crosses: the name's coverage by 0.1, its least word by 0.3. */
const struckConfidence = (l: Line): number => clamp01(Math.min((l.coverage - STRIKE.struckCoverage) / 0.1, (l.leastWord - STRIKE.struckWord) / 0.3));

/** Columns this far (points) inside either end of the name: a circle's sides never reach them within the letters' band. */
const LOOP_SIDE_PT = 6;
/** …nor, anywhere, the letters' band but for this much (points) at its top and at its foot. */
const LOOP_CORE_PT = { top: 2.5, foot: 2 } as const;

/**
 * With a circle round the name found and cleared, a pen line from the pad reaching at most this far (points) into the
 * name is the circle's end, not a stroke (RowThresholds.fromPad): a circle wider than the row's sample (its PAD_PT),
 * or open, leaves its closing tail or its open end as a piece of its own that reaches a column or two into the last
 * (or first) letter — photos 160,011, 170,046, 180,007 of the bench (1, 2 and 1 columns of 2 a point).
 */
const CIRCLE_END_PT = 1.5;

/**
 * The pen ink crossing the letters' band in columns [from, to) (a circle's end from the pad, CIRCLE_END_PT) cleared
 * from `cls` with everything joined to it; false (and `cls` untouched) when it reaches further than CIRCLE_END_PT into the name.
 */
const clearCircleEnd = (cls: Uint8Array, w: number, h: number, k: number, from: number, to: number, i0: number, i1: number, j0: number, j1: number): boolean => {
  const seen = new Uint8Array(cls.length);
  const end: number[] = [];
  for (let j = j0; j < j1; j++) {
    for (let i = from; i < to; i++) {
      const q0 = j * w + i;
      if (cls[q0] === PEN && seen[q0] === 0) floodPiece(w, h, q0, seen, (q) => cls[q] === PEN, (_x, _y, q) => end.push(q));
    }
  }
  const reach = CIRCLE_END_PT * k;
  if (end.some((q) => q % w >= i0 + reach && q % w < i1 - reach)) return false;
  for (const q of end) cls[q] = HIDDEN;
  return true;
};

/** A circle left open (the pen lifted before it closed): pen lines above and below the letters' band across at least this share of the name each… */
const OPEN_SIDE = 0.15;
/** …and across this share of it together (the gap, above or below, is where the other side runs). */
const OPEN_TOGETHER = 0.8;

/** The lines above and below the band (lineWithin) of a circle left open: each across OPEN_SIDE, together across OPEN_TOGETHER. */
const openLoop = (cls: Uint8Array, w: number, above: { share: number; path: Int16Array }, below: { share: number; path: Int16Array }, i0: number, i1: number): boolean => {
  if (above.share < OPEN_SIDE || below.share < OPEN_SIDE) return false;
  let n = 0;
  for (let i = i0; i < i1; i++) if (cls[above.path[i]! * w + i] === PEN || cls[below.path[i]! * w + i] === PEN) n++;
  return n >= OPEN_TOGETHER * (i1 - i0);
};

/**
 * A circle around the name: pen lines both above and below the letters' band across most of the name. Its pen
 * ink (everything connected to those two lines, also through its own ink too thick in its columns to be pen — a
 * circle's near-upright sides — and, by the name's ends, under the letters its sides pass over) is cleared from
 * `cls`, so that what crosses the letters apart from it can be measured; false (and `cls` untouched) when there is no such loop, or when pen ink connected to it crosses the
 * letters' middle away from the name's ends (a stroke drawn into the circle: not cleared with it).
 */
const clearLoop = (
  cls: Uint8Array, newInk: (q: number) => boolean, w: number, h: number, k: number, i0: number, i1: number, j0: number, j1: number, open = false,
): boolean => {
  if (j0 < 3 || j1 > h - 3) return false;
  const above = lineWithin(cls, w, h, 0, j0 - 1, i0, i1);
  const below = lineWithin(cls, w, h, j1, h - 1, i0, i1);
  if ((above.share < LOOP_SHARE || below.share < LOOP_SHARE) && !(open && openLoop(cls, w, above, below, i0, i1))) return false;
  const seen = new Uint8Array(cls.length);
  const stack: number[] = [];
  for (const { path } of [above, below]) {
    for (let i = 0; i < w; i++) {
      const q = path[i]! * w + i;
      if (cls[q] === PEN && seen[q] === 0) { seen[q] = 1; stack.push(q); }
    }
  }
  const pen: number[] = [];
  const side = Math.round(LOOP_SIDE_PT * k);
  // The letters' core: a tight circle's lower side may run along their foot, a stroke through them crosses their middle.
  const core0 = j0 + Math.round(LOOP_CORE_PT.top * k);
  const core1 = j1 - Math.round(LOOP_CORE_PT.foot * k);
  while (stack.length > 0) {
    const p = stack.pop()!;
    const x = p % w;
    if (cls[p] === PEN) {
      const y = (p - x) / w;
      if (y >= core0 && y < core1 && x >= i0 + side && x < i1 - side) return false;
      pen.push(p);
    }
    for (let dy = -w; dy <= w; dy += w) {
      for (let dx = -1; dx <= 1; dx++) {
        const q = p + dy + dx;
        if (q < 0 || q >= cls.length || (dx === -1 && x === 0) || (dx === 1 && x === w - 1) || seen[q] === 1) continue;
        // Through hidden ink: its own ink too thick to be pen, and, by the name's ends, the letters it passes over.
        const qx = q % w;
        if (cls[q] !== PEN && !(cls[q] === HIDDEN && (newInk(q) || qx < i0 + side || qx >= i1 - side))) continue;
        seen[q] = 1;
        stack.push(q);
      }
    }
  }
  for (const q of pen) cls[q] = HIDDEN;
  return true;
};

/** An underline: its ink at most this far (points) above the band's foot (j1, half a point under the letters' foot)… */
const UNDER_REACH_PT = 0.75;
/** …its pen ink cleared where a column's stroke stays this far (points) lower still: thicker, it touches more than the foot. */
const UNDER_TOP_PT = 1;

/**
 * An underline drawn close under the name, touching the letters' foot: a pen line across most of the name kept
 * at or below the letters' foot. Its pen ink is cleared from `cls` column by column, where the column's stroke does
 * not reach up into the letters (a strike joined to it stays, and is measured); false when there is no such line.
 */
const clearUnderline = (cls: Uint8Array, w: number, h: number, k: number, i0: number, i1: number, j1: number): boolean => {
  const lo = j1 - Math.round(UNDER_REACH_PT * k);
  if (lo >= h - 3) return false;
  const { share, path } = lineWithin(cls, w, h, lo, h - 1, i0, i1);
  if (share < LOOP_SHARE) return false;
  const highest = lo - Math.round(UNDER_TOP_PT * k);
  for (let i = 0; i < w; i++) {
    if (cls[path[i]! * w + i] !== PEN) continue;
    let a = path[i]!;
    let b = a;
    while (a > 0 && cls[(a - 1) * w + i] === PEN) a--;
    while (b < h - 1 && cls[(b + 1) * w + i] === PEN) b++;
    if (a < highest) continue;
    for (let j = a; j <= b; j++) cls[j * w + i] = HIDDEN;
  }
  return true;
};

/**
 * A line under the name is looked for from this far (points) under the band's foot (j1, half a point under the
 * letters'): a felt-pen underline drawn close lies there across the whole name (bench-mix underlines on 1080p photos
 * blurred σ 0.6–1: 0.99–1 of the name), a double felt-pen strike's lower line only where it slants (at most 0.43 of
 * the name; bench photos 160,010, 160,012, 160,022: 0.53–0.67 from a point higher).
 */
const UNDER_FOOT_PT = 1;

/**
 * A line of new ink across most of the name (LOOP_SHARE) UNDER_FOOT_PT or more under the letters' band, in `cls` as it
 * stands or any new ink there (`ink`): an underline drawn close. A felt pen drawn thick and blurred is too thick in its
 * column to be classed pen where it joins the letters' foot.
 */
const lineUnderName = (cls: Uint8Array, ink: Uint8Array, w: number, h: number, k: number, i0: number, i1: number, j1: number): boolean => {
  const lo = j1 + Math.round(UNDER_FOOT_PT * k);
  if (lo >= h - 3) return false;
  const under = Uint8Array.from(cls);
  for (let q = lo * w; q < w * h; q++) if (ink[q] !== 0) under[q] = PEN;
  return lineWithin(under, w, h, lo, h - 1, i0, i1).share >= LOOP_SHARE;
};

/**
 * Its long arm's top may lie this far (points) below the letters' band top (j0): a small tick (the generator's scale
 * 0.8) rises to 5.6 pt above the letters' middle, and the names printed 0.38 pt lower leave its top a point inside the
 * band (200 dpi seed 40 c005, thin ballpoint: 8.5 pt tall, its top 1 pt below the band's, sent to the board).
 */
const TICK_TOP_BELOW_PT = 1;

/** Its vertex hidden, a tick shows less than its height: at least this share of its width tall (else 0.9). */
const TICK_HIDDEN_TALL = 0.75;

/**
 * A tick over the letters whose vertex they hide (its short arm too, but maybe for its upper end): what shows is its
 * long arm, rising to the right from the letters to above their band (y0 at or above j0) — its right end is its top
 * — and its lowest visible ink runs into the letters (lowerEndHidden). Heights in pixels, `rightUp` how far the right
 * end's lowest ink is above the lowest ink of all.
 */
const hiddenVertexTick = (height: number, y0: number, j0: number, rightUp: number, k: number, belowPt: number): boolean => y0 <= j0 + belowPt * k && rightUp >= height - 2 * k;

/** A tick's short arm rises from its vertex to the left into the letters within this (points) of the vertex. */
const SHORT_ARM_PT = 1;

/** The vertex's lowest point may lie this far (points) below the left end of the ink: the pen's round tip past the turn. */
const VERTEX_TIP_PT = 0.5;

/**
 * Some of the lowest pen ink (row y1, columns x0–x1; `lowest` from column a) has printed letters just below it — or,
 * the vertex showing on the paper by the letters' foot, at its left end (within VERTEX_TIP_PT of the lowest), just up
 * to its left, where the short arm goes on under them (bench: the ticks over a name still read partly struck showed
 * their long arm down to the vertex; a third of those left showed the vertex's round tip a pixel below its left end).
 */
const lowerEndHidden = (cls: Uint8Array, w: number, h: number, k: number, x0: number, x1: number, lowest: Int32Array, a: number, y1: number): boolean => {
  for (let x = x0; x <= x1; x++) {
    if (lowest[x - a] !== y1) continue;
    for (let i = Math.max(0, x - 1); i <= Math.min(w - 1, x + 1); i++) if (y1 + 1 < h && cls[(y1 + 1) * w + i] === HIDDEN) return true;
  }
  const end = lowest[x0 - a]!;
  if (y1 - end > Math.round(VERTEX_TIP_PT * k)) return false;
  const arm = Math.round(SHORT_ARM_PT * k);
  for (let y = Math.max(0, end - arm); y <= end; y++) {
    for (let x = Math.max(0, x0 - arm); x < x0; x++) if (cls[y * w + x] === HIDDEN) return true;
  }
  return false;
};

/**
 * A tick (✓) over the letters: the pen ink of the columns [from, to) widened by 2 pt, at most TICK_WIDTH_PT wide,
 * at least TICK_HEIGHT_PT tall and as tall as wide, lowest between its ends (a V: a slash through a word, lowest at
 * one end, is not one) — or, its vertex hidden under the letters, only its long arm rising above them
 * (hiddenVertexTick; bench: a third of the ticks over a name went to the board as partly struck). Its pen ink is
 * cleared from `cls` like a loop's; its pen ink's box is returned, null when it is not a tick.
 */
const clearTick = (cls: Uint8Array, w: number, h: number, k: number, from: number, to: number, j0: number, belowPt: number): TickBox | null => {
  const a = Math.max(0, from - 2 * k);
  const b = Math.min(w, to + 2 * k);
  let x0 = w, x1 = -1, y0 = h, y1 = -1;
  const lowest = new Int32Array(b - a).fill(-1);
  // Row by row (the sample's order in memory): a column's lowest pen pixel is the last found in it.
  for (let y = 0; y < h; y++) {
    for (let x = a; x < b; x++) {
      if (cls[y * w + x] !== PEN) continue;
      x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
      lowest[x - a] = y;
    }
  }
  const width = x1 - x0 + 1;
  const height = y1 - y0 + 1;
  if (x1 < 0 || width > TICK_WIDTH_PT * k || height < TICK_HEIGHT_PT * k || height < TICK_HIDDEN_TALL * width) return null;
  const left = lowest[x0 - a]!;
  const right = lowest[x1 - a]!;
  const vee = veeShape(width, height, y1 - left, y1 - right, k);
  if (!vee && !(hiddenVertexTick(height, y0, j0, y1 - right, k, belowPt) && lowerEndHidden(cls, w, h, k, x0, x1, lowest, a, y1))) return null;
  for (let y = 0; y < h; y++) for (let x = a; x < b; x++) if (cls[y * w + x] === PEN) cls[y * w + x] = HIDDEN;
  return { x0, x1, y0, y1 };
};

/** A cleared tick's pen ink: its columns and rows in the row's sample (inclusive). */
interface TickBox { readonly x0: number; readonly x1: number; readonly y0: number; readonly y1: number }

/**
 * A tick's short arm and vertex, hidden under the letters, leave slivers beside them (faint ink, ink darker than the
 * letters) up to this far (points) left of its visible pen ink: the short arm is 2.4–3.6 pt wide and the pen up to
 * 1.8 pt (150 dpi seed 1,000,096 c010, gel pen: two 1 × 1 pt pieces 67–68 levels darker, 0.5 and 3 pt left of the
 * long arm, read as a strike's faint pieces).
 */
const TICK_ARM_REACH_PT = 4;

/** A cleared tick's box widened left by TICK_ARM_REACH_PT: where its hidden arm's slivers may lie. */
const withArmReach = (box: TickBox, k: number): TickBox => ({ ...box, x0: Math.max(0, box.x0 - TICK_ARM_REACH_PT * k) });

/** Within a tick's reach (withArmReach), columns and rows. */
const inTickBox = (box: TickBox, left: number, right: number, top: number, foot: number): boolean =>
  left >= box.x0 && right <= box.x1 && top >= box.y0 && foot <= box.y1;

/**
 * `rest` less the faint ink (2) within a cleared tick's reach (withArmReach): its blurred edges where the letters hide the pen ink
 * between (150 dpi seed 1,000,027 c018, felt pen: a faint pixel beside each arm, 6 pt apart across a short word,
 * read as faint ink across a word).
 */
const withoutTickFaint = (rest: Uint8Array, box: TickBox, w: number): Uint8Array => {
  const out = Uint8Array.from(rest);
  for (let y = box.y0; y <= box.y1; y++) {
    for (let x = box.x0; x <= box.x1; x++) if (out[y * w + x] === 2) out[y * w + x] = 0;
  }
  return out;
};

/** A line hidden between letters: seen where its rows are inked with paper this far (points) above and below… */
const HIDDEN_CLEAR_PT = 1.5;
/** …in at least this many columns, none more than this far apart (points): a letter's own blurred edge is inked above and below too. */
const HIDDEN_SEEN = 3;
const HIDDEN_STEP_PT = 8;

/**
 * The longest stretch (points) of a line across the name that shows only between its letters: a thin stroke blurred
 * by the scanner, too faint by the print to be pen, through a word. Columns of [i0, i1) where some row of the
 * letters' middle (within a pixel of the line's row) is new ink other than pen with paper HIDDEN_CLEAR_PT above and below it, chained along one row
 * at most HIDDEN_STEP_PT apart. Such a line is never read as no mark at all.
 */
const hiddenLine = (
  cls: Uint8Array, ink: Uint8Array, printedAt: (i: number, j: number) => boolean, w: number, h: number, k: number, i0: number, i1: number, j0: number, j1: number,
): number => {
  const d = Math.round(HIDDEN_CLEAR_PT * k);
  const step = HIDDEN_STEP_PT * k;
  const paper = (i: number, j: number): boolean => ink[j * w + i] === 0 && !printedAt(i, j);
  const seenAt = (i: number, j: number): boolean => ink[j * w + i] !== 0 && cls[j * w + i] !== PEN && paper(i, j - d) && paper(i, j + d);
  let longest = 0;
  const top = j0 + Math.round(LOOP_CORE_PT.top * k);
  const foot = j1 - Math.round(LOOP_CORE_PT.foot * k);
  for (let j = Math.max(top, d + 1); j < Math.min(foot, h - d - 1); j++) {
    let first = -1;
    let last = -1;
    let n = 0;
    for (let i = i0; i < i1; i++) {
      if (!seenAt(i, j) && !seenAt(i, j - 1) && !seenAt(i, j + 1)) continue;
      if (last < 0 || i - last > step) { first = i; n = 0; }
      last = i;
      n++;
      if (n >= HIDDEN_SEEN) longest = Math.max(longest, (last - first + 1) / k);
    }
  }
  return longest;
};

/**
 * The letters' core within the name (the band but for LOOP_CORE_PT at its top and foot, columns [i0, i1)) holds no
 * pen ink (`cls`, a circle round the name cleared): faint specks by the letters are their blurred edges. A thin
 * ballpoint through half a middle syllable, on a 1080p photo, showed three pixels between "V" and "ă" and the name
 * was read kept with confidence (photo 10,142 of the bench).
 */
const bareCore = (cls: Uint8Array, w: number, k: number, i0: number, i1: number, j0: number, j1: number): boolean => {
  for (let j = j0 + Math.round(LOOP_CORE_PT.top * k); j < j1 - Math.round(LOOP_CORE_PT.foot * k); j++) {
    for (let i = i0; i < i1; i++) if (cls[j * w + i] === PEN) return false;
  }
  return true;
};

/** A stroke going under letters: at least this long (points), ending this close to print (points)… */
const ENTERING_PT = 2.5;
const ENTERING_REACH_PT = 1.5;
/** …and a line, not a dot: in its columns at most this share of its length tall. */
const ENTERING_THIN = 0.6;
export interface Entering { readonly pt: number; readonly thin: number }
/** On a scan (and a sharp photo). */
export const ENTERING: Entering = { pt: ENTERING_PT, thin: ENTERING_THIN };

/**
 * A short pen line at the height of the letters' middle (the band but for LOOP_CORE_PT at its top and foot) that
 * runs up to a letter: beside the name or in the space between two words, the part of a strike that shows when the
 * rest of it goes on under letters too dark to show it (a line through half a word shows only where it leaves the
 * word). Such a row is never read as no mark at all. A dot is as tall as it is long; a circle's side, a tick cross
 * that height steeply; an underline runs under the letters.
 */
const goesUnderLetters = (
  cls: Uint8Array, printedAt: (i: number, j: number) => boolean, w: number, h: number, k: number, j0: number, j1: number, entering: Entering = ENTERING,
): boolean => {
  const long = entering.pt * k;
  const reach = Math.round(ENTERING_REACH_PT * k);
  const tall = (i: number, j: number): number => {
    let a = j;
    let b = j;
    while (a > 0 && cls[(a - 1) * w + i] === PEN) a--;
    while (b < h - 1 && cls[(b + 1) * w + i] === PEN) b++;
    return b - a + 1;
  };
  const printedNear = (from: number, dir: 1 | -1, j: number): boolean => {
    for (let e = 0; e <= reach; e++) {
      const i = from + dir * e;
      if (i < 0 || i >= w) return false;
      for (let y = Math.max(0, j - 1); y <= Math.min(h - 1, j + 1); y++) if (printedAt(i, y)) return true;
    }
    return false;
  };
  for (let j = j0 + Math.round(LOOP_CORE_PT.top * k); j < j1 - Math.round(LOOP_CORE_PT.foot * k); j++) {
    for (let i = 0; i < w; i++) {
      if (cls[j * w + i] !== PEN) continue;
      const a = i;
      let thick = 0;
      while (i < w && cls[j * w + i] === PEN) thick = Math.max(thick, tall(i++, j));
      const n = i - a;
      if (n >= long && thick <= entering.thin * n && (printedNear(a - 1, -1, j) || printedNear(i, 1, j))) return true;
    }
  }
  return false;
};

/** A piece of pen ink in the letters at most this tall (points) is a line's, not a dot's (a dot is at least 1.2 pt across)… */
const PIECE_TALL_PT = 1.5;
/** …when it spans a gap or a counter: print this close (pixels) by both its ends (a dot's sliver beside a letter touches one). */
const BRIDGE_PX = 2;

/**
 * A thin piece of pen ink in the letters' middle (the band but for LOOP_CORE_PT at its top and foot), within the
 * name: all that shows of a thin line through half a syllable, whose ends lie inside the letters — the line shows
 * only in a gap or a counter, a pixel or two wide, as tall as the pen is wide. Such a row is never read as no mark
 * at all: the piece spans a gap or a counter (print by both its ends) with paper above and below it. A dot there is
 * taller, or touches one letter only, or is hidden above and below.
 */
const thinPieceInLetters = (
  cls: Uint8Array, printedAt: (i: number, j: number) => boolean, w: number, h: number, k: number, i0: number, i1: number, j0: number, j1: number,
): boolean => {
  const printedBy = (x: number, y: number, dir: 1 | -1): boolean => {
    for (let d = 1; d <= BRIDGE_PX; d++) for (let dy = -1; dy <= 1; dy++) if (printedAt(x + dir * d, y + dy)) return true;
    return false;
  };
  const seen = new Uint8Array(cls.length);
  const tall = PIECE_TALL_PT * k;
  for (let j = j0 + Math.round(LOOP_CORE_PT.top * k); j < j1 - Math.round(LOOP_CORE_PT.foot * k); j++) {
    for (let i = i0; i < i1; i++) {
      const q0 = j * w + i;
      if (cls[q0] !== PEN || seen[q0] === 1) continue;
      const { x0: left, x1: right, y0: top, y1: foot } = pieceBox(w, h, q0, seen, (q) => cls[q] === PEN);
      if (foot - top + 1 > tall) continue;
      let bridges = false;
      for (let y = top; y <= foot && !bridges; y++) bridges = printedBy(left, y, -1) && printedBy(right, y, 1);
      // …with paper above and below it (a dot's sliver between print above and below, or under more of its ink, is not).
      let open = false;
      for (let x = left; x <= right && !open && top > 0 && foot < h - 1; x++) open = cls[(top - 1) * w + x] === PAPER && cls[(foot + 1) * w + x] === PAPER;
      if (bridges && open) return true;
    }
  }
  return false;
};

/** A line's end cut by a letter: rows at least this share of the line's thickness end this close (pixels) to print. */
const CUT_ROWS = 0.75;
const CUT_PX = 2;

/**
 * A pen line cut off by a letter: a piece of pen ink within the letters' band, reaching their middle (the band but
 * for LOOP_CORE_PT at its top and foot), as wide as the widest dot (DOT_WIDE_PT) or wider and thinner in its columns
 * than any (under DOT_TALL of its width), whose end runs into print along its whole thickness (rows CUT_ROWS of it
 * end within CUT_PX of print) — a stroke from beside the name or from a gap between words going on under the letters
 * (a felt pen through half of "Vi" showed only 5 pt before the V, 3 pt thick: too thick for goesUnderLetters, 300 dpi
 * seeds 6,002 and 6,042; a gel pen into the "B" of "Bế", 4.5 pt by 2.5, 200 dpi seed 50,118). A dot touching a letter
 * is as tall as wide; an underline runs below the letters' middle, a circle's side and a tick cross the band steeply
 * (too tall in their columns to be pen, or to be a line).
 */
const cutByLetters = (
  cls: Uint8Array, printedAt: (i: number, j: number) => boolean, w: number, h: number, k: number, j0: number, j1: number,
): boolean => {
  const seen = new Uint8Array(cls.length);
  const top = j0 + Math.round(LOOP_CORE_PT.top * k);
  const foot = j1 - Math.round(LOOP_CORE_PT.foot * k);
  const printedWithin = (x: number, y: number, dir: 1 | -1): boolean => {
    for (let d = 1; d <= CUT_PX; d++) if (printedAt(x + dir * d, y)) return true;
    return false;
  };
  // Each piece's outline, per row and per column; a piece's rows and columns are set back once it is measured.
  const left = new Int32Array(h).fill(w);
  const right = new Int32Array(h).fill(-1);
  const upper = new Int32Array(w).fill(h);
  const lower = new Int32Array(w).fill(-1);
  for (let j = top; j < foot; j++) {
    for (let i = 0; i < w; i++) {
      const q0 = j * w + i;
      if (cls[q0] !== PEN || seen[q0] === 1) continue;
      const { x0, x1, y0, y1 } = pieceBox(w, h, q0, seen, (q) => cls[q] === PEN, (x, y) => {
        left[y] = Math.min(left[y]!, x);
        right[y] = Math.max(right[y]!, x);
        upper[x] = Math.min(upper[x]!, y);
        lower[x] = Math.max(lower[x]!, y);
      });
      const wide = x1 - x0 + 1;
      let thick = 0;
      for (let x = x0; x <= x1; x++) thick = Math.max(thick, lower[x]! - upper[x]! + 1);
      const flat = y0 >= j0 && y1 < j1 && wide >= DOT_WIDE_PT * k && thick < DOT_TALL * wide;
      let cutLeft = 0;
      let cutRight = 0;
      for (let y = y0; y <= y1; y++) {
        if (flat && printedWithin(left[y]!, y, -1)) cutLeft++;
        if (flat && printedWithin(right[y]!, y, 1)) cutRight++;
        left[y] = w;
        right[y] = -1;
      }
      upper.fill(h, x0, x1 + 1);
      lower.fill(-1, x0, x1 + 1);
      if (flat && Math.max(cutLeft, cutRight) >= CUT_ROWS * thick) return true;
    }
  }
  return false;
};

/** A dot pressed on the letters: at most this wide (points; a pen dot is up to 3 pt across, 4 with its blur)… */
const DOT_WIDE_PT = 4.5;
/** …at least this share of its width tall (a line through a syllable, however thick, is much longer than tall)… */
const DOT_TALL = 0.85;
/** …and filling at least this share of its bounding box (a short stroke drawn at a slant fills less). */
const DOT_FILLED = 0.6;

/** A dot's least height (points) and least share of its box filled. */
interface DotShape { readonly tallPt: number; readonly filled: number }
const ROW_DOT: DotShape = { tallPt: 0, filled: DOT_FILLED };
/**
 * On a photo (RowThresholds.bareCore) of 1–2 px/pt, a thin ballpoint dot pressed on the name shows as a blob 3 pixels
 * wide and 3–4 tall of the form grid that fills 0.56–0.58 of its box (bench photos 700,023 c017 and 700,027 c015, 3 MP at
 * 1.80 px/pt and 1080p at 1.10: sent to the board): such a blob, at least 1.5 pt tall, is a dot too. What a thin pen
 * through part of a name leaves in a gap between two letters is flatter, or not all of the row's pen ink.
 */
const PHOTO_DOT: DotShape = { tallPt: 1.5, filled: 0.55 };

/**
 * All the pen ink of the row (`cls`, the pad included) is one dot: a single 8-connected piece, at most DOT_WIDE_PT
 * wide, nearly as tall as wide (DOT_TALL) and filled (DOT_FILLED) — a blob, not a line: a strike through part of the
 * name, even a short thick one, is a line much longer than its thickness and shows along its course. A dot whose
 * blur makes it a little longer than STRIKE.keptPt is then still no stroke.
 */
const oneDot = (cls: Uint8Array, w: number, h: number, k: number, shape: DotShape = ROW_DOT): boolean => {
  const seen = new Uint8Array(cls.length);
  let pieces = 0;
  let x0 = w, x1 = -1, y0 = h, y1 = -1, n = 0;
  for (let q = 0; q < cls.length; q++) {
    if (cls[q] !== PEN || seen[q] === 1) continue;
    if (++pieces > 1) return false;
    floodPiece(w, h, q, seen, (p) => cls[p] === PEN, (x, y) => {
      x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
      n++;
    });
  }
  const wide = x1 - x0 + 1;
  const tall = y1 - y0 + 1;
  return pieces === 1 && wide <= DOT_WIDE_PT * k && tall >= DOT_TALL * wide && tall >= shape.tallPt * k && n >= shape.filled * wide * tall;
};

/**
 * `ink` less the pen ink a mark's clearing took from `cls` (PEN in `before`, not now), and less the faint ink (2)
 * touching it: the blurred edge of the same mark.
 */
const withoutCleared = (ink: Uint8Array, before: Uint8Array, cls: Uint8Array, w: number): Uint8Array => {
  const out = Uint8Array.from(ink);
  for (let q = 0; q < out.length; q++) {
    if (before[q] !== PEN || cls[q] === PEN) continue;
    out[q] = 0;
    const x = q % w;
    for (let dy = -w; dy <= w; dy += w) {
      for (let dx = -1; dx <= 1; dx++) {
        const p = q + dy + dx;
        if (p >= 0 && p < out.length && !(dx === -1 && x === 0) && !(dx === 1 && x === w - 1) && ink[p] === 2) out[p] = 0;
      }
    }
  }
  return out;
};

/**
 * A line across the name whose first or last word it crosses too little as seen (it starts late or ends early, and
 * that word's letters hide it): whole when, followed under that word where its gaps show it (strike-ends.ts), it
 * crosses STRIKE.endWord of it, and the name's STRIKE.struckCoverage. A line through part of a name that ends inside
 * a word is not followed past the next gap, where the paper shows no line. `further` (photos below PHOTO.lowPxPerPt,
 * whose letters' blurred edges fill their gaps): followed on from there against the blurred blank form (photo-ends.ts).
 */
const wholeWithEnds = (
  line: Line, px: Pixels, h: number, k: number, area: Box, g: RowGuide, i0: number, i1: number, bridge: boolean, further: FollowFurther | null, holes: boolean,
): boolean => {
  if (line.ends === null) return false;
  const seen = followedEnds(line.ends, px, h, k, i0, i1);
  const { from, to } = further === null ? seen : further(line.ends, seen.from, seen.to);
  const hit = Uint8Array.from(line.hit);
  hit.fill(1, from, line.ends.first);
  hit.fill(1, line.ends.last + 1, to);
  if (bridge) {
    for (const word of [g.words[0]!, g.words[g.words.length - 1]!]) {
      const { a, b } = wordColumns(word, k, area, i0, i1);
      bridgeHidden(hit, line.ends, px, h, k, a, b);
    }
  }
  if (holes) {
    for (const word of [g.words[0]!, g.words[g.words.length - 1]!]) {
      const { a, b } = wordColumns(word, k, area, i0, i1);
      followedHoles(hit, line.rowAt, line.slope, px, h, k, a, b);
    }
  }
  const { coverage, words } = shares(hit, k, area, g, i0, i1);
  const end = words.length - 1;
  return (coverage >= STRIKE.struckCoverage &&
    words.every((share, n) => line.words[n]! >= STRIKE.struckWord || ((n === 0 || n === end) && share >= STRIKE.endWord))) ||
    startsLateEndsEarly(line, words, i0, i1);
};

/** Follows a line's ends on from the columns [from, to) strike-ends.ts reached (photos: photo-ends.ts). */
type FollowFurther = (ends: LineEnds, from: number, to: number) => { readonly from: number; readonly to: number };

/**
 * A line that starts inside the first word and ends inside the last, crossing every word between them (STRIKE.lateEarly):
 * the whole name struck by a hand that started late and stopped early, however little of the name that leaves it
 * (a short middle word). A strike through part of a name starts or ends beyond it, or in a gap between words: it
 * leaves an end word uncrossed, or crosses one all through from the name's edge.
 */
const startsLateEndsEarly = (line: Line, words: readonly number[], i0: number, i1: number): boolean => {
  const { inside, crossed, followed } = STRIKE.lateEarly;
  const end = words.length - 1;
  if (end < 2 || line.hit.subarray(0, i0).includes(1) || line.hit.subarray(i1).includes(1)) return false;
  const endWord = (share: number, n: number): boolean => share <= inside && (share >= followed || line.words[n]! >= STRIKE.struckWord);
  return words.every((share, n) => (n === 0 || n === end ? endWord(share, n) : line.words[n]! >= crossed));
};

/** Where a photo's reading differs from a scan's (PHOTO). */
export interface RowThresholds {
  /** Kept only when no stroke through the letters is longer (points). */
  readonly keptPt: number;
  /** Struck only when the line's middle is at least this far above the letters' foot (points). */
  readonly minAbovePt: number;
  /**
   * Struck only when no pen line runs under the letters across the name too (lineUnderName): on a photo blurred for
   * its resolution, a felt-pen underline drawn close under the name spreads up into the letters' lower half and reads
   * as a whole line through them, 3–6 pt above their foot (1080p, blur σ 0.6–1: stress photos 540,000–540,039, 15 of
   * 171 such underlines read struck), or pulls the row's match down so that the letters' tops read as one. A strike
   * with a line under it too goes to the board. Photos below PHOTO.lowPxPerPt.
   */
  readonly notOverUnderline?: boolean;
  /** A line crossing the whole name with a pen line beside the letters too (a circle's side?) is checked again. */
  readonly circles: boolean;
  /**
   * Kept only when no pen line through the letters' band reaching into the name from the pad is longer than a dot
   * (STRIKE.keptPt): a short stroke from before the name into its first letter (a partial strike of half a word)
   * shows only its tip inside the name. Photos only: on scans it would send a gel pen through half of "Vi" from the pad
   * (200 dpi partial probe 32,362 and 32,842 c018, read kept) to the board, but also a bare name under a fingerprint
   * whose ridge reaches into it from the pad (variety seed 9,801 c001), which the fingerprint's second reading does not
   * clear (it looks at the columns inside the name).
   */
  readonly fromPad: boolean;
  /**
   * A circle or an underline by the letters' foot is cleared with the faint ink of its blurred edge, and also when
   * nothing long crosses the letters (its side then reads as a line going under them). Scans and photos (a circle
   * whose side reads as a whole line beside the letters: photos 160,007 and 170,032).
   */
  readonly wholeMarks?: boolean;
  /** A circle left open (the pen lifted before it closed) is cleared as a circle is (openLoop), also before a pen line from the pad is looked for (fromPad). */
  readonly openLoops?: boolean;
  /** A line starting late or ending early is followed under the first or last word where it shows (wholeWithEnds). Scans and photos. */
  readonly followEnds?: boolean;
  /** …and bridged, in the first and last words, between two places it is seen where its course shows paper over no more than a pen's skip (strike-ends.ts bridgeHidden). Scans. */
  readonly bridgeEnds?: boolean;
  /**
   * …and followed from both sides into a stretch of the first or last word where it is not seen between two places
   * it is (strike-ends.ts followedHoles): a thin pen pale beside the letters of a whole word at 150 dpi. Scans.
   */
  readonly followHoles?: boolean;
  /** …and, on a coarse scan, seen pale in the letters' gaps as it is followed (pale-line.ts). Scans. */
  readonly paleLines?: boolean;
  /** A tick over the letters is looked for also when the line found runs through them but not across the whole name (clearTick). Scans. */
  readonly throughTicks?: boolean;
  /**
   * A tick cleared over the letters takes its slivers with it: the faint ink within its box and the ink beside the
   * letters there or up to TICK_ARM_REACH_PT left of it (its hidden short arm); its long arm's top may lie
   * TICK_TOP_BELOW_PT inside the letters' band when its vertex is hidden. Scans and photos (a felt-pen tick's vertex
   * sliver beside the letters on a 12 MP photo read as a strike's piece: bench photo 700,063 c011).
   */
  readonly tickSlivers?: boolean;
  /** A name read kept once a tick was cleared (tickSlivers) carries the tick's reach (StrikeRowReading.tick). Photos. */
  readonly tickBox?: boolean;
  /** A dot a little longer than keptPt, its blur included, is no stroke when it is all the row's pen ink (oneDot). Scans and photos. */
  readonly dots?: boolean;
  /**
   * A dot on the letters, cut by them into pieces, is no line (dot-on-letters.ts): the row's pen ink and the ink beside
   * its letters all within a dot's width, some piece of it as thick as a dot, are taken neither as a stroke a little
   * longer than keptPt nor as the piece of a line that thinPieces, cutLines, entering and besidePrint look for; nor, on
   * photos, as pen ink in the letters' core (bareCore). Scans and photos.
   */
  readonly dotsOnLetters?: boolean;
  /** …a lone pixel of pen ink left out, and a dark sliver beside the letters 1.5 pt tall thick enough (dot-on-letters.ts DOT_SLIVER). Scans. */
  readonly dotSlivers?: boolean;
  /**
   * A line followed under the first or last word is seen also hugging the print, deep and a few columns long (strike-ends.ts
   * NEAR_LEVEL). Scans, and photos from PHOTO.lowPxPerPt up (a thin ballpoint starting late under the first word's
   * letters on a 12 MP photo, 3.19 px/pt: bench photo 160,085 c010, read partly struck).
   */
  readonly followByPrint?: boolean;
  /**
   * …and, where strike-ends.ts leaves it, followed on along its course against the blank form blurred as the photo is
   * (photo-ends.ts). Photos below PHOTO.lowPxPerPt.
   */
  readonly endsOffBlank?: boolean;
  /** A thin piece of pen ink in the letters' middle is never read as no mark (thinPieceInLetters). Scans. */
  readonly thinPieces?: boolean;
  /** Faint ink across a whole word is never read as no mark (STRIKE.faintWord). Scans. */
  readonly faintWord?: boolean;
  /** A pen line wider than a dot whose end a letter cuts along its whole thickness is never read as no mark (cutByLetters). Scans. */
  readonly cutLines?: boolean;
  /** Nor a short flat piece of light (or pixel-thin) pen ink running into a letter at its middle (faint-stub.ts). Scans. */
  readonly faintStubs?: boolean;
  /**
   * A thin flat line darker than the letters can make, seen against the blank form's letters with the row matched to
   * a fraction of a pixel, is never read as no mark (ink-beside-print.ts: a thin pen along the letters' top lies
   * within the print mask). Scans.
   */
  readonly besidePrint?: boolean;
  /**
   * …nor a shorter, fainter flat piece over the top of the lower-case letters, where a strike runs and no underline
   * shows (ink-beside-print.ts STRIKE_PIECE): all that shows of a thin ballpoint through half a syllable. Scans, and
   * photos at most 3 px a point once upright (a 1080p shot: photo 130,074's retake).
   */
  readonly strikePieces?: boolean;
  /**
   * …counted only when two such pieces lie along one line (ink-beside-print.ts linedStrikePieces): photos of fewer than
   * PHOTO.coarsePxPerPt, whose camera pixels step the letters' edges into one such piece on a name with nothing drawn.
   */
  readonly linedPieces?: boolean;
  /** …looked for lower in the letters' band too (ink-beside-print.ts LOW_BAND), but on a name with a pen line under its letters (underLetters). Scans. */
  readonly lowPieces?: boolean;
  /** …both looked for on scans of more pixels a point than the blank's letters were measured against too (ink-beside-print.ts MOST_PX_PER_PT). Scans. */
  readonly sharpBeside?: boolean;
  /**
   * …nor the faintest such piece, a point wide (ink-beside-print.ts FAINT_PIECE), but on a name with a pen line under
   * its letters (underLetters): an underline pulls the row's match to the blank form down a little, and the letters'
   * edges then leave such pieces (150 dpi, fresh seeds 1,230,001–1,230,100: three underlined names sent to the board). Scans.
   */
  readonly faintPieces?: boolean;
  /**
   * A whole line whose middle is less than this above the letters' foot (points) is struck only when another line
   * crosses the letters above it (a double strike's lower line): alone, it is an underline drawn close (300 dpi seed
   * 2,007,040: 0.06 pt) or specks by the foot joined over the print (seed 5,017: 0.24 pt): read again with it cleared
   * as an underline, kept when nothing else is left; else the board looks. Scans.
   */
  readonly lowLinePt?: number;
  /**
   * When the line through the most pen ink does not run through the letters (a double strike's lower line under
   * them, whose ink all shows), the line through the letters' band is looked for too, taken when it crosses the
   * whole name above their foot (minAbovePt); the line beside it is no circle's side when nothing runs on the band's
   * other side.
   */
  readonly bandLine: boolean;
  /**
   * A whole line through the letters less than minAbovePt above their foot is struck when a second whole line runs
   * through them at least SECOND_LINE_GAP_PT above it and minAbovePt above the foot (a double felt-pen strike whose
   * lower line runs by the foot: 8 MP photos 50,105 and 50,132). Photos; a scan has lowLinePt.
   */
  readonly upperOfTwo?: boolean;
  /** A name whose letters' middle is filled with light ink, or tinted (a highlighter), goes to the board (light-band.ts). Scans. */
  readonly lightBands?: boolean;
  /** Light ink in pieces along one straight line through every word (a pencil) is never read as no mark (faint-line.ts). Scans. */
  readonly pencilLines?: boolean;
  /** Light ink along one straight line through the whole name, from its first letter to its last (a pencil), is struck (pencil-strike.ts). Scans. */
  readonly pencilStrikes?: boolean;
  /** Light ink along one straight line through part of the name (a pencil) sends a row otherwise kept to the board (pencil-strike.ts), checked against the blurred blank form where needed (pencil-off-blank.ts). Scans. */
  readonly pencilParts?: boolean;
  /** Light ink along a straight line steeper than pencil-strike.ts follows, through most of the name (a pencil), sends a row otherwise kept to the board (pencil-steep.ts). Scans. */
  readonly steepPencils?: boolean;
  /** A stroke through part of the name that is a fingerprint's light ridges is read again without them (fingerprint.ts). Scans. */
  readonly fingerprints?: boolean;
  /** A row read struck whose line may owe itself to a cup's rim is read again without it, and goes to the board unless still struck (coffee-ring.ts). Scans. */
  readonly rings?: boolean;
  /** A row struck by a line that runs on across the blank margins on both sides of the names (a fold) goes to the board (sheet-crease.ts). Scans. */
  readonly creases?: boolean;
  /** A pen line at least this long (points) and this thin in the letters' middle, running up to a letter, is never read as no mark (goesUnderLetters). */
  readonly entering: Entering;
  /**
   * Kept only when the letters' core within the name holds no pen ink (bareCore): photos, where a thin pen through
   * half a word shows only a speck or two between its letters — at 1 px/pt, and at 2.7 px/pt blurred (a stress
   * photo of 8 MP, σ 1). (Blurred below PHOTO.lowPxPerPt, the specks are as faint as the letters' own edges: such a
   * photo's names are checked against the blurred blank form, photo-soft.ts.) A dot on the letters (dotsOnLetters)
   * is no such ink: compact and as thick as a dot, no line's speck.
   */
  readonly bareCore?: boolean;
}

const SCAN_ROW: RowThresholds = {
  keptPt: STRIKE.keptPt, minAbovePt: 0, circles: false, fromPad: false, followByPrint: true, wholeMarks: true, openLoops: true, followEnds: true, bridgeEnds: true, followHoles: true, paleLines: true, throughTicks: true, tickSlivers: true, dots: true, dotsOnLetters: true, dotSlivers: true, thinPieces: true,
  faintWord: true, cutLines: true, faintStubs: true, besidePrint: true, strikePieces: true, lowPieces: true, sharpBeside: true, faintPieces: true, lowLinePt: 1, creases: true, lightBands: true, pencilLines: true, pencilStrikes: true, pencilParts: true, steepPencils: true, fingerprints: true, rings: true,
  bandLine: false, entering: ENTERING,
};

/** A double strike's upper line runs at least this far (points) above its lower one. */
const SECOND_LINE_GAP_PT = 1.5;

/** The blank form's print at a row sample's pixel (columns 0 at the area's left edge). */
const printedOf = (page: FormPage, area: Box) => (i: number, j: number): boolean =>
  page.printed[(Math.round(area.y * FORM_PER_POINT) + j) * page.blank.width + Math.round(area.x * FORM_PER_POINT) + i] === 1;

export const readStrikeRow = (img: GreyImage, t: Affine, page: FormPage, g: RowGuide, o: RowThresholds = SCAN_ROW): StrikeRowReading => {
  const sample = sampleRow(img, t, g);
  const first = readSample(img, t, page, g, o, sample, null);
  const printedAt = printedOf(page, sample.area);
  if (first.state === 'struck') return o.rings === true ? struckPastRing(img, t, page, g, o, sample, printedAt, first) : first;
  if (first.state !== 'partial' && first.state !== 'uncertain') return first;
  // What was taken for a stroke through part of the name may be a fingerprint's ridges: read again without them, and
  // kept only if nothing else is there.
  if (o.fingerprints === true) {
    const patch = fingerprintAt(sample.s, sample.paper, printedAt, FORM_PER_POINT, sample.j0, sample.j1, first.runFrom, first.runTo);
    const again = patch === null ? null : readSample(img, t, page, g, o, { ...sample, s: withoutPatch(sample.s, sample.paper, printedAt, patch) }, patch);
    if (again?.state === 'kept') return again;
  }
  // A name under a cup's rim is not read again without it here: kept so, a ballpoint through half a word whose ink
  // showed only as light as a rim's was read kept (three-ring stress seed 7,229 c017, 200 dpi) — the board looks.
  return first;
};

/**
 * A row read struck whose line crosses RIM_RUN_PT of the name with light ink only may owe it to a cup's rim beside a
 * stroke through part of the name: read again without the rim, it goes to the board unless still struck. Stress
 * ballots with three rings each (everyOtherPartial, 200 dpi seeds 7,000–7,029): 3 of 270 partial rows read struck so, their
 * light run 3.5–12 pt; whole strikes 0–4 (a thin ballpoint).
 */
const RIM_RUN_PT = 3;
const struckPastRing = (
  img: GreyImage, t: Affine, page: FormPage, g: RowGuide, o: RowThresholds, sample: RowSample, printedAt: (i: number, j: number) => boolean, first: StrikeRowReading,
): StrikeRowReading => {
  const ring = lightRunPt(sample, printedAt) >= RIM_RUN_PT && lightOutsideBand(sample, printedAt) >= RIM_OUTSIDE_PT2 ? ringOver(img, t, page, g) : null;
  if (ring === null) return first;
  const again = readSample(img, t, page, g, o, { ...sample, s: withoutRing(sample, ring, printedAt) }, null);
  return again.state === 'struck' ? first : { ...first, state: 'uncertain', confidence: 0 };
};

/** A row read from its sample; `patch`: a fingerprint's columns cleared from it, whose ink beside the letters is left out too. */
const readSample = (
  img: GreyImage, t: Affine, page: FormPage, g: RowGuide, o: RowThresholds, sample: RowSample, patch: Patch | null,
): StrikeRowReading & Pick<Crossing, 'runFrom' | 'runTo'> => {
  const keptPt = o.keptPt;
  const k = FORM_PER_POINT;
  const { area, s, paper, i0, i1, j0, j1 } = sample;
  const w = s.width;
  const ink = inkOf(s, page, area, paper);
  const printedAt = printedOf(page, area);
  const cls = classify(ink, printedAt, w, s.height, k);
  // Before any mark is cleared: a pen line under the letters pulls the row's match to the blank down (faintPieces).
  const underlined = (o.faintPieces === true || o.lowPieces === true) && underLetters(cls, w, s.height, i0, i1, j1);
  const pixels: Pixels = {
    dark: (i, j) => s.data[j * w + i]! < paper * FAINT_LEVEL,
    clear: (i, j) => (page.blank.data[(Math.round(area.y * k) + j) * page.blank.width + Math.round(area.x * k) + i] ?? 0) >= PRINTED,
    apart: (i, j) => !printedAt(i, j),
    deep: (i, j) => o.followByPrint === true && s.data[j * w + i]! < paper * NEAR_LEVEL,
    pale: o.paleLines === true && coarseScan(t),
  };
  // New ink (never printed on the blank form): pen, pen too thick in its column, or faint by a letter.
  const newInk = (q: number): boolean => ink[q] !== 0;
  const found = lineAcross(cls, w, s.height, k, area, g, i0, i1, j0, j1);
  const banded = o.bandLine && !found.through ? lineAcross(cls, w, s.height, k, area, g, i0, i1, j0, j1, j0, j1 - 1) : null;
  const line = banded !== null && banded.through && isWhole(banded) && banded.abovePt >= o.minAbovePt ? banded : found;
  // Pen ink across the letters' band, followed into the pad beyond the name; gaps close over hidden ink only.
  const across = (): ReturnType<typeof crossing> => crossing(cls, w, 0, w, i0, i1, j0, j1, (v) => v === PEN, (i, j) => cls[j * w + i] === HIDDEN, k);
  let strong = across();
  // New ink less the marks cleared below: what the faint and hidden-line measures look at.
  let rest = ink;
  const faintOf = (): ReturnType<typeof crossing> => crossing(rest, w, i0, i1, i0, i1, j0, j1, (v) => v !== 0, printedAt, k);
  let faint = faintOf();
  const nameWidth = g.textX1 - g.textX0;
  let strokePt = Math.max(strong.longestRun * nameWidth, line.inBandPt);
  // A circle's sides cross the letters' band at the name's ends, a tick crosses it steeply, an underline drawn close
  // touches their foot: measured again without them, the faint ink they leave by the letters gone with them.
  // `only` 'tick': a tick alone is looked for. `circled`: a circle round the name was found and cleared.
  let circled = false;
  // A tick cleared (tickSlivers): its slivers by the letters are left out of the faint ink and the ink beside them.
  let tickReach: TickBox | null = null;
  // A circle, a tick or an underline was cleared: its blurred ink is off the blank form too (pencil-off-blank.ts).
  let penMarkCleared = false;
  const clearMarks = (ticks: boolean, only?: 'tick'): boolean => {
    const before = Uint8Array.from(cls);
    const loop = only !== 'tick' && clearLoop(cls, newInk, w, s.height, k, i0, i1, j0, j1, o.openLoops === true);
    circled ||= loop;
    const tick = ticks ? clearTick(cls, w, s.height, k, strong.runFrom, strong.runTo, j0, o.tickSlivers === true ? TICK_TOP_BELOW_PT : 0) : null;
    if (tick !== null && o.tickSlivers === true) tickReach = withArmReach(tick, k);
    const under = only !== 'tick' && !loop && clearUnderline(cls, w, s.height, k, i0, i1, j1);
    if (!loop && tick === null && !under) return false;
    penMarkCleared = true;
    if (o.wholeMarks === true) {
      rest = withoutCleared(ink, before, cls, w);
      if (tickReach !== null) rest = withoutTickFaint(rest, tickReach, w);
      faint = faintOf();
    }
    strong = across();
    strokePt = strong.longestRun * nameWidth;
    return true;
  };
  // The line found through the letters may be a tick's arms and the letters between them (bench: a third of the ticks
  // over a name still read partly struck): a tick alone is cleared then, unless that line crosses the whole name.
  const cleared = strokePt > keptPt && (!line.through ? clearMarks(true) : o.throughTicks === true && !isWhole(line) && clearMarks(true, 'tick'));
  const base = {
    kind: 'strike' as const, candidateId: g.row.candidateId!, ...strong, faint, box: g.row.row,
    line: { coverage: line.coverage, leastWord: line.leastWord, slope: line.slope, through: line.through, abovePt: line.abovePt },
  };
  // The row against the blank form blurred as the photo is (photo-blank-model.ts), fitted once when first asked.
  let fit: BlankFit | null = null;
  const blank = (): BlankFit => (fit ??= fitBlank(page, g, sample));
  const further: FollowFurther | null = o.endsOffBlank === true ? (ends, from, to) => followedOffBlank(blank(), sample, ends, from, to, i0, i1) : null;
  const whole = isWhole(line) || (o.followEnds === true && line.through && wholeWithEnds(line, pixels, s.height, k, area, g, i0, i1, o.bridgeEnds === true, further, o.followHoles === true));
  // The line through the letters' band at least `abovePt` above their foot (a double strike's upper line), or null.
  const upperLine = (abovePt: number): Line | null => {
    const hi = Math.floor(j1 - abovePt * k);
    return hi > j0 ? lineAcross(cls, w, s.height, k, area, g, i0, i1, j0, j1, j0, hi) : null;
  };
  // A second whole line through the letters above `line` (upperOfTwo): a double strike whose lower line runs by the foot.
  const upperOfTwo = (): boolean => {
    const upper = o.upperOfTwo === true ? upperLine(Math.max(line.abovePt + SECOND_LINE_GAP_PT, o.minAbovePt)) : null;
    return upper !== null && upper.through && isWhole(upper) && upper.abovePt >= o.minAbovePt;
  };
  // A circle drawn tight may run along the letters' foot, inside their band: the line found may be its side. With a
  // line beside the band too, struck only if a line still crosses the whole name once the circle is cleared; else
  // the board looks (never kept: a strike touching the circle went with it). No circle found there, the line beside
  // the band may be the ink of a double strike's lower line (the line found) below the band's foot: struck when a
  // second whole line crosses the letters above it (upperOfTwo; a circle's other side runs beyond the band, never
  // through the letters) — photos 170,003 (8 MP, felt pen) and 170,024 (1080p, gel pen) of the bench.
  if (o.circles && whole && line.through && besideBand(cls, w, s.height, i0, i1, j0, j1) && (line !== banded || loopAround(cls, w, s.height, i0, i1, j0, j1))) {
    if (!clearLoop(cls, newInk, w, s.height, k, i0, i1, j0, j1)) {
      if (!upperOfTwo()) return { ...base, state: 'uncertain', confidence: 0 };
    } else {
      const again = lineAcross(cls, w, s.height, k, area, g, i0, i1, j0, j1);
      const still = again.through && again.coverage >= STRIKE.struckCoverage && again.leastWord >= STRIKE.struckWord;
      if (!still) return { ...base, state: 'uncertain', confidence: 0 };
    }
  }
  // On a photo, a line along the letters' foot may be a circle's side or the blurred foot itself: struck only through
  // them — or with a second whole line through them above it (a double strike whose lower line runs by the foot).
  if (whole && line.through && line.abovePt < o.minAbovePt) {
    if (!upperOfTwo()) return { ...base, state: 'uncertain', confidence: 0 };
  }
  // A whole line by the letters' foot with no second line through them above it (lowLinePt): an underline drawn close,
  // or specks by the foot joined over the print — read again once it is cleared as an underline (below), never struck.
  const upperOfLow = whole && line.through && o.lowLinePt !== undefined && line.abovePt < o.lowLinePt ? upperLine(line.abovePt + SECOND_LINE_GAP_PT) : undefined;
  const lowAlone = upperOfLow !== undefined && (upperOfLow === null || !upperOfLow.through || upperOfLow.coverage < STRIKE.struckCoverage);
  const middle = ((g.bandTop + g.baseline) / 2 - area.y) * k;
  if (o.lightBands === true && lightBand((i, j) => s.data[j * w + i]!, printedAt, paper, k, i0, i1, middle, s.height)) return { ...base, state: 'uncertain', confidence: 0 };
  // A whole line whose middle lies just under the letters' foot (less than lowLinePt) is no strike through them, but a
  // second whole line through them above it is: a double strike whose lower line ran under the foot (200 dpi seed 182
  // c002, felt pen: the lower line 0.03 pt below the foot, found as the line through the most ink, sent to the board).
  const upperOfUnder = o.lowLinePt !== undefined && isWhole(line) && !line.through && line.abovePt <= 0 && line.abovePt > -o.lowLinePt ? upperLine(line.abovePt + SECOND_LINE_GAP_PT) : null;
  if (upperOfUnder !== null && upperOfUnder.through && isWhole(upperOfUnder)) {
    if (o.creases === true && creaseThrough(img, t, page, g)) return { ...base, state: 'uncertain', confidence: 0 };
    return { ...base, state: 'struck', confidence: struckConfidence(upperOfUnder) };
  }
  if (whole && line.through && !lowAlone) {
    if (o.creases === true && creaseThrough(img, t, page, g)) return { ...base, state: 'uncertain', confidence: 0 };
    if (o.notOverUnderline === true && lineUnderName(cls, ink, w, s.height, k, i0, i1, j1)) return { ...base, state: 'uncertain', confidence: 0 };
    return { ...base, state: 'struck', confidence: struckConfidence(line) };
  }
  // The light line through the letters (pencil-strike.ts), measured once for a row, when first asked.
  let course: PencilCourse | null = null;
  const pencil = (): PencilCourse =>
    (course ??= pencilCourse(s, paper, printedAt, k, area, g, i0, i1, g.words.map((word) => wordColumns(word, k, area, i0, i1))));
  // A pencil's line under a highlighter's tint is the board's: the tint measured apart from the line's own rows
  // (PENCIL_APART_PT), which at 150 dpi it blurs over and tinted as much as a yellow highlighter (22 of 144 pencil
  // strikes sent to the board, test/scan/variety.test.ts seeds 9,000–9,011).
  const pencilTinted = (): boolean => {
    const c = pencil();
    const near = PENCIL_APART_PT * k;
    return tinted((i, j) => s.data[j * w + i]!, printedAt, k, i0, i1, middle, s.height, (i, j) => Math.abs(j - (c.y + c.slope * (i - c.xc))) <= near);
  };
  // A pencil through the whole name: its grainy line shows as pen ink only in pieces away from the letters. Struck,
  // but for a fold across the row ('folded': the board) or a highlighter's tint over it (null).
  const pencilThrough = (): 'struck' | 'folded' | null => {
    if (o.pencilStrikes !== true || whole || !pencilStrike(pencil())) return null;
    if (o.creases === true && creaseThrough(img, t, page, g)) return 'folded';
    if (penEndOnPaper(line, s.data, w, s.height, paper, printedAt, i0, i1, coarseScan(t))) return null;
    return pencilTinted() ? null : 'struck';
  };
  // Asked at once where faint ink crosses much of the name (PENCIL_FAINT)…
  if (faint.coverage >= PENCIL_FAINT) {
    const through = pencilThrough();
    if (through === 'folded') return { ...base, state: 'uncertain', confidence: 0 };
    if (through === 'struck') return { ...base, state: 'struck', confidence: 0 };
  }
  // …and otherwise only on a row about to go to the board: a pencil lighter than the faint level, blurred, shows as
  // nothing but light ink (variety bench 100,080 c018, 200 dpi: faint 0.03 of the name, its course across 0.86 of it;
  // test/scan/variety.test.ts 9,011 c008), and the search's cost is rare there.
  const unsure = (): StrikeRowReading & Pick<Crossing, 'runFrom' | 'runTo'> =>
    faint.coverage < PENCIL_FAINT && pencilThrough() === 'struck' ? { ...base, state: 'struck', confidence: 0 } : { ...base, state: 'uncertain', confidence: 0 };
  if (strokePt >= STRIKE.partialPt && !whole) return { ...base, state: 'partial', confidence: 0 };
  if (o.fromPad && strokePt <= keptPt) {
    // The whole width, pad included: a run of pen ink that reaches into the name — but for a circle round the name,
    // whose sides cross the band beside it (cleared as above; not when a stroke joined to it crosses the letters), and
    // its ends coming back into the sample (CIRCLE_END_PT: cleared, one at each end of the name at most).
    circled = clearLoop(cls, newInk, w, s.height, k, i0, i1, j0, j1, o.openLoops === true) || circled;
    for (let ends = 0; ; ends++) {
      const wide = crossing(cls, w, 0, w, 0, w, j0, j1, (v) => v === PEN, (i, j) => cls[j * w + i] === HIDDEN, k);
      const intoName = Math.min(wide.runTo, i1) - Math.max(wide.runFrom, i0);
      if (intoName <= 0 || (wide.longestRun * w) / k <= STRIKE.keptPt) break;
      const circleEnd = circled && ends < 2 && intoName <= CIRCLE_END_PT * k && clearCircleEnd(cls, w, s.height, k, wide.runFrom, wide.runTo, i0, i1, j0, j1);
      if (!circleEnd) return unsure();
    }
  }
  // Asked again after a mark is cleared from `cls`; the ink beside the letters is the image's, found once.
  let beside: readonly InkPiece[] | null = null;
  const look: BesideLook = {
    sharpScans: o.sharpBeside === true, faintPieces: o.faintPieces === true && !underlined, linedPieces: o.linedPieces === true, lowPieces: o.lowPieces === true && !underlined,
  };
  const besideInk = (): readonly InkPiece[] => {
    const found = (beside ??= inkBesidePrint(img, t, page, g, look.sharpScans)).filter((p) => patch === null || p.right < patch.x0 || p.left > patch.x1);
    const box = tickReach;
    return box === null ? found : found.filter((p) => !inTickBox(box, p.left, p.right, p.top, p.foot));
  };
  const dot = (): boolean => o.dotsOnLetters === true && dotOnLetters(cls, w, s.height, k, besideInk(), o.dotSlivers === true);
  const unseen = (): boolean => !(o.thinPieces === true && thinPieceInLetters(cls, printedAt, w, s.height, k, i0, i1, j0, j1) && !dot()) &&
    !(o.cutLines === true && cutByLetters(cls, printedAt, w, s.height, k, j0, j1) && !dot()) &&
    !(o.faintStubs === true && faintStubIntoLetter(cls, s.data, paper, printedAt, w, s.height, k, j0 + Math.round(LOOP_CORE_PT.top * k), j1 - Math.round(LOOP_CORE_PT.foot * k)) && !dot()) && hiddenLine(cls, rest, printedAt, w, s.height, k, i0, i1, j0, j1) < STRIKE.partialPt &&
    !(goesUnderLetters(cls, printedAt, w, s.height, k, j0, j1, o.entering) && !dot());
  // A photo's dot, blurred, may fill less of its box, and then is as tall as a dot is (PHOTO_DOT).
  const photoDot = (): boolean => o.bareCore === true && oneDot(cls, w, s.height, k, PHOTO_DOT);
  const short = (): boolean => strokePt <= keptPt || (o.dots === true && strokePt < STRIKE.partialPt && (oneDot(cls, w, s.height, k) || dot() || photoDot()));
  const faintWordAtMost = coarseScan(t) ? STRIKE.faintWordCoarse : STRIKE.faintWord;
  const keptNow = (): boolean => short() && faint.longestRun <= STRIKE.faintRun &&
    (o.faintWord !== true || runOverWord(faint, k, area, g, i0, i1) < faintWordAtMost) && unseen() &&
    (o.bareCore !== true || bareCore(cls, w, k, i0, i1, j0, j1) || dot() || photoDot()) && (o.besidePrint !== true || !thinLineBesidePrint(t, besideInk, look) || dot()) &&
    (o.strikePieces !== true || !strikePieceBesidePrint(t, g, besideInk, look)) &&
    (o.faintPieces !== true || !piecesAlongName(t, besideInk, k)) &&
    (o.lightBands !== true || !tinted((i, j) => s.data[j * w + i]!, printedAt, k, i0, i1, middle, s.height)) &&
    (o.pencilLines !== true || !pencilLine(s, paper, printedAt, k, area, g, i0, i1, g.words.map((word) => wordColumns(word, k, area, i0, i1))));
  const kept = (): StrikeRowReading & Pick<Crossing, 'runFrom' | 'runTo'> => {
    const reading = { ...base, state: 'kept' as const, confidence: clamp01((keptPt - strokePt) / keptPt) };
    return o.tickBox === true && tickReach !== null ? { ...reading, tick: tickReach } : reading;
  };
  if (lowAlone) {
    return o.wholeMarks === true && clearMarks(false) && keptNow() ? kept() : unsure();
  }
  // Nothing long crosses the letters, but a circle's side or an underline by their foot reads as a line going under
  // them or as a faint line across them: read again without the circle or the underline (never without a tick here).
  if (keptNow() || (o.wholeMarks === true && strokePt <= keptPt && !line.through && !cleared && clearMarks(false) && keptNow())) {
    // A light pencil line through part of the name: the board looks (RULES.md §5, a partial strike). Not by a pen line
    // under the letters: a close underline's blurred upper edge is such a line (test/scan/variations.test.ts). Where
    // the letters' own blur could make the line (a coarse scan; a stretch shorter or longer than pencilPart's), only if
    // it is darker than the blank form blurred as the scan is (pencil-off-blank.ts) — never asked once a pen mark was
    // cleared or a dot found (their blurred ink is off the blank too: a thin-ballpoint tick's arms at 150 dpi made such
    // a stretch 60 darker than the blank, fresh bench seed 8,300,055 c001; a ballpoint dot, stress seed 150,558 c012).
    // And a light line through the letters' gaps that the course of light ink missed (its line is the letters' blur, or
    // too short), found in what the row holds darker than the blurred blank form (pencil-off-blank.ts lineOffBlank):
    // only where the course found some light ink, never once a pen mark was cleared or a dot found (a thin-ballpoint
    // dot on the name at 150 dpi is such a line, 41 and 54 dark: stress seed 150,537 c006).
    if (o.pencilParts === true && !underlined) {
      // A pencil's speck away from the letters, all the row's pen ink, is one dot by its shape: a pencil's grey, not a dot.
      const dotted = (): boolean => (oneDot(cls, w, s.height, k) && !pencilSpeck(cls, s, paper)) || dot();
      const folded = (): boolean => o.creases === true && creaseThrough(img, t, page, g);
      const mostSpread = (): number => (!coarseScan(t) && pencil().grey >= PENCIL_LINE.fineGrey ? PENCIL_LINE.fineSpread : PENCIL_LINE.mostSpread);
      // A pen dot's dark spot is left out of the line off the blank (pencil-off-blank.ts PEN_SPOT): no pencil is that dark.
      let spot: ColumnSpan | null | undefined;
      const dotSpot = (): ColumnSpan | null => (spot === undefined ? (spot = penSpot(blank(), g, sample)) : spot);
      const offCourse = (): boolean => !penMarkCleared && pencil().runFrom >= 0 && !dotted() &&
        (pencilLineOffBlank(lineOffBlank(blank(), g, sample, false, dotSpot()), blank().spread, mostSpread()) ||
          pencilLineUpright(lineOffBlank(blank(), g, sample, true, dotSpot()), blank().spread, mostSpread())) && !folded();
      // The course found light ink on its line but no stretch of it (the pencil hidden by the letters' print mask but for
      // a column or two): on a fine scan, the line off the blank over the gaps alone (PENCIL_LINE) — not over the
      // upright stems, which a pen dot on the name passes (stress seed 200,613 c006). Never at 150 dpi: a grainy ballot's
      // bare names pass there (default bench seed 1,000,139). Light ink on the line at all is asked first: the fit and
      // the line cost 2–3 ms a row, and most names with nothing drawn show none. A felt-pen dot on the name hidden by
      // the letters passes too (stress seed 202,059 c018, 200 dpi, seen after): a needless send, not an error.
      const offNoStretch = (): boolean => !coarseScan(t) && !penMarkCleared && pencil().runFrom < 0 && pencil().share > 0 && !dotted() &&
        pencilLineOffBlank(lineOffBlank(blank(), g, sample, false, dotSpot()), blank().spread, mostSpread()) && !folded();
      // A short stretch, darker than pencilPart's grey or off the blank's gaps, on a fine scan with no pen ink in the row (PENCIL_SHORT).
      const shortDark = (): boolean => !coarseScan(t) && !penMarkCleared && pencilShort(pencil()) && noPenInk(cls) && !dotted() && !folded();
      // A thin pen blurred paler than the faint level on a coarse scan, a long dark stretch (PALE_PEN): a speck of it may be all the pen ink seen, a dot.
      const palePen = (): boolean => coarseScan(t) && !penMarkCleared && palePenPart(pencil()) && !folded();
      if (pencilThroughPart(pencil(), coarseScan(t), () => (penMarkCleared || dotted() ? -Infinity : offBlank(blank(), sample, printedAt, pencil())), folded) || offCourse() || shortDark() || offNoStretch() || palePen()) {
        return { ...base, state: 'partial', confidence: 0 };
      }
    }
    // A pencil drawn steeply through the name, lighter than the faint level: the row reader sees no ink of it and the
    // course above follows no line that steep (test/scan/variety.test.ts, 150 dpi seed 9,901 c002). Never once a pen
    // mark was cleared: a close underline's blurred edge is such a line.
    // (Asked in a closure: a mark cleared inside keptNow sets penMarkCleared, which the compiler cannot see here.)
    const steepThrough = (): boolean =>
      o.steepPencils === true && !underlined && !penMarkCleared && steepPencil(steepLine(s, paper, printedAt, k, area, g, i0, i1), (i1 - i0) / k);
    if (steepThrough()) return { ...base, state: 'uncertain', confidence: 0 };
    return kept();
  }
  return unsure();
};
