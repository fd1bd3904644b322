/** The two-column Party header as a borderless two-cell table. */
import { Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, UnderlineType, WidthType } from 'docx';
import type { HeaderSpec } from '../content/blocks.ts';
import { PARTY_NAME } from '../pdf/header.ts';
import { BODY, line } from './style.ts';

export const headerTable = (spec: HeaderSpec, width: number): Table => {
  const left = Math.round(width * 0.46);
  const size = BODY - 1;
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [left, width - left],
    borders: TableBorders.NONE,
    rows: [new TableRow({
      children: [
        new TableCell({
          width: { size: left, type: WidthType.DXA },
          children: [...spec.lines.map((l) => line(l.text, { bold: l.bold, size })), line('*', { size })],
        }),
        new TableCell({
          width: { size: width - left, type: WidthType.DXA },
          children: [
            new Paragraph({
              alignment: 'center',
              spacing: { after: 160 },
              // eslint-disable-next-line @typescript-eslint/no-deprecated -- TextRun also takes a string, whose legacy String.prototype.bold/italics the rule sees
              children: [new TextRun({ text: PARTY_NAME, bold: true, size: size + 1, underline: { type: UnderlineType.SINGLE } })],
            }),
            ...(spec.placeDate === null ? [] : [line(spec.placeDate, { italic: true, size })]),
          ],
        }),
      ],
    })],
  });
};
