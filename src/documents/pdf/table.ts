/** A bordered table that breaks across pages and repeats its header row. */
import type { TableBlock } from '../content/blocks.ts';
import { setStyle } from './draw.ts';
import { BODY_SIZE, CONTENT_WIDTH, MARGIN, ensureSpace, type Cursor } from './page.ts';

const PAD_X = 4;
const PAD_Y = 3;
const SIZE = BODY_SIZE - 1;

const cellAlign = (a: string): 'left' | 'center' | 'right' => (a === 'center' || a === 'right' ? a : 'left');

export const drawTable = (c: Cursor, t: TableBlock): void => {
  const doc = c.doc;
  const total = t.columns.reduce((s, col) => s + col.width, 0);
  const widths = t.columns.map((col) => (col.width / total) * CONTENT_WIDTH);
  const xs = widths.map((_, k) => MARGIN.left + widths.slice(0, k).reduce((s, w) => s + w, 0));
  const bold = new Set(t.boldRows ?? []);

  const rowHeight = (cells: readonly string[], isBold: boolean): number => {
    setStyle(doc, { size: SIZE, bold: isBold });
    return Math.max(...cells.map((text, k) => doc.heightOfString(text || ' ', { width: widths[k]! - 2 * PAD_X }))) + 2 * PAD_Y;
  };
  const drawRow = (cells: readonly string[], isBold: boolean, isHeader: boolean, h: number): void => {
    doc.save().lineWidth(0.5).strokeColor('black');
    cells.forEach((text, k) => {
      doc.rect(xs[k]!, c.y, widths[k]!, h).stroke();
    });
    doc.restore();
    setStyle(doc, { size: SIZE, bold: isBold });
    cells.forEach((text, k) => {
      const align = isHeader ? 'center' : cellAlign(t.columns[k]!.align);
      const th = doc.heightOfString(text || ' ', { width: widths[k]! - 2 * PAD_X });
      doc.text(text, xs[k]! + PAD_X, c.y + (isHeader ? (h - th) / 2 : PAD_Y), { width: widths[k]! - 2 * PAD_X, align });
    });
    c.y += h;
  };

  const titles = t.columns.map((col) => col.title);
  const headerH = rowHeight(titles, true);
  const firstH = t.rows.length > 0 ? rowHeight(t.rows[0]!, bold.has(0)) : 0;
  ensureSpace(c, headerH + firstH);
  drawRow(titles, true, true, headerH);
  t.rows.forEach((row, r) => {
    const h = rowHeight(row, bold.has(r));
    const before = c.y;
    ensureSpace(c, h);
    if (c.y < before) drawRow(titles, true, true, headerH);
    drawRow(row, bold.has(r), false, h);
  });
  c.y += 6;
};
