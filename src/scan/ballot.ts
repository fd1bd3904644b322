/**
 * From sheets to ballots. A ballot is decided by the machine only when every page registered, every row is
 * struck/kept (or a clear mark), the stamp was seen and nothing was written outside the rows; otherwise it
 * goes to the review queue with every reason. The machine reading is one independent entry of the count
 * (src/counting): a decided ballot is what the scanner "types"; the board decides the rest.
 */
import type { Box } from '../documents/ballot-layout.ts';
import { ruleError, type Ballot, type CandidateId, type Mark, type RuleError } from '../rules/index.ts';
import type { ScanTarget } from './form.ts';
import type { GreyImage } from './image.ts';
import type { RowReading } from './read-rows.ts';
import { readSheet, type PageReading, type SheetOutcome } from './sheet.ts';

/** Why a person must look, and where: a row, the stamp box, or the whole sheet (box null). */
export interface ReviewReason {
  readonly sheet: number;
  /** Page box to crop, in points; null for the whole sheet. */
  readonly box: Box | null;
  readonly candidateId: CandidateId | null;
  readonly reason: RuleError;
}

export type BallotReading =
  | {
    readonly kind: 'decided';
    readonly sheets: readonly number[];
    readonly ballot: Ballot;
    readonly rows: readonly RowReading[];
  }
  | {
    readonly kind: 'review';
    readonly sheets: readonly number[];
    readonly reasons: readonly ReviewReason[];
    /**
     * What the board's form starts from: only what the reader is sure of. On a strike-out form the names read as
     * struck (a name partly struck or unclear stays unticked, and is named in the reasons); "not issued" only when
     * the seal's corner is blank. Null when a page is missing or unreadable, or a checkbox is unclear.
     */
    readonly proposal: Ballot | null;
    readonly rows: readonly RowReading[];
  };

const rowReason = (sheet: number, r: RowReading): ReviewReason | null => {
  if (r.kind === 'strike') {
    if (r.state === 'partial') {
      return {
        sheet, box: r.box, candidateId: r.candidateId,
        reason: ruleError('scan.row-partial',
          'Gạch một phần: nét gạch chỉ qua một phần tên (họ, một chữ hay nửa tên), không qua cả họ và tên: Ban Kiểm phiếu quyết định.',
          'Partial strike: the line crosses only part of the name (the family name, a word or half of it), not the whole name: the board rules.'),
      };
    }
    return r.state !== 'uncertain' ? null : {
      sheet, box: r.box, candidateId: r.candidateId,
      reason: ruleError('scan.row-uncertain',
        `Dòng không rõ gạch hay không (nét phủ ${Math.round(r.coverage * 100)}% chiều dài tên): Ban Kiểm phiếu quyết định.`,
        `Row neither clearly struck nor kept (ink across ${Math.round(r.coverage * 100)}% of the name): the board decides.`),
    };
  }
  return r.mark !== null ? null : {
    sheet, box: r.box, candidateId: r.candidateId,
    reason: ruleError('scan.box-uncertain', 'Ô đánh dấu không rõ có dấu X hay không: Ban Kiểm phiếu quyết định.',
      'A checkbox is neither clearly marked nor empty: the board decides.'),
  };
};

const pageReasons = (sheet: number, p: PageReading, target: ScanTarget): ReviewReason[] => {
  const out: ReviewReason[] = [];
  const layoutPage = target.layout.pages[p.pageIndex]!;
  if (p.pageIndex === 0 && p.seal.state !== 'present') {
    out.push({
      sheet, box: layoutPage.seal, candidateId: null,
      reason: p.seal.state === 'missing'
        ? ruleError('scan.no-seal', 'Không thấy dấu của cấp ủy triệu tập ở góc trên bên trái phiếu: phiếu không do Ban Kiểm phiếu phát ra? Ban Kiểm phiếu xác nhận.',
          'No seal of the convening committee at the ballot\'s upper-left corner: not issued by the board? The board confirms.')
        : ruleError('scan.seal-uncertain', 'Không rõ có dấu ở góc trên bên trái phiếu (dấu mờ, thiếu nét, hay nét mực khác): Ban Kiểm phiếu xem.',
          'Unclear whether the upper-left corner bears the seal (faint, incomplete, or other ink): the board looks.'),
    });
  }
  if (p.writingOutside) {
    out.push({
      sheet, box: null, candidateId: null,
      reason: ruleError('scan.writing-outside', 'Có chữ viết hoặc nét mực ngoài các dòng tên (ghi thêm tên, ký tên, dấu hiệu?): Ban Kiểm phiếu xem.',
        'Writing or ink outside the name rows (a name added, a signature, a mark?): the board looks.'),
    });
  }
  if (target.layout.form === 'write-in') {
    out.push({
      sheet, box: layoutPage.rows[0]?.row ?? null, candidateId: null,
      reason: ruleError('scan.write-in', 'Phiếu ghi tên: máy không đọc chữ viết tay, Ban Kiểm phiếu đọc.', 'A written name: the machine does not read handwriting, the board does.'),
    });
  }
  for (const r of p.rows) {
    const reason = rowReason(sheet, r);
    if (reason !== null) out.push(reason);
  }
  return out;
};

