/** A QR code drawn as vector squares (sharp at any printer resolution), with a quiet zone inside the box. */
import QRCode from 'qrcode';
import type { Box } from '../ballot-layout.ts';
import type { Pdf } from './doc.ts';

const QUIET = 2;

export const drawQr = (doc: Pdf, text: string, b: Box): void => {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const cell = Math.min(b.width, b.height) / (n + 2 * QUIET);
  doc.save().rect(b.x, b.y, b.width, b.height).fill('white');
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (modules.get(r, c)) doc.rect(b.x + (c + QUIET) * cell, b.y + (r + QUIET) * cell, cell, cell);
    }
  }
  doc.fill('black').restore();
};
