/** Signature blocks: captions in bold capitals, room to sign, the name in bold; two to a row, kept on one page. */
import type { SignaturesBlock } from '../content/blocks.ts';
import { lineInBox } from './draw.ts';
import { BODY_SIZE, MARGIN, ensureSpace, type Cursor } from './page.ts';

const SIGN_SPACE = 62;
const ROW_GAP = 22;
const LINE_H = BODY_SIZE * 1.3;

const rowHeight = (captionLines: number): number => captionLines * LINE_H + SIGN_SPACE + LINE_H + ROW_GAP;

const rowsOf = (s: SignaturesBlock): Array<SignaturesBlock['signers']> => {
  const perRow = s.signers.length === 1 ? 1 : 2;
  const rows: Array<SignaturesBlock['signers']> = [];
  for (let k = 0; k < s.signers.length; k += perRow) rows.push(s.signers.slice(k, k + perRow));
  return rows;
};

/** The height of the whole block. */
export const signaturesHeight = (s: SignaturesBlock): number =>
  rowsOf(s).reduce((sum, row) => sum + rowHeight(Math.max(...row.map((x) => x.caption.length))), 0);

export const drawSignatures = (c: Cursor, s: SignaturesBlock): void => {
  const perRow = s.signers.length === 1 ? 1 : 2;
  const width = c.width / 2;
  const rows = rowsOf(s);
  // The whole block stays on one page when it can.
  const total = signaturesHeight(s);
  if (total < c.pageHeight / 2) ensureSpace(c, total);
  for (const row of rows) {
    const lines = Math.max(...row.map((x) => x.caption.length));
    const lineH = LINE_H;
    const height = rowHeight(lines);
    ensureSpace(c, height);
    row.forEach((signer, j) => {
      // A lone signer stands at the right, as in Party documents.
      const x = MARGIN.left + (perRow === 1 ? width : j * width);
      signer.caption.forEach((text, l) => {
        lineInBox(c.doc, text, { x, y: c.y + l * lineH, width, height: lineH }, { size: BODY_SIZE, bold: true, align: 'center' });
      });
      lineInBox(c.doc, signer.name, { x, y: c.y + lines * lineH + SIGN_SPACE, width, height: lineH },
        { size: BODY_SIZE, bold: true, align: 'center' });
    });
    c.y += height;
  }
};
