/**
 * A ballot photographed with a phone or tablet, read by the scanner's reader: the four marks give the page → photo
 * homography (photo-marks.ts), the page is resampled upright at 200 dpi on a white margin as a scanner returns it,
 * its light evened out (shadows, a gradient), and read by readSheet as any scanned sheet. A shot too small, too
 * skewed, blurred or cut is refused with the reason (the sheet goes to the board, never guessed).
 */
import { err, ok, ruleError, type Result, type RuleError } from '../rules/index.ts';
import type { ScanTarget } from './form.ts';
import { darkBlobs, opened } from './blobs.ts';
import { findPhotoMarks, judgeShot, markCentres, marksMissing, type PaperSize, type PhotoMarks } from './photo-marks.ts';
import { offPrint } from './photo-fit.ts';
import { readSoft } from './photo-soft.ts';
import { applyH, composeH, homographyFrom4, type Homography } from './homography.ts';
import { greyImage, quantile, type GreyImage } from './image.ts';
import type { Point } from './transform.ts';
import { readSheet, type SheetOutcome } from './sheet.ts';

/** The resolution of the upright page, as a scanner's 200 dpi. */
export const PHOTO_PER_POINT = 200 / 72;
/** White margin around the upright page, in points (a scanner bed's). */
const MARGIN_PT = 12;
/** Paper within this many points of its edge is painted white: the table behind the paper never shows. */
const EDGE_PT = 4;
/** Tiles of this many points measure the paper's brightness for evening out the light. */
const TILE_PT = 20;
/** The least sharpness (variance of the Laplacian at 1.39 px/pt, light evened out) read; below: refused as blurred. */
export const MIN_SHARPNESS = 60;

export interface Rectified {
  readonly image: GreyImage;
  readonly marks: PhotoMarks;
  readonly sharpness: number;
}

/** A rectangle of the upright page's pixels. */
interface PixelWindow {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The window `win` of the page of `paper` resampled upright from the photo through `m` (page → photo), margin white. */
const resample = (img: GreyImage, m: Homography, paper: PaperSize, k: number, win: PixelWindow): GreyImage => {
  const out = greyImage(win.width, win.height);
  const { width: W, height: H, data } = img;
  const xMin = EDGE_PT, xMax = paper.width - EDGE_PT, yMin = EDGE_PT, yMax = paper.height - EDGE_PT;
  for (let j = 0; j < win.height; j++) {
    const py = (win.y + j + 0.5) / k - MARGIN_PT;
    if (py < yMin || py > yMax) continue;
    for (let i = 0; i < win.width; i++) {
      const px = (win.x + i + 0.5) / k - MARGIN_PT;
      if (px < xMin || px > xMax) continue;
      const d = m.g * px + m.h * py + 1;
      const sx = (m.a * px + m.b * py + m.c) / d - 0.5;
      const sy = (m.d * px + m.e * py + m.f) / d - 0.5;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= W - 1 || y0 >= H - 1) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const q = y0 * W + x0;
      const top = data[q]! + (data[q + 1]! - data[q]!) * fx;
      const bottom = data[q + W]! + (data[q + W + 1]! - data[q + W]!) * fx;
      out.data[j * win.width + i] = top + (bottom - top) * fy + 0.5;
    }
  }
  return out;
};

/** The page of `paper` resampled upright from the photo through `m` (page → photo), on a white margin. */
export const rectify = (img: GreyImage, m: Homography, paper: PaperSize, perPoint = PHOTO_PER_POINT): GreyImage =>
  resample(img, m, paper, perPoint, {
    x: 0, y: 0, width: Math.round((paper.width + 2 * MARGIN_PT) * perPoint), height: Math.round((paper.height + 2 * MARGIN_PT) * perPoint),
  });

/**
 * Evens out the light in place: each pixel divided by the paper's brightness around it (the 90th percentile of
 * tiles of TILE_PT points, interpolated between tile centres), so paper reads about 245 under a shadow as in the sun.
 */
