/**
 * The geometry of a ballot, in PDF points from the top-left corner of each page. One pure module: the PDF
 * renderer draws from it and the scanner finds the registration marks, the QR code and every row with it.
 * It depends on no font: every text sits in a box reserved here.
 */
import type { BallotForm, Candidate, CandidateId } from '../rules/index.ts';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type Paper = 'A5' | 'A4';

export const PAPER_SIZES: Readonly<Record<Paper, { readonly width: number; readonly height: number }>> = {
  A5: { width: 419.53, height: 595.28 },
  A4: { width: 595.28, height: 841.89 },
};

/** Registration marks: solid squares, MARK_INSET from the edges. */
export const MARK_SIZE = 14;
export const MARK_INSET = 16;
export const MARGIN_X = 40;
export const TOP = 34;
export const HEADER_HEIGHT = 56;
/**
 * The band under the header: the QR code at its right. Nothing is printed at its left: the seal pressed over the
 * committee's name spills into it (docs/rules.md §5 [practice]: the round seal at the upper-left corner, usually over
 * the convening committee's name in the header). On the next pages the continuation title is indented by
 * BAND_INDENT there.
 */
export const BAND_HEIGHT = 60;
export const BAND_INDENT = 96;
export const QR_SIZE = 60;
/** The seal's area: the page's upper-left corner to this share of the content's width, down to the title. */
export const SEAL_WIDTH_SHARE = 0.55;
/** Title, up to two subtitle lines and the line with the number to elect. */
export const TITLE_HEIGHT = 80;
/** Rows stop this far above the bottom edge: the page number and the lower marks live below. */
export const BOTTOM_RESERVE = 40;
export const ROW_HEIGHT: Readonly<Record<'A5' | 'A4', number>> = { A5: 22, A4: 24 };
export const TABLE_HEADER_HEIGHT = 22;
export const CHECKBOX_SIZE = 14;
export const NUMBER_WIDTH = 30;
/** A single column of struck-out names is centred, at most this wide. */
export const STRIKE_COLUMN_WIDTH = 320;
export const COLUMN_GAP = 18;
export const WRITE_IN_HEIGHT = 40;
export const AGREE_WIDTH = 64;
export const DISAGREE_WIDTH = 82;

export interface BallotRow {
  /** Position in ballot order, from 0; null for the write-in field. */
  readonly candidateIndex: number | null;
  readonly candidateId: CandidateId | null;
  /** The whole row: where a strike or the marks of this candidate are looked for. */
  readonly row: Box;
  readonly number: Box;
  readonly name: Box;
  /** Agree / disagree checkboxes (marks forms only). */
  readonly agree: Box | null;
  readonly disagree: Box | null;
}

export interface BallotTable {
  /** The header row of the marks table with its cells: number, name, agree, disagree. */
  readonly header: Box;
  readonly numberCell: Box;
  readonly nameCell: Box;
  readonly agreeCell: Box;
  readonly disagreeCell: Box;
}

export interface BallotPage {
  readonly index: number;
  /** Top-left, top-right, bottom-left, bottom-right. */
  readonly marks: readonly [Box, Box, Box, Box];
  readonly qr: Box;
  /**
   * Where the convening committee's round seal is pressed (first page): the upper-left corner over the header's
   * left column, down to the title. Nothing is printed for it; the reader looks for the seal there.
   */
  readonly seal: Box;
  /** The Party header (first page only). */
  readonly header: Box | null;
  /** Title block on the first page, the continuation line on the others. */
  readonly title: Box;
  readonly pageNumber: Box;
  /** Marks forms only: the table header on this page. */
  readonly table: BallotTable | null;
  readonly rows: readonly BallotRow[];
}

export interface BallotLayout {
  readonly form: BallotForm;
  readonly paper: Paper;
  readonly width: number;
  readonly height: number;
  readonly columns: number;
  readonly pages: readonly BallotPage[];
  /** Short hash of the geometry and the ballot order: the QR code carries it, the scanner checks it. */
  readonly hash: string;
}

export interface BallotLayoutInput {
  readonly form: BallotForm;
  readonly candidates: readonly Candidate[];
  /** Forces the paper; by default A5 when the list fits one A5 page, else A4. */
  readonly paper?: Paper | undefined;
}

