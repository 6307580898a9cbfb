import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Test builds copy fixtures (and sometimes the project) under test/.tmp; nothing there is a test.
    exclude: ['test/.tmp/**', 'node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    // Shūhō's caches (post readings, images) of the fixtures' runs stay with the fixtures, not in the project's own.
    env: { SHUHO_CACHE_DIR: path.resolve(import.meta.dirname, 'test/.tmp/cache') },
    // Build and browser tests spawn builds and Chromium; the machine has two cores.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
