/**
 * A fold across the sheet shows on a scan as a thin grey line from one edge of the paper to the other: within a
 * name's row it crosses the whole name and reads as a strike. The voter's pen stops near the name — a strike may run
 * on into the number column or a few points past the name — but a crease runs on straight across the empty margins
 * on both sides of the column of names. A row struck by such a line goes to the board: the crease may hide a strike
 * or be all there is. (The creases found on a sheet are cleared before its rows are read, sheet-folds.ts: this is for
 * one that was not found, or whose grey is not even enough to clear.)
 */
import { FORM_PER_POINT, type FormPage, type RowGuide } from './form.ts';
import { quantile, type GreyImage } from './image.ts';
import { samplePage } from './sample.ts';
import type { StrikeRowReading } from './read-rows.ts';
import { DARK, EDGE_PT, MAX_SLOPE, MIN_MARGIN_PT, ROW_GAP_PT, SEEN, SLOPE_STEP, type Crease } from './sheet-folds.ts';
import type { Affine } from './transform.ts';

/** How far above the letters' band and below their foot (points) the line may cross the name. */
const BAND_SLACK_PT = 2;

interface Margin {
  readonly x0: number;
  /** Columns darker than the paper at each row of the strip (1), blank form's print excluded (2). */
  readonly dark: Uint8Array;
  readonly w: number;
  readonly h: number;
}

/** The strip of the page from x0 to x1 (points), rows y0 to y0 + h / k: where it is dark, and where print is. */
const margin = (img: GreyImage, t: Affine, page: FormPage, x0: number, x1: number, y0: number, height: number): Margin | null => {
  if (x1 - x0 < MIN_MARGIN_PT) return null;
  const k = FORM_PER_POINT;
  const s = samplePage(img, t, { x: x0, y: y0, width: x1 - x0, height }, k);
  const paper = quantile(s, 0, 0, s.width, s.height, 0.9);
  const dark = new Uint8Array(s.width * s.height);
  const gx0 = Math.round(x0 * k);
  const gy0 = Math.round(y0 * k);
  const W = page.blank.width;
  for (let j = 0; j < s.height; j++) {
    for (let i = 0; i < s.width; i++) {
      const q = j * s.width + i;
      const printed = page.printed[(gy0 + j) * W + gx0 + i] === 1;
      dark[q] = printed ? 2 : s.data[q]! < paper * DARK ? 1 : 0;
    }
  }
  return { x0, dark, w: s.width, h: s.height };
};

const darkCount = (m: Margin): number => {
  let n = 0;
  // By index: for…of a typed array allocated an iterator's result at every pixel here (5 MB a ballot).
  for (let q = 0; q < m.dark.length; q++) if (m.dark[q] === 1) n++;
  return n;
};

/** Share of the margin's columns (print aside) where the line y(x) (pixels of the strip) finds dark within a pixel. */
const seen = (m: Margin, y: (x: number) => number): number => {
  const k = FORM_PER_POINT;
  let n = 0;
  let hit = 0;
  for (let i = 0; i < m.w; i++) {
    const j = Math.round(y(m.x0 + (i + 0.5) / k));
    if (j < 1 || j >= m.h - 1) return 0;
    const up = m.dark[(j - 1) * m.w + i]!;
    const at = m.dark[j * m.w + i]!;
    const down = m.dark[(j + 1) * m.w + i]!;
    if (up === 2 || at === 2 || down === 2) continue;
    n++;
    if (up === 1 || at === 1 || down === 1) hit++;
  }
  return n > 0 ? hit / n : 0;
};

/** A line crosses the name's letters and runs on across the blank margins on both sides of the column of names. */
export const creaseThrough = (img: GreyImage, t: Affine, page: FormPage, g: RowGuide): boolean => {
  const k = FORM_PER_POINT;
  const pageWidth = page.blank.width / k;
  const xName = (g.textX0 + g.textX1) / 2;
  const left = { x0: EDGE_PT, x1: g.row.number.x - ROW_GAP_PT };
  const right = { x0: g.row.row.x + g.row.row.width + ROW_GAP_PT, x1: pageWidth - EDGE_PT };
  // The strips reach as far above and below the name as the steepest fold climbs from it.
  const reach = MAX_SLOPE * Math.max(xName - left.x0, right.x1 - xName) + BAND_SLACK_PT + 2;
  const y0 = g.bandTop - reach;
  const height = g.baseline - g.bandTop + 2 * reach;
  // A blank margin (nearly always) has too few dark pixels for any line across it: the right one is not sampled then.
  const crossable = (m: Margin | null): m is Margin => m !== null && darkCount(m) >= SEEN * m.w / 2;
  const a = margin(img, t, page, left.x0, left.x1, y0, height);
  if (!crossable(a)) return false;
  const b = margin(img, t, page, right.x0, right.x1, y0, height);
  if (!crossable(b)) return false;
  for (let yName = g.bandTop - BAND_SLACK_PT; yName <= g.baseline + BAND_SLACK_PT; yName += 0.5 / k) {
    for (let slope = -MAX_SLOPE; slope <= MAX_SLOPE + 1e-9; slope += SLOPE_STEP) {
      const y = (x: number): number => (yName + slope * (x - xName) - y0) * k - 0.5;
      if (seen(a, y) >= SEEN && seen(b, y) >= SEEN) return true;
    }
  }
  return false;
};

/** A struck line this close (points, at the name's middle) to a crease found on the sheet, and as steep within… */
const ALONG_PT = 1.5;
/** …this much (points per point), lies along the crease. */
const ALONG_SLOPE = 0.02;

/**
 * A row read struck whose line lies along a crease found and cleared on the sheet (sheet-folds.ts): what is left of
 * the crease between the letters after clearing can read as a line through them (a photographed fold across a name
 * with nothing drawn read struck, coverage 0.90). It goes to the board: the crease may hide a strike or be all there is.
 */
export const alongCrease = (reading: StrikeRowReading, g: RowGuide, creases: readonly Crease[], page: FormPage): boolean => {
  if (reading.state !== 'struck' || creases.length === 0) return false;
  const k = FORM_PER_POINT;
  const y = g.row.row.y;
  // The line's middle: abovePt above the foot of the letters' band as sampled (row-sample.ts j1).
  const lineY = y + Math.floor((g.baseline + 0.5 - y) * k) / k - reading.line.abovePt;
  const xName = (g.textX0 + g.textX1) / 2;
  const xMid = page.blank.width / k / 2;
  return creases.some((c) => Math.abs(c.y0 + c.slope * (xName - xMid) - lineY) <= ALONG_PT && Math.abs(c.slope - reading.line.slope) <= ALONG_SLOPE);
};
