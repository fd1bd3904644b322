/**
 * The web app (src/web) built by Vite into dist/web, which the server serves. Every asset is bundled (the Be
 * Vietnam Pro font from @fontsource): the app works in a hall with no Internet. In development, /api (HTTP and
 * WebSocket) goes to the server on DAIHOI_API (default http://localhost:8080).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
const api = process.env['DAIHOI_API'] ?? 'http://localhost:8080';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
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
