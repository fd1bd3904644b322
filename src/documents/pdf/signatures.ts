/** Signature blocks: captions in bold capitals, room to sign, the name in bold; two to a row, kept on one page. */
import type { SignaturesBlock } from '../content/blocks.ts';
import { lineInBox } from './draw.ts';
import { BODY_SIZE, MARGIN, ensureSpace, type Cursor } from './page.ts';

const SIGN_SPACE = 62;

export const drawSignatures = (c: Cursor, s: SignaturesBlock): void => {
  const perRow = s.signers.length === 1 ? 1 : 2;
  const width = c.width / 2;
  for (let k = 0; k < s.signers.length; k += perRow) {
    const row = s.signers.slice(k, k + perRow);
    const lines = Math.max(...row.map((x) => x.caption.length));
    const lineH = BODY_SIZE * 1.3;
    const height = lines * lineH + SIGN_SPACE + lineH + 12;
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
