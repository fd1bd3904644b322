/**
 * A scanning thread is started with V8's initial old space set (room in its old generation), and the flag is given
 * back once every thread started with it runs — the server's other threads (the importers') start as before.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

/** V8's flags as the module sets them, in order (not set for real: the test's process keeps its own). */
const flags: string[] = [];
vi.mock('node:v8', async (actual) => ({
  ...await actual<typeof import('node:v8')>(),
  setFlagsFromString: (f: string) => {
    flags.push(f);
  },
}));

const { READER_OLD_SPACE_MB, startWithRoom } = await import('./reader-heap.ts');
const { THREAD_OPTIONS, sheetReader } = await import('./sheet-reader.ts');

const ROOM = `--initial-old-space-size=${READER_OLD_SPACE_MB}`;
const BACK = '--initial-old-space-size=0';
const IDLE = 'setTimeout(() => undefined, 100)';

beforeEach(() => {
  flags.length = 0;
});

it('sets the initial old space while a thread starts and gives it back once it runs', async () => {
  expect(READER_OLD_SPACE_MB).toBeGreaterThanOrEqual(32);
  const w = startWithRoom(IDLE, { eval: true, ...THREAD_OPTIONS });
  expect(flags).toEqual([ROOM]);
  await once(w, 'online');
  expect(flags).toEqual([ROOM, BACK]);
  await w.terminate();
});

it('gives it back only when every thread started at once runs', async () => {
  const a = startWithRoom(IDLE, { eval: true, ...THREAD_OPTIONS });
  const b = startWithRoom(IDLE, { eval: true, ...THREAD_OPTIONS });
  expect(flags).toEqual([ROOM]);
  await Promise.all([once(a, 'online'), once(b, 'online')]);
  expect(flags).toEqual([ROOM, BACK]);
  await Promise.all([a.terminate(), b.terminate()]);
});

it('gives it back when a thread fails', async () => {
  const w = startWithRoom('throw new Error("no")', { eval: true, ...THREAD_OPTIONS });
  const failed = new Promise((resolve) => w.on('error', resolve));
  await new Promise((resolve) => w.on('exit', resolve));
  await failed;
  expect(flags).toEqual([ROOM, BACK]);
});

let folder = '';
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'reader-heap-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

it('starts the server\'s reading threads so', async () => {
  const reader = sheetReader(1);
  try {
    // Any request starts a reading thread; this one fails there (no such database), after the thread ran.
    await expect(reader.load(join(folder, 'none.sqlite'), 1, folder)).rejects.toThrow();
    expect(flags).toEqual([ROOM, BACK]);
  } finally {
    await reader.close();
  }
}, 60_000);
