/**
 * The four registration marks of a ballot photographed with a phone or tablet: no longer axis-aligned squares of a
 * known size (the camera looks at the paper at an angle, from any distance), under uneven light. Found on a copy
 * shrunk to about WORK_LONG pixels, by a local (adaptive) threshold, among the solid, compact dark blobs; the four
 * that span the largest quadrilateral and agree with one another in size are the marks. Then the page → photo
 * homography and what it says of the shot: too small, too skewed. Pure code, no Node: the camera screen runs it on
 * video frames too (src/web/counting/photo-worker.ts).
 */
import { ruleError, err, ok, type Result, type RuleError } from '../rules/index.ts';
import { darkBlobs, opened, type Blob } from './blobs.ts';
import { applyH, homographyFrom4, stretch, type Homography } from './homography.ts';
import type { GreyImage } from './image.ts';
import type { Point } from './transform.ts';
import { cornerCutOff, paperOffEdge } from './photo-corner-cut.ts';

/** The long side of the working copy, in pixels. */
export const WORK_LONG = 1000;
/** Below this many photo pixels per point of paper (≈ 100 dpi) thin ballpoint strokes are lost: refused. */
export const MIN_PHOTO_PX_PER_PT = 0.8;
/**
 * From this many photo pixels per point (180 dpi) a thin ballpoint stroke is told from the blurred edges of the
 * letters; below it a name is read as kept only on stricter grounds (strike-row.ts PHOTO), and more names go to the
 * board: a sharp shot is read, a soft one refused as blurred (photo-soft.ts), and the camera says at once that a
 * closer shot reads better (lowResolution).
 */
export const SHARP_PHOTO_PX_PER_PT = 2.5;
/**
 * Below this many photo pixels per point (108 dpi: a 1080p camera's whole ballot) a thin pen line is narrower than a
 * camera pixel: a sharp photo is read with its letters' gaps looked at against the blurred blank (photo-soft.ts).
 */
export const COARSE_PHOTO_PX_PER_PT = 1.5;
/** Beyond this irregularity of the marks' quadrilateral (25° of tilt stays below 0.22) a mark is not where it should be. */
export const MAX_IRREGULARITY = 0.36;
/** The largest angle between the camera's axis and the paper's normal, in degrees, before refusing. */
export const MAX_TILT_DEGREES = 32;
/** Mark side and inset from the paper edges, in points (src/documents/ballot-layout.ts MARK_SIZE, MARK_INSET). */
const MARK_PT = 14;
const MARK_CENTRE_PT = 16 + MARK_PT / 2;

export interface PaperSize {
  readonly width: number;
  readonly height: number;
}

export interface PhotoMarks {
  /** Mark centres in photo pixels, in the layout's order: top left, top right, bottom left, bottom right of the page. */
  readonly marks: readonly [Point, Point, Point, Point];
  /** Page points → photo pixels. */
  readonly homography: Homography;
  /** The fewest photo pixels per point anywhere between the marks (≈ dpi / 72). */
  readonly pxPerPt: number;
  /** The camera's tilt off square-on, estimated from the foreshortening at the page centre, degrees. */
  readonly tiltDegrees: number;
  /** How far the four marks are from a parallelogram, against the quadrilateral's diagonal (0 when square-on). */
  readonly irregularity: number;
}

const refuse = (code: string, vi: string, en: string): Result<never, RuleError> => err(ruleError(code, vi, en));

/** The four marks not all seen (on the photo, or one of them on the upright page): the photo is taken again. */
export const marksNotSeen = (): RuleError => ruleError('scan.photo-marks', 'Không thấy đủ bốn dấu định vị (ô vuông đen ở bốn góc tờ phiếu): chụp lại cho thấy trọn tờ phiếu, đủ bốn góc, không bị che hay cắt mất góc nào.',
  'The four registration marks (black squares at the ballot\'s corners) are not all seen: take the photo again with the whole ballot, all four corners, nothing covering or cutting off a corner.');

/** Mean of f × f pixels. */
export const shrink = (img: GreyImage, f: number): GreyImage => {
  if (f <= 1) return img;
  const w = Math.floor(img.width / f);
  const h = Math.floor(img.height / f);
  const sum = new Uint32Array(w);
  const data = new Uint8Array(w * h);
  const n = f * f;
  for (let j = 0; j < h; j++) {
    sum.fill(0);
    for (let dy = 0; dy < f; dy++) {
      const row = (j * f + dy) * img.width;
      for (let i = 0; i < w; i++) {
        let s = 0;
        const k = row + i * f;
        for (let dx = 0; dx < f; dx++) s += img.data[k + dx]!;
        sum[i]! += s;
      }
    }
    for (let i = 0; i < w; i++) data[j * w + i] = (sum[i]! + (n >> 1)) / n;
  }
  return { width: w, height: h, data };
};