/** The Ballot of src/rules that the rows say; null when a row is uncertain or the form is written in. */
const ballotOf = (target: ScanTarget, rows: readonly RowReading[], unstamped: boolean): Ballot | null => {
  // No seal: the ballot is unstamped; whether that makes it not issued is the election's setting (docs/rules.md §5).
  const flags = unstamped ? { unstamped: true } : {};
  switch (target.layout.form) {
    case 'strike-out': {
      const struck: CandidateId[] = [];
      for (const r of rows) {
        if (r.kind !== 'strike' || r.state === 'uncertain' || r.state === 'partial') return null;
        if (r.state === 'struck') struck.push(r.candidateId);
      }
      return { ...flags, struck };
    }
    case 'agree-disagree':
    case 'single':
    case 'opinion-poll': {
      const marks: Record<CandidateId, Mark> = {};
      for (const r of rows) {
        if (r.kind !== 'marks' || r.mark === null) return null;
        marks[r.candidateId] = r.mark;
      }
      return { ...flags, marks };
    }
    case 'write-in':
      return null;
  }
};

/** On a strike-out form, the names surely struck (the others unticked, for the board to look at). */
const sureStrikes = (target: ScanTarget, rows: readonly RowReading[], unstamped: boolean): Ballot | null =>
  target.layout.form !== 'strike-out' ? null : {
    ...(unstamped ? { unstamped: true } : {}),
    struck: rows.flatMap((r) => (r.kind === 'strike' && r.state === 'struck' ? [r.candidateId] : [])),
  };

const incomplete = (sheets: readonly number[], pages: number, reason?: RuleError): ReviewReason => ({
  sheet: sheets[0] ?? 0, box: null, candidateId: null,
  reason: reason ?? ruleError('scan.pages', `Phiếu ${pages} trang nhưng các tờ quét không đủ hoặc sai thứ tự: Ban Kiểm phiếu xem.`,
    `A ${pages}-page ballot whose scanned sheets are missing or out of order: the board looks.`),
});

/** One ballot from its sheets (one per page, in order). */
const assemble = (target: ScanTarget, group: readonly SheetOutcome[]): BallotReading => {
  const sheets = group.map((s) => s.sheet);
  const pages = target.layout.pages.length;
  const read = group.flatMap((s) => (s.kind === 'read' ? [s] : []));
  const reasons: ReviewReason[] = group.flatMap((s) => (s.kind === 'rejected' ? [incomplete([s.sheet], pages, s.reason)] : []));
  const complete = read.length === pages && read.every((s, i) => s.page.pageIndex === i);
  if (!complete && reasons.length === 0) reasons.push(incomplete(sheets, pages));
  for (const s of read) reasons.push(...pageReasons(s.sheet, s.page, target));
  const rows = read.flatMap((s) => s.page.rows);
  const unstamped = read.some((s) => s.page.pageIndex === 0 && s.page.seal.state === 'missing');
  const ballot = complete ? ballotOf(target, rows, unstamped) : null;
  if (reasons.length === 0 && ballot !== null) return { kind: 'decided', sheets, ballot, rows };
  return { kind: 'review', sheets, reasons, proposal: ballot ?? (complete ? sureStrikes(target, rows, unstamped) : null), rows };
};

/** Groups sheets into ballots: a rejected sheet alone; a read sheet of page 1 starts a ballot of `pages` sheets. */
export const groupSheets = (target: ScanTarget, outcomes: readonly SheetOutcome[]): BallotReading[] => {
  const pages = target.layout.pages.length;
  const out: BallotReading[] = [];
  let group: SheetOutcome[] = [];
  const flush = (): void => {
    if (group.length > 0) out.push(assemble(target, group));
    group = [];
  };
  for (const s of outcomes) {
    if (s.kind === 'rejected') {
      flush();
      out.push(assemble(target, [s]));
      continue;
    }
    if (s.page.pageIndex === 0 || group.length === 0 || group.length >= pages) flush();
    group.push(s);
    const last = group[group.length - 1]!;
    if (last.kind === 'read' && last.page.pageIndex !== group.length - 1) flush();
  }
  flush();
  return out;
};

/** Reads a stack of sheets (the pages of a scanner's PDF, in order) into ballots. */
export const readStack = (images: readonly GreyImage[], target: ScanTarget, firstSheet = 0): { readonly sheets: readonly SheetOutcome[]; readonly ballots: readonly BallotReading[] } => {
  const sheets = images.map((img, i) => readSheet(img, target, firstSheet + i));
  return { sheets, ballots: groupSheets(target, sheets) };
};
