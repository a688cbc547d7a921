import { rememberOpenDb } from '@renderer/db/demoOffice';

// The demo office's size and the switch between it and the office's own data. Building it
// (buildDemoOffice.ts: the generator, the import) loads only when someone opens it.

/** How many appeals the demo office has: a deputy's office over two years, ready in seconds. */
export const DEMO_APPEALS = 600;

/** Opens the demo office (already built) or the office's own database: the window reloads. */
export function switchTo(demo: boolean): void {
  rememberOpenDb(demo);
  window.location.hash = '#/';
  window.location.reload();
}
