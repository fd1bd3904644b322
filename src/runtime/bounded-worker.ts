/**
 * A worker thread with a bounded heap and a time limit, ended as soon as it has answered, when the time is up or when
 * it runs out of memory: what a hostile file (a zip bomb, a huge sheet or document) may cost the server. Running over
 * a limit answers `overLimit`; a worker that fails otherwise is a bug and rejects.
 */
import { Worker } from 'node:worker_threads';
import { err, type Result, type RuleError } from '../rules/result.ts';

export interface ReadLimits {
  readonly timeoutMs: number;
  readonly heapMb: number;
}

export const runBoundedWorker = <T>(
  url: URL, data: unknown, limits: ReadLimits & { readonly youngMb: number }, overLimit: () => RuleError,
): Promise<Result<T, RuleError>> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(url, {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: limits.youngMb },
    });
    let done = false;
    const finish = (settle: () => void): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      settle();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => resolve(err(overLimit()))), limits.timeoutMs);
    worker.once('message', (r: Result<T, RuleError>) => finish(() => resolve(r)));
    worker.once('error', (e: Error & { code?: string }) =>
      finish(() => (e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? resolve(err(overLimit())) : reject(e))));
    worker.once('exit', (code) => finish(() => reject(new Error(`the worker ${url.pathname} stopped (${code}) without answering`))));
  });
