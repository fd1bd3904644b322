/**
 * Scanning through the server (issue 7: a stack is counted in the time it takes to scan it; a document scanner
 * feeds 30–60 sheets a minute, 1–2 s a sheet). The real server, `node --max-semi-space-size=4 bin/daihoi.js serve`
 * (as `npm start`), is a separate child process on a random loopback port, on a temporary SQLite file prepared
 * beforehand with a committee round of the seed congress's 27 names at counting (the rows of the fault tests,
 * test/faults/support.ts). The ballots are the very ballot the server prints for that round, generated at 200 dpi,
 * marked as people mark and degraded as a scanner does (skew, scale, blur, noise, shadow), each page sent as a
 * JPEG file (quality 85), as a document scanner writes them. Two stacks of SCAN_SERVER_BALLOTS (default 50) ballots,
 * each in its own batch: the first after the server started (the round's blank ballot is prepared on the first
 * read), the second warm; then the second stack's pages again as one multi-page PDF (a third batch). For each stack:
 *  - upload: the multipart POST …/batches/:batch/scan from the first byte sent to the 202;
 *  - reading: from the 202 to the job leaving 'reading' (followed by GET …/scan every 200 ms, as a console), per
 *    ballot and as sheets per minute;
 *  - the server's CPU time (/proc/<pid>/stat) per ballot over the reading;
 *  - responsiveness: GET /api/health sent every 20 ms (open loop: one goes out every 20 ms whether or not the last
 *    was answered) during the reading, p50 / p99 / max; the same 3 s while idle, before the first upload;
 *    The same during the upload (the 202 comes once the files are stored, in one transaction);
 *  - the server's resident memory: idle before, and its peak (VmHWM) at the end.
 * SCAN_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server (written on SIGTERM).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import type { ScanJobView } from '../src/api/scan.ts';
import { generateBallot, prepareGenerator } from '../src/scan/testing/generate.ts';
import { loadPrintRound, roundHeader } from '../src/server/printouts/round.ts';
import { openDatabase } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { insertFaultCongress, send, type FaultCongress } from '../test/faults/support.ts';
import { cpuSeconds, memoryMb, percentile } from './load/server.ts';
import type { BenchResult } from './run.ts';
import { startServer } from '../test/api/support/server.ts';

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

export default async (): Promise<BenchResult[]> => {
  const n = Number(process.env['SCAN_SERVER_BALLOTS'] ?? 50);
  const rows: BenchResult[] = [];
  const add = (bench: string, value: number, unit: string): void => { rows.push({ bench: `scan-server: ${bench}`, value: r1(value), unit }); };

  // The database, prepared before the server starts: a round at voting, its counting board, staff signed in.
  const dir = mkdtempSync(join(tmpdir(), 'daihoi-scan-bench-'));
  const file = join(dir, 'daihoi.sqlite');
  let k: FaultCongress;
  const stacks: Buffer[][] = [];
  const opened = openDatabase({ sqliteFile: file });
  try {
    const m = await migrateToLatest(opened.db, 'sqlite');
    if (!m.ok) throw new Error(m.error.message_en);
    k = await insertFaultCongress(opened.db, 'quet-do', 8);
    const congress = await opened.db.selectFrom('congresses').selectAll().where('id', '=', k.congressId).executeTakeFirstOrThrow();
    const p = await loadPrintRound(opened.db, congress, k.electionId, 1);
    if (!p.ok) throw new Error(p.error.message_en);
    const g = await prepareGenerator({ header: roundHeader(congress, p.value), round: p.value.model });
    if (!g.ok) throw new Error(g.error.message_en);
    for (const s of [0, 1]) {
      const jpegs: Buffer[] = [];
      for (let j = 0; j < n; j++) {
        // As people mark (strikes of every shape and pen, some non-strikes), degraded as a scanner does; no partial strikes,
        // missing stamps or writing outside, so that every ballot can be decided and the stack entered.
        const b = await generateBallot(g.value, { seed: 5000 + 1000 * s + j, degrade: 'normal', pStrike: 0.3, pNonStrike: 0.05, pPartial: 0, pNoStamp: 0, pOutside: 0 });
        for (const page of b.pages) {
          jpegs.push(await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } }).jpeg({ quality: 85 }).toBuffer());
        }
      }
      stacks.push(jpegs);
    }
  } finally {
    await opened.close();
  }

  const nodeArgs = (process.env['SCAN_SERVER_NODE_ARGS'] ?? '').split(' ').filter((a) => a !== '');
  const server = await startServer({ DATABASE_URL: `sqlite:${file}`, DAIHOI_DATA: dir }, [], ['--max-semi-space-size=4', ...nodeArgs]);
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
    await must(`${R}/counting`, { issued: 200, collected: 200 }, 200);
    for (const b of [1, 2, 3]) await must(`${R}/batches`, { label: `Hòm ${b}`, physicalCount: n }, 201);

    await sleep(2000);
    const idleProbe = probeHealth(server.url, 20);
    await sleep(3000);
    const idle = await idleProbe.stop();
    add('GET /api/health every 20 ms, idle server: p50', percentile(idle, 50), 'ms');
    add('GET /api/health every 20 ms, idle server: p99', percentile(idle, 99), 'ms');
    add('server resident memory, idle before the first upload (VmRSS)', memoryMb(server.pid).rss, 'MB');

    // The third stack: the second's pages as one multi-page PDF (images of the JPEGs), as many scanners write a stack.
    // Each page the size of its image at 200 dpi (the scanner's bed, wider than A4), so the server's 200 dpi rasterisation gives the same pixels.
    const sizes = await Promise.all(stacks[1]!.map(async (jpeg) => {
      const m = await sharp(jpeg).metadata();
      return [((m.width ?? 0) * 72) / 200, ((m.height ?? 0) * 72) / 200] as [number, number];
    }));
    const pdf = await new Promise<Buffer>((resolve, reject) => {
      const doc = new PDFDocument({ margin: 0, autoFirstPage: false });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      for (const [i, jpeg] of stacks[1]!.entries()) {
        const [width, height] = sizes[i]!;
        doc.addPage({ size: [width, height], margin: 0 }).image(jpeg, 0, 0, { width, height });
      }
      doc.end();
    });
    const uploads = [
      { label: 'first stack after start', files: stacks[0]!.map((data, i) => ({ name: `quet-${String(i + 1).padStart(3, '0')}.jpg`, type: 'image/jpeg', data })) },
      { label: 'second stack', files: stacks[1]!.map((data, i) => ({ name: `quet-${String(i + 1).padStart(3, '0')}.jpg`, type: 'image/jpeg', data })) },
      { label: 'the second stack as one PDF', files: [{ name: 'quet.pdf', type: 'application/pdf', data: pdf }] },
    ];
    for (const [s, { label, files }] of uploads.entries()) {
      const batch = s + 1;
      const form = new FormData();
      for (const f of files) form.append('file', new Blob([new Uint8Array(f.data)], { type: f.type }), f.name);
      const bytes = files.reduce((a, f) => a + f.data.length, 0);
      if (s === 0) add('ballots per stack (A4, 200 dpi, one JPEG file per page)', n, 'ballots');
      add(`${label}: bytes uploaded`, bytes / 1024 / 1024, 'MB');
      const uploadProbe = probeHealth(server.url, 20);
      const t0 = performance.now();
      const res = await fetch(`${server.url}${R}/batches/${batch}/scan`, { method: 'POST', headers: { cookie: staff.op1.cookie }, body: form });
      const up = (await res.json()) as ScanJobView;
      const t202 = performance.now();
      const duringUpload = await uploadProbe.stop();
      if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(up)}`);
      const cpu0 = cpuSeconds(server.pid);
      const probe = probeHealth(server.url, 20);
      let job: ScanJobView = up;
      let firstProgress: number | null = null;
      for (;;) {
        await sleep(200);
        const list = await send<ScanJobView[]>(server.url, 'GET', `${R}/scan`, staff.head);
        const found = list.body.find((j) => j.id === up.id);
        if (found === undefined) throw new Error('job gone');
        job = found;
        if (job.status !== 'reading') break;
        if (firstProgress === null && job.sheetsRead > 0) firstProgress = performance.now();
        if (performance.now() - t202 > 600_000) throw new Error(`still reading: ${JSON.stringify(job)}`);
      }
      const tDone = performance.now();
      const cpu = cpuSeconds(server.pid) - cpu0;
      const health = await probe.stop();
      if (job.status === 'failed') throw new Error(`stack failed: ${JSON.stringify(job.error)}`);
      const readMs = tDone - t202;
      add(`${label}: upload → 202`, t202 - t0, 'ms');
      add(`${label}: GET /api/health every 20 ms during the upload: p50`, percentile(duringUpload, 50), 'ms');
      add(`${label}: GET /api/health during the upload: max`, Math.max(...duringUpload), 'ms');
      add(`${label}: 202 → '${job.status}' (whole stack)`, readMs, 'ms');
      add(`${label}: reading, per ballot (202 → '${job.status}' / ballots)`, readMs / n, 'ms');
      add(`${label}: upload + reading, per ballot`, (tDone - t0) / n, 'ms');
      add(`${label}: sheets read per minute (upload + reading)`, (60_000 * stacks[1]!.length) / (tDone - t0), 'sheets/min');
      add(`${label}: share of the reading before the progress (sheetsRead) first moved`, (100 * ((firstProgress ?? tDone) - t202)) / (tDone - t202), '%');
      add(`${label}: server CPU per ballot during the reading`, (1000 * cpu) / n, 'ms');
      add(`${label}: ballots decided without review`, (100 * job.decided) / Math.max(1, job.ballots), '%');
      add(`${label}: GET /api/health every 20 ms during the reading: answered`, health.length, 'requests');
      add(`${label}: GET /api/health during the reading: p50`, percentile(health, 50), 'ms');
      add(`${label}: GET /api/health during the reading: p99`, percentile(health, 99), 'ms');
      add(`${label}: GET /api/health during the reading: max`, Math.max(...health), 'ms');
      add(`${label}: server resident memory after (VmRSS)`, memoryMb(server.pid).rss, 'MB');
    }
    add('server peak resident memory over the run (VmHWM)', memoryMb(server.pid).peak, 'MB');
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
};
