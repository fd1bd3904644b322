/**
 * A shot that cut a corner of the ballot off: the marks are not all seen, and the paper runs off the photo's edge.
 * The page is not placed from the three marks left: a phone held close sees the paper in strong perspective, and the
 * parallelogram of three marks misses the fourth by 100–270 pt on the bench's cut shots (its far side shrunk, its near
 * side grown); nor would a perspective fitted on the print show the corner outside the photo, paper the reader looks
 * at for writing outside the rows (sheet.ts inkOutside). The shot is refused, saying where the paper runs off, so the
 * next one frames it. Pure code, no Node: the camera screen runs it too (photo-worker.ts).
 */
import { ruleError, type RuleError } from '../rules/index.ts';
import type { GreyImage } from './image.ts';

/** The sides of the photo the paper runs off. */
export interface CornerCut {
  readonly left: boolean;
  readonly right: boolean;
  readonly top: boolean;
  readonly bottom: boolean;
}

/** Paper at the edge: this many times brighter than the edge's median (the table), and by at least PAPER_STEP levels. */
const PAPER_RATIO = 1.5;
const PAPER_STEP = 40;
/** The paper runs off a side when it touches it along at least this share of the photo's shorter side. */
const RUN_SHARE = 0.04;

/** The longest run of `on` values. */
const longestRun = (on: readonly boolean[]): number => {
  let best = 0, run = 0;
  for (const v of on) { run = v ? run + 1 : 0; best = Math.max(best, run); }
  return best;
};

/**
 * The sides of `img` (a photo, or its working copy) where paper reaches the edge: pixels of the outermost line
 * brighter than PAPER_RATIO times the edges' median and by PAPER_STEP levels, along RUN_SHARE of the shorter side at
 * least; null when none does. The table behind the paper is darker than paper in the same light; a shot framing the
 * whole ballot leaves table all round it.
 */
export const paperOffEdge = (img: GreyImage): CornerCut | null => {
  const { width: w, height: h, data } = img;
  const top = Array.from({ length: w }, (_, x) => data[x]!);
  const bottom = Array.from({ length: w }, (_, x) => data[(h - 1) * w + x]!);
  const left = Array.from({ length: h }, (_, y) => data[y * w]!);
  const right = Array.from({ length: h }, (_, y) => data[y * w + w - 1]!);
  const all = [...top, ...bottom, ...left, ...right].sort((a, b) => a - b);
  const table = all[Math.floor(all.length / 2)]!;
  const level = Math.max(table * PAPER_RATIO, table + PAPER_STEP);
  const least = RUN_SHARE * Math.min(w, h);
  const off = (edge: readonly number[]): boolean => longestRun(edge.map((v) => v > level)) >= least;
  const cut = { left: off(left), right: off(right), top: off(top), bottom: off(bottom) };
  return cut.left || cut.right || cut.top || cut.bottom ? cut : null;
};

/** The sides named, as a person sees the photo on the screen. */
const where = (c: CornerCut): { vi: string; en: string } => {
  const viSide = { top: 'trên', bottom: 'dưới', left: 'trái', right: 'phải' } as const;
  const sides = (['top', 'bottom', 'left', 'right'] as const).filter((s) => c[s]);
  const v = sides.find((s) => s === 'top' || s === 'bottom');
  const hz = sides.find((s) => s === 'left' || s === 'right');
  // Two sides that meet: their corner. Else each side.
  if (sides.length === 2 && v !== undefined && hz !== undefined) return { vi: `góc ${viSide[v]} bên ${viSide[hz]}`, en: `${v} ${hz} corner` };
  return { vi: sides.map((s) => `mép ${viSide[s]}`).join(', '), en: `${sides.join(', ')} edge${sides.length > 1 ? 's' : ''}` };
};

/** The refusal of a shot whose marks are not all seen and whose paper runs off the photo at `c`, saying where. */
export const cornerCutOff = (c: CornerCut): RuleError => {
  const w = where(c);
  return ruleError('scan.photo-marks',
    `Tờ phiếu bị cắt ra ngoài ảnh ở ${w.vi} của ảnh: không thấy đủ bốn dấu định vị (ô vuông đen ở bốn góc), phần phiếu ngoài ảnh không đọc được. Lùi máy ra một chút hoặc dịch máy về phía đó cho thấy trọn tờ phiếu, đủ bốn góc, rồi chụp lại.`,
    `The ballot runs off the photo at its ${w.en}: the four registration marks (black squares at the corners) are not all seen, and the part outside the photo cannot be read. Step back a little or move the camera that way so the whole ballot and its four corners show, and take it again.`);
};
