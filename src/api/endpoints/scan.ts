/**
 * Scanning a batch: operators upload the stack and follow its reading; the board alone sees the crops of the
 * sheets in review, decides them, and discards a stack to scan it again.
 */
import { z } from 'zod';
import { COUNTING_BOARD, COUNTING_OPERATORS } from '../access.ts';
import { Id, Ok, RoundParams } from '../common.ts';
import { endpoint, FILE, MULTIPART } from '../endpoint.ts';
import { DecideSheetBody, DecidedSheet, ScanJobDetail, ScanJobView, ShotCheck } from '../scan.ts';
import { BatchParams } from './counting.ts';

export const JobParams = RoundParams.extend({ job: Id });
export const SheetParams = JobParams.extend({ position: z.coerce.number().int().min(1).max(100_000) });
const R = '/api/congresses/:code/elections/:electionId/rounds/:round' as const;

export const scanEndpoints = {
  /** The stack of one batch, files in stack order; acknowledged (202) once stored, then read in the background. */
  uploadScan: endpoint({ method: 'POST', path: `${R}/batches/:batch/scan`, params: BatchParams, body: MULTIPART, response: ScanJobView, access: COUNTING_OPERATORS }),
  scanJobs: endpoint({ method: 'GET', path: `${R}/scan`, params: RoundParams, response: z.array(ScanJobView), access: COUNTING_OPERATORS }),
  scanJob: endpoint({ method: 'GET', path: `${R}/scan/:job`, params: JobParams, response: ScanJobDetail, access: COUNTING_BOARD }),
  discardScan: endpoint({ method: 'DELETE', path: `${R}/scan/:job`, params: JobParams, response: Ok, access: COUNTING_BOARD }),
  scanCrop: endpoint({ method: 'GET', path: `${R}/scan/:job/sheets/:position/crop`, params: SheetParams, response: FILE, access: COUNTING_BOARD }),
  /** One camera shot (a JPEG) read at once and let go: refused with the reason, or accepted. Nothing is stored. */
  checkShot: endpoint({ method: 'POST', path: `${R}/scan/shot`, params: RoundParams, body: MULTIPART, response: ShotCheck, access: COUNTING_OPERATORS }),
  decideSheet: endpoint({ method: 'POST', path: `${R}/scan/:job/sheets/:position/decide`, params: SheetParams, body: DecideSheetBody, response: DecidedSheet, access: COUNTING_BOARD }),
} as const;
