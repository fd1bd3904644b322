/**
 * New ink seen against the printed name's own letter shapes. A thin pen line (0.6–1 pt) drawn along the letters —
 * through the arch of an "n", the top of an "ă" — lies within a pixel of print at FORM_PER_POINT, inside the widened
 * print mask that the strike reader treats as print: nothing of it is "new ink" there. Matched to the blank form to a
 * fraction of a pixel (align-row.ts) and compared with the blank's letters blurred as a scanner blurs them, the scan
 * shows such a line as a thin, flat run of pixels darker than the letters can make them: in the gap between two
 * letters, under an arch, over a counter. The edges of letters a fraction of a pixel off make short or upright
 * pieces; a dot is as tall as it is wide.
 */
import { alignRow } from './align-row.ts';
import { pieceBox } from './flood.ts';
import { FORM_PER_POINT, type FormPage, type RowGuide } from './form.ts';
import type { GreyImage } from './image.ts';
import { sampleRow } from './row-sample.ts';
import type { Affine } from './transform.ts';

/** A scan's map is good to a pixel: the row is matched within this (points). */
const SHIFT_PT = 1;
/** Darker than the blurred blank by this much (grey levels of 255, the paper at 255): ink the letters cannot make. */
const DARKER = 60;
/** The letters' middle: the band less this much at its top and at its foot (points), as the strike reader's core. */
const CORE_PT = { top: 2.5, foot: 2 } as const;
/** …and this far (points) inside either end of the name: a tight circle's side curves through the band there. */
const SIDE_PT = 6;
/** Pieces are followed this far (points) above and below the letters' middle. */
const BEYOND_PT = 2;

/** A scanner's blur, as the blank's letters may show it: 1-2-1 weights applied this many times both ways (0: sharp). */
const BLURS = [0, 1, 2] as const;

/** The blank form's window (x0, y0, w, h of its grid) blurred `times` by 1-2-1 both ways, the edges repeated. */
const blurredBlank = (page: FormPage, x0: number, y0: number, w: number, h: number, times: number): Float32Array => {
  const { width: W, height: H, data } = page.blank;
  const m = times;
  const bw = w + 2 * m;
  const bh = h + 2 * m;
  const a = new Float32Array(bw * bh);
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const xx = Math.min(W - 1, Math.max(0, x0 - m + x));
      const yy = Math.min(H - 1, Math.max(0, y0 - m + y));
      a[y * bw + x] = data[yy * W + xx]!;
    }
  }
  for (let n = 0; n < times; n++) {
    const b = new Float32Array(a.length);
    for (let y = 0; y < bh; y++) {
      for (let x = 0; x < bw; x++) {
        const l = a[y * bw + Math.max(0, x - 1)]!;
        const r = a[y * bw + Math.min(bw - 1, x + 1)]!;
        b[y * bw + x] = (l + 2 * a[y * bw + x]! + r) / 4;
      }
    }
    for (let y = 0; y < bh; y++) {
      for (let x = 0; x < bw; x++) {
        const u = b[Math.max(0, y - 1) * bw + x]!;
        const d = b[Math.min(bh - 1, y + 1) * bw + x]!;
        a[y * bw + x] = (u + 2 * b[y * bw + x]! + d) / 4;
      }
    }
  }
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = a[(y + m) * bw + x + m]!;
  return out;
};

/** A row's darkest print, by row: the same window of the same blank form for every ballot, so made once. */
const darkestCache = new WeakMap<RowGuide, Float32Array>();

/**
 * The darkest of the blank's letters blurred as a scanner may blur them (BLURS) in the window (x0, y0, w, h of the
 * form grid): darker than this is neither sharp print nor its blurred edge.
 */
const darkestPrintOf = (page: FormPage, g: RowGuide, x0: number, y0: number, w: number, h: number): Float32Array => {
  const known = darkestCache.get(g);
  if (known?.length === w * h) return known;
  const darkest = new Float32Array(w * h).fill(255);
  for (const times of BLURS) {
    const blank = blurredBlank(page, x0, y0, w, h, times);
    for (let q = 0; q < blank.length; q++) darkest[q] = Math.min(darkest[q]!, blank[q]!);
  }
  darkestCache.set(g, darkest);
  return darkest;
};

