/**
 * Scanning through the server (a stack is counted in the time it takes to scan it; a document scanner feeds 30–60
 * sheets a minute, 1–2 s a sheet). The real server, run as `npm start` runs it (package.json: its allocator
 * settings — unless the caller's environment sets them — and Node's options, bench/support/npm-start.ts), is a
 * separate child process on a random loopback port, on a temporary SQLite file prepared beforehand with a committee round of the seed congress's 27 names at counting (the rows of the fault tests,
 * test/faults/support.ts; the round's attendance raised so that both stacks fit in it). The ballots are the very
 * ballot the server prints for that round, generated at 200 dpi, marked as people mark (strikes of every shape and
 * pen, keeping marks), sealed as people seal, degraded as a scanner does, sent as multi-page TIFF files of 50
 * JPEG-compressed pages (quality 85), as a document scanner writes a stack. Two stacks, each in its own batch:
 *  - the seed congress's stack of SCAN_SERVER_BALLOTS (default 250) ballots, from the first byte of the upload to
 *    the scanner's entry closed: read, then every sheet the reader sent to the board decided from the paper (its
 *    truth) through the API, as the board does, until the job is 'entered';
 *  - a stack of SCAN_SERVER_BIG (default 500; 0 skips it) ballots, for the server's memory while it reads;
 *  - SCAN_SERVER_SHOTS (default 12; 0 skips them) phone photos of the bench's random cameras sent one by one to
 *    POST …/scan/shot as the camera console sends each shot: the time the board waits before the next shot (the
 *    first starts the shot reader's thread and sends it the form).
 * For each: upload → 202; 202 → read (followed by GET …/scan every 200 ms, as a console); the server's CPU per
 * ballot; GET /api/health every 20 ms (open loop) during the reading, p50 / p99 / max; the server's resident memory
 * sampled every 200 ms during the reading (its peak); its high-water mark (VmHWM) from the upload's first byte to the
 * 202 and, reset then, during the reading; the run's, the highest of these.
 * SCAN_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server (written on SIGTERM).
 * SCAN_SERVER_STACKS=<folder> keeps the generated stacks there (written by the first run, read by the next ones with
 * the same counts): generating 750 ballots takes 5–20 minutes, the server's figures are then compared on the same files.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { ScanJobDetail, ScanJobView, ShotCheck } from '../src/api/scan.ts';
import type { GreyImage } from '../src/scan/index.ts';
import { generateBallot, prepareGenerator, type Generator } from '../src/scan/testing/generate.ts';
import { generatePhoto } from '../src/scan/testing/photo.ts';
import { loadPrintRound, roundHeader } from '../src/server/printouts/round.ts';
import { openDatabase } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { insertFaultCongress, send, type FaultCongress } from '../test/faults/support.ts';
import { cpuSeconds, memoryMb, percentile } from './load/server.ts';
import type { BenchResult } from './run.ts';
import { startServer } from '../test/api/support/server.ts';
import { npmStart } from './support/npm-start.ts';
import { buildIsCurrent } from '../bin/node-build.js';

const r1 = (x: number): number => Math.round(x * 10) / 10;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Probe { readonly stop: () => Promise<number[]> }

/** GET /api/health every `everyMs`, open loop; the latencies of those answered. */
const probeHealth = (url: string, everyMs: number): Probe => {
  const latencies: number[] = [];
  const inflight = new Set<Promise<void>>();
  let stopped = false;
  const tick = (): void => {
    const t0 = performance.now();
    const p = fetch(`${url}/api/health`).then(async (r) => { await r.arrayBuffer(); if (r.status === 200) latencies.push(performance.now() - t0); })
      .catch(() => undefined).finally(() => inflight.delete(p));
    inflight.add(p);
  };
  const timer = setInterval(() => { if (!stopped) tick(); }, everyMs);
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await Promise.all([...inflight]);
      return latencies;
    },
  };
};

interface Stack {
  readonly label: string;
  readonly ballots: number;
  readonly pages: number;
  /** Multi-page TIFF files of JPEG-compressed pages, TIFF_PAGES pages each: as a document scanner writes a stack. */
  readonly files: readonly Buffer[];
  /** Each ballot's names struck, as the board reads them on paper. */
  readonly truth: readonly (readonly string[])[];
}

