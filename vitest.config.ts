import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Every JSON reply of a server built or spawned by the tests is checked against its endpoint's schema.
    env: { DAIHOI_CHECK_REPLIES: '1' },
  },
});
