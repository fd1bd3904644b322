/**
 * Sign-in on a real server (SQLite, fresh folder): the time of a sign-in with the right password (argon2id and the
 * throttle's two statements), and what 25 wrong passwords sent at once from one address cost: how many reach the
 * password check (5; the rest are refused before it) and the wall time of the burst. `npm run bench -- sign-in`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '../test/api/support/client.ts';
import { startServer } from '../test/api/support/server.ts';
import type { BenchResult } from './run.ts';

export default async (): Promise<readonly BenchResult[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'daihoi-bench-sign-in-'));
  const server = await startServer({ DATABASE_URL: `sqlite:${join(dir, 'daihoi.sqlite')}`, DAIHOI_DATA: dir });
  try {
    const times: number[] = [];
    for (let i = 0; i < 31; i++) {
      const t = performance.now();
      const r = await new Client(server.url).login('admin', server.adminPassword);
      times.push(performance.now() - t);
      if (r.status !== 200) throw new Error(`sign-in answered ${r.status}`);
    }
    times.sort((a, b) => a - b);
    const t = performance.now();
    const burst = await Promise.all(Array.from({ length: 25 }, (_, i) => new Client(server.url).login('admin', `sai-${i}`)));
    const wall = performance.now() - t;
    return [
      { bench: 'sign-in right password (median of 31)', value: Math.round(times[15]! * 10) / 10, unit: 'ms' },
      { bench: 'sign-in 25 parallel wrong passwords: reaching the password check', value: burst.filter((r) => r.status === 401).length, unit: 'requests' },
      { bench: 'sign-in 25 parallel wrong passwords: wall time', value: Math.round(wall), unit: 'ms' },
    ];
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};
