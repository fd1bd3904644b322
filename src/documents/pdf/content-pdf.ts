/** Draws any minutes or report (DocumentContent) as an A4 PDF (portrait, or landscape for wide tables) in the style of Party documents. */
import type { Block, DocumentContent, ParagraphBlock } from '../content/blocks.ts';
import { createPdf, documentDate, pdfToBuffer } from './doc.ts';
import { breakSubject, setStyle, textBlock } from './draw.ts';
import { fontFor } from './fonts.ts';
import { drawPartyHeader } from './header.ts';
import { BODY_SIZE, MARGIN, ensureSpace, numberPages, startCursor, type Cursor } from './page.ts';
import { drawSignatures } from './signatures.ts';
import { drawTable } from './table.ts';

const INDENT = 28;
const PARA_GAP = 4;

const drawParagraph = (c: Cursor, para: ParagraphBlock): void => {
  const doc = c.doc;
  const align = para.align ?? 'justify';
  const options = { width: c.width, align, indent: para.indent ? INDENT : 0, lineGap: 2 };
  setStyle(doc, { size: BODY_SIZE });
  const plain = para.runs.map((r) => r.text).join('');
  ensureSpace(c, Math.min(doc.heightOfString(plain, options), BODY_SIZE * 3));
  doc.x = MARGIN.left;
  doc.y = c.y;
  para.runs.forEach((run, k) => {
    doc.font(fontFor(run.bold ?? false, run.italic ?? false)).fontSize(BODY_SIZE);
    const continued = k < para.runs.length - 1;
    if (k === 0) doc.text(run.text, MARGIN.left, c.y, { ...options, continued });
    else doc.text(run.text, { ...options, continued });
  });
  c.y = doc.y + PARA_GAP;
};

const drawBlock = (c: Cursor, block: Block): void => {
  switch (block.kind) {
    case 'paragraph':
      drawParagraph(c, block);
      return;
    case 'heading':
      ensureSpace(c, BODY_SIZE * 4);
      c.y += 4;
      c.y += textBlock(c.doc, block.text, MARGIN.left, c.y, c.width, { size: BODY_SIZE, bold: true }) + PARA_GAP;
      return;
    case 'table':
      drawTable(c, block);
      return;
    case 'signatures':
      c.y += 10;
      drawSignatures(c, block);
      return;
  }
};

export const renderContentPdf = async (content: DocumentContent): Promise<Buffer> => {
  const doc = createPdf({ title: content.title, date: documentDate(content.date) });
  const c = startCursor(doc, content.orientation ?? 'portrait');
  c.y = drawPartyHeader(doc, content.header, { x: MARGIN.left - 20, y: c.y, width: c.width + 20, height: 60 }, 12.5) + 18;
  c.y += textBlock(doc, content.title, MARGIN.left, c.y, c.width, { size: 15, bold: true, align: 'center' });
  for (const line of content.subtitles) {
    setStyle(doc, { size: BODY_SIZE + 1, bold: true });
    c.y += textBlock(doc, breakSubject(doc, line, c.width), MARGIN.left, c.y, c.width, { size: BODY_SIZE + 1, bold: true, align: 'center' });
  }
  c.y += 14;
  for (const block of content.blocks) drawBlock(c, block);
  numberPages(c);
  return pdfToBuffer(doc);
};

