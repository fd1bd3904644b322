/**
 * Start-up of the `daihoi` command, the time a hall script or an operator waits for nothing:
 *  - `daihoi help` and `daihoi count` of a 3-ballot file, wall clock from spawn to exit (median of 20 runs);
 *  - the server, `daihoi serve`, from spawn to `GET /api/health` answering 200 (median of 5 runs, see
 *    bench/load/server.ts): on a fresh SQLite folder (the first start: migrations, the administrator's account), and
 *    again on that folder (every later start).
 * Goals: count ≤ 300 ms, server ready ≤ 1 s. Each run is a new Node process started as `npx daihoi` starts it.
 * Wall time on a shared machine grows with its load; the CPU time each process used (user + system, from /proc)
 * grows much less, so it is reported beside it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsCurrent } from '../bin/node-build.js';
import { childrenCpuSeconds, cpuSeconds, percentile, startServerUnderLoad } from './load/server.ts';
import type { BenchResult } from './run.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'daihoi.js');
const RUNS = 20;
const SERVER_RUNS = 5;

const smallCountFile = {
  election: {
    kind: 'committee', seats: 1, base: { summoned: 5 },
    candidates: [{ id: 'c1', name: 'Nguyễn Văn An' }, { id: 'c2', name: 'Trần Thị Ánh' }],
  },
  ballots: [{ struck: ['c2'] }, { struck: ['c2'] }, { struck: ['c1'] }],
};

const wallMs = (args: readonly string[]): number => {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`daihoi ${args.join(' ')} exited ${String(child.status)}: ${child.stderr}`);
  return ms;
};

/** Median wall time of `runs` runs of `daihoi args`, and the mean CPU time of one (its CPU clock ticks at 10 ms). */
const commandTimes = (runs: number, args: readonly string[]): { wall: number; cpu: number } => {
  const cpu0 = childrenCpuSeconds();
  const walls = Array.from({ length: runs }, () => wallMs(args));
  return { wall: percentile(walls, 50), cpu: ((childrenCpuSeconds() - cpu0) * 1000) / runs };
};

/** Server ready times and CPU time until ready (medians): each run on a new folder (fresh), then on one kept folder. */
const serverReady = async (dir: string): Promise<{ fresh: number; existing: number; existingCpu: number }> => {
  const readyOnce = async (dataDir?: string): Promise<{ ms: number; cpu: number }> => {
    const server = await startServerUnderLoad({ demo: false, ...(dataDir === undefined ? {} : { dataDir }) });
    const cpu = cpuSeconds(server.pid) * 1000;
    await server.stop();
    return { ms: server.readyMs, cpu };
  };
  const fresh: number[] = [];
  for (let run = 0; run < SERVER_RUNS; run++) fresh.push((await readyOnce()).ms);
  const kept = join(dir, 'data');
  await readyOnce(kept);
  const existing: { ms: number; cpu: number }[] = [];
  for (let run = 0; run < SERVER_RUNS; run++) existing.push(await readyOnce(kept));
  return {
    fresh: percentile(fresh, 50),
    existing: percentile(existing.map((r) => r.ms), 50),
    existingCpu: percentile(existing.map((r) => r.cpu), 50),
  };
};

export default async (): Promise<BenchResult[]> => {
  if (!buildIsCurrent(ROOT)) {
    process.stderr.write('cli bench: dist/node is missing or older than src — this measures the TypeScript source through tsx (npm run build:node)\n');
  }
  const dir = mkdtempSync(join(tmpdir(), 'daihoi-cli-bench-'));
  try {
    const file = join(dir, 'three-ballots.json');
    writeFileSync(file, JSON.stringify(smallCountFile));
    const help = commandTimes(RUNS, ['help']);
    const count = commandTimes(RUNS, ['count', file]);
    const ready = await serverReady(dir);
    const row = (bench: string, value: number): BenchResult => ({ bench: `cli: ${bench}`, value: Math.round(value), unit: 'ms' });
    return [
      row(`daihoi help, spawn → exit (median of ${RUNS})`, help.wall),
      row(`daihoi help, CPU time (mean of ${RUNS})`, help.cpu),
      row(`daihoi count of 3 ballots, spawn → exit (median of ${RUNS})`, count.wall),
      row(`daihoi count of 3 ballots, CPU time (mean of ${RUNS})`, count.cpu),
      row(`server ready, fresh SQLite (spawn → health 200, median of ${SERVER_RUNS})`, ready.fresh),
      row(`server ready, existing SQLite (spawn → health 200, median of ${SERVER_RUNS})`, ready.existing),
      row(`server CPU time until ready, existing SQLite (median of ${SERVER_RUNS})`, ready.existingCpu),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
