/**
 * Start-up of the `daihoi` command, the time a hall script or an operator waits for nothing:
 *  - `daihoi help` and `daihoi count` of a 3-ballot file, wall clock from spawn to exit (median of 20 runs);
 *  - the server, `daihoi serve` on a fresh SQLite folder, from spawn to `GET /api/health` answering 200
 *    (median of 5 runs, see bench/load/server.ts).
 * Goals: count ≤ 300 ms, server ready ≤ 1 s. Each run is a new Node process started as `npx daihoi` starts it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile, startServerUnderLoad } from './load/server.ts';
import type { BenchResult } from './run.ts';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'daihoi.js');
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

const serverReadyMs = async (): Promise<number> => {
  const times: number[] = [];
  for (let run = 0; run < SERVER_RUNS; run++) {
    const server = await startServerUnderLoad({ demo: false });
    times.push(server.readyMs);
    await server.stop();
  }
  return percentile(times, 50);
};

export default async (): Promise<BenchResult[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'daihoi-cli-bench-'));
  try {
    const file = join(dir, 'three-ballots.json');
    writeFileSync(file, JSON.stringify(smallCountFile));
    return [
      { bench: `cli: daihoi help, spawn → exit (median of ${RUNS})`, value: Math.round(medianOf(RUNS, () => wallMs(['help']))), unit: 'ms' },
      { bench: `cli: daihoi count of 3 ballots, spawn → exit (median of ${RUNS})`, value: Math.round(medianOf(RUNS, () => wallMs(['count', file]))), unit: 'ms' },
      { bench: `cli: server ready, fresh SQLite (spawn → health 200, median of ${SERVER_RUNS})`, value: Math.round(await serverReadyMs()), unit: 'ms' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
