#!/usr/bin/env node
// @ts-check
// Runs the CLI from the JavaScript built at install (dist/node, see bin/node-build.js). When that build is missing
// or older than a source file, runs the TypeScript source through tsx instead: slower to start, never stale.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIsCurrent, ENTRY } from './node-build.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (buildIsCurrent(root)) {
  await import(pathToFileURL(join(root, ENTRY)).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
