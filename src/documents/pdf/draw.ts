/** Small drawing primitives shared by every PDF: text in a box, fitted text, lines. */
import type { Box } from '../ballot-layout.ts';
import type { Pdf } from './doc.ts';
import { fontFor } from './fonts.ts';

export interface TextStyle {
  readonly size: number;
  readonly bold?: boolean | undefined;
  readonly italic?: boolean | undefined;
  readonly align?: 'left' | 'center' | 'right' | 'justify' | undefined;
  readonly color?: string | undefined;
}

export const setStyle = (doc: Pdf, s: TextStyle): Pdf =>
  doc.font(fontFor(s.bold ?? false, s.italic ?? false)).fontSize(s.size).fillColor(s.color ?? 'black');

/** The largest size up to `s.size` (not below 60% of it) at which `text` fits `width` on one line. */
export const fitSize = (doc: Pdf, text: string, width: number, s: TextStyle): number => {
  setStyle(doc, s);
  const w = doc.widthOfString(text);
  return w <= width ? s.size : Math.max(s.size * 0.6, Math.floor((s.size * width * 10) / w) / 10);
};

/** One line of text, shrunk to fit the box width and centred vertically in it. */
export const lineInBox = (doc: Pdf, text: string, b: Box, s: TextStyle): void => {
  const size = fitSize(doc, text, b.width, s);
  setStyle(doc, { ...s, size });
  const h = doc.currentLineHeight();
  doc.text(text, b.x, b.y + (b.height - h) / 2, { width: b.width, align: s.align ?? 'left', lineBreak: false });
};

/** Wrapped text from the top of a box; returns the height used. */
export const textBlock = (doc: Pdf, text: string, x: number, y: number, width: number, s: TextStyle, lineGap = 1): number => {
  setStyle(doc, s);
  const h = doc.heightOfString(text, { width, align: s.align ?? 'left', lineGap });
  doc.text(text, x, y, { width, align: s.align ?? 'left', lineGap });
  return h;
};

export const hline = (doc: Pdf, x1: number, x2: number, y: number, width = 0.6): void => {
  doc.save().lineWidth(width).strokeColor('black').moveTo(x1, y).lineTo(x2, y).stroke().restore();
};

export const strokeBox = (doc: Pdf, b: Box, width = 0.6, dash: number | null = null): void => {
  doc.save().lineWidth(width).strokeColor('black');
  if (dash !== null) doc.dash(dash, { space: dash });
  doc.rect(b.x, b.y, b.width, b.height).stroke();
  doc.undash().restore();
};

export const fillBox = (doc: Pdf, b: Box, color = 'black'): void => {
  doc.save().rect(b.x, b.y, b.width, b.height).fill(color).restore();
};

/** Breaks a subject too long for one line before its term ("khóa XIV, nhiệm kỳ …"), as printed ballots do. */
export const breakSubject = (doc: Pdf, subject: string, width: number): string => {
  if (doc.widthOfString(subject) <= width) return subject;
  const at = Math.max(subject.lastIndexOf(' khóa '), subject.lastIndexOf(', nhiệm kỳ'));
  if (at <= 0) return subject;
  const head = subject.slice(0, at + (subject[at] === ',' ? 1 : 0));
  const tail = subject.slice(at + (subject[at] === ',' ? 2 : 1));
  return doc.widthOfString(head) <= width && doc.widthOfString(tail) <= width ? `${head}\n${tail}` : subject;
};
