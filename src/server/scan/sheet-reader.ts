/**
 * Reads sheets in a worker thread, one at a time, started on first use and ended with the scan reader. The page
 * is copied to the worker (the server keeps it for the board's crops); the target is sent when it changes.
 */
import { Worker } from 'node:worker_threads';
import type { GreyImage, ScanTarget, SheetOutcome } from '../../scan/index.ts';
import type { SheetRequest, SheetResponse } from './sheet-protocol.ts';

export interface SheetReader {
  readonly read: (page: GreyImage, target: ScanTarget, sheet: number) => Promise<SheetOutcome>;
  readonly close: () => Promise<void>;
}

export const sheetReader = (): SheetReader => {
  let worker: Worker | null = null;
  let sent: ScanTarget | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve: (o: SheetOutcome) => void; reject: (e: Error) => void }>();

  const failAll = (e: Error): void => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
    worker = null;
    sent = null;
  };

  const started = (): Worker => {
    if (worker !== null) return worker;
    const w = new Worker(new URL('./sheet-worker-entry.mjs', import.meta.url));
    w.on('message', (m: SheetResponse) => {
      const p = waiting.get(m.id);
      if (p === undefined) return;
      waiting.delete(m.id);
      if (m.ok) p.resolve(m.outcome);
      else p.reject(new Error(m.message));
    });
    w.on('error', (e) => failAll(e));
    w.on('exit', (code) => { if (worker === w) failAll(new Error(`sheet worker exited (${code})`)); });
    w.unref();
    worker = w;
    return w;
  };

  return {
    read: (page, target, sheet) => new Promise<SheetOutcome>((resolve, reject) => {
      const w = started();
      // The prepared targets are cached per round form (target.ts): the same object is the same form.
      if (sent !== target) {
        w.postMessage({ type: 'target', target } satisfies SheetRequest);
        sent = target;
      }
      const id = ++next;
      waiting.set(id, { resolve, reject });
      w.postMessage({ type: 'read', id, page, sheet } satisfies SheetRequest);
    }),
    close: async () => {
      const w = worker;
      worker = null;
      sent = null;
      if (w !== null) await w.terminate();
    },
  };
};
