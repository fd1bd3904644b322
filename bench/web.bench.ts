/**
 * Compressed (gzip) JavaScript each screen makes the browser download, in kB: the app's entry plus the screen's
 * lazy chunk and everything they import. The delegate's phone also loads the card sign-in screen (with the
 * QR reader) on first use; the budget caps that at 250 kB.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

interface ManifestChunk {
  readonly file: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
}
type Manifest = Readonly<Record<string, ManifestChunk>>;

const repo = fileURLToPath(new URL('..', import.meta.url));

const closure = (manifest: Manifest, keys: readonly string[]): Set<string> => {
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (chunk === undefined) throw new Error(`manifest has no ${key}`);
    seen.add(key);
    for (const i of chunk.imports ?? []) visit(i);
  };
  keys.forEach(visit);
  return seen;
};

const keyOf = (manifest: Manifest, suffix: string): string => {
  const key = Object.keys(manifest).find((k) => k.endsWith(suffix));
  if (key === undefined) throw new Error(`no chunk for ${suffix}`);
  return key;
};

export default async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'daihoi-web-bench-'));
  try {
    await build({ configFile: join(repo, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true, manifest: true } });
    const manifest = JSON.parse(await readFile(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
    const gzipKb = async (keys: Set<string>): Promise<number> => {
      let bytes = 0;
      for (const k of keys) {
        const file = manifest[k]!.file;
        if (file.endsWith('.js')) bytes += gzipSync(await readFile(join(outDir, file)), { level: 9 }).length;
      }
      return Math.round((bytes / 1024) * 10) / 10;
    };
    const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry === true);
    if (entry === undefined) throw new Error('no entry chunk');
    const screens = {
      'delegate page (with card sign-in)': ['signin/SignInPage.tsx', 'delegate/DelegatePage.tsx'],
      'hall screen': ['hall/HallScreen.tsx'],
      console: ['console/ConsoleScreen.tsx'],
      'check-in desk': ['checkin/CheckinDesk.tsx'],
      'counting console': ['counting/CountingConsole.tsx'],
    } as const;
    const results = [];
    for (const [name, files] of Object.entries(screens)) {
      const keys = closure(manifest, [entry, ...files.map((f) => keyOf(manifest, f))]);
      results.push({ bench: `web: gzip JS, ${name}`, value: await gzipKb(keys), unit: 'kB' });
    }
    return results;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
};
