/**
 * The real server as a separate child process on a random loopback port, run as `npm start` runs it
 * (`node --max-semi-space-size=4 bin/daihoi.js serve`), on the database the caller prepared (`env`: DATABASE_URL,
 * DAIHOI_DATA). `nodeArgs` adds Node options that NODE_OPTIONS refuses (`--cpu-prof --cpu-prof-dir=…`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface SpawnedServer {
  readonly url: string;
  readonly pid: number;
  readonly output: () => string;
  /** SIGTERM (a CPU profile is written then), SIGKILL after 10 s. */
  readonly stop: () => Promise<void>;
}

export const spawnServer = (env: Readonly<Record<string, string>>, nodeArgs: readonly string[] = []): Promise<SpawnedServer> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--max-semi-space-size=4', ...nodeArgs, join(ROOT, 'bin', 'daihoi.js'), 'serve', '--port', '0', '--host', '127.0.0.1'], {
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
      if (child.exitCode !== null || child.signalCode !== null) return res();
      child.once('exit', () => res());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
    const onData = (chunk: Buffer): void => {
      out += chunk.toString('utf8');
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/u.exec(out);
      if (m !== null && !done) {
        done = true;
        clearTimeout(timer);
        resolve({ url: m[1]!, pid: child.pid ?? 0, output: () => out, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`server exited (${code}):\n${out}`)));
  });
