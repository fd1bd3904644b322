/** Signature blocks as a borderless table, two signers to a row; a lone signer stands at the right. */
import { Table, TableBorders, TableCell, TableRow, WidthType } from 'docx';
import type { SignaturesBlock, Signer } from '../content/blocks.ts';
import { line } from './style.ts';

const signerCell = (s: Signer | null, width: number): TableCell =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: s === null
      ? [line('')]
      : [...s.caption.map((c) => line(c, { bold: true })), line('', { after: 1200 }), line(s.name, { bold: true, after: 240 })],
  });

export const docxSignatures = (block: SignaturesBlock, width: number): Table => {
  const half = Math.round(width / 2);
  const signers: (Signer | null)[] = block.signers.length === 1 ? [null, block.signers[0]!] : [...block.signers];
  const rows: TableRow[] = [];
  for (let k = 0; k < signers.length; k += 2) {
    rows.push(new TableRow({ cantSplit: true, children: [signerCell(signers[k] ?? null, half), signerCell(signers[k + 1] ?? null, half)] }));
  }
  return new Table({ width: { size: width, type: WidthType.DXA }, columnWidths: [half, half], borders: TableBorders.NONE, rows });
};
