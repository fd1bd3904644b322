/**
 * Reading a list file to import (delegates, organisations) off the event loop: a worker thread of its own, with a bounded heap and a time
 * limit, so a hostile file (a zip bomb, a sheet of 100,000 rows) costs the server neither its answers to the hall nor
 * its memory. The worker is ended when it has answered, when the time is up, or when it runs out of memory.
 */
import { runBoundedWorker, type ReadLimits } from '../runtime/bounded-worker.ts';
import { workerUrl } from '../runtime/worker-url.ts';
import { ruleError, type Result, type RuleError } from '../rules/index.ts';

export type { ReadLimits };

export interface RowsRequest {
  readonly fileName: string;
  readonly data: Uint8Array;
  readonly maxRows: number;
}

export const READ_LIMITS: ReadLimits = { timeoutMs: 30_000, heapMb: 128 };

const tooComplex = (): RuleError => ruleError('import.too-complex',
  'Tệp quá lớn hoặc quá phức tạp để đọc (vượt giới hạn bộ nhớ hoặc thời gian): không phải một danh sách để nhập.',
  'The file is too large or too complex to read (over the memory or time limit): not a list to import.', 'file');

/** The rows, or a refusal; a worker that fails otherwise than by its limits is a bug and rejects. */
export const readRowsOffThread = (request: RowsRequest, limits: ReadLimits = READ_LIMITS): Promise<Result<string[][], RuleError>> =>
  runBoundedWorker(workerUrl(import.meta.url, 'rows-worker'), request, { ...limits, youngMb: 16 }, tooComplex);
