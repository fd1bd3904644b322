/** A QR code drawn as vector squares (sharp at any printer resolution), with a quiet zone inside the box. */
import type { Box } from '../ballot-layout.ts';
import { QR_QUIET, qrMatrix } from '../qr-matrix.ts';
import type { Pdf } from './doc.ts';

export const drawQr = (doc: Pdf, text: string, b: Box): void => {
  const { size: n, dark } = qrMatrix(text);
  const cell = Math.min(b.width, b.height) / (n + 2 * QR_QUIET);
  doc.save().rect(b.x, b.y, b.width, b.height).fill('white');
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (dark[r * n + c] === 1) doc.rect(b.x + (c + QR_QUIET) * cell, b.y + (r + QR_QUIET) * cell, cell, cell);
    }
  }
  doc.fill('black').restore();
};
