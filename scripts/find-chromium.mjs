// Finds a Chromium for end-to-end tests: CHROMIUM_PATH, Debian's /usr/bin/chromium, or a
// browser Playwright installed itself.
import { existsSync } from 'node:fs';

export const CHROMIUM_MISSING =
  'No Chromium found: install it (Debian/Ubuntu: "sudo apt-get install chromium") or set CHROMIUM_PATH to a Chromium or Chrome executable.';

export async function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    const { chromium } = await import('playwright-core');
    candidates.push(chromium.executablePath());
  } catch {
    // playwright-core without its own browser: fine, the others are tried.
  }
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
