/**
 * The web app (src/web) built by Vite into dist/web, which the server serves. Every asset is bundled (the Be
 * Vietnam Pro font from @fontsource): the app works in a hall with no Internet. In development, /api (HTTP and
 * WebSocket) goes to the server on DAIHOI_API (default http://localhost:8080).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
const api = process.env['DAIHOI_API'] ?? 'http://localhost:8080';

/**
 * Each script and style sheet also written compressed (.br, .gz): the server sends the one the browser accepts
 * (static.ts, preCompressed), about a third of the bytes on a phone's slow connection, with no work per request.
 */
const precompress = (): Plugin => ({
  name: 'daihoi-precompress',
  apply: 'build',
  writeBundle: (_options, bundle) => {
    for (const name of Object.keys(bundle).filter((n) => /\.(?:js|css)$/u.test(n))) {
      const path = join(outDir, name);
      const data = readFileSync(path);
      writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));
      writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
    }
  },
});

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Fonts inline only when tiny; the woff2 subsets stay files served by the server (same origin, offline).
    assetsInlineLimit: 2048,
    manifest: true,
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false, ws: true },
    },
  },
});
