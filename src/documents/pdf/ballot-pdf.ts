/** Ballots (docs/rules.md §5) drawn from the pure geometry of ballot-layout.ts; identical for every voter of a round. */
import { ballotForm, err, ok, type Result, type RuleError } from '../../rules/index.ts';
import { layoutBallot, type BallotLayout, type BallotPage, type BallotRow } from '../ballot-layout.ts';
import { checkQrId, encodeBallotQr } from '../ballot-qr.ts';
import { ballotWords, type BallotWords } from '../ballot-text.ts';
import { documentHeader } from '../content/header.ts';
import type { BallotInput } from '../model.ts';
import { createPdf, documentDate, pdfToBuffer, type Pdf } from './doc.ts';
import { breakSubject, fillBox, lineInBox, setStyle, strokeBox } from './draw.ts';
import { drawPartyHeader } from './header.ts';
import { drawQr } from './qr.ts';

const NAME_SIZE = 13;

/** Wrapped, centred text shrunk until it takes at most `lines` lines; returns the y below it. */
const fittedLines = (doc: Pdf, text: string, x: number, y: number, width: number, lines: number, size: number, bold: boolean, italic: boolean): number => {
  let s = size;
  setStyle(doc, { size: s, bold, italic });
  while (s > 7 && doc.heightOfString(text, { width }) > lines * s * 1.2) setStyle(doc, { size: (s -= 0.5), bold, italic });
  doc.text(text, x, y, { width, align: 'center' });
  return doc.y;
};

const drawTitle = (doc: Pdf, page: BallotPage, words: BallotWords, headerSize: number): void => {
  const t = page.title;
  if (page.index > 0) {
    lineInBox(doc, `${words.title} (tiếp theo)`, { ...t, height: 14 }, { size: 12, bold: true, align: 'center' });
    fittedLines(doc, words.subject, t.x, t.y + 15, t.width, 2, 9, false, false);
    return;
  }
  lineInBox(doc, words.title, { x: t.x, y: t.y, width: t.width, height: 22 }, { size: headerSize + 5, bold: true, align: 'center' });
  setStyle(doc, { size: headerSize + 1.5, bold: true });
  const subject = breakSubject(doc, words.subject, t.width);
  const below = fittedLines(doc, subject, t.x, t.y + 24, t.width, 2, headerSize + 1.5, true, false);
  fittedLines(doc, words.note, t.x, below + 3, t.width, 2, headerSize, false, true);
};

const drawStrikeRow = (doc: Pdf, row: BallotRow, name: string): void => {
  lineInBox(doc, `${(row.candidateIndex ?? 0) + 1}.`, { ...row.number, width: row.number.width - 6 }, { size: NAME_SIZE, align: 'right' });
  lineInBox(doc, name, { ...row.name, x: row.name.x + 2, width: row.name.width - 4 }, { size: NAME_SIZE });
};

const drawMarksRow = (doc: Pdf, row: BallotRow, name: string, page: BallotPage): void => {
  const t = page.table!;
  for (const cell of [t.numberCell, t.nameCell, t.agreeCell, t.disagreeCell]) strokeBox(doc, { ...cell, y: row.row.y, height: row.row.height }, 0.5);
  lineInBox(doc, String((row.candidateIndex ?? 0) + 1), row.number, { size: NAME_SIZE - 1, align: 'center' });
  lineInBox(doc, name, { ...row.name, x: row.name.x + 6, width: row.name.width - 10 }, { size: NAME_SIZE });
  if (row.agree !== null) strokeBox(doc, row.agree, 0.8);
  if (row.disagree !== null) strokeBox(doc, row.disagree, 0.8);
};

const drawTableHeader = (doc: Pdf, page: BallotPage): void => {
  const t = page.table!;
  const cells = [[t.numberCell, 'STT'], [t.nameCell, 'Họ và tên'], [t.agreeCell, 'Đồng ý'], [t.disagreeCell, 'Không đồng ý']] as const;
  for (const [cell, label] of cells) {
    strokeBox(doc, cell, 0.5);
    lineInBox(doc, label, { ...cell, x: cell.x + 2, width: cell.width - 4 }, { size: 11, bold: true, align: 'center' });
  }
};

const drawWriteIn = (doc: Pdf, row: BallotRow): void => {
  lineInBox(doc, 'Họ và tên đồng chí được giới thiệu làm Bí thư:', { ...row.row, y: row.row.y - 18, height: 16 }, { size: 12, bold: true });
  strokeBox(doc, row.row, 0.8);
};

const drawPage = (doc: Pdf, input: BallotInput, layout: BallotLayout, page: BallotPage, words: BallotWords): void => {
  doc.addPage({ size: [layout.width, layout.height], margin: 0 });
  const headerSize = layout.paper === 'A5' ? 10 : 12;
  for (const mark of page.marks) fillBox(doc, mark);
  if (page.header !== null) drawPartyHeader(doc, documentHeader(input.header, null, false), page.header, headerSize);
  drawTitle(doc, page, words, headerSize);
  if (page.table !== null) drawTableHeader(doc, page);
  for (const row of page.rows) {
    const name = row.candidateIndex === null ? '' : input.round.candidates[row.candidateIndex]!.name;
    if (layout.form === 'write-in') drawWriteIn(doc, row);
    else if (page.table === null) drawStrikeRow(doc, row, name);
    else drawMarksRow(doc, row, name, page);
  }
  const pages = layout.pages.length;
  if (pages > 1) lineInBox(doc, `Trang ${page.index + 1}/${pages}`, page.pageNumber, { size: 10, italic: true, align: 'center' });
  drawQr(doc, encodeBallotQr({
    congressId: input.header.congressId, electionId: input.round.electionId, round: input.round.round,
    page: page.index + 1, pages, layoutHash: layout.hash,
  }), page.qr);
};

/** The geometry of this round's ballot (what the scanner needs). */
export const ballotLayoutOf = (input: BallotInput): BallotLayout =>
  layoutBallot({ form: ballotForm(input.round), candidates: input.round.candidates });

export const renderBallotPdf = async (input: BallotInput): Promise<Result<Buffer, RuleError>> => {
  const ids = checkQrId(input.header.congressId, 'header.congressId');
  if (!ids.ok) return ids;
  const eid = checkQrId(input.round.electionId, 'round.electionId');
  if (!eid.ok) return eid;
  if (!Number.isInteger(input.round.round) || input.round.round < 1 || input.round.round > 999) {
    return err({ code: 'ballot.round', message_vi: 'Lần bầu phải là số nguyên từ 1.', message_en: 'The round must be a positive integer.', field: 'round.round' });
  }
  const layout = ballotLayoutOf(input);
  const words = ballotWords(input.header, input.round);
  const doc = createPdf({ title: `${words.title} — ${words.subject}`, date: documentDate(input.header.date) });
  for (const page of layout.pages) drawPage(doc, input, layout, page, words);
  return ok(await pdfToBuffer(doc));
};
