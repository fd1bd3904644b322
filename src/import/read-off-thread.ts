/**
 * Reading a delegate list file off the event loop: a worker thread of its own, with a bounded heap and a time
 * limit, so a hostile file (a zip bomb, a sheet of 100,000 rows) costs the server neither its answers to the hall nor
 * its memory. The worker is ended when it has answered, when the time is up, or when it runs out of memory.
 */
import { Worker } from 'node:worker_threads';
import { workerUrl } from '../runtime/worker-url.ts';
import { err, ruleError, type Result, type RuleError } from '../rules/index.ts';

export interface RowsRequest {
  readonly fileName: string;
  readonly data: Uint8Array;
  readonly maxRows: number;
}

export interface ReadLimits {
  readonly timeoutMs: number;
  readonly heapMb: number;
}

export const READ_LIMITS: ReadLimits = { timeoutMs: 30_000, heapMb: 128 };

const tooComplex = (): RuleError => ruleError('import.too-complex',
  'Tệp quá lớn hoặc quá phức tạp để đọc (vượt giới hạn bộ nhớ hoặc thời gian): không phải một danh sách đại biểu.',
  'The file is too large or too complex to read (over the memory or time limit): not a delegate list.', 'file');

/** The rows, or a refusal; a worker that fails otherwise than by its limits is a bug and rejects. */
export const readRowsOffThread = (request: RowsRequest, limits: ReadLimits = READ_LIMITS): Promise<Result<string[][], RuleError>> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl(import.meta.url, 'rows-worker'), {
      workerData: request,
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 16 },
    });
    let done = false;
    const finish = (settle: () => void): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      settle();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => resolve(err(tooComplex()))), limits.timeoutMs);
    worker.once('message', (r: Result<string[][], RuleError>) => finish(() => resolve(r)));
    worker.once('error', (e: Error & { code?: string }) =>
      finish(() => (e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? resolve(err(tooComplex())) : reject(e))));
    worker.once('exit', (code) => finish(() => reject(new Error(`the import worker stopped (${code}) without answering`))));
  });
