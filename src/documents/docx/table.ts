/** A bordered table whose header row repeats on every page. */
import { Paragraph, Table, TableCell, TableRow, VerticalAlignTable, WidthType } from 'docx';
import type { TableBlock } from '../content/blocks.ts';
import { ALIGN, TABLE_STYLE, run } from './style.ts';

/** A dense table (the input log) in 9 pt, half-points. */
const DENSE_SIZE = 18;

export const docxTable = (t: TableBlock, width: number): Table => {
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  const widths = t.columns.map((c) => Math.round((c.width / total) * width));
  const bold = new Set(t.boldRows ?? []);
  const struck = new Set(t.struckRows ?? []);
  const cell = (text: string, k: number, isBold: boolean, header: boolean, strike = false): TableCell =>
    new TableCell({
      width: { size: widths[k]!, type: WidthType.DXA },
      ...(header ? { verticalAlign: VerticalAlignTable.CENTER } : {}),
      children: [new Paragraph({ style: TABLE_STYLE, alignment: ALIGN[header ? 'center' : t.columns[k]!.align], children: [run({ text, bold: isBold, strike }, t.dense === true ? DENSE_SIZE : null)] })],
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    margins: t.dense === true ? { left: 40, right: 40, top: 0, bottom: 0 } : { left: 60, right: 60, top: 20, bottom: 20 },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, k) => cell(c.title, k, true, true)) }),
      ...t.rows.map((row, r) => new TableRow({ cantSplit: true, children: row.map((text, k) => cell(text, k, bold.has(r), false, struck.has(r))) })),
    ],
  });
};
