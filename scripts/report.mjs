// npm run report -- --data export.json --quarter 2026-Q3 --lang kk|ru|both --out report.pdf
//   [--timeout 600] [--scorecard yes]   (--scorecard yes: with the «7 steps» page)
// The quarterly public report as PDF from a Tizilim export, without the desktop app: the
// built renderer is served on 127.0.0.1, Chromium loads the export into the app's
// IndexedDB through the app's own import (validated, as Settings → Data does), opens the
// report's print route, waits until it says it is ready (data rendered, fonts loaded) and
// prints it with Chromium's own PDF engine — the one behind Electron's printToPDF.
//
// Progress goes to stderr, and every failure ends with one line `report: …` saying why.
// Exit codes: 0 done; 2 bad arguments or missing file; 3 the export is invalid (or holds no
// settings or no active staff, so the app would open its first-run setup instead of the
// report); 4 the report cannot be printed (blocked by the personal-data check, or the page
// failed); 1 anything else — including giving up after --timeout seconds (default 600), so
// the command never waits for ever. TIZILIM_RENDERER_DIR points at another renderer build.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_MISSING, findChromium } from './find-chromium.mjs';
import { startStaticServer } from './static-server.mjs';
import { viteAliases } from '../aliases.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const log = (...args) => console.error('[report]', ...args);

class UsageError extends Error {}

const USAGE =
  'usage: npm run report -- --data export.json --quarter 2026-Q3 --lang kk|ru|both --out report.pdf [--timeout 600] [--scorecard yes|no]';

/** Long enough for a 50,000-appeal office on a slow laptop; a hang is not waited out longer. */
const DEFAULT_TIMEOUT_S = 600;

function parseArgs(argv) {
  const known = ['--data', '--quarter', '--lang', '--out', '--timeout', '--scorecard'];
  const out = { lang: 'kk', timeout: String(DEFAULT_TIMEOUT_S) };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i];
    const value = argv[i + 1];
    if (!known.includes(name)) throw new UsageError(`unknown option ${name}\n${USAGE}`);
    if (value === undefined || value.startsWith('--'))
      throw new UsageError(`${name} needs a value`);
    out[name.slice(2)] = value;
  }
  if (!out.data) throw new UsageError(`--data is required\n${USAGE}`);
  if (!out.quarter) throw new UsageError(`--quarter is required\n${USAGE}`);
  if (!/^\d{4}-Q[1-4]$/.test(out.quarter)) {
    throw new UsageError(
      `--quarter must look like 2026-Q3 (year, "-Q", 1 to 4), got "${out.quarter}"`,
    );
  }
  if (!['kk', 'ru', 'both'].includes(out.lang)) {
    throw new UsageError(`--lang must be kk, ru or both, got "${out.lang}"`);
  }
  if (!/^\d+$/.test(out.timeout) || Number(out.timeout) < 1 || Number(out.timeout) > 86_400) {
    throw new UsageError(
      `--timeout must be a whole number of seconds from 1 to 86400, got "${out.timeout}"`,
    );
  }
  out.timeout = Number(out.timeout);
  out.out ??= `report-${out.quarter}-${out.lang}.pdf`;
  out.data = resolve(process.cwd(), out.data);
  out.out = resolve(process.cwd(), out.out);
  if (!existsSync(out.data)) throw new UsageError(`export file not found: ${out.data}`);
  if (!statSync(out.data).isFile()) throw new UsageError(`not a file: ${out.data}`);
  if (!existsSync(dirname(out.out)))
    throw new UsageError(`output folder does not exist: ${dirname(out.out)}`);
  return out;
}

/** The newest modification time (ms) of the files the renderer is built from. */
function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const info = statSync(path);
    if (info.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, info.mtimeMs);
  };
  for (const path of ['renderer', 'shared', 'vite.config.ts', 'aliases.mjs', 'package-lock.json']) {
    if (existsSync(join(root, path))) visit(join(root, path));
  }
  return newest;
}

/**
 * The renderer build to serve. The default one (dist/renderer) is built when missing and
 * built again when older than the sources: the loader page is always built from today's
 * sources, so an older app build would open a database of a newer schema (Dexie then adds
 * the indexes it expects one by one, and the report waits for it).
 */
