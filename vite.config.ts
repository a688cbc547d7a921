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

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), dropCspInDev],
  resolve: { alias: viteAliases },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});