export interface InkPiece {
  /** Its width and height (points), and how much darker than the letters its darkest pixel is (grey levels). */
  readonly widthPt: number;
  readonly heightPt: number;
  readonly darkest: number;
  /** Its box in the row's sample (pixels, inclusive). */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly foot: number;
}

/**
 * The pieces of ink darker than the printed letters can make (8-connected pixels DARKER than the blank form's letters
 * blurred as the scan is), the row matched to the blank form first, that lie wholly in the letters' middle away from
 * the name's ends: the band less CORE_PT, and SIDE_PT inside either end. Pieces are followed beyond that, so that a
 * dot or a circle's side reaching into it is seen whole (and left out), not cut into a flat sliver.
 */
export const inkBesidePrint = (img: GreyImage, t: Affine, page: FormPage, g: RowGuide, sharpScans = false): InkPiece[] => {
  const k = FORM_PER_POINT;
  const { area, s, paper, i0, i1, j0, j1 } = sampleRow(img, alignRow(img, t, page, g, SHIFT_PT), g, sharpScans && !atMost(t) ? AVERAGED : 1);
  const c0 = j0 + Math.round(CORE_PT.top * k);
  const c1 = j1 - Math.round(CORE_PT.foot * k);
  const side = Math.round(SIDE_PT * k);
  if (c1 <= c0 || i1 - i0 <= 2 * side) return [];
  // The window looked at: the name's columns, the core and BEYOND_PT above and below it.
  const y0 = Math.max(0, c0 - Math.round(BEYOND_PT * k));
  const y1 = Math.min(s.height, c1 + Math.round(BEYOND_PT * k));
  const cw = i1 - i0;
  const ch = y1 - y0;
  const scale = 255 / Math.max(1, paper);
  const darkestPrint = darkestPrintOf(page, g, Math.round(area.x * k) + i0, Math.round(area.y * k) + y0, cw, ch);
  const excess = new Int16Array(cw * ch);
  for (let j = 0; j < ch; j++) {
    for (let i = 0; i < cw; i++) excess[j * cw + i] = Math.round(darkestPrint[j * cw + i]! - s.data[(y0 + j) * s.width + i0 + i]! * scale);
  }
  const seen = new Uint8Array(cw * ch);
  const pieces: InkPiece[] = [];
  // The piece's darkest, declared out of the loop (flood.ts pieceBox: why).
  let darkest = 0;
  for (let q0 = 0; q0 < excess.length; q0++) {
    if (seen[q0] === 1 || excess[q0]! < DARKER) continue;
    darkest = 0;
    const { x0: left, x1: right, y0: top, y1: foot } = pieceBox(cw, ch, q0, seen, (q) => excess[q]! >= DARKER, (x, y, p) => {
      darkest = Math.max(darkest, excess[p]!);
    });
    if (top + y0 < c0 || foot + y0 >= c1 || left < side || right >= cw - side) continue;
    pieces.push({ widthPt: (right - left + 1) / k, heightPt: (foot - top + 1) / k, darkest, left: i0 + left, right: i0 + right, top: y0 + top, foot: y0 + foot });
  }
  return linedUp(pieces, (i, j) => darkestPrint[(j - y0) * cw + i - i0]! < DARKER, k);
};

/** Pieces this far apart at most (points): a letter's stem between them, under which a line goes on. */
const STEM_PT = 1.5;
/** A piece of a line: at least this wide (points; a speck of a letter's edge is a pixel), and no taller than wide. */
const SEGMENT_PT = 1;

/**
 * The pieces, and each run of pieces lined up along a line that goes on under print between them, as one piece: a
 * thin line through a syllable shows in the counters and gaps of its letters, cut by each stem it crosses (150 dpi
 * seed 1,050,098: 2 pt in the counter of an "ă", 2 pt in the "n"'s arch, the "n"'s stem between them). Two pieces
 * are lined up when each is a segment of a line (SEGMENT_PT wide at least, no taller than wide: not a speck of a
 * letter's edge, nor a dot's side), their rows overlap, at most STEM_PT lies between them, and the letters there are
 * too dark at one of those rows (`hidden`) for any ink to show darker than them.
 */