async function rendererDir() {
  const chosen = process.env.TIZILIM_RENDERER_DIR;
  const dir = resolve(root, chosen ?? 'dist/renderer');
  const index = join(dir, 'index.html');
  if (existsSync(index) && (chosen || statSync(index).mtimeMs >= newestSource())) return dir;
  log(
    existsSync(index)
      ? `the renderer build in ${dir} is older than the sources: building it again (about a minute)`
      : `no renderer build in ${dir}: building it (about a minute)`,
  );
  execFileSync('npx', ['vite', 'build', '--outDir', dir, '--emptyOutDir'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return dir;
}

/**
 * One folder served on one origin (so one IndexedDB): the renderer's files linked in, the
 * loader page built next to them, and the export linked as data/export.json.
 */
async function siteFolder(renderer, data) {
  const site = mkdtempSync(join(tmpdir(), 'tizilim-report-site-'));
  cleanups.push(async () => rmSync(site, { recursive: true, force: true }));
  for (const entry of readdirSync(renderer)) symlinkSync(join(renderer, entry), join(site, entry));
  mkdirSync(join(site, 'data'));
  symlinkSync(data, join(site, 'data', 'export.json'));
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'error',
    root: join(root, 'scripts/report-loader'),
    base: './',
    resolve: { alias: viteAliases },
    build: {
      outDir: join(site, 'report-loader'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: join(root, 'scripts/report-loader/index.html') },
    },
  });
  return site;
}

/** What the command is doing, for the message when it gives up. */
let phase = 'starting';
/** Set once the time limit has passed: every later failure is part of giving up. */
let timedOut = false;
/** Undo steps of what `print` set up (browser, server, temporary folders), newest last. */
const cleanups = [];

/** Stops a step that should not start once the time limit has passed. */
function checkpoint(next) {
  if (timedOut) throw new Error('timed out');
  phase = next;
}

/**
 * The time limit: says where it was, closes what was opened (the browser first, which
 * rejects whatever was still waiting on the page), and exits with code 1 — whatever was
 * still running, and however it fails while being torn down.
 */