export const evenLight = (img: GreyImage, perPoint = PHOTO_PER_POINT): void => {
  const { width: w, height: h, data } = img;
  const t = Math.max(8, Math.round(TILE_PT * perPoint));
  const tw = Math.ceil(w / t);
  const th = Math.ceil(h / t);
  const level = new Float32Array(tw * th);
  const hist = new Uint32Array(256);
  for (let ty = 0; ty < th; ty++) {
    for (let tx = 0; tx < tw; tx++) {
      hist.fill(0);
      let n = 0;
      for (let y = ty * t; y < Math.min(h, (ty + 1) * t); y += 2) {
        // The white margin (exactly 255, outside the paper) is not paper: it would darken the paper at the edges.
        for (let x = tx * t; x < Math.min(w, (tx + 1) * t); x += 2) {
          const v = data[y * w + x]!;
          if (v < 255) { hist[v]!++; n++; }
        }
      }
      let acc = 0;
      let v = 255;
      for (let q = 255; q >= 0; q--) {
        acc += hist[q]!;
        if (acc >= 0.1 * n) { v = q; break; }
      }
      level[ty * tw + tx] = n === 0 ? 245 : Math.max(40, v);
    }
  }
  for (let y = 0; y < h; y++) {
    const gy = Math.min(th - 1, Math.max(0, (y + 0.5) / t - 0.5));
    const y0 = Math.floor(gy);
    const y1 = Math.min(th - 1, y0 + 1);
    const fy = gy - y0;
    for (let x = 0; x < w; x++) {
      const gx = Math.min(tw - 1, Math.max(0, (x + 0.5) / t - 0.5));
      const x0 = Math.floor(gx);
      const x1 = Math.min(tw - 1, x0 + 1);
      const fx = gx - x0;
      const top = level[y0 * tw + x0]! + (level[y0 * tw + x1]! - level[y0 * tw + x0]!) * fx;
      const bottom = level[y1 * tw + x0]! + (level[y1 * tw + x1]! - level[y1 * tw + x0]!) * fx;
      const paper = top + (bottom - top) * fy;
      const k = y * w + x;
      if (data[k]! < 255) data[k] = Math.min(254, (data[k]! * 245) / paper + 0.5);
    }
  }
};

/**
 * Sharpness of the upright page: the variance of the Laplacian inside the paper (MARGIN_PT + 30 pt in), measured at
 * half the upright resolution — 1.39 px/pt, coarser than any photo accepted, so a sharp photo of few pixels is not
 * taken for a blurred one.
 */
export const sharpness = (img: GreyImage, perPoint = PHOTO_PER_POINT): number => {
  const w = Math.floor(img.width / 2);
  const h = Math.floor(img.height / 2);
  const half = new Float32Array(w * h);
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) {
      const k = 2 * j * img.width + 2 * i;
      half[j * w + i] = (img.data[k]! + img.data[k + 1]! + img.data[k + img.width]! + img.data[k + img.width + 1]!) / 4;
    }
  }
  const inset = Math.round(((MARGIN_PT + 30) * perPoint) / 2);
  let n = 0, s = 0, s2 = 0;
  for (let y = inset; y < h - inset; y++) {
    for (let x = inset; x < w - inset; x++) {
      const k = y * w + x;
      const lap = half[k - 1]! + half[k + 1]! + half[k - w]! + half[k + w]! - 4 * half[k]!;
      n++; s += lap; s2 += lap * lap;
    }
  }
  if (n === 0) return 0;
  const mean = s / n;
  return s2 / n - mean * mean;
};

/** The mark's side in points (src/documents/ballot-layout.ts MARK_SIZE). */
const MARK_PT = 14;

/**
 * The centre (page points) of the mark near page point `c` on the upright page, or null: thresholded half-way
 * between ink and paper, opened by a square of 0.6 of the mark's side — a seal's ring or letters touching the mark
 * fall away, the solid square stays whole — and the square nearest `c`.
 */
/** The window of the upright page where the mark centred at page point `c` is looked for. */
const markWindow = (c: Point, k: number): PixelWindow => {
  const half = Math.round((MARK_PT / 2 + 8) * k);
  return { x: Math.round((c.x + MARGIN_PT) * k) - half, y: Math.round((c.y + MARGIN_PT) * k) - half, width: 2 * half, height: 2 * half };
};

