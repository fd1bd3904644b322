/** A4 pages of the minutes and reports, with the margins of Party documents, and a cursor that breaks pages. */
import { PAPER_SIZES } from '../ballot-layout.ts';
import type { Pdf } from './doc.ts';
import { lineInBox } from './draw.ts';

export const A4 = PAPER_SIZES.A4;
/** 20 mm top and bottom, 30 mm left, 15 mm right. */
export const MARGIN = { top: 57, bottom: 57, left: 85, right: 42.5 } as const;
export const BODY_SIZE = 13;
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

export interface Cursor {
  readonly doc: Pdf;
  y: number;
}

export const newPage = (doc: Pdf): void => {
  doc.addPage({ size: [A4.width, A4.height], margin: 0 });
};

export const startCursor = (doc: Pdf): Cursor => {
  newPage(doc);
  return { doc, y: MARGIN.top };
};

/** Moves to a new page unless `height` still fits above the bottom margin. */
export const ensureSpace = (c: Cursor, height: number): void => {
  if (c.y + height > A4.height - MARGIN.bottom) {
    newPage(c.doc);
    c.y = MARGIN.top;
  }
};

/** Page numbers at the top centre from the second page on, as Party documents number them. */
export const numberPages = (doc: Pdf): void => {
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    lineInBox(doc, String(i - range.start + 1), { x: MARGIN.left, y: 28, width: CONTENT_WIDTH, height: 14 }, { size: 12, align: 'center' });
  }
};
