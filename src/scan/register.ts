/**
 * Registration: the four corner marks give the map from page points to pixels; the QR code says which ballot
 * this is and which way up. Strict: when the four marks or the QR code are not found exactly, or the QR code
 * is another election's or round's, the sheet is rejected with the reason — never guessed.
 */
import jsqr from 'jsqr';
import type { Box } from '../documents/ballot-layout.ts';
import { parseBallotQr, type BallotQr } from '../documents/ballot-qr.ts';
import { err, ok, ruleError, type Result, type RuleError } from '../rules/index.ts';
import { darkBlobs, opened, type Blob, type Window } from './blobs.ts';
import type { ScanTarget } from './form.ts';
import { matchBallotQr, qrModules, readQrGrid } from './qr-grid.ts';
import { quantile, type GreyImage } from './image.ts';
import { samplePage } from './sample.ts';
import { scratch } from './scratch.ts';
import { apply, describe, fitAffine, type Affine, type Point } from './transform.ts';

/** CommonJS: under NodeNext the default import is the module object (as in src/documents/testing/extract.ts). */
const jsQR = jsqr.default;

export interface Registration {
  /** Page points → pixels of the scan. */
  readonly transform: Affine;
  readonly qr: BallotQr;
  /** Index in the layout's pages. */
  readonly pageIndex: number;
  readonly upsideDown: boolean;
  /** Rotation off upright, in degrees, and the resolution found, in dots per inch. */
  readonly degrees: number;
  readonly dpi: number;
}

/** Resolutions accepted: 150–300 dpi, with room for a slightly scaled print. */
const MIN_PX_PER_PT = 130 / 72;
const MAX_PX_PER_PT = 330 / 72;
const MAX_DEGREES = 6;
const QR_PER_POINT = 3;

const reject = (code: string, vi: string, en: string): Result<never, RuleError> => err(ruleError(code, vi, en));

const CORNERS = [
  { vi: 'trên bên trái', en: 'top left' }, { vi: 'trên bên phải', en: 'top right' },
  { vi: 'dưới bên trái', en: 'bottom left' }, { vi: 'dưới bên phải', en: 'bottom right' },
] as const;

/** A corner's half-resolution window, kept from one corner to the next (each is done with before the next). */
const halfPixels = scratch((n) => new Uint8Array(n), false);

/** The window `win` of the image at half resolution (mean of 2×2): marks are still 14 px at 150 dpi. */
const halve = (img: GreyImage, win: Window): GreyImage => {
  const w = Math.floor(win.width / 2);
  const h = Math.floor(win.height / 2);
  const data = halfPixels(w * h);
  for (let j = 0; j < h; j++) {
    const k0 = (win.y + 2 * j) * img.width + win.x;
    for (let i = 0; i < w; i++) {
      const k = k0 + 2 * i;
      data[j * w + i] = (img.data[k]! + img.data[k + 1]! + img.data[k + img.width]! + img.data[k + img.width + 1]! + 2) >> 2;
    }
  }
  return { width: w, height: h, data };
};

/** Centre of the dark pixels of a blob found at half resolution, measured again at full resolution. */
const refine = (img: GreyImage, win: Window, b: Blob, level: number): Blob => {
  const x0 = Math.max(0, win.x + 2 * b.x0 - 3);
  const y0 = Math.max(0, win.y + 2 * b.y0 - 3);
  const x1 = Math.min(img.width - 1, win.x + 2 * b.x1 + 4);
  const y1 = Math.min(img.height - 1, win.y + 2 * b.y1 + 4);
  let area = 0, sx = 0, sy = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (img.data[y * img.width + x]! >= level) continue;
      area++; sx += x; sy += y;
    }
  }
  return { ...b, area, x0, y0, x1, y1, cx: sx / Math.max(1, area) + 0.5, cy: sy / Math.max(1, area) + 0.5 };
};

/**
 * The registration mark in one corner of the image: the square blob of the right size nearest the corner. When
 * other ink touches the mark (the seal is pressed on the corner), the mark is looked for again in the opening of
 * the dark pixels by a square a third of its size: thin ink falls away, the solid square stays.
 */
