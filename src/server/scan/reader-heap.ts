/**
 * A scanning thread started with room in its old generation (V8's --initial-old-space-size, READER_OLD_SPACE_MB),
 * the server's own thread and every other thread left as they are.
 *
 * Why: a reading thread holds ~13 MB after a full collection, and V8, which marks so small a heap quickly, sets its
 * next limit at the least step over it — ~8 MB of room, filled in a few ballots by the objects a reading promotes and
 * the pages' typed arrays; a full collection (with V8's marking threads, all of it process CPU) then fell inside one
 * grey ballot in five to eight, and those ballots were most of the p95 (h-speed6, h-speed7, h-speed8 in
 * docs/MEASUREMENTS.md). An initial old space is also the least limit V8 sets after each full collection: with 32 MB
 * a full collection fell inside 9 of 800 ballots (51 of 267 grey, 17 of 133 colour in a warm pass without), for
 * 3–14 MB more at the process's peak while a thread reads 400 pages (40 or 48 MB: no fewer collections that show).
 *
 * V8 takes the flag when it makes a thread's heap, once: it is set just before a thread is started and put back as
 * the process was started once every thread started with it is running (V8's flags are the process's: set for good,
 * it would be every later thread's, the importers' too).
 */
import { setFlagsFromString } from 'node:v8';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A reading thread's old generation, in MB, before V8 first starts marking it (at least, after each full collection). */
export const READER_OLD_SPACE_MB = 32;

/** The process's own value, given back once the threads started with room are running (V8's default: 0, none). */
const given = process.execArgv.find((a) => /^--initial[-_]old[-_]space[-_]size=/.test(a)) ?? '--initial-old-space-size=0';

/** Threads started with room whose heap V8 may not have made yet. */
let starting = 0;

export const startWithRoom = (url: URL | string, options: WorkerOptions): Worker => {
  if (starting++ === 0) setFlagsFromString(`--initial-old-space-size=${READER_OLD_SPACE_MB}`);
  let running = false;
  const started = (): void => {
    if (running) return;
    running = true;
    if (--starting === 0) setFlagsFromString(given);
  };
  try {
    const worker = new Worker(url, options);
    // 'online': its first code runs, its heap made; 'exit': it failed before.
    worker.once('online', started);
    worker.once('exit', started);
    return worker;
  } catch (e) {
    started();
    throw e;
  }
};
