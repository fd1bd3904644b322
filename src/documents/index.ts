/**
 * The printed documents of the congress. Every function takes plain data (src/documents/model.ts) and gives the
 * file's bytes; expected failures (input that does not add up) are `Result` errors with a Vietnamese message.
 *
 *   const pdf = await countingMinutes.pdf(input);   // Result<Buffer, RuleError>
 *   const doc = await countingMinutes.docx(input);
 */
import { err, ok, ruleError, type ElectionKind, type Result, type RuleError } from '../rules/index.ts';
import type { DocumentContent } from './content/blocks.ts';
import { attendanceReportContent } from './content/attendance-report.ts';
import { withAuditFooter } from './content/audit-footer.ts';
import { countingMinutesContent } from './content/counting-minutes.ts';
import { credentialsReportContent } from './content/credentials-report.ts';
import { inputLogContent } from './content/input-log.ts';
import { opinionPollMinutesContent } from './content/opinion-poll-minutes.ts';
import { secretaryPollMinutesContent } from './content/secretary-poll-minutes.ts';
import { showOfHandsRecordContent } from './content/show-of-hands-record.ts';
import { renderContentDocx } from './docx/content-docx.ts';
import { renderContentPdf } from './pdf/content-pdf.ts';
import { documentFonts } from './pdf/fonts.ts';
import type { AuditHead } from './model.ts';

export * from './model.ts';
export { layoutBallot, PAPER_SIZES, type BallotLayout, type BallotPage, type BallotRow, type Box, type Paper } from './ballot-layout.ts';
export { encodeBallotQr, parseBallotQr, type BallotQr } from './ballot-qr.ts';
export { cardBox, CARDS_PER_PAGE } from './card-layout.ts';
export { ballotLayoutOf, renderBallotPdf } from './pdf/ballot-pdf.ts';
export { renderDelegateCardsPdf } from './pdf/cards-pdf.ts';
export { renderCertificateSheet, type CertificateSheetInput } from './pdf/certificate-pdf.ts';
export type { DocumentContent } from './content/blocks.ts';
export { renderContentDocx, renderContentPdf };

/** Reads and parses the fonts now (call it when the server starts), so the first document is not the slow one. */
export const preloadDocumentFonts = (): void => {
  documentFonts();
};

export { withAuditFooter };

/**
 * `auditHead`: the head of the audit chain when the document is drawn, printed as its last paragraph (the server
 * always gives it, null for an empty log); left out, the document has no such paragraph (previews, tests).
 */
export interface DocumentRenderer<I> {
  /** The document's content, as drawn by both renderers (for previews and tests). */
  readonly content: (input: I) => Result<DocumentContent, RuleError>;
  readonly pdf: (input: I, auditHead?: AuditHead | null) => Promise<Result<Buffer, RuleError>>;
  readonly docx: (input: I, auditHead?: AuditHead | null) => Promise<Result<Buffer, RuleError>>;
}

const renderer = <I>(content: (input: I) => Result<DocumentContent, RuleError>): DocumentRenderer<I> => {
  const render = (draw: (c: DocumentContent) => Promise<Buffer>) => async (input: I, auditHead?: AuditHead | null): Promise<Result<Buffer, RuleError>> => {
    const c = content(input);
    if (!c.ok) return c;
    return ok(await draw(auditHead === undefined ? c.value : withAuditFooter(c.value, auditHead)));
  };
  return { content, pdf: render(renderContentPdf), docx: render(renderContentDocx) };
};

const always = <I>(content: (input: I) => DocumentContent) => (input: I): Result<DocumentContent, RuleError> => ok(content(input));

/** Refuses a round of another kind: each kind of election has its own minutes. */
const forKinds = <I extends { readonly round: { readonly kind: ElectionKind } }>(
  kinds: readonly ElectionKind[],
  content: (input: I) => Result<DocumentContent, RuleError>,
) => (input: I): Result<DocumentContent, RuleError> =>
  kinds.includes(input.round.kind)
    ? content(input)
    : err(ruleError('minutes.kind', `Mẫu biên bản này không dùng cho cuộc bầu loại "${input.round.kind}".`,
      `These minutes are not for an election of kind "${input.round.kind}".`, 'round.kind'));

/** Counting minutes of one round of any election except the delegation, the opinion poll and the secretary poll. */
export const countingMinutes = renderer(forKinds(
  ['committee', 'standing-committee', 'secretary', 'deputy-secretary', 'inspection-committee', 'inspection-chair'],
  countingMinutesContent,
));
/** Counting minutes of the delegation to the higher congress: officials, then alternates by rank. */
export const delegationMinutes = renderer(forKinds(['delegates'], countingMinutesContent));
export const opinionPollMinutes = renderer(forKinds(['opinion-poll'], opinionPollMinutesContent));
export const secretaryPollMinutes = renderer(forKinds(['secretary-poll'], secretaryPollMinutesContent));
export const credentialsReport = renderer(always(credentialsReportContent));
export const attendanceReport = renderer(attendanceReportContent);
export const showOfHandsRecord = renderer(showOfHandsRecordContent);
export const inputLog = renderer(always(inputLogContent));
