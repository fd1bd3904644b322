/** Draws any minutes or report (DocumentContent) as a Word file the secretariat can edit. */
import { AlignmentType, Document, Header, Packer, PageNumber, PageOrientation, Paragraph, TextRun, type Table } from 'docx';
import type { Block, DocumentContent } from '../content/blocks.ts';
import { docxSignatures } from './signatures.ts';
import { ALIGN, BODY, FONT_NAME, PAGE, TABLE_SIZE, TABLE_STYLE, contentTwips, line, run } from './style.ts';
import { docxTable } from './table.ts';
import { headerTable } from './header.ts';

const INDENT = 567;

const blockToDocx = (block: Block, width: number): Array<Paragraph | Table> => {
  switch (block.kind) {
    case 'paragraph':
      return [new Paragraph({
        alignment: ALIGN[block.align ?? 'justify'],
        indent: block.indent ? { firstLine: INDENT } : undefined,
        spacing: { after: 80, line: 300 },
        children: block.runs.map((r) => run(r)),
      })];
    case 'heading':
      return [line(block.text, { bold: true, align: 'left', after: 80 })];
    case 'table':
      return [docxTable(block, width), line('', { after: 60 })];
    case 'signatures':
      return [line('', { after: 120 }), docxSignatures(block, width)];
  }
};

export const renderContentDocx = async (content: DocumentContent): Promise<Buffer> => {
  const landscape = content.orientation === 'landscape';
  const width = contentTwips(landscape);
  const doc = new Document({
    creator: 'Đại Hội',
    title: content.title,
    styles: {
      default: { document: { run: { font: FONT_NAME, size: BODY } } },
      paragraphStyles: [{ id: TABLE_STYLE, name: 'Table Text', basedOn: 'Normal', run: { size: TABLE_SIZE } }],
    },
    sections: [{
      // Page numbers at the top centre from the second page on, as in Party documents.
      headers: {
        default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }),
        first: new Header({ children: [new Paragraph({ children: [] })] }),
      },
      properties: {
        titlePage: true,
        page: {
          size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
        },
      },
      children: [
        headerTable(content.header, width),
        line('', { after: 240 }),
        line(content.title, { bold: true, size: BODY + 2 }),
        ...content.subtitles.map((s) => line(s, { bold: true })),
        line('', { after: 200 }),
        ...content.blocks.flatMap((b) => blockToDocx(b, width)),
      ],
    }],
  });
  return Packer.toBuffer(doc);
};
