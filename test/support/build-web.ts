/**
 * Vitest's global setup: the web app is built once, into dist/web, before any test file runs. The browser suites
 * serve that build; built by each file instead, two files run side by side (vitest.config.ts `maxWorkers`) would
 * empty each other's assets mid-test.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const setup = async (): Promise<void> => {
  const repo = fileURLToPath(new URL('../..', import.meta.url));
  await build({ configFile: join(repo, 'vite.config.ts'), logLevel: 'silent' });
};
