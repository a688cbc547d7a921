// npm run bench:registry [-- --appeals 50000 --runs 5 --seed 1]
// Seeds N appeals into real Chromium IndexedDB through the app's import repository, then
// measures the registry and prints one JSON line of medians.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, CHROMIUM_MISSING } from './find-chromium.mjs';
import { startStaticServer } from './static-server.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const APPEALS = arg('appeals', 50_000);
const RUNS = Math.max(5, arg('runs', 5));
const SEED = arg('seed', 1);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
};
const log = (...args) => console.error('[bench]', ...args);

const executablePath = await findChromium();
if (!executablePath) {
  console.error(CHROMIUM_MISSING);
  process.exit(1);
}

const root = mkdtempSync(join(tmpdir(), 'tizilim-bench-'));
const quiet = { stdio: ['ignore', 'ignore', 'inherit'] };
log('building the app and the seeding page');
execFileSync('npx', ['vite', 'build', '--outDir', root, '--emptyOutDir'], quiet);
execFileSync('npx', ['vite', 'build', '-c', 'vite.bench.config.ts'], {
  ...quiet,
  env: { ...process.env, TIZILIM_BENCH_OUT: join(root, 'bench') },
});

const server = await startStaticServer({ root });
const profile = mkdtempSync(join(tmpdir(), 'tizilim-bench-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1366, height: 768 },
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = context.pages()[0] ?? (await context.newPage());
page.on('pageerror', (e) => log('page error:', e.message));

try {
  await page.goto(`${server.url}bench/seed.html`);
  await page.waitForFunction(() => typeof window.tizilimSeed === 'function');
  log(`seeding ${APPEALS} appeals`);
  const seeded = await page.evaluate(([n, seed]) => window.tizilimSeed(n, seed), [APPEALS, SEED]);
  log(
    `generated in ${Math.round(seeded.generateMs)} ms, imported in ${Math.round(seeded.seedMs)} ms`,
  );

  // Records the moment registry rows first appear, relative to navigation start.
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('.registry-row')) {
        observer.disconnect();
        requestAnimationFrame(() => {
          window.__firstRowsAt = performance.now();
        });
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.evaluate((id) => sessionStorage.setItem('tizilim.user', id), seeded.firstUser);

  const firstRows = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto('about:blank');
    await page.goto(`${server.url}index.html#/registry`);
    await page.waitForFunction(() => window.__firstRowsAt !== undefined, null, { timeout: 60_000 });
    firstRows.push(await page.evaluate(() => window.__firstRowsAt));
  }
  // Wait until the full set is in memory (the count shows every appeal) before timing filters.
  await page.waitForFunction(
    () => document.querySelector('.view-tab .view-count')?.textContent !== undefined,
    null,
    { timeout: 120_000 },
  );

  /** Changes something in the page and times until the table's rows change and paint. */
  const timeChange = (kind, selector, value) =>
    page.evaluate(
      ([kind, selector, value]) =>
        new Promise((resolve) => {
          const body = document.querySelector('.registry-table-wrap');
          const el = document.querySelector(selector);
          const start = performance.now();
          const observer = new MutationObserver(() => {
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
          });
          // A change that leaves the visible rows as they were paints nothing: not a sample.
          setTimeout(() => {
            observer.disconnect();
            resolve(null);
          }, 15_000);
          observer.observe(body, { childList: true, subtree: true, characterData: true });
          const proto =
            kind === 'select' ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
          Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value);
          el.dispatchEvent(new Event(kind === 'select' ? 'change' : 'input', { bubbles: true }));
        }),
      [kind, selector, value],
    );

  await page.locator('.registry-filters summary').click();
  const statusSelect = '.registry-filters .filter:nth-of-type(1) select';
  const filter = [];
  const statuses = ['in_progress', 'closed', 'registered', 'decided', 'waiting_agency', ''];
  for (let i = 0; i < Math.max(RUNS, statuses.length); i++) {
    filter.push(await timeChange('select', statusSelect, statuses[i % statuses.length]));
  }
  await page.locator('.registry-filters summary').click();

  const search = [];
  // The last keystroke of each word: the list narrows from the previous word's results.
  // Exact Kazakh and Russian words, the same typed without Kazakh letters and in Latin,
  // and registry numbers in their short forms.
  const queries = [
    'жылу',
    'жол',
    'ремонт',
    'жарық',
    'жарык',
    'zharyk',
    'отопление',
    'шатыр',
    'shatyr',
    'лифт',
    '0042',
    '2026-17',
  ];
  for (let i = 0; i < Math.max(RUNS, queries.length); i++) {
    const word = queries[i % queries.length];
    await timeChange('input', '.registry-search', word.slice(0, -1));
    search.push(await timeChange('input', '.registry-search', word));
  }
  await timeChange('input', '.registry-search', '');

  const open = [];
  for (let i = 0; i < RUNS; i++) {
    await page.locator('.registry-table').focus();
    for (let k = 0; k <= i; k++) await page.keyboard.press('ArrowDown');
    const regNo = await page.locator('.registry-row.active .col-regNo').textContent();
    const elapsed = await page.evaluate(
      (regNo) =>
        new Promise((resolve) => {
          const start = performance.now();
          const done = () =>
            !document.querySelector('.registry-page') &&
            document.querySelector('main')?.textContent?.includes(regNo);
          const observer = new MutationObserver(() => {
            if (done()) {
              observer.disconnect();
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          document
            .querySelector('.registry-table')
            .dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        }),
      regNo,
    );
    open.push(elapsed);
    await page.goBack();
    await page.locator('.registry-table').waitFor();
  }

  console.log(
    JSON.stringify({
      appeals: APPEALS,
      importMs: Math.round(seeded.seedMs),
      rawImportMs: Math.round(seeded.rawImportMs),
      importRatio: Math.round((seeded.seedMs / seeded.rawImportMs) * 100) / 100,
      firstRowsMs: median(firstRows),
      filterMs: median(filter.filter((v) => v !== null)),
      searchMs: median(search.filter((v) => v !== null)),
      searchRuns: search.filter((v) => v !== null).length,
      openAppealMs: median(open),
    }),
  );
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
}
