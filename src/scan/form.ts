/**
 * The blank form of one election round, as the reader compares against it: the real ballot PDF rendered at
 * FORM_PER_POINT pixels per point (page coordinates), the mask of printed ink (slightly widened, so a scan a
 * fraction of a point off still matches it), and for every name row where the printed name sits.
 */
import type { Box, BallotLayout, BallotRow } from '../documents/ballot-layout.ts';
import type { BallotInput } from '../documents/model.ts';
import { err, ok, ruleError, type Result, type RuleError } from '../rules/index.ts';
import { shrinkByMean, type GreyImage } from './image.ts';
import { rasterisePdf } from './input.ts';

/** 2 px/pt = 144 dpi: thin ballpoint (0.3 mm) is still 1.7 px wide. */
export const FORM_PER_POINT = 2;
/**
 * The ballot PDF is rendered this many times finer than the blank and averaged down: rendered at 144 dpi, pdftoppm
 * sets each line of text on whole pixels and the names stand 0.38 pt above where the PDF (and a printer) puts them.
 */
export const FORM_FINER = 4;
/** Darker than this on the blank form is print. */
export const PRINTED = 215;
const WIDEN = 1;

export interface RowGuide {
  readonly row: BallotRow;
  /** The printed name, in points: its left and right ends, and the band of its lower-case letters. */
  readonly textX0: number;
  readonly textX1: number;
  readonly bandTop: number;
  readonly baseline: number;
  /** Each word of the printed name (family name first), left and right ends in points. */
  readonly words: readonly { readonly x0: number; readonly x1: number }[];
}

/** A gap between printed letters at least this wide (points) separates two words: a space at 13 pt is 3.2 pt. */
const WORD_GAP_PT = 2.2;

export interface FormPage {
  readonly blank: GreyImage;
  /** 1 where the blank form has ink, widened by WIDEN pixels; same grid as `blank`. */
  readonly printed: Uint8Array;
  readonly rows: readonly RowGuide[];
}

export interface ScanTarget {
  readonly congressId: string;
  readonly electionId: string;
  readonly round: number;
  readonly layout: BallotLayout;
  readonly pages: readonly FormPage[];
}

/** Binary mask of `img < level`, dilated by `r` pixels (square). */
export const inkMask = (img: GreyImage, level: number, r: number): Uint8Array => {
  const { width: w, height: h, data } = img;
  const rowsPass = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    let last = -1e9;
    for (let x = 0; x < w + r; x++) {
      if (x < w && data[y * w + x]! < level) last = x;
      const at = x - r;
      if (at >= 0 && x - last <= 2 * r) rowsPass[y * w + at] = 1;
    }
  }
  const out = new Uint8Array(w * h);
  for (let x = 0; x < w; x++) {
    let last = -1e9;
    for (let y = 0; y < h + r; y++) {
      if (y < h && rowsPass[y * w + x] === 1) last = y;
      const at = y - r;
      if (at >= 0 && y - last <= 2 * r) out[at * w + x] = 1;
    }
  }
  return out;
};

/** Where the printed name of a row sits on `page`, rendered at `k` px/pt; null when the row prints no name. */
const guideRow = (page: GreyImage, k: number, row: BallotRow): RowGuide | null => {
  const name = row.name;
  const x0 = Math.round(name.x * k);
  const x1 = Math.round((name.x + name.width) * k);
  const y0 = Math.round((name.y + 2) * k);
  const y1 = Math.round((name.y + name.height - 2) * k);
  const perRow = new Uint32Array(y1 - y0);
  const perColumn = new Uint8Array(x1 - x0);
  let left = Infinity;
  let right = -Infinity;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (page.data[y * page.width + x]! < PRINTED) {
        perRow[y - y0]!++;
        perColumn[x - x0] = 1;
        if (x < left) left = x;
        if (x > right) right = x;
      }
    }
  }
  const max = Math.max(...perRow);
  if (max === 0) return null;
  let top = -1;
  let bottom = -1;
  perRow.forEach((n, i) => {
    if (n >= 0.3 * max) {
      if (top < 0) top = i;
      bottom = i;
    }
  });
  const words: { x0: number; x1: number }[] = [];
  let start = -1;
  let last = -1;
  for (let x = left; x <= right + 1; x++) {
    const inked = x <= right && perColumn[x - x0] === 1;
    if (!inked) continue;
    if (start < 0) start = x;
    else if (x - last - 1 >= WORD_GAP_PT * k) { words.push({ x0: start / k, x1: (last + 1) / k }); start = x; }
    last = x;
  }
  words.push({ x0: start / k, x1: (last + 1) / k });
  return { row, textX0: left / k, textX1: (right + 1) / k, bandTop: (y0 + top) / k, baseline: (y0 + bottom + 1) / k, words };
};