/** Pages per file: an upload takes at most 200 files of 60 MB each. */
const TIFF_PAGES = 50;

/** Pages of one size, as one multi-page TIFF, each page JPEG-compressed (quality 85). */
const tiffOf = (pages: readonly GreyImage[]): Promise<Buffer> => {
  const { width, height } = pages[0]!;
  const data = Buffer.alloc(width * height * pages.length);
  pages.forEach((p, i) => data.set(p.data, i * width * height));
  return sharp(data, { raw: { width, height: height * pages.length, channels: 1, pageHeight: height } }).tiff({ compression: 'jpeg', quality: 85 }).toBuffer();
};

/** `count` ballots of the round, as people mark and seal them (no partial strikes: the board would rule). */
const makeStack = async (g: Generator, label: string, count: number, firstSeed: number): Promise<Stack> => {
  const files: Buffer[] = [];
  const truth: string[][] = [];
  let pending: GreyImage[] = [];
  let pages = 0;
  for (let j = 0; j < count; j++) {
    const b = await generateBallot(g, { seed: firstSeed + j, degrade: 'normal', pStrike: 0.3, pNonStrike: 0.05, pPartial: 0, pNoStamp: 0, pOutside: 0 });
    truth.push([...b.truth.rows].filter(([, t]) => t === 'struck').map(([id]) => id));
    pending.push(...b.pages);
    pages += b.pages.length;
    if (pending.length >= TIFF_PAGES || j === count - 1) {
      files.push(await tiffOf(pending));
      pending = [];
    }
  }
  return { label, ballots: count, pages, files, truth };
};

/** A stack kept in `folder` (SCAN_SERVER_STACKS) under its count and first seed, or generated and kept there. */
const cachedStack = async (folder: string | undefined, make: () => Promise<Stack>, key: string): Promise<Stack> => {
  if (folder === undefined) return make();
  const dir = join(folder, key);
  const index = join(dir, 'stack.json');
  if (existsSync(index)) {
    const kept = JSON.parse(readFileSync(index, 'utf8')) as Omit<Stack, 'files'> & { readonly files: number };
    return { ...kept, files: Array.from({ length: kept.files }, (_, i) => readFileSync(join(dir, `${i}.tif`))) };
  }
  const stack = await make();
  mkdirSync(dir, { recursive: true });
  stack.files.forEach((f, i) => writeFileSync(join(dir, `${i}.tif`), f));
  writeFileSync(index, JSON.stringify({ ...stack, files: stack.files.length }));
  return stack;
};