const findMark = (img: GreyImage, corner: number, markPt: number): Blob | null => {
  const right = corner === 1 || corner === 3;
  const bottom = corner === 2 || corner === 3;
  const ww = Math.round(img.width * 0.3) & ~1;
  const wh = Math.round(img.height * 0.22) & ~1;
  const win: Window = { x: right ? img.width - ww : 0, y: bottom ? img.height - wh : 0, width: ww, height: wh };
  const half = halve(img, win);
  const level = Math.min(140, quantile(half, 0, 0, half.width, half.height, 0.9) * 0.55);
  const minSide = (markPt * MIN_PX_PER_PT * 0.8) / 2;
  const maxSide = (markPt * MAX_PX_PER_PT * 1.2) / 2;
  const squares = (image: GreyImage, lvl: number): Blob[] => {
    const found = darkBlobs(image, { x: 0, y: 0, width: image.width, height: image.height }, lvl, Math.floor(minSide * minSide)).filter((b) => {
      const w = b.x1 - b.x0 + 1;
      const h = b.y1 - b.y0 + 1;
      const side = Math.sqrt(b.area);
      return !b.clipped && side <= maxSide && w / h > 0.75 && w / h < 1.33 && b.area / (w * h) > 0.68 && Math.max(w, h) / side < 1.35;
    });
    const cx = right ? image.width : 0;
    const cy = bottom ? image.height : 0;
    return found.sort((a, b) => Math.hypot(a.cx - cx, a.cy - cy) - Math.hypot(b.cx - cx, b.cy - cy));
  };
  const best = squares(half, level)[0];
  if (best !== undefined) return refine(img, win, best, level);
  const open = opened(half, level, Math.max(3, Math.round(minSide * 0.45)));
  const seen = squares(open, 128)[0];
  // The centre of the opened square, in pixels of the image (the opening keeps the square's own pixels).
  return seen === undefined ? null : { ...seen, cx: win.x + 2 * seen.cx, cy: win.y + 2 * seen.cy, x0: win.x + 2 * seen.x0, y0: win.y + 2 * seen.y0,
    x1: win.x + 2 * seen.x1 + 1, y1: win.y + 2 * seen.y1 + 1, area: 4 * seen.area };
};

const centre = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** Fits page → pixels for one assignment of the marks; refused when the marks do not agree with a scan. */
const fitMarks = (page: readonly Point[], found: readonly Blob[], markPt: number, upsideDown: boolean): Affine | null => {
  const fit = fitAffine(page, found.map((b) => ({ x: b.cx, y: b.cy })));
  if (fit === null) return null;
  const d = describe(fit.transform);
  const turn = upsideDown ? (d.degrees + 360) % 360 - 180 : d.degrees;
  const side = Math.sqrt(found.reduce((s, b) => s + b.area, 0) / found.length);
  const ok = d.sx >= MIN_PX_PER_PT && d.sx <= MAX_PX_PER_PT && Math.abs(d.sy / d.sx - 1) < 0.04 &&
    Math.abs(d.shear) < 0.04 && Math.abs(turn) <= MAX_DEGREES && fit.residual <= Math.max(3, 1.5 * d.sx) &&
    Math.abs(side / (markPt * d.sx) - 1) < 0.3;
  return ok ? fit.transform : null;
};

/** The QR code inside the page box `b`, read upright through `t`; null when none is read. */
export const readQr = (img: GreyImage, t: Affine, b: Box): string | null => {
  const m = 6;
  return jsQrText(samplePage(img, t, { x: b.x - m, y: b.y - m, width: b.width + 2 * m, height: b.height + 2 * m }, QR_PER_POINT));
};