/**
 * Dark against its surroundings: darker than `ratio` of the mean of the square of side `side` around it (an
 * integral image), and by at least 24 grey levels. 0 for dark, 255 for the rest (the blob finder's convention).
 */
export const adaptiveDark = (img: GreyImage, side: number, ratio = 0.75): GreyImage => {
  const { width: w, height: h, data } = img;
  const W = w + 1;
  const sat = new Float64Array(W * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += data[y * w + x]!;
      sat[(y + 1) * W + x + 1] = sat[y * W + x + 1]! + row;
    }
  }
  const r = Math.max(2, Math.floor(side / 2));
  const out = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(w, x + r + 1);
      const mean = (sat[y1 * W + x1]! - sat[y0 * W + x1]! - sat[y1 * W + x0]! + sat[y0 * W + x0]!) / ((x1 - x0) * (y1 - y0));
      const v = data[y * w + x]!;
      if (v < mean * ratio && mean - v >= 24) out[y * w + x] = 0;
    }
  }
  return { width: w, height: h, data: out };
};

/** Solid and compact: a square seen at an angle fills at least half its bounding box and is not long and thin. */
const compact = (b: Blob): boolean => {
  const w = b.x1 - b.x0 + 1;
  const h = b.y1 - b.y0 + 1;
  return !b.clipped && b.area / (w * h) >= 0.45 && Math.max(w, h) / Math.min(w, h) <= 2.2;
};

const cross = (o: Point, a: Point, b: Point): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** The area of the quadrilateral p0 p1 p2 p3 (in that order round it) when convex, else 0. */
const convexArea = (q: readonly Point[]): number => {
  const c = q.map((_, i) => cross(q[i]!, q[(i + 1) % 4]!, q[(i + 2) % 4]!));
  if (!(c.every((v) => v > 0) || c.every((v) => v < 0))) return 0;
  return Math.abs(cross(q[0]!, q[1]!, q[2]!) + cross(q[0]!, q[2]!, q[3]!)) / 2;
};

/**
 * The squares (working-copy pixels) the dark pixels are opened by for the other looks: a seal's thin ring or letters
 * touching a mark fall away at 4; where the ring is pressed thick against a large mark (photos 30,215 and 30,227 of the
 * bench: a 16-pixel mark, the ring 4–6 pixels wide where it touches), only at 7 — which a far, small mark may not survive.
 */
const OPENINGS_PX = [4, 7] as const;

/** A blob of the plain look, or of an opened one (a mark a seal's ink touched, seen without that ink). */
type Seen = Blob & { readonly opened: boolean };

interface Candidate {
  readonly quad: readonly [Seen, Seen, Seen, Seen];
  readonly area: number;
}

/** The blob of `group` furthest along (dx, dy). */
const extreme = (group: readonly Seen[], dx: number, dy: number): Seen =>
  group.reduce((best, b) => (b.cx * dx + b.cy * dy > best.cx * dx + best.cy * dy ? b : best));

/** The centres of the marks of a page of `paper` (points), in the layout's order. */
export const markCentres = (paper: PaperSize): [Point, Point, Point, Point] => {
  const c = MARK_CENTRE_PT;
  return [{ x: c, y: c }, { x: paper.width - c, y: c }, { x: c, y: paper.height - c }, { x: paper.width - c, y: paper.height - c }];
};

/**
 * The page → photo map for marks found at the photo's corners `quad` (clockwise from the photo's top left):
 * a portrait page photographed in landscape is turned a quarter; upside down is left to the QR code (register.ts).
 */
const mapOf = (quad: readonly Point[], paper: PaperSize): Homography | null => {
  const side = (i: number, j: number): number => Math.hypot(quad[i]!.x - quad[j]!.x, quad[i]!.y - quad[j]!.y);
  const across = side(0, 1) + side(3, 2);
  const down = side(0, 3) + side(1, 2);
  const turn = (across > down) === (paper.height > paper.width) ? 1 : 0;
  // Page corners clockwise: top left, top right, bottom right, bottom left (layout indexes 0, 1, 3, 2).
  const page = markCentres(paper);
  const pageClockwise = [page[0], page[1], page[3], page[2]];
  return homographyFrom4(pageClockwise, [0, 1, 2, 3].map((k) => quad[(k + turn) % 4]!));
};

