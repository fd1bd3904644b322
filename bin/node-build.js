// @ts-check
/**
 * The JavaScript build of the server and CLI: `src` (the web app apart) compiled by `tsc -p tsconfig.build.json`
 * into dist/node, one .js file per .ts file. `npm install` (prepare) and `npm test` make it; bin/daihoi.js runs it
 * only while it is current, else the TypeScript source through tsx.
 *
 * "Current" is decided by modification times, cheaply (a walk of about 250 files, a few ms): the build's stamp
 * carries the time the build STARTED, so a source file saved during a build counts as newer than it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const BUILD_DIR = join('dist', 'node');
/** Written after a successful build; its modification time is the build's start. */
export const STAMP = join(BUILD_DIR, '.built');
export const ENTRY = join(BUILD_DIR, 'cli', 'main.js');
/** What the build is made from besides the .ts files of src. */
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json'];

/** Whether a file of src goes into the build: tests and the web app do not (the "exclude" of tsconfig.build.json). */
const isBuilt = (/** @type {string} */ relative) =>
  relative.endsWith('.ts') && !relative.endsWith('.test.ts') && !relative.endsWith('test-helpers.ts');

/** The newest modification time (ms) of what the build is made from, under `root`. */
const newestSource = (/** @type {string} */ root) => {
  let newest = 0;
  const walk = (/** @type {string} */ relative) => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      const path = join(relative, entry.name);
      if (entry.isDirectory()) {
        if (path !== join('src', 'web')) walk(path);
      } else if (isBuilt(path)) {
        newest = Math.max(newest, statSync(join(root, path)).mtimeMs);
      }
    }
  };
  try {
    walk('src');
  } catch {
    // no src beside the build: nothing to be older than
  }
  for (const config of CONFIGS) {
    try {
      newest = Math.max(newest, statSync(join(root, config)).mtimeMs);
    } catch {
      // an absent config changes nothing
    }
  }
  return newest;
};

/** True when `root` has a finished build at least as new as every source file it is made from. */
export const buildIsCurrent = (/** @type {string} */ root) => {
  let built;
  try {
    built = statSync(join(root, STAMP)).mtimeMs;
  } catch {
    return false;
  }
  return newestSource(root) <= built;
};
