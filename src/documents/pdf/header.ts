/**
 * The two-column Party header (Quy định về thể thức văn bản của Đảng): the higher organisation and the issuing
 * unit at top left with a star below; "ĐẢNG CỘNG SẢN VIỆT NAM" at top right, underlined; place and date in
 * italics under it.
 */
import type { Box } from '../ballot-layout.ts';
import type { HeaderSpec } from '../content/blocks.ts';
import type { Pdf } from './doc.ts';
import { hline, lineInBox, setStyle } from './draw.ts';

export const PARTY_NAME = 'ĐẢNG CỘNG SẢN VIỆT NAM';

/** Draws the header in `b`; returns the y below it. `size` is the font size of the header lines. */
export const drawPartyHeader = (doc: Pdf, spec: HeaderSpec, b: Box, size: number): number => {
  const leftWidth = b.width * 0.46;
  const rightX = b.x + leftWidth;
  const rightWidth = b.width - leftWidth;
  const lineH = size * 1.25;
  let y = b.y;
  for (const line of spec.lines) {
    lineInBox(doc, line.text, { x: b.x, y, width: leftWidth, height: lineH }, { size, bold: line.bold, align: 'center' });
    y += lineH;
  }
  lineInBox(doc, '*', { x: b.x, y, width: leftWidth, height: lineH }, { size, align: 'center' });
  const leftBottom = y + lineH;

  lineInBox(doc, PARTY_NAME, { x: rightX, y: b.y, width: rightWidth, height: lineH }, { size: size + 0.5, bold: true, align: 'center' });
  setStyle(doc, { size: size + 0.5, bold: true });
  const w = Math.min(doc.widthOfString(PARTY_NAME), rightWidth);
  const underlineY = b.y + lineH + 0.5;
  hline(doc, rightX + (rightWidth - w) / 2, rightX + (rightWidth + w) / 2, underlineY, 0.7);
  let rightBottom = underlineY + 2;
  if (spec.placeDate !== null) {
    lineInBox(doc, spec.placeDate, { x: rightX, y: underlineY + size * 0.6, width: rightWidth, height: lineH },
      { size, italic: true, align: 'center' });
    rightBottom = underlineY + size * 0.6 + lineH;
  }
  return Math.max(leftBottom, rightBottom);
};
