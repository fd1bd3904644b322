/**
 * The ballot's QR code as a matrix of modules: one definition of how it is encoded (level M) and of the quiet zone
 * printed inside its box, for the printer (pdf/qr.ts) and the scanner, which checks a scanned code against the
 * matrix it expects (src/scan/qr-grid.ts).
 */
import QRCode from 'qrcode';

/** Modules of white inside the QR box around the code. */
export const QR_QUIET = 2;

export interface QrMatrix {
  /** Modules a side. */
  readonly size: number;
  /** 1 where the module is dark, row by row. */
  readonly dark: Uint8Array;
}

export const qrMatrix = (text: string): QrMatrix => {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: Uint8Array.from(modules.data, (v) => (v ? 1 : 0)) };
};
