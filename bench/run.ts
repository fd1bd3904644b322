/**
 * Finds every bench/*.bench.ts, runs its default export and prints one JSON object per line:
 * `{"bench": name, "value": n, "unit": u}`. Arguments filter by file name: `npm run bench -- rules`.
 */
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchResult {
  readonly bench: string;
  readonly value: number;
  readonly unit: string;
}

export type Bench = () => Promise<readonly BenchResult[]>;

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);

const files = (await readdir(here))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((word) => f.includes(word)))
  .sort();

let failed = false;
for (const file of files) {
  try {
    const module = (await import(pathToFileURL(join(here, file)).href)) as { default?: Bench };
    if (typeof module.default !== 'function') throw new Error('no default export');
    for (const result of await module.default()) {
      process.stdout.write(`${JSON.stringify({ bench: result.bench, value: result.value, unit: result.unit })}\n`);
    }
  } catch (e) {
    failed = true;
    process.stderr.write(`Lỗi / Error: ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