const linedUp = (pieces: readonly InkPiece[], hidden: (i: number, j: number) => boolean, k: number): InkPiece[] => {
  const byLeft = pieces.filter((p) => p.widthPt >= SEGMENT_PT && p.heightPt <= p.widthPt).sort((a, b) => a.left - b.left);
  const out = [...pieces];
  for (let n = 0; n < byLeft.length; n++) {
    let run = byLeft[n]!;
    let joined = 0;
    for (let m = n + 1; m < byLeft.length; m++) {
      const next = byLeft[m]!;
      const from = Math.max(run.top, next.top);
      const to = Math.min(run.foot, next.foot);
      // A stem between them, a column wide at least: pieces side by side, nothing between, are one blob (a dot) cut apart.
      if (next.left <= run.right + 1 || next.left - run.right - 1 > STEM_PT * k || from > to) continue;
      let under = false;
      for (let j = from; j <= to && !under; j++) {
        under = true;
        for (let i = run.right + 1; i < next.left && under; i++) under = hidden(i, j);
      }
      if (!under) continue;
      const top = Math.min(run.top, next.top);
      const foot = Math.max(run.foot, next.foot);
      run = { left: run.left, right: next.right, top, foot, widthPt: (next.right - run.left + 1) / k, heightPt: (foot - top + 1) / k, darkest: Math.max(run.darkest, next.darkest) };
      joined++;
    }
    if (joined > 0) out.push(run);
  }
  return out;
};

/**
 * Sampled bilinear at FORM_PER_POINT from a scan of more pixels a point than this (300 dpi: 4.17; 200 dpi: 2.78), the
 * letters' edges come out darker than the blank's (rendered smoothed at 2 px a point): clean names of the 300 dpi bench
 * showed flat pieces as dark as a pen's (10 rows of 50 ballots). Such a scan's row is looked at only when asked
 * (`sharpScans`: scans), sampled as the blank is rendered — each pixel the mean of AVERAGED × AVERAGED samples over it.
 * Without it, a thin pen along the tops of "ăn" at 300 dpi showed nothing anywhere and was read kept with confidence
 * (stress seeds 300,000–300,079 and 300,500–300,619: 15 rows of 1,800 struck through part of the name).
 */
const MOST_PX_PER_PT = 3;
const AVERAGED = 2;
/**
 * A line's piece: at least this wide (points), at most this tall, this many times as wide as tall, and this much darker
 * than the letters at its darkest. A thin ballpoint along the tops of "ăn", blurred at 150 dpi, showed 4 × 2 pt at 108
 * (stress seed 150,527 c009, read kept with confidence at 110); the letters' edges of names with nothing drawn stay under 100.
 */
const LINE_PIECE = { widthPt: 2, heightPt: 2, flat: 1.5, darker: 100 } as const;

/**
 * A short flat piece of a line that lies where a strike runs, not where an underline or a letter's edge shows: at
 * least this wide (points), no taller, wider than tall, of this area at least (points²: not a one-pixel row of a
 * letter's edge), darker than the letters by at least the first and at most the second of `darker`, its middle at
 * this share of the band (cap height) above the baseline. A thin pen through half a syllable at 150–200 dpi shows
 * only such a piece, 1.5–5.5 × 1–1.5 pt and 69–113 levels darker (one 131), over the top of the lower-case letters
 * (0.41–0.79 of the band: stress and thin-pen seeds 9,000–9,259). Rows with nothing drawn show none (8,312 read kept
 * at 150 and 200 dpi). A close underline pulls the row's match down a little and its letters' tops show as slivers
 * half a point tall, or at 0.82–0.88 of the band. A darker flat piece there was a dot's or a tick's on the name, of a
 * gel pen, a felt pen or a ballpoint (150–215 levels): a strike of such a pen shows more than a piece. With the blank's
 * bands where the PDF puts the names (form.ts FORM_FINER) rather than on the sample's half-point pixels, a thin ballpoint
 * through half of "Nga" at 200 dpi (stress seed 9,014) showed three pieces 1.5 × 0.5 pt at 0.66, and one through "ăn"
 * at 150 dpi (partial-strike stress seed 150,534) two pieces a point wide at 0.34–0.37: hence 0.75 pt² and 0.33.
 */
