/** A4 pages of the minutes and reports, with the margins of Party documents, and a cursor that breaks pages. */
import { PAPER_SIZES } from '../ballot-layout.ts';
import type { Orientation } from '../content/blocks.ts';
import type { Pdf } from './doc.ts';
import { lineInBox } from './draw.ts';

/** 20 mm top and bottom, 30 mm left, 15 mm right. */
export const MARGIN = { top: 57, bottom: 57, left: 85, right: 42.5 } as const;
export const BODY_SIZE = 13;

export interface Cursor {
  readonly doc: Pdf;
  readonly pageWidth: number;
  readonly pageHeight: number;
  /** Width between the margins. */
  readonly width: number;
  y: number;
}

const newPage = (c: Cursor): void => {
  c.doc.addPage({ size: [c.pageWidth, c.pageHeight], margin: 0 });
};

export const startCursor = (doc: Pdf, orientation: Orientation): Cursor => {
  const { width, height } = PAPER_SIZES.A4;
  const [pageWidth, pageHeight] = orientation === 'landscape' ? [height, width] : [width, height];
  const c: Cursor = { doc, pageWidth, pageHeight, width: pageWidth - MARGIN.left - MARGIN.right, y: MARGIN.top };
  newPage(c);
  return c;
};

/** Moves to a new page unless `height` still fits above the bottom margin. */
export const ensureSpace = (c: Cursor, height: number): void => {
  if (c.y + height > c.pageHeight - MARGIN.bottom) {
    newPage(c);
    c.y = MARGIN.top;
  }
};

/** Page numbers at the top centre from the second page on, as Party documents number them. */
export const numberPages = (c: Cursor): void => {
  const range = c.doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    c.doc.switchToPage(i);
    lineInBox(c.doc, String(i - range.start + 1), { x: MARGIN.left, y: 28, width: c.width, height: 14 }, { size: 12, align: 'center' });
  }
};
