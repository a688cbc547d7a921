import { defineConfig } from 'vitest/config';
import { viteAliases } from './aliases.mjs';

// End-to-end tests: the built renderer served on 127.0.0.1, driven in real Chromium.
export default defineConfig({
  resolve: { alias: viteAliases },
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.spec.ts'],
    globalSetup: ['test/e2e/globalSetup.ts'],
    setupFiles: ['test/e2e/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One Chromium at a time: the machines have two cores.
    fileParallelism: false,
  },
});
