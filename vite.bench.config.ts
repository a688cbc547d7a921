import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { viteAliases } from './aliases.mjs';

// The benchmark's seeding page (test/bench/seed.html) and its raw first rows
// (test/bench/rawRows.html), built next to the app so they share one origin and one
// IndexedDB. Output folder from TIZILIM_BENCH_OUT.
export default defineConfig({
  root: fileURLToPath(new URL('./test/bench', import.meta.url)),
  base: './',
  resolve: { alias: viteAliases },
  build: {
    outDir:
      process.env.TIZILIM_BENCH_OUT ?? fileURLToPath(new URL('./dist/bench', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: {
      input: [
        fileURLToPath(new URL('./test/bench/seed.html', import.meta.url)),
        fileURLToPath(new URL('./test/bench/rawRows.html', import.meta.url)),
      ],
    },
  },
});