const STRIKE_PIECE = { widthPt: 1.5, heightPt: 1.5, areaPt2: 0.75, darker: [65, 140], band: [0.33, 0.8] } as const;
/**
 * A strike drawn a little low, through the letters' middle rather than along their top, shows its piece lower: the
 * band's share where STRIKE_PIECE and FAINT_PIECE start when `lowPieces` is asked (stress seeds 152,000–152,299 at 150
 * dpi, blurred: six names read kept with confidence, their pieces at 0.29–0.39). Names with nothing drawn showed none
 * there (14,000 names of the stress sets and the bench's mix, 150–300 dpi); a name underlined close did (a letter's
 * foot, the match pulled down: 150 dpi seed 1,230,025), so not under an underline. Only on scans of at most
 * FAINT_MOST_PX_PER_PT, as FAINT_PIECE: at 300 dpi names with nothing drawn of the bench's mix showed one, 1.5 × 1 pt
 * and 89–97 levels at 0.35, always in the same gap of the same name (seeds 2,000,040, 2,000,049, 2,000,065).
 */
const LOW_BAND = 0.3;

/**
 * Fainter and smaller still, where a strike runs (STRIKE_PIECE.band): at least this wide (points), no taller than wide
 * and no taller than this, darker than the letters by `darker` (grey levels). A thin ballpoint through half a syllable
 * at 150 dpi, blurred over the letters' edges, leaves a point or less in one or two gaps of two pixels: 1 × 0.5–1 pt,
 * 65–78 levels (stress seeds 150,500–150,619: 4 rows read kept with confidence). Rows with nothing drawn show pieces of a
 * pixel's width only (1,100 rows of the bench's 150 dpi ballots); a dot on the letters leaves slivers darker than
 * that (99–119): a sliver of a tick or of an underline drawn close (66–73) sends its row to the board. Only on scans
 * of at most FAINT_MOST_PX_PER_PT (150 dpi: 2.08): one name of the list with nothing drawn showed such a piece on 16 of
 * 100 ballots at 200 dpi, another on 14 of 40 at 300 dpi; there no partial strike of the stress set was read kept
 * without it.
 */
const FAINT_PIECE = { widthPt: 1, heightPt: 1, darker: [65, 90] } as const;
const FAINT_MOST_PX_PER_PT = 2.4;
/** A scan of at most FAINT_MOST_PX_PER_PT (150 dpi), where the faint pieces and the lower band are looked for. */
export const coarseScan = (t: Affine): boolean => Math.hypot(t.a, t.d) <= FAINT_MOST_PX_PER_PT;

/** Where the middle of a piece lies: its height above the baseline, as a share of the band from baseline to bandTop. */
const bandShare = (p: InkPiece, g: RowGuide): number =>
  (g.baseline - (g.row.row.y + (p.top + p.foot + 1) / 2 / FORM_PER_POINT)) / (g.baseline - g.bandTop);

const linePiece = (p: InkPiece): boolean =>
  p.widthPt >= LINE_PIECE.widthPt && p.heightPt <= LINE_PIECE.heightPt && p.widthPt >= LINE_PIECE.flat * p.heightPt && p.darkest >= LINE_PIECE.darker;

/** Where a strike's piece may lie: its bandShare within [from, STRIKE_PIECE.band[1]]. */
const inStrikeBand = (p: InkPiece, g: RowGuide, from: number): boolean => {
  const share = bandShare(p, g);
  return share >= from && share <= STRIKE_PIECE.band[1];
};

const strikePiece = (p: InkPiece, g: RowGuide, from: number): boolean =>
  p.widthPt >= STRIKE_PIECE.widthPt && p.heightPt <= STRIKE_PIECE.heightPt && p.widthPt > p.heightPt &&
  p.widthPt * p.heightPt >= STRIKE_PIECE.areaPt2 && p.darkest >= STRIKE_PIECE.darker[0] && p.darkest <= STRIKE_PIECE.darker[1] && inStrikeBand(p, g, from);

const faintPiece = (p: InkPiece, g: RowGuide, from: number): boolean =>
  p.widthPt >= FAINT_PIECE.widthPt && p.heightPt <= Math.min(p.widthPt, FAINT_PIECE.heightPt) &&
  p.darkest >= FAINT_PIECE.darker[0] && p.darkest <= FAINT_PIECE.darker[1] && inStrikeBand(p, g, from);

const atMost = (t: Affine): boolean => Math.hypot(t.a, t.d) <= MOST_PX_PER_PT;

/**
 * Where a row's ink beside its letters is looked for: `sharpScans` also on a scan of more than MOST_PX_PER_PT (its row
 * sampled averaged); `faintPieces`, FAINT_PIECE too (at most FAINT_MOST_PX_PER_PT). Scans. `linedPieces`: a strike's
 * piece counts only beside another along the same rows (linedStrikePieces). Coarse photos.
 */
