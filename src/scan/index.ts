/**
 * Reading scanned paper ballots: strict, never guessing; the board decides whatever is unclear.
 *
 *   const target = await prepareTarget(ballotInput);      // once per round: the real PDF, rendered blank
 *   const pages = await decodeScan(fileBytes);             // PNG / JPEG / TIFF / PDF → grey pages
 *   const { sheets, ballots } = readStack(pages.value, target);
 *   // ballots[i].kind === 'decided': a Ballot of src/rules, one independent entry of the count;
 *   // 'review': reasons (row, seal, sheet), turned into one image of crops by reviewPng(…).
 */
export type { GreyImage } from './image.ts';
export { decodeScan, readScanFile, rasterisePdf, sniffKind, type ScanFileKind } from './input.ts';
export { scanPages } from './pages.ts';
export { buildForm, prepareTarget, FORM_PER_POINT, type FormPage, type RowGuide, type ScanTarget } from './form.ts';
export { FOREIGN_SHEET, register, type ForeignBallot, type Registration } from './register.ts';
export { STRIKE } from './strike-row.ts';
export { CHECK, type MarksRowReading, type RowReading, type StrikeRowReading, type StrikeState } from './read-rows.ts';
export { readSheet, type PageReading, type SheetOutcome } from './sheet.ts';
export { readSeal, type Circle, type SealReading, type SealState } from './seal.ts';
export { groupSheets, readStack, type BallotReading, type ReviewReason } from './ballot.ts';
export { reviewItems, reviewPng, type ReviewItem } from './review.ts';
export { debugPng } from './debug.ts';
