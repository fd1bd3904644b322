/**
 * Start-up of the `daihoi` command, the time a hall script or an operator waits for nothing:
 *  - `daihoi help` and `daihoi count` of a 3-ballot file, wall clock from spawn to exit (median of 20 runs);
 *  - the server, `daihoi serve`, from spawn to `GET /api/health` answering 200 (median of 5 runs, see
 *    bench/load/server.ts): on a fresh SQLite folder (the first start: migrations, the administrator's account), and
 *    again on that folder (every later start).
 * Goals: count ≤ 300 ms, server ready ≤ 1 s. Each run is a new Node process started as `npx daihoi` starts it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsCurrent } from '../bin/node-build.js';
import { percentile, startServerUnderLoad } from './load/server.ts';
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

const medianOf = (runs: number, once: () => number): number =>
  percentile(Array.from({ length: runs }, once), 50);

/** Server ready times: each run on a new folder (fresh), then each run on one folder made by a first start (existing). */
const serverReadyMs = async (dir: string): Promise<{ fresh: number; existing: number }> => {
  const readyOnce = async (dataDir?: string): Promise<number> => {
    const server = await startServerUnderLoad({ demo: false, ...(dataDir === undefined ? {} : { dataDir }) });
    await server.stop();
    return server.readyMs;
  };
  const fresh: number[] = [];
  for (let run = 0; run < SERVER_RUNS; run++) fresh.push(await readyOnce());
  const kept = join(dir, 'data');
  await readyOnce(kept);
  const existing: number[] = [];
  for (let run = 0; run < SERVER_RUNS; run++) existing.push(await readyOnce(kept));
  return { fresh: percentile(fresh, 50), existing: percentile(existing, 50) };
};

export default async (): Promise<BenchResult[]> => {
  if (!buildIsCurrent(ROOT)) {
    process.stderr.write('cli bench: dist/node is missing or older than src — this measures the TypeScript source through tsx (npm run build:node)\n');
  }
  const dir = mkdtempSync(join(tmpdir(), 'daihoi-cli-bench-'));
  try {
    const file = join(dir, 'three-ballots.json');
    writeFileSync(file, JSON.stringify(smallCountFile));
    const cli: BenchResult[] = [
      { bench: `cli: daihoi help, spawn → exit (median of ${RUNS})`, value: Math.round(medianOf(RUNS, () => wallMs(['help']))), unit: 'ms' },
      { bench: `cli: daihoi count of 3 ballots, spawn → exit (median of ${RUNS})`, value: Math.round(medianOf(RUNS, () => wallMs(['count', file]))), unit: 'ms' },
    ];
    const ready = await serverReadyMs(dir);
    return [
      ...cli,
      { bench: `cli: server ready, fresh SQLite (spawn → health 200, median of ${SERVER_RUNS})`, value: Math.round(ready.fresh), unit: 'ms' },
      { bench: `cli: server ready, existing SQLite (spawn → health 200, median of ${SERVER_RUNS})`, value: Math.round(ready.existing), unit: 'ms' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
