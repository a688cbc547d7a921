// npm run bench:journal [-- --rows 10000 --runs 5]
// A realistic 10,000-row journal (.xlsx) through the import wizard of the built app in real
// Chromium: "preview ready" is from choosing the file to the preview's summary (reading in
// the Web Worker, header, mapping, values, plan), "import" from the import button to
// "done" (validation and the one transaction). Each run uses an empty office. Prints one
// JSON line of medians.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { runnerImport } from 'vite';
import { viteAliases } from '../aliases.mjs';
import { findChromium, CHROMIUM_ARGS, CHROMIUM_MISSING } from './find-chromium.mjs';
import { startStaticServer } from './static-server.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 10_000);
const RUNS = Math.max(3, arg('runs', 5));
const log = (...args) => console.error('[bench-journal]', ...args);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
};

const executablePath = await findChromium();
if (!executablePath) {
  console.error(CHROMIUM_MISSING);
  process.exit(1);
}
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'tizilim-bench-journal-'));
log('building the app');
execFileSync('npx', ['vite', 'build', '--outDir', root, '--emptyOutDir'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});

const { bigJournal } = (
  await runnerImport(resolve(projectRoot, 'test/fixtures/journals/big.ts'), {
    root: projectRoot,
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: viteAliases },
  })
).module;
const today = new Date().toISOString().slice(0, 10);
const file = join(root, 'journal-10000.xlsx');
writeFileSync(file, await bigJournal(ROWS, 1, today));
log(`journal of ${ROWS} rows written`);

const server = await startStaticServer({ root });
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
log(`load average ${load()}`);
const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
const preview = [];
const imports = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => log('page error:', e.message));
    await page.goto(`${server.url}#/registry`);
    const gate = page.locator('.gate form');
    await Promise.race([page.locator('aside nav').waitFor(), gate.waitFor()]);
    if (await gate.isVisible()) {
      await gate.locator('input').first().fill('Айгерім Нұрланқызы');
      await gate.locator('button[type=submit]').click();
      await page.locator('aside nav').waitFor();
    }
    await page.getByRole('button', { name: 'Журналды көшіру…' }).click();
    const dialog = page.getByRole('dialog');
    const next = dialog.locator('.journal-nav .button.primary');
    const current = (name) => dialog.locator('.journal-steps li.current', { hasText: name });
    const started = Date.now();
    const laps = {};
    let last = started;
    const lap = (name) => {
      const now = Date.now();
      laps[name] = now - last;
      last = now;
    };
    await dialog.locator('input[type=file]').setInputFiles(file);
    await current('Парақ').waitFor({ timeout: 60_000 });
    lap('read');
    await next.click();
    await dialog.locator('.journal-sheet-preview').waitFor({ timeout: 60_000 });
    lap('sheet+header');
    await next.click();
    await current('Бағандар').waitFor();
    lap('columns');
    await next.click();
    await current('Мәндер').waitFor();
    lap('values');
    await next.click();
    await dialog.locator('.journal-summary').waitFor({ timeout: 60_000 });
    lap('plan');
    const previewMs = Date.now() - started;
    const summary = await dialog.locator('.journal-summary').textContent();
    await next.click();
    const button = dialog.locator('.journal-import .button.primary');
    await button.waitFor();
    const importStart = Date.now();
    await button.click();
    await dialog.locator('.journal-done').waitFor({ timeout: 120_000 });
    const importMs = Date.now() - importStart;
    const marks = await page.evaluate(() =>
      Object.fromEntries(
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('journal:'))
          .map((m) => [m.name, Math.round(m.startTime)]),
      ),
    );
    laps.records = marks['journal:records'] - marks['journal:start'];
    laps.validate = marks['journal:validated'] - marks['journal:records'];
    laps.write = marks['journal:written'] - marks['journal:validated'];
    preview.push(previewMs);
    imports.push(importMs);
    log(
      `run ${run + 1}: preview ${previewMs} ms ${JSON.stringify(laps)}, import ${importMs} ms — ${summary}`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
console.log(
  JSON.stringify({
    rows: ROWS,
    runs: RUNS,
    loadAverage: Number(load()),
    previewMedianMs: median(preview),
    importMedianMs: median(imports),
    preview,
    imports,
  }),
);
