/**
 * The server under load: `node bin/daihoi.js serve` as a separate child process on a random loopback port
 * (`--port 0 --host 127.0.0.1`), a temporary DAIHOI_DATA (SQLite unless `databaseUrl` is given), optionally the
 * seed congress (`--demo`), or a kept data folder (`dataDir`). Reports the time from spawn to `GET /api/health` answering 200, and reads the child's
 * CPU time and memory from /proc (Linux).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

export interface DemoAccount { readonly username: string; readonly password: string; readonly role: string }

export interface ServerUnderLoad {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly adminPassword: string;
  /** The demo accounts printed at start (with `--demo`). */
  readonly accounts: readonly DemoAccount[];
  /** Milliseconds from spawn to the first 200 of /api/health. */
  readonly readyMs: number;
  readonly output: () => string;
  /** SIGTERM, then SIGKILL after 5 s; removes the temporary data folder. */
  readonly stop: () => Promise<void>;
}

export const startServerUnderLoad = async (options: {
  readonly demo: boolean;
  readonly databaseUrl?: string;
  /** A data folder to use and keep (a start on an existing database); else a temporary one, removed at stop. */
  readonly dataDir?: string;
}): Promise<ServerUnderLoad> => {
  // LOAD_DATA_PARENT=/dev/shm puts the SQLite file on tmpfs (no real fsync): a diagnostic of what the disk costs.
  const dir = options.dataDir ?? mkdtempSync(join(process.env['LOAD_DATA_PARENT'] ?? tmpdir(), 'daihoi-load-'));
  const t0 = performance.now();
  // The server runs as `npm start` runs it: with a young generation of 4 MB (package.json, "start").
  const child: ChildProcess = spawn(process.execPath, ['--max-semi-space-size=4', join(ROOT, 'bin', 'daihoi.js'), 'serve', '--port', '0', '--host', '127.0.0.1', ...(options.demo ? ['--demo'] : [])], {
    cwd: ROOT,
    env: {
      ...process.env, PORT: '0', DAIHOI_DATA: dir, DATABASE_URL: options.databaseUrl ?? '',
      // LOAD_SERVER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server only (written on SIGTERM).
      ...(process.env['LOAD_SERVER_NODE_OPTIONS'] === undefined ? {} : { NODE_OPTIONS: process.env['LOAD_SERVER_NODE_OPTIONS'] }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const stop = (): Promise<void> => new Promise((res) => {
    const clean = (): void => {
      if (options.dataDir === undefined) rmSync(dir, { recursive: true, force: true });
      res();
    };
    if (child.exitCode !== null || child.signalCode !== null) { clean(); return; }
    child.once('exit', clean);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`server did not start in 60 s:\n${out}`)); }, 60_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString('utf8');
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/u.exec(out);
      if (m !== null) { clearTimeout(timer); resolve(m[1]!); }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}):\n${out}`)); });
  });
  let readyMs = 0;
  for (;;) {
    const r = await fetch(`${url}/api/health`).catch(() => null);
    if (r?.status === 200) { readyMs = performance.now() - t0; break; }
    await new Promise((res) => setTimeout(res, 10));
  }
  // The printed password must be changed at the first sign-in before the administrator can do anything else.
  const printed = /password: (\S+)/u.exec(out)?.[1] ?? '';
  let adminPassword = printed;
  if (printed !== '') {
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: printed }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    adminPassword = `${printed}-doi`;
    const changed = await fetch(`${url}/api/auth/password`, { method: 'POST', headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ currentPassword: printed, newPassword: adminPassword }) });
    if (changed.status !== 200) throw new Error(`first password change failed: ${changed.status}`);
  }
  const accounts: DemoAccount[] = [];
  for (const m of out.matchAll(/^\s+(lso\.\S+)\s+(\S+)\s+(\S+)\s*$/gmu)) accounts.push({ username: m[1]!, password: m[2]!, role: m[3]! });
  return {
    url, port: Number(new URL(url).port), pid: child.pid ?? 0, adminPassword, accounts, readyMs,
    output: () => out, stop,
  };
};

/** Fields of /proc/<pid>/stat after the command name (which may contain spaces): field 3 of the line is index 0. */
const statFields = (pid: number | 'self'): string[] => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
};

/** CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat. */
export const cpuSeconds = (pid: number): number => {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime, stime (fields 14 and 15 of the whole line)
};

/** CPU seconds (user + system) of this process's children that have exited and been waited for (Linux). */
export const childrenCpuSeconds = (): number => {
  const fields = statFields('self');
  return (Number(fields[13]) + Number(fields[14])) / TICKS; // cutime, cstime (fields 16 and 17)
};

/** Resident memory now (VmRSS) and at its peak (VmHWM), in MB, from /proc/<pid>/status. */
export const memoryMb = (pid: number): { rss: number; peak: number } => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'mu').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
};

/** Percentile (nearest rank) of a list of numbers; NaN when empty. */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};
