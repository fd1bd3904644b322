/** A bordered table that breaks across pages and repeats its header row. */
import type { TableBlock } from '../content/blocks.ts';
import { setStyle } from './draw.ts';
import { BODY_SIZE, MARGIN, ensureSpace, type Cursor } from './page.ts';

interface Type {
  readonly padX: number;
  readonly padY: number;
  readonly size: number;
}
const NORMAL: Type = { padX: 4, padY: 3, size: BODY_SIZE - 1 };
const DENSE: Type = { padX: 2.5, padY: 1.5, size: 9 };
const typeOf = (t: TableBlock): Type => (t.dense === true ? DENSE : NORMAL);

const cellAlign = (a: string): 'left' | 'center' | 'right' => (a === 'center' || a === 'right' ? a : 'left');

interface RowSize {
  readonly heights: number[];
  readonly row: number;
}

const columnWidths = (c: Cursor, t: TableBlock): number[] => {
  const total = t.columns.reduce((s, col) => s + col.width, 0);
  return t.columns.map((col) => (col.width / total) * c.width);
};

/** Height of each cell's text, then of the row. */
const measure = (c: Cursor, ty: Type, widths: readonly number[], cells: readonly string[], isBold: boolean): RowSize => {
  setStyle(c.doc, { size: ty.size, bold: isBold });
  const heights = cells.map((text, k) => c.doc.heightOfString(text || ' ', { width: widths[k]! - 2 * ty.padX }));
  return { heights, row: Math.max(...heights) + 2 * ty.padY };
};

/** Height of the header and the first `rows` rows: what a title before the table keeps with it. */
export const tableHeadHeight = (c: Cursor, t: TableBlock, rows: number): number => {
  const widths = columnWidths(c, t);
  const bold = new Set(t.boldRows ?? []);
  return [t.columns.map((col) => col.title), ...t.rows.slice(0, rows)]
    .reduce((sum, cells, k) => sum + measure(c, typeOf(t), widths, cells, k === 0 || bold.has(k - 1)).row, 0);
};

/** A table of at most this many rows is kept on one page. */
export const KEEP_TOGETHER_ROWS = 12;

export const drawTable = (c: Cursor, t: TableBlock): void => {
  const doc = c.doc;
  const ty = typeOf(t);
  const widths = columnWidths(c, t);
  const xs = widths.map((_, k) => MARGIN.left + widths.slice(0, k).reduce((s, w) => s + w, 0));
  const bold = new Set(t.boldRows ?? []);
  const struck = new Set(t.struckRows ?? []);
  const drawRow = (cells: readonly string[], isBold: boolean, isHeader: boolean, m: RowSize, strike = false): void => {
    doc.save().lineWidth(0.5).strokeColor('black');
    cells.forEach((_, k) => doc.rect(xs[k]!, c.y, widths[k]!, m.row));
    doc.stroke().restore();
    setStyle(doc, { size: ty.size, bold: isBold });
    cells.forEach((text, k) => {
      const align = isHeader ? 'center' : cellAlign(t.columns[k]!.align);
      doc.text(text, xs[k]! + ty.padX, c.y + (isHeader ? (m.row - m.heights[k]!) / 2 : ty.padY), { width: widths[k]! - 2 * ty.padX, align, strike });
    });
    c.y += m.row;
  };

  const titles = t.columns.map((col) => col.title);
  const header = measure(c, ty, widths, titles, true);
  const rows = t.rows.map((row, r) => measure(c, ty, widths, row, bold.has(r)));
  const whole = rows.reduce((sum, m) => sum + m.row, header.row);
  ensureSpace(c, rows.length <= KEEP_TOGETHER_ROWS ? whole : header.row + (rows[0]?.row ?? 0));
  drawRow(titles, true, true, header);
  t.rows.forEach((row, r) => {
    const m = rows[r]!;
    const before = c.y;
    ensureSpace(c, m.row);
    if (c.y < before) drawRow(titles, true, true, header);
    drawRow(row, bold.has(r), false, m, struck.has(r));
  });
  c.y += 6;
};
