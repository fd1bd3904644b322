/**
 * The scanning worker threads seen from the server: a pool of readers (readerCount: the machine's cores but one, at
 * most MAX_READERS), started on first use and ended with each run of stacks; the round's blank ballot is prepared by a
 * thread of its own, ended once the form is made (the renderer and its fonts are not kept), and the server keeps
 * the form, sent to each reader when it first needs it. A page goes to the reader with the fewest pages waiting;
 * an image file's page is decoded there, from the file shared by all of them.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { workerUrl } from '../../runtime/worker-url.ts';
import type { BallotInput } from '../../documents/model.ts';
import { err, ok, type Result, type RuleError } from '../../rules/index.ts';
import type { GreyImage, ScanTarget, SheetOutcome } from '../../scan/index.ts';
import { startWithRoom } from './reader-heap.ts';
import { movable, type ReviewTime, type SheetPage, type SheetRequest, type SheetResponse } from './sheet-protocol.ts';

/** The most reader threads: each holds its own copy of the form and a page or two (about 25 MB). */
export const MAX_READERS = 4;

/**
 * Readers for this machine: DAIHOI_SCAN_READERS when set (1–MAX_READERS), else one per core but one — a reader
 * keeps a core busy, and while it reads one page the next is decoded on another (libvips, libuv's threads) and the
 * server's own thread answers requests: on 2 cores, one reader is as fast as two and holds 60–110 MB less.
 */
export const readerCount = (env: NodeJS.ProcessEnv = process.env): number => {
  const asked = Number(env['DAIHOI_SCAN_READERS'] ?? 0);
  const n = Number.isInteger(asked) && asked > 0 ? asked : availableParallelism() - 1;
  return Math.max(1, Math.min(MAX_READERS, n));
};

/**
 * A page read: its outcome and, on a form of one page, its ballot's review image (`review`, null when decided;
 * `image` null) and what making it took (`reviewTime`), else the image the outcome refers to (`review` null); or the
 * reason its file could not be decoded.
 */
export type PageReading = Result<{ readonly outcome: SheetOutcome; readonly image: GreyImage | null; readonly review: Buffer | null; readonly reviewTime?: ReviewTime }, RuleError>;

export interface SheetReader {
  /** How many pages are read at once. */
  readonly size: number;
  readonly prepare: (input: BallotInput) => Promise<Result<ScanTarget, RuleError>>;
  /**
   * One page: read (`photo`: set upright from its marks first, src/scan/photo.ts readPhoto); `check`: the outcome
   * alone (no review image, no page back).
   */
  readonly read: (page: SheetPage, target: ScanTarget, sheet: number, photo: boolean, check?: boolean) => Promise<PageReading>;
  /** A stored scan file read from the SQLite file `database` by a reader thread and written into `folder`: its path; null: none. */
  readonly load: (database: string, fileId: number, folder: string) => Promise<string | null>;
  readonly close: () => Promise<void>;
}

interface Thread {
  readonly worker: Worker;
  readonly waiting: Map<number, { resolve: (r: SheetResponse) => void; reject: (e: Error) => void }>;
  /** The form this thread holds (the server's copy of it). */
  held: ScanTarget | null;
  dead: boolean;
}

/**
 * A scanning thread's heap: the young generation `npm start` gives every thread (--max-semi-space-size=4: 4 MB a
 * semi-space, 12 MB as V8 counts the young generation), set on the thread itself so that it reads alike however Node
 * is started (the bench, `daihoi serve` without the flag; the flag, when given, still decides). With V8's default
 * 16 MB semi-space the old generation's room after a full collection (16 MB over a 13 MB heap) is no more than the new
 * space, V8's soft limit: marking started again after nearly every promotion — a full collection inside 58 of 267 grey
 * ballots, 34 with this (the bench's 200 dpi files, h-speed6).
 */
export const THREAD_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 12 } } as const;

const startThread = (): Thread => {
  // Its old generation given room (reader-heap.ts): a full collection no longer falls inside one ballot in six.
  const t: Thread = { worker: startWithRoom(workerUrl(import.meta.url, 'sheet-worker'), THREAD_OPTIONS), waiting: new Map(), held: null, dead: false };
  const failAll = (e: Error): void => {
    t.dead = true;
    for (const w of t.waiting.values()) w.reject(e);
    t.waiting.clear();
  };
  t.worker.on('message', (m: SheetResponse) => {
    const p = t.waiting.get(m.id);
    if (p === undefined) return;
    t.waiting.delete(m.id);
    if (m.kind === 'failed') p.reject(new Error(m.message));
    else p.resolve(m);
  });
  t.worker.on('error', (e) => failAll(e));
  t.worker.on('exit', (code) => failAll(new Error(`sheet worker exited (${code})`)));
  t.worker.unref();
  return t;
};

export const sheetReader = (size = readerCount()): SheetReader => {
  let threads: Thread[] = [];
  let next = 0;

  const ask = (t: Thread, request: (id: number) => SheetRequest, transfer: ArrayBuffer[] = []): Promise<SheetResponse> => new Promise((resolve, reject) => {
    const id = ++next;
    t.waiting.set(id, { resolve, reject });
    t.worker.postMessage(request(id), transfer);
  });

  /** The thread with the fewest pages waiting, started if there is room for one more. */
  const pick = (): Thread => {
    threads = threads.filter((t) => !t.dead);
    const idle = threads.find((t) => t.waiting.size === 0);
    if (idle !== undefined) return idle;
    if (threads.length < size) {
      const t = startThread();
      threads.push(t);
      return t;
    }
    return threads.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
  };

  return {
    size,
    prepare: async (input) => {
      const t = startThread();
      try {
        const r = await ask(t, (id) => ({ type: 'prepare', id, input }));
        if (r.kind === 'refused') return err(r.error);
        if (r.kind !== 'prepared') throw new Error(`unexpected answer ${r.kind}`);
        return ok(r.target);
      } finally {
        t.dead = true;
        await t.worker.terminate();
      }
    },
    read: async (page, target, sheet, photo, check = false) => {
      const t = pick();
      // The prepared forms are cached per round form (target.ts): the same object is the same form.
      if (t.held !== target) {
        t.worker.postMessage({ type: 'target', target } satisfies SheetRequest);
        t.held = target;
      }
      const r = await ask(t, (id) => ({ type: 'read', id, page, sheet, photo, check }), page.kind === 'decoded' ? movable(page.image) : []);
      if (r.kind === 'refused') return err(r.error);
      if (r.kind !== 'read') throw new Error(`unexpected answer ${r.kind}`);
      const review = r.review === null ? null : Buffer.from(r.review.buffer, r.review.byteOffset, r.review.byteLength);
      return ok({ outcome: r.outcome, image: r.image, review, ...(r.reviewTime === undefined ? {} : { reviewTime: r.reviewTime }) });
    },
    load: async (database, fileId, folder) => {
      const r = await ask(pick(), (id) => ({ type: 'load', id, database, fileId, folder }));
      if (r.kind !== 'loaded') throw new Error(`unexpected answer ${r.kind}`);
      return r.path;
    },
    close: async () => {
      const all = threads;
      threads = [];
      for (const t of all) t.dead = true;
      await Promise.all(all.map((t) => t.worker.terminate()));
    },
  };
};