export default async (): Promise<BenchResult[]> => {
  const n = Number(process.env['SCAN_SERVER_BALLOTS'] ?? 250);
  const big = Number(process.env['SCAN_SERVER_BIG'] ?? 500);
  const rows: BenchResult[] = [];
  const add = (bench: string, value: number, unit: string): void => { rows.push({ bench: `scan-server: ${bench}`, value: r1(value), unit }); };

  // The database, prepared before the server starts: a round at voting, its counting board, staff signed in.
  const dir = mkdtempSync(join(tmpdir(), 'daihoi-scan-bench-'));
  const file = join(dir, 'daihoi.sqlite');
  let k: FaultCongress;
  const stacks: Stack[] = [];
  const shotCount = Number(process.env['SCAN_SERVER_SHOTS'] ?? 12);
  const shots: Buffer[] = [];
  const opened = openDatabase({ sqliteFile: file });
  try {
    const m = await migrateToLatest(opened.db, 'sqlite');
    if (!m.ok) throw new Error(m.error.message_en);
    k = await insertFaultCongress(opened.db, 'quet-do', 8);
    // Room for both stacks in the one round: its attendance raised (the fault tests' round has 250 present).
    await opened.db.updateTable('election_rounds').set({ base: n + big, present: n + big }).where('id', '=', k.roundId).execute();
    const congress = await opened.db.selectFrom('congresses').selectAll().where('id', '=', k.congressId).executeTakeFirstOrThrow();
    const p = await loadPrintRound(opened.db, congress, k.electionId, 1);
    if (!p.ok) throw new Error(p.error.message_en);
    const g = await prepareGenerator({ header: roundHeader(congress, p.value), round: p.value.model });
    if (!g.ok) throw new Error(g.error.message_en);
    const kept = process.env['SCAN_SERVER_STACKS'];
    stacks.push(await cachedStack(kept, () => makeStack(g.value, `the seed congress's stack (${n} ballots)`, n, 5000), `${n}-5000`));
    if (big > 0) stacks.push(await cachedStack(kept, () => makeStack(g.value, `a stack of ${big} ballots`, big, 9000), `${big}-9000`));
    for (let j = 0; j < shotCount; j++) {
      shots.push((await generatePhoto(g.value, { seed: 7000 + j, pStrike: 0.3, pNonStrike: 0.05, pPartial: 0, pNoStamp: 0, pOutside: 0 })).jpeg);
    }
  } finally {
    await opened.close();
  }

  // A server run from the TypeScript source loads tsx's compiler in a thread of its own, and again for each reader
  // thread: some 30 MB more resident memory idle, 40 while reading, than the JavaScript build that `npm start` runs
  // once installed (docs/MEASUREMENTS.md, 2026-12-06, h-mem).
  const fromBuild = buildIsCurrent(join(dirname(fileURLToPath(import.meta.url)), '..'));
  if (!fromBuild) process.stderr.write('scan-server bench: dist/node is missing or older than src — the server runs the TypeScript source through tsx (npm run build:node)\n');
  add('server run from the JavaScript build (dist/node current: 1; TypeScript through tsx: 0)', fromBuild ? 1 : 0, '');
  const nodeArgs = (process.env['SCAN_SERVER_NODE_ARGS'] ?? '').split(' ').filter((a) => a !== '');
  // As `npm start` runs it: its allocator settings (unless the caller sets its own) and Node's options.
  const start = npmStart();
  const allocator = Object.fromEntries(Object.entries(start.env).filter(([name]) => process.env[name] === undefined));
  const server = await startServer({ ...allocator, DATABASE_URL: `sqlite:${file}`, DAIHOI_DATA: dir }, [], [...start.nodeArgs, ...nodeArgs]);
  try {
    for (;;) {
      if ((await fetch(`${server.url}/api/health`).catch(() => null))?.status === 200) break;
      await sleep(10);
    }
    const { R, staff } = k;
    const must = async (path: string, body: unknown, status: number): Promise<void> => {
      const r = await send(server.url, 'POST', path, staff.head, body);
      if (r.status !== status) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    };
    await must(`${R}/counting`, { issued: n + big, collected: n + big }, 200);
    for (const [i, st] of stacks.entries()) await must(`${R}/batches`, { label: `Hòm ${i + 1}`, physicalCount: st.ballots }, 201);

    await sleep(2000);
    const idleProbe = probeHealth(server.url, 20);
    await sleep(3000);
    const idle = await idleProbe.stop();
    add('GET /api/health every 20 ms, idle server: p50', percentile(idle, 50), 'ms');
    add('GET /api/health every 20 ms, idle server: p99', percentile(idle, 99), 'ms');
    add('server resident memory, idle before the first upload (VmRSS)', memoryMb(server.pid).rss, 'MB');

    // The run's high-water mark of resident memory, kept over the resets that measure each part on its own.
    let hwm = 0;
    const peakThenReset = (): number => {
      const peak = memoryMb(server.pid).peak;
      hwm = Math.max(hwm, peak);
      writeFileSync(`/proc/${server.pid}/clear_refs`, '5');
      return peak;
    };
    for (const [s, st] of stacks.entries()) {
      const batch = s + 1;
      const { label } = st;
      const form = new FormData();
      for (const [i, data] of st.files.entries()) form.append('file', new Blob([new Uint8Array(data)], { type: 'image/tiff' }), `quet-${String(i + 1).padStart(2, '0')}.tif`);
      add(`${label}: bytes uploaded (A4, 200 dpi, TIFF files of ${TIFF_PAGES} JPEG pages)`, st.files.reduce((a, f) => a + f.length, 0) / 1024 / 1024, 'MB');
      peakThenReset();
      const t0 = performance.now();
      const res = await fetch(`${server.url}${R}/batches/${batch}/scan`, { method: 'POST', headers: { cookie: staff.op1.cookie }, body: form });
      const up = (await res.json()) as ScanJobView;
      const t202 = performance.now();
      if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(up)}`);
      // The high-water mark of the upload, then reset (clear_refs 5), so that the reading's own is known.
      const uploadPeak = peakThenReset();
      const cpu0 = cpuSeconds(server.pid);
      const probe = probeHealth(server.url, 20);
      let rssPeak = memoryMb(server.pid).rss;
      let job: ScanJobView = up;
      for (;;) {
        await sleep(200);
        rssPeak = Math.max(rssPeak, memoryMb(server.pid).rss);
        const list = await send<ScanJobView[]>(server.url, 'GET', `${R}/scan`, staff.head);
        const found = list.body.find((j) => j.id === up.id);
        if (found === undefined) throw new Error('job gone');
        job = found;
        if (job.status !== 'reading') break;
        if (performance.now() - t202 > 900_000) throw new Error(`still reading: ${JSON.stringify(job)}`);
      }
      const tRead = performance.now();
      const readingPeak = peakThenReset();
      const cpu = cpuSeconds(server.pid) - cpu0;
      const health = await probe.stop();
      if (job.status === 'failed') throw new Error(`stack failed: ${JSON.stringify(job.error)}`);
      // The board decides every sheet in review from the paper (here, its truth); the last decision enters the batch.
      const detail = await send<ScanJobDetail>(server.url, 'GET', `${R}/scan/${up.id}`, staff.head);
      for (const sheet of detail.body.sheets) {
        if (sheet.decision !== null) continue;
        await must(`${R}/scan/${up.id}/sheets/${sheet.position}/decide`, { ballot: { struck: st.truth[sheet.position - 1] } }, 200);
      }
      const tEntered = performance.now();
      const after = (await send<ScanJobView[]>(server.url, 'GET', `${R}/scan`, staff.head)).body.find((j) => j.id === up.id);
      if (after?.status !== 'entered') throw new Error(`not entered: ${JSON.stringify(after)}`);
      add(`${label}: upload → 202`, t202 - t0, 'ms');
      add(`${label}: 202 → read`, tRead - t202, 'ms');
      add(`${label}: reading, per ballot`, (tRead - t202) / st.ballots, 'ms');
      add(`${label}: sent to the board (decided there from the paper)`, job.review, 'ballots');
      add(`${label}: ballots decided without review`, (100 * job.decided) / Math.max(1, job.ballots), '%');
      add(`${label}: from the upload to the scanner's entry closed`, (tEntered - t0) / 1000, 's');
      add(`${label}: sheets per minute (upload to entry closed)`, (60_000 * st.pages) / (tEntered - t0), 'sheets/min');
      add(`${label}: server CPU per ballot during the reading`, (1000 * cpu) / st.ballots, 'ms');
      add(`${label}: GET /api/health every 20 ms during the reading: p50`, percentile(health, 50), 'ms');
      add(`${label}: GET /api/health during the reading: p99`, percentile(health, 99), 'ms');
      add(`${label}: GET /api/health during the reading: max`, Math.max(...health), 'ms');
      add(`${label}: server resident memory during the reading, peak of samples every 200 ms (VmRSS)`, rssPeak, 'MB');
      add(`${label}: server peak resident memory from the upload's first byte to the 202 (VmHWM)`, uploadPeak, 'MB');
      add(`${label}: server peak resident memory during the reading (VmHWM, reset at the 202)`, readingPeak, 'MB');
    }
    add('server peak resident memory over the run (VmHWM, the highest of its parts)', Math.max(hwm, memoryMb(server.pid).peak), 'MB');

    if (shots.length > 0) {
      const waits: number[] = [];
      let refused = 0;
      for (const [i, jpeg] of shots.entries()) {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), `anh-${i + 1}.jpg`);
        const t0 = performance.now();
        const res = await fetch(`${server.url}${R}/scan/shot`, { method: 'POST', headers: { cookie: staff.op1.cookie }, body: form });
        const checked = (await res.json()) as ShotCheck;
        waits.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`shot: ${res.status} ${JSON.stringify(checked)}`);
        if (checked.refusal !== null) refused += 1;
      }
      const later = waits.slice(1);
      add('camera shots checked at once (POST …/scan/shot): the first, its reader thread started', waits[0]!, 'ms');
      add(`camera shots checked at once: the next ${later.length}, p50`, percentile(later, 50), 'ms');
      add('camera shots checked at once: max of the next', Math.max(...later), 'ms');
      add(`camera shots checked at once: refused (of ${shots.length})`, refused, 'shots');
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
};
