/** A pdfkit document with the Tinos fonts registered, and its bytes as a Buffer. */
import PDFDocument from 'pdfkit';
import { FONT, documentFonts } from './fonts.ts';

export type Pdf = PDFKit.PDFDocument;

export interface PdfOptions {
  readonly title: string;
  /** Fixed so that the same input gives the same file. */
  readonly date: Date;
}

export const createPdf = (o: PdfOptions): Pdf => {
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    margin: 0,
    info: { Title: o.title, Creator: 'Đại Hội', Producer: 'Đại Hội', CreationDate: o.date, ModDate: o.date },
  });
  // pdfkit takes a parsed font where its types only list files (see fonts.ts).
  for (const [name, font] of documentFonts()) doc.registerFont(name, font as unknown as PDFKit.Mixins.PDFFontSource);
  doc.font(FONT.regular);
  return doc;
};

export const pdfToBuffer = (doc: Pdf): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });

/** The document date as a Date at noon UTC (stable across time zones). */
export const documentDate = (isoDate: string): Date => new Date(`${isoDate}T12:00:00Z`);