/**
 * Paper all round: a mark is printed 16 pt inside the paper's edge, away from the print, so the ring from a fifth
 * to a half of its side beyond it is paper (light) but for a seal's thin lines crossing it. A letter of the header
 * among its neighbours, or the table's dark corner at the paper's edge, is not surrounded by paper.
 */
export const PAPER_ROUND_SHARE = 0.75;
export const paperRound = (work: GreyImage, b: Blob): boolean => {
  const side = Math.max(b.x1 - b.x0 + 1, b.y1 - b.y0 + 1);
  const inner = Math.max(1, Math.round(side * 0.2));
  const outer = Math.max(inner + 2, Math.round(side * 0.5));
  let ink = 0, inkN = 0;
  for (let y = b.y0; y <= b.y1; y++) for (let x = b.x0; x <= b.x1; x++) { ink += work.data[y * work.width + x]!; inkN++; }
  const ring: number[] = [];
  for (let y = b.y0 - outer; y <= b.y1 + outer; y++) {
    for (let x = b.x0 - outer; x <= b.x1 + outer; x++) {
      if (x >= b.x0 - inner && x <= b.x1 + inner && y >= b.y0 - inner && y <= b.y1 + inner) continue;
      // Beyond the photo's edge: not paper.
      ring.push(x < 0 || y < 0 || x >= work.width || y >= work.height ? 0 : work.data[y * work.width + x]!);
    }
  }
  const paper = [...ring].sort((p, q) => p - q)[Math.floor(ring.length * 0.9)]!;
  const level = (ink / Math.max(1, inkN) + paper) / 2;
  return ring.filter((v) => v > level).length >= PAPER_ROUND_SHARE * ring.length;
};

/**
 * The blobs that may be marks, largest first: the compact blobs surrounded by paper of the working copy's dark pixels
 * (`dark`) and of their openings by small squares (OPENINGS_PX), where a seal's ring and letters touching a mark fall
 * away (a far, small mark may vanish there, a mark the seal touches is whole only there: one shot may need several
 * looks, one for each corner).
 */
const markLike = (dark: GreyImage, work: GreyImage): Seen[] => {
  const look = (d: GreyImage, isOpened: boolean): Seen[] => darkBlobs(d, { x: 0, y: 0, width: d.width, height: d.height }, 128, 10)
    .filter((b) => compact(b) && paperRound(work, b)).map((b) => ({ ...b, opened: isOpened }));
  const seen = look(dark, false);
  for (const side of OPENINGS_PX) {
    // A blob of an opened look inside one already seen is that one again.
    const more = look(opened(dark, 128, side), true).filter((o) => !seen.some((b) => o.cx >= b.x0 && o.cx <= b.x1 && o.cy >= b.y0 && o.cy <= b.y1));
    seen.push(...more);
  }
  return seen.sort((a, b) => b.area - a.area).slice(0, 60);
};

/** The four of `blobs` (markLike) that are the marks, clockwise from the photo's top left; null when none agree. */
const locate = (blobs: readonly Seen[], paper: PaperSize): Candidate | null => {
  let best: Candidate | null = null;
  const tried = new Set<string>();
  const page = markCentres(paper);
  for (const seed of blobs) {
    // The seed is the largest mark; the far ones may look a sixth of its area (a steep angle, a near corner).
    const group = blobs.filter((b) => b.area >= seed.area / 6 && b.area <= seed.area);
    if (group.length < 4) continue;
    const quad = [extreme(group, -1, -1), extreme(group, 1, -1), extreme(group, 1, 1), extreme(group, -1, 1)] as const;
    const key = quad.map((b) => `${b.cx},${b.cy}`).join(';');
    if (tried.has(key) || new Set(quad).size !== 4) continue;
    tried.add(key);
    const area = convexArea(quad.map((b) => ({ x: b.cx, y: b.cy })));
    if (area === 0 || (best !== null && area <= best.area)) continue;
    const m = mapOf(quad.map((b) => ({ x: b.cx, y: b.cy })), paper);
    if (m === null) continue;
    // Each blob about the size a 14 pt square has there (its area against the map's local stretch).
    const agree = page.every((p) => {
      const q = applyH(m, p);
      const b = quad.reduce((n, x) => (Math.hypot(x.cx - q.x, x.cy - q.y) < Math.hypot(n.cx - q.x, n.cy - q.y) ? x : n));
      const s = stretch(m, p);
      const ratio = Math.sqrt(b.area / (s.min * s.max * MARK_PT * MARK_PT));
      return ratio > 0.55 && ratio < 1.55;
    });
    if (agree) best = { quad, area };
  }
  return best;
};

