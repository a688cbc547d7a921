// Loads a TypeScript module of the project in Node with Vite's module runner and the
// project's path aliases: the command-line scripts run the app's own code without a build.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { viteAliases } from '../aliases.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));

export async function loadTs(path) {
  const { module } = await runnerImport(resolve(root, path), {
    root,
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: viteAliases },
  });
  return module;
}
