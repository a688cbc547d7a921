import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { viteAliases } from './aliases.mjs';

// The renderer is served from app://tizilim/ in Electron and from 127.0.0.1 in tests;
// relative asset URLs work for both.
// Vite's dev server injects inline scripts for hot reload, which the strict CSP forbids;
// the CSP stays in every build and is only dropped while developing.
const dropCspInDev: Plugin = {
  name: 'tizilim-drop-csp-in-dev',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, ''),
};

// boot/earlyRead.ts reads the first screen's data while the app's code is still loading: it
// is its own entry (earlyReadEntry.ts, which imports nothing else), loaded by its own script tag ahead of the app's,
// `async` so it runs as soon as it has arrived. Bundled with the app's entry, it would run
// only once every module of the app had loaded.
const EARLY_READ = fileURLToPath(new URL('./renderer/src/boot/earlyReadEntry.ts', import.meta.url));
const earlyRead: Plugin = {
  name: 'tizilim-early-read',
  apply: 'build',
  buildStart() {
    this.emitFile({ type: 'chunk', id: EARLY_READ, name: 'early-read' });
  },
  transformIndexHtml: {
    order: 'post',
    handler: (html, { bundle }) => {
      const chunk = Object.values(bundle ?? {}).find(
        (file) => file.type === 'chunk' && file.facadeModuleId === EARLY_READ,
      );
      if (!chunk) throw new Error('the early read script is missing from the build');
      return html.replace(
        '<script type="module"',
        `<script type="module" async src="./${chunk.fileName}"></script>\n    <script type="module"`,
      );
    },
  },
};

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), dropCspInDev, earlyRead],
  resolve: { alias: viteAliases },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    // Every module the first screen loads goes into one file (the `$initial` tag: statically
    // imported from the entry), the early read excepted (its own small script, run first).
    // Split by what else shares them they were eighteen files, each a request the window
    // waits for before the first rows: at 50,000 appeals, alternating the two builds, the
    // first rows came 416 → 359 ms (medians of 12, load 7). Lazy parts stay in their chunks.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'app',
              tags: ['$initial'],
              test: (id: string) => !id.includes('/boot/earlyRead'),
            },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});