/** How much the working copy of `img` is shrunk. */
const workShrink = (img: GreyImage): number => Math.max(1, Math.round(Math.max(img.width, img.height) / WORK_LONG));

/** The working copy of `img`, shrunk by `f`, and its blobs that may be marks. */
const lookAt = (img: GreyImage): { f: number; work: GreyImage; blobs: Seen[] } => {
  const f = workShrink(img);
  const work = shrink(img, f);
  const side = Math.max(15, Math.round(Math.max(work.width, work.height) / 16));
  return { f, work, blobs: markLike(adaptiveDark(work, side), work) };
};

/** The paper running off the photo, said where so the next shot frames it (photo-corner-cut.ts); null when it does not. */
const cutOf = (work: GreyImage): RuleError | null => {
  const c = paperOffEdge(work);
  return c === null ? null : cornerCutOff(c);
};

/**
 * The refusal of a shot whose four marks were found but one of them is not on the upright page (another blob was
 * taken for it): a corner cut off, said where, or the marks not all seen.
 */
export const marksMissing = (img: GreyImage): RuleError => cutOf(shrink(img, workShrink(img))) ?? marksNotSeen();

/**
 * Finds the four marks and the map; refused with the reason when they are not all seen. Other ink may touch a mark
 * (the seal pressed on the corner): the marks are also looked for in the opening of the dark pixels by a small
 * square, where the seal's thin ring and letters fall away and the solid mark stays.
 */
export const findPhotoMarks = (img: GreyImage, paper: PaperSize): Result<PhotoMarks, RuleError> => {
  const { f, work, blobs } = lookAt(img);
  const best = locate(blobs, paper);
  const cut = (): RuleError | null => cutOf(work);
  if (best === null) return err(cut() ?? marksNotSeen());
  // Each centre measured again on the full photo: the dark pixels of the mark against the paper around it.
  const clockwise = best.quad.map((b) => refineMark(img, b, f, b.opened ? 0 : 0.35));
  const m = mapOf(clockwise, paper);
  if (m === null) return refuse('scan.photo-marks', 'Bốn dấu định vị không tạo thành tờ phiếu: chụp lại cho thấy trọn tờ phiếu.', 'The four marks do not make a ballot: take the photo again with the whole ballot.');
  const page = markCentres(paper);
  const marks = page.map((p) => applyH(m, p)) as [Point, Point, Point, Point];
  const pxPerPt = Math.min(...page.map((p) => stretch(m, p).min));
  // How far the marks are from a parallelogram, against the quadrilateral's size: a camera at 25° stays within
  // about 0.1; a corner cut off (another blob taken for its mark) is further.
  const [a, b, c, d] = clockwise as [Point, Point, Point, Point];
  const skew = Math.hypot(a.x + c.x - b.x - d.x, a.y + c.y - b.y - d.y) / Math.max(1, Math.hypot(a.x - c.x, a.y - c.y), Math.hypot(b.x - d.x, b.y - d.y));
  const centre = stretch(m, { x: paper.width / 2, y: paper.height / 2 });
  const tiltDegrees = (Math.acos(Math.min(1, centre.min / centre.max)) * 180) / Math.PI;
  // Marks that judgeShot would refuse as not fitting a ballot or as too steep, with the paper running off the photo:
  // another blob was taken for a mark outside it — the corner is cut off, and said where.
  const refused = skew > MAX_IRREGULARITY || tiltDegrees > MAX_TILT_DEGREES ? cut() : null;
  if (refused !== null) return err(refused);
  return ok({ marks, homography: m, pxPerPt, tiltDegrees, irregularity: skew });
};

