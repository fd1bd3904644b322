/** Test helper: a document rendered both ways, as extracted text. */
import type { DocumentRenderer } from '../index.ts';
import { docxText, pdfText } from './extract.ts';

export interface BothTexts {
  /** pdftotext -layout output. */
  readonly pdf: string;
  readonly docx: string;
  readonly docxBuffer: Buffer;
  readonly pdfBuffer: Buffer;
}

export const renderBoth = async <I>(r: DocumentRenderer<I>, input: I): Promise<BothTexts> => {
  const [pdf, docx] = await Promise.all([r.pdf(input), r.docx(input)]);
  if (!pdf.ok) throw new Error(pdf.error.message_en);
  if (!docx.ok) throw new Error(docx.error.message_en);
  return { pdf: pdfText(pdf.value), docx: docxText(docx.value), pdfBuffer: pdf.value, docxBuffer: docx.value };
};

/** Whitespace collapsed, for sentences that wrap. */
export const flat = (s: string): string => s.replace(/\s+/gu, ' ');
