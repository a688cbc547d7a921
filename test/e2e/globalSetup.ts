import type { TestProject } from 'vitest/node';
// @ts-expect-error -- plain ESM script shared with `npm run web`, no type declarations
import { startStaticServer } from '../../scripts/static-server.mjs';
// @ts-expect-error -- plain ESM script shared with the test runner
import { findChromium, CHROMIUM_MISSING } from '../../scripts/find-chromium.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject) {
  const chromiumPath = (await findChromium()) as string | null;
  if (!chromiumPath) throw new Error(CHROMIUM_MISSING as string);
  // TIZILIM_RENDERER_DIR lets parallel work build and test its own copy of the renderer.
  const root = process.env.TIZILIM_RENDERER_DIR ?? 'dist/renderer';
  const server = (await startStaticServer({ root })) as {
    url: string;
    close: () => Promise<void>;
  };
  project.provide('baseUrl', server.url);
  project.provide('chromiumPath', chromiumPath);
  return () => server.close();
}
