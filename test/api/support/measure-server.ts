/**
 * Start-up figures for `npm run bench`: time from process start to GET /api/health answering 200 on a fresh
 * SQLite database (migrations included), and the resident memory of the idle server after start.
 * Default export in the bench format; bench/server.bench.ts can re-export it (bench/ is not in this owner's paths).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.ts';

const rssMb = (pid: number): number => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim()) / 1024;

export default async (): Promise<Array<{ bench: string; value: number; unit: string }>> => {
  const dir = mkdtempSync(join(tmpdir(), 'daihoi-bench-'));
  try {
    const t0 = performance.now();
    const server = await startServer({ DAIHOI_DATA: dir, DATABASE_URL: '' });
    let ready = 0;
    for (;;) {
      const r = await fetch(`${server.url}/api/health`).catch(() => null);
      if (r?.status === 200) { ready = performance.now() - t0; break; }
    }
    await new Promise((r) => setTimeout(r, 3000));
    const mem = rssMb(server.pid);
    await server.stop();
    return [
      { bench: 'server: ready (fresh SQLite, migrations, health 200)', value: Math.round(ready), unit: 'ms' },
      { bench: 'server: idle resident memory', value: Math.round(mem), unit: 'MB' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
