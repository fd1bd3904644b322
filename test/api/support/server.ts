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
  readonly adminPassword: string;
  readonly output: () => string;
  readonly stop: () => Promise<void>;
}

/** `nodeArgs`: Node options that NODE_OPTIONS refuses (a bench runs the server as `npm start` does, or with `--cpu-prof`). */
export const startServer = (env: Readonly<Record<string, string>>, args: readonly string[] = [], nodeArgs: readonly string[] = []): Promise<RunningServer> =>
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
        const pw = /password: (\S+)/u.exec(out);
        resolve({ url: m[1]!, pid: child.pid ?? 0, adminPassword: pw?.[1] ?? '', output: () => out, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`server exited (${code}):\n${out}`)));
  });
