#!/usr/bin/env node
// @ts-check
// `npm run build:node`: compiles src into dist/node (see bin/node-build.js). The old build is removed first, so
// bin/daihoi.js runs the source while this runs, and never a half-written build or a file deleted from src.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, rmSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_DIR, STAMP } from './node-build.js';
import { vendorBuild } from './vendor-build.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = new Date();
rmSync(join(root, BUILD_DIR), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) {
  process.stderr.write(`Lỗi: dựng dist/node không thành công.\nError: building dist/node failed.\n`);
  process.exit(run.status ?? 1);
}
// kysely and zod in one file each, for a faster start (bin/vendor-build.js).
vendorBuild(root, BUILD_DIR);
closeSync(openSync(join(root, STAMP), 'w'));
utimesSync(join(root, STAMP), started, started);
