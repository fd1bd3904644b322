/**
 * The server under abuse from the hall network: does it keep answering? For each phase a fresh real server (`node
 * --max-semi-space-size=4 bin/daihoi.js serve`, as `npm start`) is a child process on a random loopback port, on a
 * copy of a temporary SQLite file with a committee round at counting (test/faults/support.ts), so that each phase's
 * memory is its own. GET /api/health goes out every 20 ms (open loop) through each phase, and the server's resident
 * memory (all its threads) is read every 100 ms:
 *  - idle: 3 s, the baseline;
 *  (a) bodies: two anonymous clients (each its own process) send 50 MB JSON bodies in a loop for ABUSE_SECONDS (default 10), one to the sign-in
 *      route, one to a batch's scan upload (the route with the large limit), each sent whole (content-length);
 *  (b) imports: the congress's administrator imports a 100,000-row .xlsx (full rows), one of 100,000 short rows and a
 *      zip bomb (40 MB of sheet in a few hundred kB), one after another;
 *  (c) scan: the board uploads a 10,000-page PDF (about 1 MB) as a batch's scan, until the job leaves 'reading' —
 *      after a one-page PDF was read first in another batch, so that the figures are the PDF's and not the cost of
 *      the first stack (the scan reader's libraries and the round's blank ballot, measured by `-- scan-server`).
 * For each phase: health p50 / p99 / max, health requests that failed, the server's largest resident memory (VmRSS),
 * and at the end whether the server still runs and answers. Goal: p99 ≤ 50 ms, no crash, memory ≤ 300 MB.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScanJobView } from '../src/api/scan.ts';
import { openDatabase } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { insertFaultCongress, send, type FaultCongress } from '../test/faults/support.ts';
import { startServer } from '../test/api/support/server.ts';
import { pdfOfPages, xlsxBomb, xlsxWithRows } from '../test/support/hostile-files.ts';
import { memoryMb, percentile } from './load/server.ts';
import type { BenchResult } from './run.ts';

const r1 = (x: number): number => Math.round(x * 10) / 10;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Watch { readonly stop: () => Promise<{ latencies: number[]; failed: number; peakMb: number }> }

/** GET /api/health every 20 ms (open loop) and the server's VmRSS every 100 ms, until stopped. */
const watch = (url: string, pid: number): Watch => {
  const latencies: number[] = [];
  let failed = 0;
  let peakMb = 0;
  const inflight = new Set<Promise<void>>();
  const health = setInterval(() => {
    const t0 = performance.now();
    const p = fetch(`${url}/api/health`).then(async (r) => { await r.arrayBuffer(); if (r.status === 200) latencies.push(performance.now() - t0); else failed += 1; })
      .catch(() => { failed += 1; }).finally(() => inflight.delete(p));
    inflight.add(p);
  }, 20);
  const memory = setInterval(() => {
    try { peakMb = Math.max(peakMb, memoryMb(pid).rss); } catch { /* the process is gone: reported as a crash */ }
  }, 100);
  return {
    stop: async () => {
      clearInterval(health);
      clearInterval(memory);
      await Promise.all([...inflight]);
      return { latencies, failed, peakMb };
    },
  };
};

/** A valid JSON document of about `mb` megabytes (an array of zeros): what a parser must read whole. */
/** A hostile client in its own process (support/flood-client.mjs): what it answered, by status. */
const flood = (url: string, mb: number, seconds: number): Promise<Map<string, number>> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./support/flood-client.mjs', import.meta.url)), url, String(mb), String(seconds)],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) { reject(new Error(`flood client exited ${String(code)}`)); return; }
      resolve(new Map(Object.entries(JSON.parse(out) as Record<string, number>)));
    });
  });

