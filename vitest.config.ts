import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { viteAliases } from './aliases.mjs';

// Unit tests: pure core and main process in Node, renderer in jsdom.
// End-to-end tests (real Chromium) have their own config: vitest.e2e.config.ts.
export default defineConfig({
  plugins: [react()],
  resolve: { alias: viteAliases },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          // Property tests and the eslint/electron-builder checks take seconds under coverage
          // on a loaded two-core machine; the default five are too tight there.
          testTimeout: 30_000,
          include: [
            'test/shared/**/*.test.ts',
            'test/electron/**/*.test.ts',
            'test/fixtures/**/*.test.ts',
            'test/tooling/**/*.test.ts',
            'test/server/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
          // Screens driven through Testing Library wait on debounced autosave and IndexedDB;
          // on a loaded two-core machine that can take seconds, which is not a failure.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
    coverage: {
      provider: 'v8',
      // The pure core and the renderer; scripts/test-all.mjs prints each one's figure.
      include: ['shared/**/*.ts', 'renderer/src/**/*.{ts,tsx}'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
      // The pure core is where correctness lives; keep it almost fully exercised. The
      // renderer's screens are tested through Testing Library; keep most of their lines run.
      thresholds: {
        'shared/**/*.ts': { lines: 95 },
        'renderer/src/**/*.{ts,tsx}': { lines: 85 },
      },
    },
  },
});
