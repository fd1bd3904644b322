import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The web app, built once for every browser suite (built per file, files side by side would clobber it).
    globalSetup: ['test/support/build-web.ts'],
    // Two files at a time even on two cores (vitest's default there is one): most of a file's time is spent waiting
    // on a server, a database or Chromium, so two side by side take about two thirds of the time one after the other.
    maxWorkers: 2,
    // Every JSON reply of a server built or spawned by the tests is checked against its endpoint's schema.
    env: { DAIHOI_CHECK_REPLIES: '1' },
  },
});