/** The centre of a mark found on the working copy (shrunk by `f`), measured on the full photo. */
const refineMark = (img: GreyImage, b: Blob, f: number, share: number): Point => {
  const pad = Math.round(((b.x1 - b.x0 + b.y1 - b.y0) / 2) * share) * f;
  const x0 = Math.max(0, b.x0 * f - pad);
  const y0 = Math.max(0, b.y0 * f - pad);
  const x1 = Math.min(img.width - 1, (b.x1 + 1) * f + pad);
  const y1 = Math.min(img.height - 1, (b.y1 + 1) * f + pad);
  let lo = 255, hi = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const v = img.data[y * img.width + x]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  const level = (lo + hi) / 2;
  let sw = 0, sx = 0, sy = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (img.data[y * img.width + x]! > level) continue;
      sw++; sx += x + 0.5; sy += y + 0.5;
    }
  }
  return sw === 0 ? { x: b.cx * f, y: b.cy * f } : { x: sx / sw, y: sy / sw };
};

/** The shot judged from its marks: too small or too skewed is refused with what to do. */
export const judgeShot = (m: PhotoMarks): Result<PhotoMarks, RuleError> => {
  if (m.irregularity > MAX_IRREGULARITY) {
    return refuse('scan.photo-marks', 'Bốn dấu định vị không khớp một tờ phiếu (có góc bị cắt, bị che, hoặc chụp quá nghiêng): chụp lại thẳng từ trên xuống, cho thấy trọn tờ phiếu, đủ bốn góc.',
      'The four registration marks do not fit a ballot (a corner cut off or covered, or too steep an angle): take the photo again from straight above, with the whole ballot and its four corners.');
  }
  if (m.tiltDegrees > MAX_TILT_DEGREES) {
    const deg = Math.round(m.tiltDegrees);
    // A corner cut off the photo (another blob taken for its mark) looks like a steep angle too: both are said.
    return refuse('scan.photo-skew', `Ảnh chụp nghiêng quá (khoảng ${deg}°, tối đa ${MAX_TILT_DEGREES}°) hoặc có góc phiếu bị cắt, bị che: cầm máy song song với mặt phiếu, chụp thẳng từ trên xuống, cho thấy đủ bốn góc.`,
      `The photo is taken at too steep an angle (about ${deg}°, at most ${MAX_TILT_DEGREES}°) or a corner is cut off or covered: hold the camera parallel to the ballot, straight above it, with all four corners in the frame.`);
  }
  if (m.pxPerPt < MIN_PHOTO_PX_PER_PT) {
    const dpi = Math.round(m.pxPerPt * 72);
    return refuse('scan.photo-small', `Tờ phiếu quá nhỏ trong ảnh (khoảng ${dpi} dpi, cần từ ${Math.round(MIN_PHOTO_PX_PER_PT * 72)} dpi): đưa máy lại gần để tờ phiếu chiếm gần hết khung hình.`,
      `The ballot is too small in the photo (about ${dpi} dpi, ${Math.round(MIN_PHOTO_PX_PER_PT * 72)} needed): bring the camera closer so the ballot nearly fills the frame.`);
  }
  return ok(m);
};

/**
 * A shot read but below SHARP_PHOTO_PX_PER_PT: what the camera says at once (not a refusal — a phone with a 1080p
 * camera cannot do better), or null.
 */
export const lowResolution = (m: PhotoMarks): RuleError | null => {
  if (m.pxPerPt >= SHARP_PHOTO_PX_PER_PT) return null;
  const dpi = Math.round(m.pxPerPt * 72);
  const sure = Math.round(SHARP_PHOTO_PX_PER_PT * 72);
  // Below it a slightly blurred photo is not read at all (photo-soft.ts): the notice says so.
  const read = { vi: 'ở độ phân giải này, ảnh hơi mờ sẽ không được đọc mà chuyển Ban Kiểm phiếu với lý do ảnh bị mờ; ảnh thật nét vẫn được đọc', en: 'at this resolution a slightly blurred photo is not read but sent to the board as blurred; a really sharp one is read' };
  return ruleError('scan.photo-low-resolution',
    `Ảnh chưa đủ nét, độ phân giải thấp (khoảng ${dpi} dpi, đọc chắc từ ${sure} dpi): ${read.vi}, nhưng nét bút mảnh dễ phải chuyển Ban Kiểm phiếu. Chụp gần hơn cho tờ phiếu chiếm gần hết khung hình.`,
    `The photo is of low resolution (about ${dpi} dpi, read surely from ${sure} dpi): ${read.en}, but thin pen strokes may go to the board. Take it closer, so the ballot nearly fills the frame.`);
};
