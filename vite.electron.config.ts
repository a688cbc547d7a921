/**
 * Builds the main process and the preload into dist/electron as CommonJS, one run per target:
 *
 *   vite build -c vite.electron.config.ts --mode main
 *   vite build -c vite.electron.config.ts --mode preload
 *
 * Two runs rather than one multi-entry build because a sandboxed preload may `require` only
 * 'electron': it must be a single self-contained file, and a shared build would split
 * common code (zod, the contract) into a chunk both entries require.
 */
import { builtinModules } from 'node:module';
import { defineConfig, type UserConfig } from 'vite';
import { viteAliases } from './aliases.mjs';

// Electron 45 ships Chromium 140 and Node 22.
const TARGETS = {
  main: { entry: 'electron/main.ts', fileName: 'main.cjs', target: 'node22' },
  preload: { entry: 'electron/preload.ts', fileName: 'preload.cjs', target: 'chrome140' },
} as const;

const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default defineConfig(({ mode }): UserConfig => {
  if (mode !== 'main' && mode !== 'preload') {
    throw new Error(`vite.electron.config.ts: use --mode main or --mode preload (got "${mode}").`);
  }
  const target = TARGETS[mode];
  const outDir = process.env['TIZILIM_ELECTRON_OUT_DIR'] ?? 'dist/electron';
  return {
    // Nothing from public/ or .env files belongs in the main process bundles.
    publicDir: false,
    envDir: false,
    logLevel: 'warn',
    resolve: { alias: viteAliases },
    build: {
      outDir,
      // Only the first run clears the folder, so the second does not delete main.cjs.
      emptyOutDir: mode === 'main',
      target: target.target,
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      lib: {
        entry: target.entry,
        formats: ['cjs'],
        fileName: () => target.fileName,
      },
      rollupOptions: {
        external: mode === 'main' ? ['electron', ...NODE_BUILTINS] : ['electron'],
      },
    },
  };
});
