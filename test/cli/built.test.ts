/**
 * `daihoi` runs from the JavaScript built into dist/node while that build is current, and from the TypeScript
 * source through tsx when the build is missing or older than a source file (bin/daihoi.js, bin/node-build.js).
 * The real bin is run in a scratch copy of the package (bin, dist, package.json, a link to node_modules), where the
 * source beside the build is whatever each test writes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIsCurrent, BUILD_DIR, STAMP } from '../../bin/node-build.js';
import { FIXTURES, ROOT } from './run-cli.ts';

const SEED_FILE = join(FIXTURES, 'seed-congress.count.json');
const GOLDEN = readFileSync(join(FIXTURES, 'seed-congress.result.json'), 'utf8');
/** What the stand-in source prints: the only way this output appears is tsx running src/cli/main.ts. */
const FROM_SOURCE = 'chạy từ mã nguồn / ran from the source\n';

let copy = '';
const at = (path: string): string => join(copy, path);
const stampTime = new Date('2026-01-01T00:00:00Z');
const before = new Date('2025-12-31T00:00:00Z');
const after = new Date('2026-01-02T00:00:00Z');

/** Writes a file of the copy's src with the given modification time. */
const source = (path: string, content: string, time: Date): void => {
  mkdirSync(dirname(at(path)), { recursive: true });
  writeFileSync(at(path), content);
  utimesSync(at(path), time, time);
};
const run = (args: readonly string[]) =>
  spawnSync(process.execPath, [at('bin/daihoi.js'), ...args], { cwd: copy, encoding: 'utf8', timeout: 60_000 });
const countSeed = (): string => {
  const r = run(['count', SEED_FILE]);
  expect([r.status, r.stderr]).toEqual([0, '']);
  return r.stdout;
};

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'daihoi-built-'));
  cpSync(join(ROOT, 'bin'), at('bin'), { recursive: true });
  cpSync(join(ROOT, BUILD_DIR), at(BUILD_DIR), { recursive: true });
  symlinkSync(join(ROOT, 'dist', 'web'), at('dist/web'));
  symlinkSync(join(ROOT, 'node_modules'), at('node_modules'));
  cpSync(join(ROOT, 'package.json'), at('package.json'));
  utimesSync(at(STAMP), stampTime, stampTime);
  // The stand-in source is older than the build unless a test makes it newer.
  source('src/cli/main.ts', `const said: string = ${JSON.stringify(FROM_SOURCE)};\nprocess.stdout.write(said);\n`, before);
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('the build of this tree', () => {
  it('is current (npm test builds it first; after editing src, run `npm run build:node`)', () => {
    expect(buildIsCurrent(ROOT)).toBe(true);
  });
});

describe('bin/daihoi.js chooses the build or the source', () => {
  it('a current build runs without the source: the seed file counts to the golden output', () => {
    expect(countSeed()).toBe(GOLDEN);
  });
  it('a source file newer than the build: runs the source through tsx', () => {
    utimesSync(at('src/cli/main.ts'), after, after);
    try {
      expect(countSeed()).toBe(FROM_SOURCE);
    } finally {
      utimesSync(at('src/cli/main.ts'), before, before);
    }
  });
  it('a newer config of the build makes it stale too', () => {
    source('tsconfig.build.json', '{}', after);
    try {
      expect(countSeed()).toBe(FROM_SOURCE);
    } finally {
      rmSync(at('tsconfig.build.json'));
    }
  });
  it('tests and the web app are not part of the build: newer ones leave it current', () => {
    source('src/cli/main.test.ts', '', after);
    source('src/rules/test-helpers.ts', '', after);
    source('src/web/App.ts', '', after);
    expect(countSeed()).toBe(GOLDEN);
  });
  it('no finished build (no stamp, as while `npm run build:node` runs): runs the source', () => {
    rmSync(at(STAMP));
    try {
      expect(countSeed()).toBe(FROM_SOURCE);
    } finally {
      writeFileSync(at(STAMP), '');
      utimesSync(at(STAMP), stampTime, stampTime);
    }
  });
});

describe('the server from the build alone', () => {
  it('serves the API and the web app (package root found from dist/node)', async () => {
    const data = mkdtempSync(join(tmpdir(), 'daihoi-built-data-'));
    const child = spawn(process.execPath, [at('bin/daihoi.js'), 'serve', '--port', '0', '--host', '127.0.0.1'], {
      cwd: copy, env: { ...process.env, DAIHOI_DATA: data, DATABASE_URL: '', PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        const onData = (chunk: Buffer): void => {
          out += chunk.toString('utf8');
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/u.exec(out);
          if (m !== null) resolve(m[1]!);
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`server exited (${String(code)}):\n${out}`)));
      });
      const health = await fetch(`${url}/api/health`);
      expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
      const page = await fetch(`${url}/`);
      expect([page.status, (await page.text()).startsWith('<!doctype html>')]).toEqual([200, true]);
    } finally {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) { resolve(); return; }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      rmSync(data, { recursive: true, force: true });
    }
  });
});