/** jsQR's own search over a grey image (it takes RGBA). */
const jsQrText = (grey: GreyImage): string | null => {
  const rgba = new Uint8ClampedArray(grey.width * grey.height * 4);
  for (let i = 0, k = 0; i < grey.data.length; i++, k += 4) {
    const v = grey.data[i]!;
    rgba[k] = v; rgba[k + 1] = v; rgba[k + 2] = v; rgba[k + 3] = 255;
  }
  return jsQR(rgba, grey.width, grey.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
};

/** Share of dark pixels in a page box (coarsely sampled). */
const darkShare = (img: GreyImage, t: Affine, b: Box): number => {
  const s = samplePage(img, t, b, 0.5);
  const level = quantile(samplePage(img, t, { x: b.x - 10, y: b.y, width: 8, height: b.height }, 1), 0, 0, 8, b.height, 0.9) * 0.55;
  let n = 0;
  for (let q = 0; q < s.data.length; q++) if (s.data[q]! < level) n++;
  return n / s.data.length;
};

/** Rejections of a sheet that is another ballot than this round's (a whole stack with one is refused: read-job.ts). */
export const FOREIGN_SHEET: ReadonlySet<string> = new Set(['scan.qr-foreign', 'scan.other-congress', 'scan.other-election', 'scan.other-round', 'scan.other-layout']);

/** A sheet of another election's or round's ballot: the rejection, with the QR code read (to name whose it is). */
export interface ForeignBallot extends RuleError { readonly qr: BallotQr }

const foreign = (qr: BallotQr, code: string, vi: string, en: string): Result<never, ForeignBallot> => err({ ...ruleError(code, vi, en), qr });

/** Checks the QR code is this round's ballot and says which page of it. */
const checkQr = (text: string, target: ScanTarget, pagesAtBox: readonly number[]): Result<{ qr: BallotQr; pageIndex: number }, RuleError> => {
  const parsed = parseBallotQr(text);
  if (!parsed.ok) return reject('scan.qr-foreign', 'Mã QR không phải của phiếu bầu Đại hội: không nhận phiếu.', 'The QR code is not a congress ballot: sheet rejected.');
  const q = parsed.value;
  if (q.congressId !== target.congressId) {
    return foreign(q, 'scan.other-congress', `Phiếu của đại hội khác (mã "${q.congressId}"): không nhận phiếu.`, `A ballot of another congress ("${q.congressId}"): rejected.`);
  }
  if (q.electionId !== target.electionId) {
    return foreign(q, 'scan.other-election', `Phiếu của cuộc bầu cử khác (mã "${q.electionId}"), không phải "${target.electionId}": không nhận phiếu.`,
      `A ballot of another election ("${q.electionId}", not "${target.electionId}"): rejected.`);
  }
  if (q.round !== target.round) {
    return foreign(q, 'scan.other-round', `Phiếu của lần bầu ${q.round}, không phải lần bầu ${target.round}: không nhận phiếu.`,
      `A ballot of round ${q.round}, not round ${target.round}: rejected.`);
  }
  if (q.layoutHash !== target.layout.hash || q.pages !== target.layout.pages.length) {
    return foreign(q, 'scan.other-layout', 'Mẫu phiếu không khớp với danh sách của lần bầu này (mã bố cục khác): không nhận phiếu.',
      'The ballot layout does not match this round\'s list (different layout hash): rejected.');
  }
  const pageIndex = q.page - 1;
  if (!pagesAtBox.includes(pageIndex)) {
    return reject('scan.qr-place', 'Mã QR không nằm đúng chỗ của trang này: không nhận phiếu.', 'The QR code is not where this page prints it: rejected.');
  }
  return ok({ qr: q, pageIndex });
};

/**
 * Whose ballot a sheet is when this round's marks or QR box do not fit it — another election's form, printed on
 * another paper size, is put in the wrong stack: its QR code looked for anywhere on the sheet, so that the board reads
 * "another election's ballot" rather than "distorted scan". Only on the way to a rejection: a whole page costs jsQR
 * 0.1–1 s.
 */
const foreignBallot = (img: GreyImage, target: ScanTarget): Result<never, RuleError> | null => {
  // Half resolution first (a quarter of the work: enough at 200 dpi and above), then the whole.
  const text = jsQrText(halve(img, { x: 0, y: 0, width: img.width, height: img.height })) ?? jsQrText(img);
  if (text === null) return null;
  const checked = checkQr(text, target, target.layout.pages.map((_, i) => i));
  return checked.ok ? null : checked;
};

export const register = (img: GreyImage, target: ScanTarget): Result<Registration, RuleError> => {
  const first = target.layout.pages[0]!;
  const markPt = first.marks[0].width;
  const found: Blob[] = [];
  for (let c = 0; c < 4; c++) {
    const b = findMark(img, c, markPt);
    if (b === null) {
      return reject('scan.mark', `Không tìm thấy dấu định vị ở góc ${CORNERS[c]!.vi} của ảnh: không đọc phiếu, chuyển Ban Kiểm phiếu.`,
        `No registration mark found in the ${CORNERS[c]!.en} corner: sheet sent to the board.`);
    }
    found.push(b);
  }
  const page = first.marks.map(centre);
  const tries = [false, true].flatMap((upsideDown) => {
    const t = fitMarks(page, upsideDown ? [found[3]!, found[2]!, found[1]!, found[0]!] : found, markPt, upsideDown);
    return t === null ? [] : [{ t, upsideDown }];
  });
  if (tries.length === 0) {
    return foreignBallot(img, target) ?? reject('scan.marks-geometry', 'Bốn dấu định vị không khớp với khổ phiếu (ảnh quét bị méo, nghiêng quá 5° hoặc sai khổ): chuyển Ban Kiểm phiếu.',
      'The four registration marks do not fit the ballot (distorted, tilted beyond 5° or wrong paper size): sent to the board.');
  }
  // The QR box sits lower on the first page than on the next ones: try each distinct place, both ways up.
  const boxes = new Map<string, { box: Box; pages: number[] }>();
  target.layout.pages.forEach((p, i) => {
    const key = `${p.qr.x},${p.qr.y}`;
    const entry = boxes.get(key) ?? { box: p.qr, pages: [] };
    entry.pages.push(i);
    boxes.set(key, entry);
  });
  // Most likely place first: a QR code is about half dark; jsQR runs only where the box looks like one.
  const attempts = tries.flatMap(({ t, upsideDown }) => [...boxes.values()].map(({ box, pages }) => ({ t, upsideDown, box, pages, dark: darkShare(img, t, box) })))
    .filter((a) => a.dark > 0.25 && a.dark < 0.75)
    .sort((a, b) => Math.abs(a.dark - 0.5) - Math.abs(b.dark - 0.5));
  // The code this ballot prints there first; else jsQR's own search (which also reads a foreign code, to say whose
  // it is); then, where it found nothing, the module grid (small or blurred codes: qr-grid.ts).
  const reads = [
    ...attempts.map((a) => ({ ...a, read: () => matchBallotQr(img, a.t, a.box, target, a.pages) })),
    ...attempts.map((a) => ({ ...a, read: () => readQr(img, a.t, a.box) })),
    ...attempts.map((a) => ({ ...a, read: () => readQrGrid(img, a.t, a.box, qrModules(target)) })),
  ];
  for (const { t, upsideDown, pages, read } of reads) {
    const text = read();
    if (text === null) continue;
    const checked = checkQr(text, target, pages);
    if (!checked.ok) return checked;
    const d = describe(t);
    const degrees = upsideDown ? (d.degrees + 360) % 360 - 180 : d.degrees;
    return ok({ transform: t, qr: checked.value.qr, pageIndex: checked.value.pageIndex, upsideDown, degrees, dpi: d.sx * 72 });
  }
  return foreignBallot(img, target) ?? reject('scan.qr', 'Không đọc được mã QR của phiếu: không đọc phiếu, chuyển Ban Kiểm phiếu.',
    'The ballot\'s QR code cannot be read: sheet sent to the board.');
};

/** Where a page point falls in the scan (for debug images and crops). */
export const toPixel = (r: Registration, p: Point): Point => apply(r.transform, p);
