/** Runs the real `daihoi` command as a child process, the way hall scripts call it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

// Each test starts one or more Node processes (about 0.3 s each, several seconds on a loaded CI machine).
vi.setConfig({ testTimeout: 120_000 });

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `node bin/daihoi.js ...args`, with `input` on standard input. */
export const daihoi = (args: readonly string[], input?: string): CliRun => {
  const child = spawnSync(process.execPath, [join(ROOT, 'bin', 'daihoi.js'), ...args], {
    cwd: ROOT, encoding: 'utf8', input: input ?? '', timeout: 20_000,
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
};

const scratch = mkdtempSync(join(tmpdir(), 'daihoi-cli-'));
let files = 0;

/** Writes a JSON value (or raw text) to a scratch file and returns its path. */
export const writeInput = (content: unknown): string => {
  const path = join(scratch, `input-${++files}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
