/**
 * How `npm start` runs the server, read from package.json's "start" script (one definition): the environment it
 * sets (the allocator's settings) and Node's options, so that a bench's server runs as the product's does.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface NpmStart { readonly env: Readonly<Record<string, string>>; readonly nodeArgs: readonly string[] }

export const npmStart = (): NpmStart => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const words = (pkg.scripts['start'] ?? '').split(/\s+/u).filter((w) => w !== '');
  const env: Record<string, string> = {};
  let i = 0;
  for (; i < words.length && /^[A-Z_][A-Z0-9_]*=/u.test(words[i]!); i++) {
    const [name, ...value] = words[i]!.split('=');
    env[name!] = value.join('=');
  }
  if (words[i] !== 'node') throw new Error(`package.json "start" does not run node: ${pkg.scripts['start']}`);
  const nodeArgs: string[] = [];
  for (i += 1; i < words.length && words[i]!.startsWith('-'); i++) nodeArgs.push(words[i]!);
  return { env, nodeArgs };
};
