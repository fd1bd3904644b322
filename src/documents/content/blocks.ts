/**
 * A document as plain blocks, computed once per document and drawn by two renderers: PDF (pdf/content-pdf.ts)
 * and Word (docx/content-docx.ts). Every minutes and report goes through this, so the two files always say the
 * same thing.
 */
export type Align = 'left' | 'center' | 'right' | 'justify';

export interface HeaderLine {
  readonly text: string;
  readonly bold: boolean;
}

export interface HeaderSpec {
  /** Left column, top to bottom, without the star (the renderers add it). */
  readonly lines: readonly HeaderLine[];
  /** "Lạng Sơn, ngày 15 tháng 7 năm 2020", in italics under "ĐẢNG CỘNG SẢN VIỆT NAM"; null for none. */
  readonly placeDate: string | null;
}

export interface Run {
  readonly text: string;
  readonly bold?: boolean | undefined;
  readonly italic?: boolean | undefined;
  readonly strike?: boolean | undefined;
}

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly runs: readonly Run[];
  readonly align?: Align | undefined;
  /** First-line indent, as in the body of Party documents. */
  readonly indent?: boolean | undefined;
}

export interface HeadingBlock {
  readonly kind: 'heading';
  readonly text: string;
}

export interface TableColumn {
  readonly title: string;
  /** Relative width. */
  readonly width: number;
  readonly align: Align;
}

export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly string[])[];
  /** Rows printed in bold (totals). */
  readonly boldRows?: readonly number[] | undefined;
  /** Rows struck through: records voided with a reason, kept in the record. */
  readonly struckRows?: readonly number[] | undefined;
  /** Small type and tight cells: long registers (the input log), one line per row. */
  readonly dense?: boolean | undefined;
}

export interface Signer {
  /** Bold lines above the signature: ["TRƯỞNG BAN KIỂM PHIẾU"] or ["TM. ĐOÀN THƯ KÝ", "TRƯỞNG ĐOÀN"]. */
  readonly caption: readonly string[];
  readonly name: string;
}

export interface SignaturesBlock {
  readonly kind: 'signatures';
  readonly signers: readonly Signer[];
}

export type Block = ParagraphBlock | HeadingBlock | TableBlock | SignaturesBlock;

export type Orientation = 'portrait' | 'landscape';

export interface DocumentContent {
  readonly header: HeaderSpec;
  /** Portrait by default; landscape for wide tables. */
  readonly orientation?: Orientation | undefined;
  readonly title: string;
  readonly subtitles: readonly string[];
  readonly blocks: readonly Block[];
  /** The document date, ISO, for the file metadata. */
  readonly date: string;
}

export const p = (...runs: readonly (Run | string)[]): ParagraphBlock => ({
  kind: 'paragraph', indent: true, align: 'justify',
  runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)),
});
export const b = (text: string): Run => ({ text, bold: true });
export const i = (text: string): Run => ({ text, italic: true });
export const heading = (text: string): HeadingBlock => ({ kind: 'heading', text });
export const table = (columns: readonly TableColumn[], rows: readonly (readonly string[])[], boldRows?: readonly number[]): TableBlock =>
  ({ kind: 'table', columns, rows, boldRows });
export const col = (title: string, width: number, align: Align = 'left'): TableColumn => ({ title, width, align });