export interface BesideLook {
  readonly sharpScans: boolean;
  readonly faintPieces: boolean;
  readonly linedPieces?: boolean;
  /** Strike pieces looked for from LOW_BAND of the band up, at most FAINT_MOST_PX_PER_PT (scans, no underline). */
  readonly lowPieces?: boolean;
}
const looked = (t: Affine, look: BesideLook): boolean => look.sharpScans || atMost(t);

/**
 * A thin flat piece of ink darker than the printed letters can make in the letters' middle: what shows of a thin pen
 * line drawn along the letters (through half a middle syllable, along their top). Such a row is never read as no
 * mark at all. Clean names: their letters' edges give pieces under 100 grey levels darker, or upright ones.
 * `pieces`: the row's inkBesidePrint, asked for only when the page is sharp enough to look.
 */
export const thinLineBesidePrint = (t: Affine, pieces: () => readonly InkPiece[], look: BesideLook): boolean => looked(t, look) && pieces().some(linePiece);

/** Two pieces side by side (no column in common) whose rows overlap: pieces of one line across the letters. */
const alongOneLine = (p: InkPiece, q: InkPiece): boolean => (q.left > p.right || q.right < p.left) && Math.max(p.top, q.top) <= Math.min(p.foot, q.foot);

/**
 * Some strike piece lies beside another along the same rows (alongOneLine). On a photo of about a pixel a point (a
 * 1080p shot, sharp), resampled upright, the camera's pixels step the letters' edges, and a name with nothing drawn
 * shows one such piece in one gap of its letters (2 × 0.5 or 1.5 × 1 pt, 65–83 levels: bench photos 180,043,
 * 180,050, 190,025 (two names), 190,040, 410,095), always in the same gap of the same name; a thin ballpoint through
 * half a syllable shows one in each gap it crosses, along its course (photo 130,074's retake: three, 71–110 levels).
 */
const linedStrikePieces = (found: readonly InkPiece[]): boolean => found.some((p) => found.some((q) => alongOneLine(p, q)));

/**
 * A fainter, shorter piece where a strike runs (STRIKE_PIECE, and FAINT_PIECE when looked for): such a row is never
 * read as no mark either — on a coarse photo (`linedPieces`), two of them along one line.
 */
export const strikePieceBesidePrint = (t: Affine, g: RowGuide, pieces: () => readonly InkPiece[], look: BesideLook): boolean => {
  if (!looked(t, look)) return false;
  const coarse = coarseScan(t);
  const from = look.lowPieces === true && coarse ? LOW_BAND : STRIKE_PIECE.band[0];
  const found = pieces().filter((p) => strikePiece(p, g, from) || (look.faintPieces && coarse && faintPiece(p, g, from)));
  return look.linedPieces === true ? linedStrikePieces(found) : found.length > 0;
};

/** Pieces beside the letters at least this wide (points) and this much darker than them count as a line's (piecesAlongName)… */
const ALONG_PIECE = { widthPt: 1.5, darker: 65 } as const;
/** …when two of them, side by side along one line, reach further than a pen dot is wide (points; dot-on-letters.ts). */
const ALONG_REACH_PT = 4;

/**
 * Two pieces darker than the letters, side by side along one line and together longer than a dot: what shows of a
 * thin pen through half a syllable on the letters' gaps and counters, each piece too tall or too dark alone for a
 * line's (stress seeds 150,539 c009, 3 × 2.5 and 2 × 2.5 pt, 86–104 levels; 200,604 c013, 2 × 1.5 and 2.5 × 2.5 pt,
 * 180 levels: read kept with confidence). A dot or a tick on the name leaves one such piece or pieces within a dot's
 * width; rows kept at 150 and 200 dpi showed no two. Scans of at most MOST_PX_PER_PT.
 */
export const piecesAlongName = (t: Affine, pieces: () => readonly InkPiece[], k: number): boolean => {
  if (!atMost(t)) return false;
  const found = pieces().filter((p) => p.widthPt >= ALONG_PIECE.widthPt && p.darkest >= ALONG_PIECE.darker);
  return found.some((p) => found.some((q) => q.left > p.right && alongOneLine(p, q) && (q.right - p.left + 1) / k > ALONG_REACH_PT));
};