const box = (x: number, y: number, width: number, height: number): Box => ({
  x: round2(x), y: round2(y), width: round2(width), height: round2(height),
});
const round2 = (n: number): number => Math.round(n * 100) / 100;

const isMarksForm = (form: BallotForm): boolean =>
  form === 'agree-disagree' || form === 'single' || form === 'opinion-poll';

const bandTop = (page: number): number => (page === 0 ? TOP + HEADER_HEIGHT + 4 : TOP);

const rowsTop = (page: number, form: BallotForm): number => {
  const first = bandTop(0) + BAND_HEIGHT + 6 + TITLE_HEIGHT + 6;
  const next = bandTop(page) + BAND_HEIGHT + 10;
  return (page === 0 ? first : next) + (isMarksForm(form) ? TABLE_HEADER_HEIGHT : 0);
};

const rowsPerColumn = (paper: Paper, page: number, form: BallotForm): number =>
  Math.floor((PAPER_SIZES[paper].height - BOTTOM_RESERVE - rowsTop(page, form)) / ROW_HEIGHT[paper]);

const choosePaper = (input: BallotLayoutInput): Paper => {
  if (input.paper !== undefined) return input.paper;
  if (input.form === 'write-in') return 'A5';
  return input.candidates.length <= rowsPerColumn('A5', 0, input.form) ? 'A5' : 'A4';
};

/** Names in two columns only for a strike-out list on A4 that does not fit one column of the first page. */
const chooseColumns = (form: BallotForm, paper: Paper, n: number): number =>
  form === 'strike-out' && paper === 'A4' && n > rowsPerColumn(paper, 0, form) ? 2 : 1;

const pageFrame = (paper: Paper, index: number): Omit<BallotPage, 'table' | 'rows'> => {
  const { width: w, height: h } = PAPER_SIZES[paper];
  const m = MARK_INSET;
  const s = MARK_SIZE;
  const contentWidth = w - 2 * MARGIN_X;
  const bandY = bandTop(index);
  return {
    index,
    marks: [box(m, m, s, s), box(w - m - s, m, s, s), box(m, h - m - s, s, s), box(w - m - s, h - m - s, s, s)],
    qr: box(w - MARGIN_X - QR_SIZE, bandY, QR_SIZE, QR_SIZE),
    seal: box(0, 0, MARGIN_X + contentWidth * SEAL_WIDTH_SHARE, bandY + BAND_HEIGHT + 6),
    header: index === 0 ? box(MARGIN_X, TOP, contentWidth, HEADER_HEIGHT) : null,
    title: index === 0
      ? box(MARGIN_X, bandY + BAND_HEIGHT + 6, contentWidth, TITLE_HEIGHT)
      : box(MARGIN_X + BAND_INDENT + 12, TOP + 18, contentWidth - BAND_INDENT - QR_SIZE - 24, 24),
    pageNumber: box(MARGIN_X + 40, h - 36, contentWidth - 80, 14),
  };
};

const marksTable = (paper: Paper, top: number): BallotTable => {
  const contentWidth = PAPER_SIZES[paper].width - 2 * MARGIN_X;
  const y = top - TABLE_HEADER_HEIGHT;
  const nameWidth = contentWidth - NUMBER_WIDTH - AGREE_WIDTH - DISAGREE_WIDTH;
  return {
    header: box(MARGIN_X, y, contentWidth, TABLE_HEADER_HEIGHT),
    numberCell: box(MARGIN_X, y, NUMBER_WIDTH, TABLE_HEADER_HEIGHT),
    nameCell: box(MARGIN_X + NUMBER_WIDTH, y, nameWidth, TABLE_HEADER_HEIGHT),
    agreeCell: box(MARGIN_X + NUMBER_WIDTH + nameWidth, y, AGREE_WIDTH, TABLE_HEADER_HEIGHT),
    disagreeCell: box(MARGIN_X + contentWidth - DISAGREE_WIDTH, y, DISAGREE_WIDTH, TABLE_HEADER_HEIGHT),
  };
};

