/**
 * What `daihoi serve` loads before it answers its first request: not the document generators (pdfkit, docx, exceljs
 * and the fonts), the scan reader (sharp, jsQR), the discussion's .docx reader (mammoth) and version diff, the
 * certificate sheet (HTTPS only) or the seed congress (--demo only). Each is loaded on first use, so a start pays
 * only for what answers requests (how long it takes is measured by `npm run bench -- cli`). The modules are
 * recorded by a module-loading hook in the real server process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT } from './run-cli.ts';

/** Packages and folders of the code base that a plain start must not load. */
const NOT_AT_START = [
  /\/node_modules\/(pdfkit|docx|exceljs|sharp|jsqr|mammoth|qrcode|diff|fontkit)\//u,
  /\/(src|dist\/node)\/(documents|demo|reports)\//u,
  /\/(src|dist\/node)\/scan\/(index|photo|sheet|read)/u,
  /\/(src|dist\/node)\/discussion\/versions\./u,
  /\/(src|dist\/node)\/import\/(docx-|xlsx-stream\.|csv\.)/u,
  /\/(src|dist\/node)\/server\/(hall-https|demo)\./u,
];

let dir = '';
let loaded: () => string[] = () => [];
let stop: () => Promise<void> = async () => undefined;
let base = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'daihoi-serve-start-'));
  const log = join(dir, 'loaded.txt');
  writeFileSync(log, '');
  writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`);
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
  const child = spawn(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, join(ROOT, 'bin', 'daihoi.js'), 'serve', '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, DAIHOI_DATA: join(dir, 'data'), DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
  stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  };
  for (let waited = 0; !/listening on (\S+)/u.test(out); waited += 20) {
    if (child.exitCode !== null || waited > 60_000) throw new Error(`the server did not start: ${out}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  base = /listening on (\S+)/u.exec(out)![1]!;
  loaded = () => readFileSync(log, 'utf8').split('\n').filter((l) => l !== '');
}, 90_000);
afterAll(async () => {
  await stop();
  rmSync(dir, { recursive: true, force: true });
});

it('answers its first request without loading the document generators, the readers, the certificate sheet or the demo', async () => {
  expect((await fetch(`${base}/api/health`)).status).toBe(200);
  const list = loaded();
  // The hook sees the server's own modules: an empty list would prove nothing.
  expect(list.some((u) => /\/(src|dist\/node)\/server\/build\./u.test(u))).toBe(true);
  expect(list.filter((u) => NOT_AT_START.some((re) => re.test(u)))).toEqual([]);
});
