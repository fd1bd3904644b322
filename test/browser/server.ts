/**
 * The real server for the end-to-end browser test: `node bin/daihoi.js serve --demo` on a free port with a
 * temporary DAIHOI_DATA, the administrator's password read from its first-start message, and a small typed
 * HTTP client for setting up what the browser does not (yet) drive.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, repo } from './support.ts';

export interface RunningServer {
  readonly base: string;
  readonly admin: { readonly username: string; readonly password: string };
  readonly demo: boolean;
  /** The server's DAIHOI_DATA (its SQLite file is daihoi.sqlite there), for tests that read what the server prints. */
  readonly data: string;
  readonly output: () => string;
  readonly stop: () => Promise<void>;
  /** Stops and starts the same server again on the same port and data (a restart in the hall). */
  readonly restart: () => Promise<void>;
}

const start = (port: number, data: string, onOutput: (s: string) => void, demo = true): ChildProcess => {
  const child = spawn(process.execPath, [join(repo, 'bin', 'daihoi.js'), 'serve', ...(demo ? ['--demo'] : [])], {
    cwd: repo, env: { ...process.env, PORT: String(port), DAIHOI_DATA: data, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b: Buffer) => onOutput(b.toString()));
  child.stderr?.on('data', (b: Buffer) => onOutput(b.toString()));
  return child;
};

const waitFor = async (test: () => boolean, ms: number, what: () => string): Promise<void> => {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error(`server did not start: ${what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const stopChild = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
};

/** The server on an empty data folder; with `demo: false` it loads nothing (a congress prepared from the screens). */
export const startServer = async ({ demo = true }: { readonly demo?: boolean } = {}): Promise<RunningServer> => {
  const data = await mkdtemp(join(tmpdir(), 'daihoi-e2e-'));
  const port = await freePort();
  let out = '';
  let child = start(port, data, (s) => { out += s; }, demo);
  await waitFor(() => /listening on/u.test(out) || child.exitCode !== null, 60_000, () => out);
  if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
  const user = /username: (\S+)/u.exec(out)?.[1];
  const password = /password: (\S+)/u.exec(out)?.[1];
  if (user === undefined || password === undefined) throw new Error(`no administrator account printed: ${out}`);
  return {
    base: `http://127.0.0.1:${port}`,
    admin: { username: user, password },
    demo: demo && !/--demo ignored/u.test(out),
    data,
    output: () => out,
    stop: async () => {
      await stopChild(child);
      await rm(data, { recursive: true, force: true });
    },
    restart: async () => {
      await stopChild(child);
      const mark = out.length;
      child = start(port, data, (s) => { out += s; }, demo);
      await waitFor(() => /listening on/u.test(out.slice(mark)) || child.exitCode !== null, 60_000, () => out);
    },
  };
};

/** A cookie-holding JSON client for the API (Node's fetch sends no Origin, as a non-browser client). */
export const apiAs = async (base: string, username: string, password: string) => {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${base}${path}`, {
      method, headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return (text === '' ? null : JSON.parse(text)) as T;
  };
  return { call, cookie };
};