async function giveUp(seconds) {
  timedOut = true;
  console.error(
    `report: gave up after ${seconds} s (--timeout) while ${phase}; nothing was written`,
  );
  const undo = Promise.allSettled([...cleanups].reverse().map((step) => step()));
  await Promise.race([undo, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  process.exit(1);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const timer = setTimeout(() => void giveUp(args.timeout), args.timeout * 1000);
  try {
    await print(args);
  } finally {
    clearTimeout(timer);
  }
}

async function print(args) {
  checkpoint('looking for Chromium');
  const executablePath = await findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);

  const started = performance.now();
  checkpoint('building the renderer');
  const renderer = await rendererDir();
  checkpoint('preparing the loader page');
  log('preparing the loader page');
  const site = await siteFolder(renderer, args.data);
  checkpoint('starting the local server');
  const server = await startStaticServer({ root: site });
  cleanups.push(() => server.close());
  const profile = mkdtempSync(join(tmpdir(), 'tizilim-report-profile-'));
  cleanups.push(async () => rmSync(profile, { recursive: true, force: true }));
  checkpoint('starting Chromium');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  cleanups.push(() => context.close());
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => log('page error:', e.message));
    await page.exposeFunction('tizilimReportProgress', ({ phase, done, total }) => {
      const what = { validate: 'checking', backup: 'backing up', write: 'writing' }[phase];
      log(
        `import: ${what} ${done} / ${total} records (${Math.round((performance.now() - started) / 1000)} s)`,
      );
    });

    await page.goto(`${server.url}report-loader/index.html`);
    await page.waitForFunction(() => typeof globalThis.tizilimLoadExport === 'function');
    checkpoint('importing the export');
    log(`loading ${args.data}`);
    const messagesLang = args.lang === 'ru' ? 'ru' : 'kk';
    const loaded = await page.evaluate(
      ([url, lang]) => globalThis.tizilimLoadExport(url, lang),
      [`${server.url}data/export.json`, messagesLang],
    );
    if (!loaded.ok) {
      const unprintable = loaded.code === 'no_settings' || loaded.code === 'no_users';
      const error = new Error(
        loaded.code === 'invalid_file'
          ? `the export is invalid:\n  ${loaded.problems.join('\n  ')}`
          : unprintable
            ? `the export cannot make a report:\n  ${loaded.problems.join('\n  ')}`
            : `the export could not be loaded (${loaded.code}) ${loaded.problems.join(' ')}`,
      );
      error.exitCode = loaded.code === 'invalid_file' || unprintable ? 3 : 1;
      throw error;
    }
    log(
      `imported ${loaded.records} records (${loaded.appeals} appeals): ` +
        `read in ${Math.round(loaded.fetchMs)} ms, validated and written in ${Math.round(loaded.importMs)} ms`,
    );

    checkpoint('rendering the report');
    const renderStart = performance.now();
    const route = `/print/report?quarter=${args.quarter}&lang=${args.lang}${args.scorecard === 'yes' ? '&scorecard=1' : ''}`;
    log(`rendering ${route}`);
    await page.goto(`${server.url}index.html#${route}`);
    await page.waitForFunction(() => globalThis.__tizilimPrintReady !== undefined, null, {
      timeout: 0, // the --timeout limit covers it
    });
    const ready = await page.evaluate(() =>
      globalThis.__tizilimPrintReady.then(
        () => ({ ok: true }),
        (e) => ({ ok: false, message: String(e?.message ?? e) }),
      ),
    );
    if (!ready.ok) {
      const state = await page
        .locator('.report-sheet')
        .getAttribute('data-state')
        .catch(() => null);
      const alert = await page
        .locator('[role=alert]')
        .first()
        .textContent()
        .catch(() => null);
      const error = new Error(
        state === 'blocked'
          ? 'the report is blocked by the anonymisation check: a public summary holds personal data. ' +
              `Open the report screen in the app (Report, ${args.quarter}) to see which appeals to fix.`
          : `the report page could not be printed${alert ? `: ${alert}` : ''} (${ready.message})`,
      );
      error.exitCode = 4;
      throw error;
    }
    checkpoint('printing the PDF');
    const printStart = performance.now();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const printMs = performance.now() - printStart;
    writeFileSync(args.out, pdf);
    const renderMs = performance.now() - renderStart;
    // TIZILIM_REPORT_READS=1 (bench:report --pdf): the raw baseline of the data part, after
    // the print — the tables the report reads, read again with plain IndexedDB getAll()s.
    const reads = process.env.TIZILIM_REPORT_READS === '1' ? await rawReads(page) : null;
    log(`rendered and printed in ${Math.round(renderMs)} ms`);
    log(
      `wrote ${args.out} (${Math.round(pdf.length / 1024)} KB) in ${Math.round(performance.now() - started)} ms`,
    );
    // One machine-readable line on stdout, for benchmarks and batch jobs.
    console.log(
      JSON.stringify({
        out: args.out,
        appeals: loaded.appeals,
        records: loaded.records,
        readMs: Math.round(loaded.fetchMs),
        importMs: Math.round(loaded.importMs),
        renderMs: Math.round(renderMs),
        // Of renderMs: Chromium's PDF engine alone, on the page already rendered.
        printMs: Math.round(printMs),
        pdfKB: Math.round(pdf.length / 1024),
        ...(reads === null ? {} : { rawReadMs: reads }),
        totalMs: Math.round(performance.now() - started),
      }),
    );
  } finally {
    await context.close().catch(() => undefined);
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(site, { recursive: true, force: true });
  }
}

/** Milliseconds to read the report's tables (renderer/src/db/queries/report.ts) with getAll(). */
async function rawReads(page) {
  return page.evaluate(
    (tables) =>
      new Promise((resolve, reject) => {
        const open = globalThis.indexedDB.open('tizilim');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const start = performance.now();
          const tx = db.transaction(tables, 'readonly');
          for (const table of tables) tx.objectStore(table).getAll();
          tx.oncomplete = () => {
            db.close();
            resolve(Math.round(performance.now() - start));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    ['appeals', 'applicants', 'receptions', 'inquiries', 'initiatives', 'planItems'],
  );
}

// Anything thrown while the browser is torn down after the time limit is part of giving up.
process.on('uncaughtException', (error) => {
  if (timedOut) return;
  console.error(`report: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

main().then(
  () => process.exit(0),
  (error) => {
    if (timedOut) return; // giveUp reports and exits
    const message = error instanceof Error ? error.message : String(error);
    console.error(`report: ${message}`);
    if (error instanceof UsageError) process.exit(2);
    process.exit(error?.exitCode ?? 1);
  },
);