const upload = async (url: string, cookie: string, name: string, type: string, data: Buffer): Promise<{ status: number; body: unknown }> => {
  const form = new FormData();
  form.append('file', new Blob([data], { type }), name);
  const r = await fetch(url, { method: 'POST', body: form, headers: { cookie } });
  const text = await r.text();
  return { status: r.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
};

export default async (): Promise<BenchResult[]> => {
  const seconds = Number(process.env['ABUSE_SECONDS'] ?? 10);
  const rows: BenchResult[] = [];
  const add = (bench: string, value: number, unit: string): void => { rows.push({ bench: `abuse: ${bench}`, value: r1(value), unit }); };
  const report = (phase: string, r: { latencies: number[]; failed: number; peakMb: number }): void => {
    add(`${phase}: GET /api/health p50`, percentile(r.latencies, 50), 'ms');
    add(`${phase}: GET /api/health p99`, percentile(r.latencies, 99), 'ms');
    add(`${phase}: GET /api/health max`, Math.max(...r.latencies), 'ms');
    add(`${phase}: GET /api/health failed`, r.failed, 'requests');
    add(`${phase}: server resident memory, largest (VmRSS)`, r.peakMb, 'MB');
  };

  const dir = mkdtempSync(join(tmpdir(), 'daihoi-abuse-bench-'));
  const file = join(dir, 'daihoi.sqlite');
  let k: FaultCongress;
  const opened = openDatabase({ sqliteFile: file });
  try {
    const m = await migrateToLatest(opened.db, 'sqlite');
    if (!m.ok) throw new Error(m.error.message_en);
    k = await insertFaultCongress(opened.db, 'lam-dung', 8);
  } finally {
    await opened.close();
  }
  // The hostile files, made before the server starts (their making is not the server's time).
  const fullRows = xlsxWithRows(100_000);
  const shortRows = xlsxWithRows(100_000, { codeOnly: true });
  const bomb = xlsxBomb(40);
  const pages = pdfOfPages(Array.from({ length: 10_000 }, () => [595, 842] as const));

  /** A fresh server on a copy of the prepared database, its counting opened with two batches; stopped after `phase`. */
  const withServer = async (phase: (url: string, pid: number) => Promise<void>): Promise<void> => {
    const copy = mkdtempSync(join(tmpdir(), 'daihoi-abuse-run-'));
    copyFileSync(file, join(copy, 'daihoi.sqlite'));
    const server = await startServer({ DATABASE_URL: `sqlite:${join(copy, 'daihoi.sqlite')}`, DAIHOI_DATA: copy }, [], ['--max-semi-space-size=4']);
    try {
      const setup: Array<[string, unknown, number]> = [[`${k.R}/counting`, { issued: 200, collected: 200 }, 200],
        ...[1, 2].map((b): [string, unknown, number] => [`${k.R}/batches`, { label: `Hòm ${b}`, physicalCount: 50 }, 201])];
      for (const [path, body, status] of setup) {
        const r = await send(server.url, 'POST', path, k.staff.head, body);
        if (r.status !== status) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
      }
      await sleep(2000);
      await phase(server.url, server.pid);
      const alive = (await fetch(`${server.url}/api/health`).catch(() => null))?.status === 200;
      add('server still running and answering after the phase (1 = yes)', alive ? 1 : 0, '');
    } finally {
      await server.stop();
      rmSync(copy, { recursive: true, force: true });
    }
  };
  const { R, C, staff } = k;

  await withServer(async (url, pid) => {
    const w = watch(url, pid);
    await sleep(3000);
    report('idle', await w.stop());
  });

  // (a) Two anonymous clients, 50 MB JSON bodies in a loop.
  await withServer(async (url, pid) => {
    const w = watch(url, pid);
    const answers = await Promise.all([flood(`${url}/api/auth/login`, 50, seconds), flood(`${url}${R}/batches/2/scan`, 50, seconds)]);
    report('(a) two clients sending 50 MB bodies', await w.stop());
    for (const [i, seen] of answers.entries()) {
      for (const [status, n] of seen) add(`(a) ${i === 0 ? 'sign-in' : 'scan upload'} body answered ${status}`, n, 'requests');
    }
  });

  // (b) Hostile delegate lists.
  await withServer(async (url, pid) => {
    const w = watch(url, pid);
    for (const [name, data] of [['100000-dong.xlsx', fullRows], ['100000-dong-ngan.xlsx', shortRows], ['bom.xlsx', bomb]] as const) {
      const t0 = performance.now();
      const r = await upload(`${url}${C}/delegates-import`, staff.admin.cookie, name, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data);
      add(`(b) import ${name} (${Math.round(data.length / 1024)} kB): answer ${r.status} after`, performance.now() - t0, 'ms');
    }
    report('(b) importing 100,000 rows twice and a zip bomb', await w.stop());
  });

  // (c) A 10,000-page PDF as a batch's scan, after a first (one-page) stack has been read.
  await withServer(async (url, pid) => {
    const scanned = async (batch: number, pdf: Buffer): Promise<{ status: number; job: ScanJobView | undefined }> => {
      const up = await upload(`${url}${R}/batches/${batch}/scan`, staff.head.cookie, 'quet.pdf', 'application/pdf', pdf);
      let job: ScanJobView | undefined = up.body as ScanJobView;
      while (up.status === 202 && job !== undefined && job.status === 'reading') {
        await sleep(200);
        job = (await send<ScanJobView[]>(url, 'GET', `${R}/scan`, staff.head)).body.find((j) => j.id === (up.body as ScanJobView).id);
      }
      return { status: up.status, job };
    };
    await scanned(2, pdfOfPages([[595, 842]]));
    const w = watch(url, pid);
    const t0 = performance.now();
    const { status, job } = await scanned(1, pages);
    add(`(c) 10,000-page PDF (${Math.round(pages.length / 1024)} kB): upload ${status}, job ${job?.status ?? '?'} (${job?.error?.code ?? 'no error'}) after`, performance.now() - t0, 'ms');
    report('(c) a 10,000-page PDF as a scan', await w.stop());
  });
  rmSync(dir, { recursive: true, force: true });
  return rows;
};
