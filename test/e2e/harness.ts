import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const OFFICE_LAPTOP = { width: 1366, height: 768 };
export const SCREENSHOTS = 'test-results/screenshots';

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject('chromiumPath'),
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * A browser with its own profile folder, so a test can close (or kill) it and start again on
 * the same IndexedDB — the way an office laptop reopens the app.
 */
export async function launchProfile(
  userDataDir: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: inject('chromiumPath'),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: OFFICE_LAPTOP,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

export function tempProfile(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'tizilim-profile-'));
  return {
    dir,
    // Chromium may still be flushing the profile right after it closes, and a killed
    // browser's helper processes may still hold files: retry, and never fail a test over it.
    remove: () => {
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
      } catch (failure) {
        console.warn(`profile ${dir} left behind:`, failure);
      }
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Fails the test on any uncaught page error or console error (CSP violations included). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  return errors;
}

/** Kills the profile's Chromium outright (SIGKILL, by process id): no unload, no flush. */
export function killBrowser(profileDir: string) {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    const args = cmdline.split('\0');
    // The browser process itself: it owns the profile and has no --type=renderer etc.
    if (
      args.includes(`--user-data-dir=${profileDir}`) &&
      !args.some((a) => a.startsWith('--type='))
    ) {
      process.kill(Number(pid), 'SIGKILL');
    }
  }
}
