/**
 * A draft document split into the units delegates comment on: headings (Phần, Chương, Mục, "I.", "1.", "a)") and
 * the paragraphs under them, numbered as the document numbers them. Pure: the text comes in as blocks (from the
 * app's editor, or from a .docx through src/import/docx-blocks.ts), the outline goes out.
 */

/** A block of the source: a paragraph of text, possibly marked as a heading of a level by the source (Word styles). */
export interface SourceBlock {
  readonly text: string;
  /** 1–6 when the source says it is a heading (h1–h6); undefined for a body paragraph. */
  readonly headingLevel?: number | undefined;
  /** A label the source numbered automatically (a Word list): "1.", "a)". */
  readonly listLabel?: string | undefined;
}

export type UnitKind = 'heading' | 'paragraph';

/** One unit of a version: what a comment is attached to. */
export interface Unit {
  /** 1-based order in the version. */
  readonly position: number;
  readonly kind: UnitKind;
  /** Rank of the heading (1 Phần … 7 "-"); for a paragraph, the rank of the heading above it + 1 (0 for none). */
  readonly level: number;
  /** The label as the document writes it: "PHẦN THỨ NHẤT", "I.", "2.", "a)"; "" for an unnumbered paragraph. */
  readonly label: string;
  /** Where it is: the labels of the headings above, then its own ("I.2.a)"), and "đ3" for the third paragraph there. */
  readonly ref: string;
  /** Paragraph number across the document (1…N), as a reader cites it ("đoạn 17"); null for headings. */
  readonly number: number | null;
  readonly text: string;
}

interface Marker {
  readonly rank: number;
  readonly label: string;
}

const ROMAN = '[IVXLC]+';
/** Markers by rank, highest first. Letters include đ (Vietnamese lists run a, b, c, d, đ, e …). */
const MARKERS: readonly { readonly rank: number; readonly re: RegExp }[] = [
  { rank: 1, re: /^(PHẦN\s+(?:THỨ\s+[^\s:.–-]+|[IVXLC\d]+))(?=[\s:.–-]|$)/iu },
  { rank: 2, re: new RegExp(`^(CHƯƠNG\\s+(?:${ROMAN}|\\d+))(?=[\\s:.–-]|$)`, 'iu') },
  { rank: 3, re: /^(MỤC\s+(?:\d+|[IVXLC]+))(?=[\s:.–-]|$)/iu },
  { rank: 4, re: /^([IVXLC]+\.)(?=\s)/u },
  { rank: 4, re: /^(ĐIỀU\s+\d+)(?=[\s:.–-]|$)/iu },
  { rank: 5, re: /^(\d+(?:\.\d+)*\.?)(?=\s)/u },
  { rank: 6, re: /^([a-zđ]\))(?=\s)/u },
];

/** A line longer than this, or one that reads as a sentence, is a numbered paragraph rather than a heading. */
const HEADING_MAX_CHARS = 200;

/** The marker at the start of a line, if any: its rank and label. A bare number needs a dot ("1." not "2025 …"). */
export const markerOf = (text: string): Marker | null => {
  for (const m of MARKERS) {
    const hit = m.re.exec(text);
    if (hit === null) continue;
    const label = hit[1]!;
    if (m.rank === 5 && !label.endsWith('.')) continue;
    return { rank: m.rank, label };
  }
  return null;
};

const clean = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** Whether a marked line is a heading: short, and not several sentences. */
const readsAsHeading = (text: string, label: string): boolean => {
  if (text.length > HEADING_MAX_CHARS) return false;
  const rest = text.slice(label.length).replace(/^[\s.:–-]+/u, '');
  // "1. Về kinh tế" is a heading; "1. Tăng trưởng đạt 7%. Thu ngân sách vượt." is a numbered paragraph.
  return !/[.!?;]\s+\S/u.test(rest);
};

/** Splits plain text as written in the app: one block per non-empty line. */
export const blocksFromText = (text: string): SourceBlock[] =>
  text.split(/\r?\n/u).map(clean).filter((l) => l !== '').map((l) => ({ text: l }));

interface Open {
  readonly rank: number;
  readonly label: string;
  paragraphs: number;
}

const refOf = (stack: readonly Open[]): string => stack.map((o) => o.label.replace(/\s+/gu, ' ')).join(' › ');

/**
 * The units of a document. Headings nest by rank (a heading closes those of equal or lower rank above it);
 * a source heading level (Word's Heading 1–6) counts when the text has no marker of its own.
 */
export const splitDocument = (blocks: readonly SourceBlock[]): Unit[] => {
  const units: Unit[] = [];
  const stack: Open[] = [];
  let paragraphNumber = 0;
  const root: Open = { rank: 0, label: '', paragraphs: 0 };
  for (const block of blocks) {
    const text = clean(block.text);
    if (text === '') continue;
    const own = markerOf(text);
    const listed = own === null && block.listLabel !== undefined ? markerOf(`${block.listLabel} x`) : null;
    const marker = own ?? listed;
    const sourceHeading = block.headingLevel !== undefined;
    const isHeading = (marker !== null && readsAsHeading(text, own === null ? '' : marker.label))
      || (sourceHeading && text.length <= HEADING_MAX_CHARS);
    if (isHeading) {
      const rank = marker?.rank ?? Math.min(6, block.headingLevel ?? 6);
      while (stack.length > 0 && stack[stack.length - 1]!.rank >= rank) stack.pop();
      const label = marker?.label ?? '';
      stack.push({ rank, label: label === '' ? `#${units.length + 1}` : label, paragraphs: 0 });
      units.push({ position: units.length + 1, kind: 'heading', level: rank, label, ref: refOf(stack), number: null,
        text: own === null && marker !== null ? `${marker.label} ${text}` : text });
      continue;
    }
    const parent = stack[stack.length - 1] ?? root;
    parent.paragraphs++;
    paragraphNumber++;
    const label = marker?.label ?? '';
    const base = refOf(stack);
    const ref = `${base === '' ? '' : `${base} › `}đ${parent.paragraphs}`;
    units.push({ position: units.length + 1, kind: 'paragraph', level: parent.rank + 1, label, ref, number: paragraphNumber,
      text: own === null && marker !== null ? `${marker.label} ${text}` : text });
  }
  return units;
};

/** "Đoạn 17 (I. › 2. › đ3)" — how the report and the screens cite a unit. */
export const citeUnit = (u: Pick<Unit, 'kind' | 'number' | 'ref' | 'label'>): string =>
  u.kind === 'heading' ? `Đề mục ${u.ref}` : `Đoạn ${u.number ?? '?'} (${u.ref})`;