const markOnUpright = (img: GreyImage, m: Homography, paper: PaperSize, c: Point, k: number): Point | null => {
  const { x: x0, y: y0, width: w, height: h } = markWindow(c, k);
  // Only this window is resampled upright: the whole page is resampled once, with the corrected map.
  const win = resample(img, m, paper, k, { x: x0, y: y0, width: w, height: h });
  const level = (quantile(win, 0, 0, w, h, 0.03) + quantile(win, 0, 0, w, h, 0.9)) / 2;
  const side = MARK_PT * k;
  const open = opened(win, level, Math.max(3, Math.round(side * 0.6)));
  const found = darkBlobs(open, { x: 0, y: 0, width: w, height: h }, 128, Math.round(side * side * 0.5))
    .filter((b) => !b.clipped && b.area < side * side * 1.6);
  const cx = (c.x + MARGIN_PT) * k - x0, cy = (c.y + MARGIN_PT) * k - y0;
  const best = found.sort((a, b) => Math.hypot(a.cx - cx, a.cy - cy) - Math.hypot(b.cx - cx, b.cy - cy))[0];
  return best === undefined ? null : { x: (x0 + best.cx) / k - MARGIN_PT, y: (y0 + best.cy) / k - MARGIN_PT };
};

/**
 * The map corrected by the marks as seen upright: a mark's centre measured on the photo may be
 * pulled by a seal pressed on it or a shadow's edge, and four points leave no room for error — every row would be
 * off. The marks measured upright (square, of known size) give the correction; null when one is not found there.
 */
const corrected = (img: GreyImage, m: Homography, paper: PaperSize, k: number): Homography | null => {
  const expected = markCentres(paper);
  const seen = expected.map((c) => markOnUpright(img, m, paper, c, k));
  if (seen.some((p) => p === null)) return null;
  const fix = homographyFrom4(expected, seen as Point[]);
  return fix === null ? null : composeH(m, fix);
};

const blurred = (value: number): RuleError => ruleError('scan.photo-blur',
  `Ảnh bị mờ (độ nét ${Math.round(value)}, cần từ ${MIN_SHARPNESS}): giữ chắc máy, chạm màn hình để lấy nét vào tờ phiếu rồi chụp lại, đủ ánh sáng.`,
  `The photo is blurred (sharpness ${Math.round(value)}, ${MIN_SHARPNESS} needed): hold the camera steady, tap the screen to focus on the ballot and take it again, in enough light.`);

/** The photo's page upright, light evened out, with the shot's measures; refused with what to do better. */
export const rectifyPhoto = (img: GreyImage, paper: PaperSize): Result<Rectified, RuleError> => {
  const found = findPhotoMarks(img, paper);
  if (!found.ok) return found;
  const judged = judgeShot(found.value);
  if (!judged.ok) return judged;
  const better = corrected(img, found.value.homography, paper, PHOTO_PER_POINT);
  const image = rectify(img, better ?? found.value.homography, paper);
  evenLight(image);
  const sharp = sharpness(image);
  if (sharp < MIN_SHARPNESS) return err(blurred(sharp));
  return ok({ image, marks: found.value, sharpness: sharp });
};

export interface PhotoReading {
  readonly outcome: SheetOutcome;
  /** The image the outcome's registration refers to: the upright page, or the photo itself when refused. */
  readonly image: GreyImage;
}

/** One photographed sheet: upright, then read as a scanned one; a refused shot is a rejected sheet with its reason. */
export const readPhoto = (img: GreyImage, target: ScanTarget, sheet: number): PhotoReading => {
  const r = rectifyPhoto(img, target.layout);
  if (!r.ok) return { outcome: { kind: 'rejected', sheet, reason: r.error }, image: img };
  const outcome = readSheet(r.value.image, target, sheet, { photo: { pxPerPt: r.value.marks.pxPerPt } });
  // A mark missing on the upright page, or four there that do not fit the ballot: another blob was taken for one on the
  // photo, where the real one is cut off (photos 50,029 and 1,040,811 of the bench). Refused at once as a corner cut off
  // (said where) or the marks not all seen — not as a scanner's page distorted or tilted beyond 5°.
  if (outcome.kind === 'rejected' && (outcome.reason.code === 'scan.mark' || outcome.reason.code === 'scan.marks-geometry')) {
    return { outcome: { ...outcome, reason: marksMissing(img) }, image: img };
  }
  const offMap = offPrint(r.value.image, outcome, target);
  if (offMap !== null) return { outcome: { kind: 'rejected', sheet, reason: offMap }, image: r.value.image };
  const soft = readSoft(r.value.image, outcome, target, r.value.marks.pxPerPt);
  return { outcome: 'kind' in soft ? soft : { kind: 'rejected', sheet, reason: soft }, image: r.value.image };
};

/** Where a page point falls in the photo (debugging, the camera overlay). */
export const photoPoint = (m: PhotoMarks, p: { x: number; y: number }): { x: number; y: number } => applyH(m.homography, p);
