/**
 * One sheet: registration, then every row of its page, the stamp and writing outside the rows. A sheet that
 * cannot be registered is rejected with the reason; nothing on it is read.
 */
import type { Box, BallotPage } from '../documents/ballot-layout.ts';
import type { RuleError } from '../rules/index.ts';
import { FORM_PER_POINT, type FormPage, type ScanTarget } from './form.ts';
import { quantile, type GreyImage } from './image.ts';
import { INK_LEVEL, readMarksRow, readStrikeRow, stampInk, type RowReading } from './read-rows.ts';
import { register, type Registration } from './register.ts';
import { samplePage } from './sample.ts';

export type StampState = 'present' | 'missing' | 'uncertain';

/** Stamp box inside: at least this share inked is a stamp, at most STAMP_EMPTY is none. */
export const STAMP_PRESENT = 0.02;
export const STAMP_EMPTY = 0.002;
/** New ink outside rows, stamp, QR and marks, in square points, above which the sheet is flagged. */
export const OUTSIDE_INK_PT2 = 20;

export interface PageReading {
  readonly pageIndex: number;
  readonly rows: readonly RowReading[];
  readonly stamp: StampState;
  readonly stampInk: number;
  /** New ink outside the rows, the stamp box, the QR code and the marks, in square points. */
  readonly outsideInk: number;
  readonly writingOutside: boolean;
}

export type SheetOutcome =
  | { readonly kind: 'rejected'; readonly sheet: number; readonly reason: RuleError }
  | { readonly kind: 'read'; readonly sheet: number; readonly registration: Registration; readonly page: PageReading };

const grow = (b: Box, dx: number, dy: number): Box => ({ x: b.x - dx, y: b.y - dy, width: b.width + 2 * dx, height: b.height + 2 * dy });

/** Where ink is expected: marks, QR, stamp (a stamp spills over its box), the rows (strikes overshoot). */
const expectedInk = (page: BallotPage): Box[] => [
  ...page.marks.map((m) => grow(m, 4, 4)), grow(page.qr, 6, 6), grow(page.stamp, 20, 20),
  ...page.rows.map((r) => grow(r.row, 14, 3)),
];

/** Printed within one pixel of the form grid: at 1 px/pt a letter's blurred edge must not count as writing. */
const printedNear = (printed: Uint8Array, W: number, H: number, gx: number, gy: number): boolean => {
  for (let y = Math.max(0, gy - 1); y <= Math.min(H - 1, gy + 1); y++) {
    for (let x = Math.max(0, gx - 1); x <= Math.min(W - 1, gx + 1); x++) if (printed[y * W + x] === 1) return true;
  }
  return false;
};

/** New ink, in square points, anywhere on the page outside the boxes where ink is expected. */
const inkOutside = (img: GreyImage, reg: Registration, form: FormPage, page: BallotPage, size: { width: number; height: number }): number => {
  const edge = 8;
  const s = samplePage(img, reg.transform, { x: edge, y: edge, width: size.width - 2 * edge, height: size.height - 2 * edge }, 1);
  const skip = new Uint8Array(s.width * s.height);
  for (const b of expectedInk(page)) {
    const x0 = Math.max(0, Math.floor(b.x - edge));
    const x1 = Math.min(s.width, Math.ceil(b.x + b.width - edge));
    for (let y = Math.max(0, Math.floor(b.y - edge)); y < Math.min(s.height, Math.ceil(b.y + b.height - edge)); y++) skip.fill(1, y * s.width + x0, y * s.width + x1);
  }
  const W = form.blank.width;
  const H = form.blank.height;
  let n = 0;
  const strip = 48;
  for (let y0 = 0; y0 < s.height; y0 += strip) {
    const level = quantile(s, 0, y0, s.width, strip, 0.9) * INK_LEVEL;
    for (let y = y0; y < Math.min(s.height, y0 + strip); y++) {
      const gy = Math.round((y + edge + 0.5) * FORM_PER_POINT);
      for (let x = 0; x < s.width; x++) {
        const k = y * s.width + x;
        if (skip[k] === 1 || s.data[k]! >= level) continue;
        const gx = Math.round((x + edge + 0.5) * FORM_PER_POINT);
        if (printedNear(form.printed, W, H, gx, gy)) continue;
        n++;
      }
    }
  }
  return n;
};

export const readSheet = (img: GreyImage, target: ScanTarget, sheet: number): SheetOutcome => {
  const reg = register(img, target);
  if (!reg.ok) return { kind: 'rejected', sheet, reason: reg.error };
  const { transform: t, pageIndex } = reg.value;
  const page = target.layout.pages[pageIndex]!;
  const form = target.pages[pageIndex]!;
  const rows: RowReading[] = target.layout.form === 'strike-out'
    ? form.rows.map((g) => readStrikeRow(img, t, form, g))
    : target.layout.form === 'write-in' ? [] : form.rows.map((g) => readMarksRow(img, t, form, g));
  const ink = stampInk(img, t, page.stamp);
  const stamp: StampState = ink >= STAMP_PRESENT ? 'present' : ink <= STAMP_EMPTY ? 'missing' : 'uncertain';
  const outsideInk = target.layout.form === 'write-in' ? 0 : inkOutside(img, reg.value, form, page, target.layout);
  return {
    kind: 'read', sheet, registration: reg.value,
    page: { pageIndex, rows, stamp, stampInk: ink, outsideInk, writingOutside: outsideInk >= OUTSIDE_INK_PT2 },
  };
};
