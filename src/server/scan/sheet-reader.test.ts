/**
 * The scanning worker threads read exactly as src/scan does on the main thread — a page sent decoded, or an image
 * file's page decoded there from the file they share — with several pages at once; the blank ballot is prepared by
 * a thread of its own, and readers started again after a close are given the form they no longer hold.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HEADER, candidates, round } from '../../documents/fixtures/congress.ts';
import { groupSheets, readSheet, reviewPng, type GreyImage } from '../../scan/index.ts';
import { decodePage } from '../../scan/input.ts';
import { pageSources } from '../../scan/pages.ts';
import { generateBallot, prepareGenerator, type Generator } from '../../scan/testing/generate.ts';
import { THREAD_OPTIONS, sheetReader } from './sheet-reader.ts';

const reader = sheetReader(2);
let g: Generator;

beforeAll(async () => {
  const r = await prepareGenerator({ header: HEADER, round: round({ kind: 'committee', seats: 3, candidates: candidates(5) }) });
  if (!r.ok) throw new Error(r.error.message_en);
  g = r.value;
}, 60_000);
afterAll(() => reader.close());

const copy = (img: GreyImage): GreyImage => ({ ...img, data: img.data.slice() });

it('prepares the round\'s blank ballot in a worker and reads a sheet there as readSheet does here; again after a restart', async () => {
  const prepared = await reader.prepare(g.input);
  if (!prepared.ok) throw new Error(prepared.error.message_en);
  expect(prepared.value.layout).toEqual(g.target.layout);
  const page = (await generateBallot(g, { seed: 7, degrade: 'none', stamped: true, writingOutside: false })).pages[0]!;
  const here = readSheet(page, g.target, 0);
  expect(here.kind).toBe('read');
  const there = await reader.read({ kind: 'decoded', image: copy(page) }, prepared.value, 0, false);
  expect(there.ok && there.value.outcome).toEqual(here);
  // A form of one page: the sheet is its ballot, decided here, so no review image and no page sent back.
  expect(there.ok && [there.value.image, there.value.review]).toEqual([null, null]);
  // New workers after close: they must be sent the form the server kept.
  await reader.close();
  expect(await reader.read({ kind: 'decoded', image: copy(page) }, prepared.value, 0, false)).toMatchObject({ ok: true, value: { outcome: here } });
  // Another form than the one the worker holds is sent along too.
  expect(await reader.read({ kind: 'decoded', image: copy(page) }, g.target, 0, false)).toMatchObject({ ok: true, value: { outcome: here } });
}, 60_000);

it('sends the page back on a form of two pages (the server joins the sheets of a ballot and cuts its review image)', async () => {
  const two = await prepareGenerator({ header: HEADER, round: round({ kind: 'committee', seats: 50, candidates: candidates(60) }) });
  if (!two.ok) throw new Error(two.error.message_en);
  expect(two.value.target.layout.pages).toHaveLength(2);
  const page = (await generateBallot(two.value, { seed: 5, degrade: 'none' })).pages[0]!;
  const there = await reader.read({ kind: 'decoded', image: copy(page) }, two.value.target, 0, false);
  expect(there.ok && there.value.outcome).toEqual(readSheet(page, two.value.target, 0));
  expect(there.ok && there.value.review).toBeNull();
  expect(there.ok && there.value.image !== null && Buffer.from(there.value.image.data).equals(Buffer.from(page.data))).toBe(true);
}, 60_000);

it('decodes the pages of a shared multi-page TIFF in two threads at once, each as decodePage and readSheet do here', async () => {
  const pages = await Promise.all([1, 2, 3, 4].map(async (seed) => (await generateBallot(g, { seed, degrade: 'normal' })).pages[0]!));
  const { width, height } = pages[0]!;
  const raw = Buffer.concat(pages.map((p) => p.data));
  const tiff = await sharp(raw, { raw: { width, height: height * pages.length, channels: 1, pageHeight: height } }).tiff({ compression: 'jpeg', quality: 85 }).toBuffer();
  const file = new Uint8Array(new SharedArrayBuffer(tiff.length));
  file.set(tiff);
  const there = await Promise.all(pages.map((_, i) => reader.read({ kind: 'encoded', file, index: i }, g.target, i, false)));
  for (const [i, r] of there.entries()) {
    const decoded = await decodePage(tiff, i);
    if (!decoded.ok || !r.ok) throw new Error('not decoded');
    const outcome = readSheet(decoded.value, g.target, i);
    expect(r.value.outcome).toEqual(outcome);
    // The page stays in the thread; the ballot's review image, when it needs one, is the one made here from it.
    expect(r.value.image).toBeNull();
    const ballot = groupSheets(g.target, [outcome])[0]!;
    const images: GreyImage[] = [];
    images[i] = decoded.value;
    const review = ballot.kind === 'review' ? reviewPng(ballot, [outcome], images, g.target.layout) : null;
    expect(r.value.review === null ? null : Buffer.from(r.value.review)).toEqual(review);
  }
  // A sheet sent to the board: its review image comes back, the very PNG the server made from the page before.
  const unsealed = (await generateBallot(g, { seed: 3, degrade: 'none', stamped: false })).pages[0]!;
  const outcome = readSheet(unsealed, g.target, 7);
  const ballot = groupSheets(g.target, [outcome])[0]!;
  expect(ballot.kind).toBe('review');
  const images: GreyImage[] = [];
  images[7] = unsealed;
  const review = reviewPng(ballot, [outcome], images, g.target.layout);
  const sent = await reader.read({ kind: 'decoded', image: copy(unsealed) }, g.target, 7, false);
  expect(sent.ok && sent.value.image).toBeNull();
  expect(sent.ok && sent.value.review !== null && Buffer.from(sent.value.review).equals(review!)).toBe(true);
  // …with what making it took in the thread (the bench's figure for the review image); none for a decided sheet.
  expect(sent.ok && sent.value.reviewTime !== undefined && sent.value.reviewTime.wallMs > 0 && sent.value.reviewTime.cpuMs >= 0).toBe(true);
  expect(there.map((r) => r.ok && (r.value.review === null) === (r.value.reviewTime === undefined))).toEqual([true, true, true, true]);
  // A page that is not there: the file's reason, not a crash of the thread.
  const missing = await reader.read({ kind: 'encoded', file, index: 9 }, g.target, 4, false);
  expect(missing.ok ? 'read' : missing.error.code).toBe('scan.file');
}, 60_000);

it('reads a stored scan file from the SQLite file in a reader thread and writes it into the folder it is given, bytes never sent back', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'daihoi-load-'));
  try {
    const path = join(dir, 'daihoi.sqlite');
    const db = new Sqlite(path);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE scan_files (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
    // Larger than the parts it is copied in (sheet-worker.ts COPY_CHUNK, 8 MB), and not a whole number of them.
    const bytes = Buffer.alloc(20_000_001);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
    const { lastInsertRowid } = db.prepare('INSERT INTO scan_files (data) VALUES (?)').run(bytes);
    // Committed by the server's connection, still open (WAL): the thread's own read-only connection sees it.
    const folder = mkdtempSync(join(dir, 'job-'));
    const loaded = await reader.load(path, Number(lastInsertRowid), folder);
    expect(loaded).toBe(join(folder, String(lastInsertRowid)));
    expect(readFileSync(loaded!).equals(bytes)).toBe(true);
    expect(await reader.load(path, 999, folder)).toBeNull();
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

it('reads the pages of a scan file from its path on disk as from its bytes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'daihoi-path-'));
  try {
    const pages = await Promise.all([11, 12].map(async (seed) => (await generateBallot(g, { seed, degrade: 'normal' })).pages[0]!));
    const { width, height } = pages[0]!;
    const tiff = await sharp(Buffer.concat(pages.map((p) => p.data)), { raw: { width, height: height * 2, channels: 1, pageHeight: height } })
      .tiff({ compression: 'jpeg', quality: 85 }).toBuffer();
    const file = join(dir, 'stack.tif');
    writeFileSync(file, tiff);
    for (const index of [0, 1]) {
      const fromBytes = await reader.read({ kind: 'encoded', file: tiff, index }, g.target, index, false);
      const fromPath = await reader.read({ kind: 'encoded', file, index }, g.target, index, false);
      expect(fromBytes.ok).toBe(true);
      expect(fromPath).toEqual(fromBytes);
    }
    const all = async (f: string | Uint8Array): Promise<unknown[]> => {
      const out: unknown[] = [];
      for await (const source of pageSources(f)) out.push(source);
      return out;
    };
    expect(await all(file)).toEqual(await all(tiff));
    expect(await all(file)).toHaveLength(2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

it('gives a scanning thread the young generation `npm start` gives (4 MB semi-spaces), however Node was started', async () => {
  const w = new Worker('setTimeout(() => undefined, 200)', { eval: true, ...THREAD_OPTIONS });
  try {
    await once(w, 'online');
    expect(w.resourceLimits?.maxYoungGenerationSizeMb).toBe(12);
  } finally {
    await w.terminate();
  }
});