const checkbox = (cell: Box, y: number, rowHeight: number): Box =>
  box(cell.x + (cell.width - CHECKBOX_SIZE) / 2, y + (rowHeight - CHECKBOX_SIZE) / 2, CHECKBOX_SIZE, CHECKBOX_SIZE);

const candidateRow = (
  paper: Paper, columns: number, column: number, y: number, i: number, c: Candidate, table: BallotTable | null,
): BallotRow => {
  const contentWidth = PAPER_SIZES[paper].width - 2 * MARGIN_X;
  const colWidth = columns === 1 ? Math.min(contentWidth, STRIKE_COLUMN_WIDTH) : (contentWidth - (columns - 1) * COLUMN_GAP) / columns;
  const left = columns === 1 ? MARGIN_X + (contentWidth - colWidth) / 2 : MARGIN_X;
  const x = left + column * (colWidth + COLUMN_GAP);
  const rowH = ROW_HEIGHT[paper];
  if (table === null) {
    return {
      candidateIndex: i, candidateId: c.id,
      row: box(x, y, colWidth, rowH),
      number: box(x, y, NUMBER_WIDTH, rowH),
      name: box(x + NUMBER_WIDTH, y, colWidth - NUMBER_WIDTH, rowH),
      agree: null, disagree: null,
    };
  }
  return {
    candidateIndex: i, candidateId: c.id,
    row: box(MARGIN_X, y, contentWidth, rowH),
    number: box(table.numberCell.x, y, table.numberCell.width, rowH),
    name: box(table.nameCell.x, y, table.nameCell.width, rowH),
    agree: checkbox(table.agreeCell, y, rowH),
    disagree: checkbox(table.disagreeCell, y, rowH),
  };
};

const writeInPage = (paper: Paper): BallotPage => {
  const frame = pageFrame(paper, 0);
  const y = rowsTop(0, 'write-in') + 22;
  const contentWidth = PAPER_SIZES[paper].width - 2 * MARGIN_X;
  const row = box(MARGIN_X, y, contentWidth, WRITE_IN_HEIGHT);
  return {
    ...frame, table: null,
    rows: [{
      candidateIndex: null, candidateId: null, row,
      number: box(MARGIN_X, y, 0, WRITE_IN_HEIGHT),
      name: row, agree: null, disagree: null,
    }],
  };
};

/** The full geometry of a ballot; identical for every voter of a round. */
export const layoutBallot = (input: BallotLayoutInput): BallotLayout => {
  const paper = choosePaper(input);
  const { width, height } = PAPER_SIZES[paper];
  if (input.form === 'write-in') {
    const pages = [writeInPage(paper)];
    return { form: input.form, paper, width, height, columns: 1, pages, hash: layoutHash(input.form, paper, pages, input.candidates) };
  }
  const columns = chooseColumns(input.form, paper, input.candidates.length);
  const pages: BallotPage[] = [];
  let next = 0;
  do {
    const index = pages.length;
    const top = rowsTop(index, input.form);
    const perColumn = rowsPerColumn(paper, index, input.form);
    const table = isMarksForm(input.form) ? marksTable(paper, top) : null;
    const rows: BallotRow[] = [];
    for (let column = 0; column < columns && next < input.candidates.length; column++) {
      for (let r = 0; r < perColumn && next < input.candidates.length; r++, next++) {
        rows.push(candidateRow(paper, columns, column, top + r * ROW_HEIGHT[paper], next, input.candidates[next]!, table));
      }
    }
    pages.push({ ...pageFrame(paper, index), table, rows });
  } while (next < input.candidates.length);
  return { form: input.form, paper, width, height, columns, pages, hash: layoutHash(input.form, paper, pages, input.candidates) };
};

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell one layout from another, not a security measure. */
export const fnv1a32 = (text: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
};

const layoutHash = (form: BallotForm, paper: Paper, pages: readonly BallotPage[], candidates: readonly Candidate[]): string =>
  fnv1a32(JSON.stringify({
    form, paper,
    ids: candidates.map((c) => c.id),
    pages: pages.map((p) => ({ marks: p.marks, qr: p.qr, rows: p.rows.map((r) => [r.row, r.agree, r.disagree]) })),
  }));
