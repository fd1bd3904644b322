/**
 * A real server process for API tests: `node bin/daihoi.js serve --port 0` on a random port (never a fixed one:
 * other engineers run tests at the same time), on the database of the harness (test/support/databases.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface RunningServer {
  readonly url: string;
  readonly pid: number;
  /**
   * The first administrator's password after the first sign-in: the one printed at first start must be changed
   * before anything else, which `startServer` does (over HTTP) so that tests sign in as a working administrator.
   */
  readonly adminPassword: string;
  /** The password printed at first start ('' when none was printed); still the valid one over HTTPS. */
  readonly printedPassword: string;
  readonly output: () => string;
  readonly stop: () => Promise<void>;
}

/** The first administrator signs in with the printed password and chooses another, as they must. */
const firstChange = async (url: string, printed: string): Promise<string> => {
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: printed }) });
  if (login.status !== 200) throw new Error(`first sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const changed = `${printed}-doi`;
  const r = await fetch(`${url}/api/auth/password`, { method: 'POST', headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ currentPassword: printed, newPassword: changed }) });
  if (r.status !== 200) throw new Error(`first password change failed: ${r.status} ${await r.text()}`);
  return changed;
};

/**
 * `nodeArgs`: Node options that NODE_OPTIONS refuses (a bench runs the server as `npm start` does, or with `--cpu-prof`).
 * `keepPrintedPassword`: leave the first administrator with the printed password (tests of the first sign-in).
 */
export const startServer = (
  env: Readonly<Record<string, string>>, args: readonly string[] = [], nodeArgs: readonly string[] = [],
  options: { readonly keepPrintedPassword?: boolean } = {},
): Promise<RunningServer> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [...nodeArgs, join(ROOT, 'bin', 'daihoi.js'), 'serve', '--port', '0', '--host', '127.0.0.1', ...args], {
      cwd: ROOT, env: { ...process.env, ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let done = false;
    const timer = setTimeout(() => fail(new Error(`server did not start in 60 s:\n${out}`)), 60_000);
    const fail = (e: Error): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    const stop = (): Promise<void> => new Promise((res) => {
      if (child.exitCode !== null || child.signalCode !== null) { res(); return; }
      child.once('exit', () => res());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
    const onData = (chunk: Buffer): void => {
      out += chunk.toString('utf8');
      const m = /listening on (https?:\/\/127\.0\.0\.1:\d+)/u.exec(out);
      if (m !== null && !done) {
        done = true;
        clearTimeout(timer);
        const printed = /password: (\S+)/u.exec(out)?.[1] ?? '';
        const base = { url: m[1]!, pid: child.pid ?? 0, printedPassword: printed, output: () => out, stop };
        if (printed === '' || !base.url.startsWith('http:') || options.keepPrintedPassword === true) {
          resolve({ ...base, adminPassword: printed });
          return;
        }
        void firstChange(base.url, printed).then((changed) => resolve({ ...base, adminPassword: changed }), (e: unknown) => {
          void stop();
          reject(e instanceof Error ? e : new Error(String(e)));
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`server exited (${code}):\n${out}`)));
  });
