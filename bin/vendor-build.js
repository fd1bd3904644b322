// @ts-check
/**
 * Part of `npm run build:node`: kysely and zod, which the server loads at every start, each bundled into ONE file of
 * dist/node/vendor, and the built modules' imports of them pointed there. Node 20 loads an ES module file by file:
 * kysely's 263 files took 0.11–0.12 s of CPU, its one-file bundle 0.014 s; zod's 95 files 0.06 s, its bundle
 * 0.03 s (docs/MEASUREMENTS.md). Same code, same version (from node_modules, bundled by the esbuild that tsx brings);
 * every module of dist/node imports the same copy, so there is one kysely and one zod in the process. Without
 * esbuild the build keeps the packages' own imports.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

export const VENDORED = ['kysely', 'zod'];
const VENDOR_DIR = 'vendor';

/** @returns {typeof import('esbuild') | null} */
const loadEsbuild = () => {
  try {
    const require = createRequire(import.meta.url);
    return createRequire(require.resolve('tsx'))('esbuild');
  } catch {
    return null;
  }
};

/** Every .js file under `dir`. */
const jsFiles = (/** @type {string} */ dir) => readdirSync(dir, { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && e.name.endsWith('.js'))
  .map((e) => join(e.parentPath, e.name));

/** Bundles the vendored packages into `buildDir`/vendor and rewrites the imports; false when esbuild is missing. */
export const vendorBuild = (/** @type {string} */ root, /** @type {string} */ buildDir) => {
  const esbuild = loadEsbuild();
  if (esbuild === null) return false;
  const out = join(root, buildDir, VENDOR_DIR);
  for (const name of VENDORED) {
    esbuild.buildSync({
      stdin: { contents: `export * from '${name}';\n`, resolveDir: root, loader: 'js' },
      bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile: join(out, `${name}.js`), logLevel: 'warning',
    });
  }
  const pattern = new RegExp(`(\\bfrom\\s*|\\bimport\\s*\\(\\s*)(['"])(${VENDORED.join('|')})\\2`, 'gu');
  for (const file of jsFiles(join(root, buildDir))) {
    if (file.startsWith(out + sep)) continue;
    const text = readFileSync(file, 'utf8');
    const rewritten = text.replace(pattern, (_, lead, quote, name) => {
      const path = relative(dirname(file), join(out, `${name}.js`)).split(sep).join('/');
      return `${lead}${quote}${path.startsWith('.') ? path : `./${path}`}${quote}`;
    });
    if (rewritten !== text) writeFileSync(file, rewritten);
  }
  return true;
};
