/**
 * The scanning worker thread seen from the server: started on first use, ended with each run of stacks. Pages are
 * copied to it (the server keeps them for the board's crops); the round's blank ballot is prepared there and its
 * copy kept by the server, sent back to a new worker when needed.
 */
import { Worker } from 'node:worker_threads';
import { workerUrl } from '../../runtime/worker-url.ts';
import type { BallotInput } from '../../documents/model.ts';
import { err, ok, type Result, type RuleError } from '../../rules/index.ts';
import type { GreyImage, ScanTarget, SheetOutcome } from '../../scan/index.ts';
import type { PhotoReading } from '../../scan/photo.ts';
import type { SheetRequest, SheetResponse } from './sheet-protocol.ts';

export interface SheetReader {
  readonly prepare: (input: BallotInput) => Promise<Result<ScanTarget, RuleError>>;
  readonly read: (page: GreyImage, target: ScanTarget, sheet: number) => Promise<SheetOutcome>;
  /** A photographed sheet (src/scan/photo.ts readPhoto): the outcome and the upright page it refers to. */
  readonly readPhoto: (page: GreyImage, target: ScanTarget, sheet: number) => Promise<PhotoReading>;
  readonly close: () => Promise<void>;
}


export const sheetReader = (): SheetReader => {
  let worker: Worker | null = null;
  /** The target the worker holds (the server's copy of it). */
  let held: ScanTarget | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve: (r: SheetResponse) => void; reject: (e: Error) => void }>();

  const failAll = (e: Error): void => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
    worker = null;
    held = null;
  };

  const started = (): Worker => {
    if (worker !== null) return worker;
    const w = new Worker(workerUrl(import.meta.url, 'sheet-worker'));
    w.on('message', (m: SheetResponse) => {
      const p = waiting.get(m.id);
      if (p === undefined) return;
      waiting.delete(m.id);
      if (m.kind === 'failed') p.reject(new Error(m.message));
      else p.resolve(m);
    });
    w.on('error', (e) => failAll(e));
    w.on('exit', (code) => { if (worker === w) failAll(new Error(`sheet worker exited (${code})`)); });
    w.unref();
    worker = w;
    return w;
  };

  const ask = (request: (id: number) => SheetRequest): Promise<SheetResponse> => new Promise((resolve, reject) => {
    const id = ++next;
    waiting.set(id, { resolve, reject });
    started().postMessage(request(id));
  });

  /** The prepared targets are cached per round form (target.ts): the same object is the same form. */
  const hold = (target: ScanTarget): void => {
    if (held === target) return;
    started().postMessage({ type: 'target', target } satisfies SheetRequest);
    held = target;
  };

  return {
    prepare: async (input) => {
      const r = await ask((id) => ({ type: 'prepare', id, input }));
      if (r.kind === 'refused') return err(r.error);
      if (r.kind !== 'prepared') throw new Error(`unexpected answer ${r.kind}`);
      held = r.target;
      return ok(r.target);
    },
    read: async (page, target, sheet) => {
      hold(target);
      const r = await ask((id) => ({ type: 'read', id, page, sheet }));
      if (r.kind !== 'read') throw new Error(`unexpected answer ${r.kind}`);
      return r.outcome;
    },
    readPhoto: async (page, target, sheet) => {
      hold(target);
      const r = await ask((id) => ({ type: 'read-photo', id, page, sheet }));
      if (r.kind !== 'photo') throw new Error(`unexpected answer ${r.kind}`);
      // A refused photo: its crop is cut from the server's own copy of the photo.
      return { outcome: r.outcome, image: r.image ?? page };
    },
    close: async () => {
      const w = worker;
      worker = null;
      held = null;
      if (w !== null) await w.terminate();
    },
  };
};