/**
 * Builds the reference from the blank form's pages rendered at FORM_PER_POINT · `finer`: the blank is their mean
 * down to FORM_PER_POINT, and each name's band is found on the finer page (to 1 / (2 · finer) pt).
 */
export const buildForm = (
  ids: { readonly congressId: string; readonly electionId: string; readonly round: number },
  layout: BallotLayout,
  pagesRendered: readonly GreyImage[],
  finer = 1,
): Result<ScanTarget, RuleError> => {
  if (pagesRendered.length !== layout.pages.length) {
    return err(ruleError('scan.form', 'Mẫu phiếu trắng không đủ trang.', 'The blank form does not have every page.'));
  }
  const pages: FormPage[] = [];
  for (const [i, page] of layout.pages.entries()) {
    const fine = pagesRendered[i]!;
    const blank = finer === 1 ? fine : shrinkByMean(fine, finer);
    const rows: RowGuide[] = [];
    for (const row of page.rows) {
      if (layout.form !== 'strike-out') {
        const whole = { x0: row.name.x, x1: row.name.x + row.name.width };
        rows.push({ row, textX0: whole.x0, textX1: whole.x1, bandTop: row.name.y, baseline: row.name.y + row.name.height, words: [whole] });
        continue;
      }
      const guide = guideRow(fine, FORM_PER_POINT * finer, row);
      // A name row without a printed name cannot be read: refuse the form rather than skip the row.
      if (guide === null) {
        return err(ruleError('scan.form-row', `Mẫu phiếu trắng không có tên ở dòng ${(row.candidateIndex ?? 0) + 1}.`,
          `The blank form prints no name in row ${(row.candidateIndex ?? 0) + 1}.`));
      }
      rows.push(guide);
    }
    pages.push({ blank, printed: inkMask(blank, PRINTED, WIDEN), rows });
  }
  return ok({ ...ids, layout, pages });
};

/** Renders this round's real ballot PDF and builds the reference the reader compares every sheet with. */
export const prepareTarget = async (input: BallotInput): Promise<Result<ScanTarget, RuleError>> => {
  // Loaded here, not with the reader: a thread that only reads sheets does not hold pdfkit and its fonts.
  const { ballotLayoutOf, renderBallotPdf } = await import('../documents/pdf/ballot-pdf.ts');
  const pdf = await renderBallotPdf(input);
  if (!pdf.ok) return pdf;
  const rendered = await rasterisePdf(pdf.value, 72 * FORM_PER_POINT * FORM_FINER);
  if (!rendered.ok) return rendered;
  return buildForm(
    { congressId: input.header.congressId, electionId: input.round.electionId, round: input.round.round },
    ballotLayoutOf(input), rendered.value, FORM_FINER,
  );
};

/** The page box `b` in pixels of a FormPage grid, clamped to it. */
export const gridBox = (page: FormPage, b: Box): { x0: number; y0: number; x1: number; y1: number } => ({
  x0: Math.max(0, Math.round(b.x * FORM_PER_POINT)),
  y0: Math.max(0, Math.round(b.y * FORM_PER_POINT)),
  x1: Math.min(page.blank.width, Math.round((b.x + b.width) * FORM_PER_POINT)),
  y1: Math.min(page.blank.height, Math.round((b.y + b.height) * FORM_PER_POINT)),
});
