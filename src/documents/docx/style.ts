/** Word styles of Party documents: Times New Roman 13 pt, A4, margins 20/20/30/15 mm. Sizes in half-points, twips. */
import { AlignmentType, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { Align, Run } from '../content/blocks.ts';

export const FONT_NAME = 'Times New Roman';
export const BODY = 26;
/** A4 in twips, and the margins. */
export const PAGE = { width: 11906, height: 16838, top: 1134, bottom: 1134, left: 1701, right: 850 } as const;
/** Width between the margins, portrait or landscape. */
export const contentTwips = (landscape: boolean): number => (landscape ? PAGE.height : PAGE.width) - PAGE.left - PAGE.right;

export const ALIGN: Readonly<Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]>> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/** Table cells use this paragraph style (12 pt), so their runs carry no properties of their own. */
export const TABLE_STYLE = 'TableText';
export const TABLE_SIZE = BODY - 2;

/**
 * A run with only the properties that differ from the document defaults (Times New Roman, 13 pt): large tables
 * stay small and fast to write.
 */
export const run = (r: Run, size: number | null = null): TextRun =>
  new TextRun({
    text: r.text,
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- TextRun also takes a string, whose legacy String.prototype.bold/italics the rule sees
    ...(r.bold ? { bold: true } : {}),
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- TextRun also takes a string, whose legacy String.prototype.bold/italics the rule sees
    ...(r.italic ? { italics: true } : {}),
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the same: String.prototype.strike, not the run's strike
    ...(r.strike ? { strike: true } : {}),
    ...(size === null || size === BODY ? {} : { size }),
  });

export const line = (
  text: string,
  o: { readonly bold?: boolean; readonly italic?: boolean; readonly size?: number; readonly align?: Align; readonly after?: number } = {},
): Paragraph =>
  new Paragraph({
    alignment: ALIGN[o.align ?? 'center'],
    spacing: { after: o.after ?? 0 },
    children: [run({ text, bold: o.bold, italic: o.italic }, o.size ?? null)] satisfies ParagraphChild[],
  });
