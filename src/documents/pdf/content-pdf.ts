/** Draws any minutes or report (DocumentContent) as an A4 PDF (portrait, or landscape for wide tables) in the style of Party documents. */
import type { Block, DocumentContent, ParagraphBlock, Run } from '../content/blocks.ts';
import { createPdf, documentDate, pdfToBuffer } from './doc.ts';
import { breakSubject, setStyle, textBlock } from './draw.ts';
import { fontFor } from './fonts.ts';
import { drawPartyHeader } from './header.ts';
import { BODY_SIZE, MARGIN, ensureSpace, numberPages, startCursor, type Cursor } from './page.ts';
import { drawSignatures, signaturesHeight } from './signatures.ts';
import { KEEP_TOGETHER_ROWS, drawTable, tableHeadHeight } from './table.ts';

const INDENT = 28;
const PARA_GAP = 4;
const SIGNATURES_GAP = 10;

/**
 * pdfkit drops the space that starts a continued run on a justified line ("Tổ 2:" + " Nhất trí" printed "Tổ 2:Nhất
 * trí"), but keeps one that ends the run before it: spaces are moved to the end of the previous run.
 */
export const spacesBeforeRunEnds = (runs: readonly Run[]): Run[] =>
  runs.reduce<Run[]>((out, run) => {
    const lead = /^\s+/.exec(run.text)?.[0] ?? '';
    const previous = out[out.length - 1];
    if (lead === '' || previous === undefined) return [...out, run];
    return [...out.slice(0, -1), { ...previous, text: previous.text + lead }, { ...run, text: run.text.slice(lead.length) }];
  }, []);

/** `keepWith`: height of what must stay on the same page after the paragraph (the signatures). */
const drawParagraph = (c: Cursor, para: ParagraphBlock, keepWith: number): void => {
  const doc = c.doc;
  const align = para.align ?? 'justify';
  const options = { width: c.width, align, indent: para.indent ? INDENT : 0, lineGap: 2 };
  setStyle(doc, { size: BODY_SIZE });
  const plain = para.runs.map((r) => r.text).join('');
  const height = doc.heightOfString(plain, options);
  ensureSpace(c, keepWith > 0 && height + keepWith < c.pageHeight / 2 ? height + keepWith : Math.min(height, BODY_SIZE * 3));
  doc.x = MARGIN.left;
  doc.y = c.y;
  const runs = spacesBeforeRunEnds(para.runs);
  runs.forEach((run, k) => {
    doc.font(fontFor(run.bold ?? false, run.italic ?? false)).fontSize(BODY_SIZE);
    const continued = k < runs.length - 1;
    const strike = run.strike ?? false;
    if (k === 0) doc.text(run.text, MARGIN.left, c.y, { ...options, continued, strike });
    else doc.text(run.text, { ...options, continued, strike });
  });
  c.y = doc.y + PARA_GAP;
};

/** What must follow a paragraph on the same page: the signatures, or the start of a table it introduces. */
const keepWithNext = (c: Cursor, next: Block | undefined): number => {
  if (next?.kind === 'signatures') return SIGNATURES_GAP + signaturesHeight(next);
  if (next?.kind === 'table') return tableHeadHeight(c, next, next.rows.length <= KEEP_TOGETHER_ROWS ? next.rows.length : 2);
  return 0;
};

const drawBlock = (c: Cursor, block: Block, next: Block | undefined): void => {
  switch (block.kind) {
    case 'paragraph':
      drawParagraph(c, block, keepWithNext(c, next));
      return;
    case 'heading':
      ensureSpace(c, BODY_SIZE * 2 + keepWithNext(c, next));
      c.y += 4;
      c.y += textBlock(c.doc, block.text, MARGIN.left, c.y, c.width, { size: BODY_SIZE, bold: true }) + PARA_GAP;
      return;
    case 'table':
      drawTable(c, block);
      return;
    case 'signatures':
      c.y += SIGNATURES_GAP;
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
  content.blocks.forEach((block, k) => drawBlock(c, block, content.blocks[k + 1]));
  numberPages(c);
  return pdfToBuffer(doc);
};

