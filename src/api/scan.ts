/**
 * The typed API of scanning ballots. Every route is under
 * `/api/congresses/:code/elections/:electionId/rounds/:round`:
 *
 *   POST   /batches/:batch/scan                multipart files (PNG, JPEG, TIFF, PDF) in stack order
 *                                             → ScanJobView (202, status 'reading')      (board, operators)
 *   GET    /scan                               → ScanJobView[] (every job of the round)   (board, operators)
 *   GET    /scan/:job                          → ScanJobDetail (with the sheets in review) (board)
 *   GET    /scan/:job/sheets/:position/crop    → PNG, the rows the board must look at      (board)
 *   POST   /scan/:job/sheets/:position/decide  DecideSheetBody → DecidedSheet              (board)
 *   DELETE /scan/:job                          → { ok: true }: a job not entered is discarded; the batch may be scanned again (board)
 *   POST   /scan/shot                          one JPEG (the camera's shot) → ShotCheck, read at once, nothing stored (board, operators)
 *
 * The upload is acknowledged once its files are stored; the server reads them in the background and tells
 * every console through the live event `scan` (id: the round's id) as it goes. A stack that cannot be read
 * (a ballot of another round, fewer or more ballots than the batch holds, a broken file) ends 'failed' with
 * the reason; nothing of it is entered.
 */
import { z } from 'zod';
import { BallotInput } from './ballot.ts';

export const ScanJobStatus = z.enum(['reading', 'review', 'entered', 'failed']);
export type ScanJobStatus = z.infer<typeof ScanJobStatus>;

export const ScanReason = z.object({
  /** The scanned sheet (1, 2, …) the reason is about. */
  sheet: z.number(),
  candidateId: z.string().nullable(),
  code: z.string(),
  message_vi: z.string(),
  message_en: z.string(),
});
export type ScanReason = z.infer<typeof ScanReason>;

/** Why a stack could not be read. */
export const ScanError = z.object({ code: z.string(), message_vi: z.string(), message_en: z.string() });

/**
 * One shot of the camera read at once, as the stack's reading would read it, so that a shot refused (blurred, too
 * skewed, a mark cut off: `refusal`, with what to do) is taken again while the ballot is still in hand; null: read.
 */
export const ShotCheck = z.object({ refusal: ScanError.nullable() });
export type ShotCheck = z.infer<typeof ShotCheck>;

export const ScanJobView = z.object({
  id: z.number(),
  batch: z.number(),
  batchLabel: z.string(),
  status: ScanJobStatus,
  /** Files uploaded and read so far: the progress of the reading. */
  files: z.number(),
  filesRead: z.number(),
  /** Sheets (pages) read so far: moves within a multi-page PDF or TIFF too. */
  sheetsRead: z.number(),
  /** Ballots of the stack, once read (0 before). */
  ballots: z.number(),
  decided: z.number(),
  /** Ballots sent to the board, and those of them not yet decided. */
  review: z.number(),
  pending: z.number(),
  error: ScanError.nullable(),
  createdAt: z.string(),
});
export type ScanJobView = z.infer<typeof ScanJobView>;

export const ScanSheetView = z.object({
  position: z.number(),
  reasons: z.array(ScanReason),
  /**
   * What the board starts from: the reader's ballot, or, when a row was uncertain, the strikes it is sure of
   * (the uncertain names unticked and named in the reasons); null when it could not read the sheet.
   */
  proposal: BallotInput.nullable(),
  /** The board's decision, once taken. */
  decision: BallotInput.nullable(),
  /** URL of the crop (PNG) of the rows to look at. */
  crop: z.string().nullable(),
});
export type ScanSheetView = z.infer<typeof ScanSheetView>;

export const ScanJobDetail = ScanJobView.extend({ sheets: z.array(ScanSheetView) });
export type ScanJobDetail = z.infer<typeof ScanJobDetail>;

export const DecideSheetBody = z.object({ ballot: BallotInput }).strict();
export type DecideSheetBody = z.infer<typeof DecideSheetBody>;

export const DecidedSheet = z.object({
  jobId: z.number(), position: z.number(), pending: z.number(), status: ScanJobStatus,
  /** Ballots entered as the scanner's entry when this decision was the last one. */
  entered: z.number().nullable(),
});
export type DecidedSheet = z.infer<typeof DecidedSheet>;

/** Per file and per upload. */
export const SCAN_FILE_MAX_BYTES = 60 * 1024 * 1024;
export const SCAN_MAX_FILES = 200;
