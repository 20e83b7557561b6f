import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Next.js guards server modules with this import; in tests they run on the server anyway.
      'server-only': path.resolve(import.meta.dirname, 'tests/support/empty.ts'),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // Uploaded documents go to a temporary folder of the run (STORAGE_DIR), removed at its end.
    globalSetup: ['tests/support/storage-dir.ts'],
    environment: 'node',
    // argon2 and PGlite start-up are slow-ish on 2 cores.
    testTimeout: 30_000,
    // Files on every core at once: measured, this Vitest otherwise ran them one after the
    // other here (two 4 s files took 8 s), and the suite is mostly waiting on databases.
    maxWorkers: os.availableParallelism(),
    hookTimeout: 60_000,
  },
});
