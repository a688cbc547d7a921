// npm run bench:registry [-- --appeals 50000 --runs 5 --seed 1 --search-rounds 2 --profile out.cpuprofile]
// Seeds N appeals into real Chromium IndexedDB through the app's import repository, then
// measures the registry and prints one JSON line of medians: first rows after navigation
// (against a raw page that reads the same rows with plain IndexedDB and writes them as the
// table's markup: rawFirstRowsMs, firstRowsVsRaw),
// a filter, the 20 fixed search queries of test/bench/searchQueries.ts (median and p95),
// the same keystrokes' rows written into the table with plain DOM writes in the same page
// (rawSearchMs: the machine's floor for a keystroke; searchVsRaw = searchMs / rawSearchMs),
// opening an appeal, the import against plain IndexedDB puts, the report model
// (buildQuarterlyReport over the same dataset, in the same browser) and the JS heap of the
// registry page once every row and the search index are loaded.
// --profile writes a CPU profile of one navigation to the registry (open it in DevTools).
// --keep DIR keeps the seeded browser profile in DIR and, when DIR already holds one of the
// same size and seed, measures it again without seeding (for iterating on the screens: the
// import, its raw baseline and the report model are then those of the seeding run, marked
// "reusedSeed"). The screens are measured in a new start of the browser: its first
// navigation (cold: nothing cached, the database just written) gives `coldFirstRowsMs`; the
// registry then reads every row, and once the browser is at rest (scripts/bench-cpu.mjs:
// under 5 % of a core for 3 s; restWaitS says how long that took) the measured navigations
// follow. --first-rows-only stops after the first-rows timing; --model-only times the
// report model alone (generated office, no import).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, CHROMIUM_ARGS, CHROMIUM_MISSING } from './find-chromium.mjs';
import { startStaticServer } from './static-server.mjs';
import { browserAtRest } from './bench-cpu.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const APPEALS = arg('appeals', 50_000);
const RUNS = Math.max(5, arg('runs', 5));
const SEED = arg('seed', 1);
const SEARCH_ROUNDS = Math.max(1, arg('search-rounds', 2));
const stringArg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : null;
};
const PROFILE = stringArg('profile');
const KEEP = stringArg('keep');
const FIRST_ROWS_ONLY = process.argv.includes('--first-rows-only');
const MODEL_ONLY = process.argv.includes('--model-only');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
};
const p95 = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]);
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

// A kept profile's data belongs to its origin, so the server keeps one port for it.
const server = await startStaticServer({ root, port: KEEP ? 47_613 : 0 });
if (KEEP) mkdirSync(KEEP, { recursive: true });
const profile = KEEP ?? mkdtempSync(join(tmpdir(), 'tizilim-bench-profile-'));
const seededFile = KEEP ? join(KEEP, 'tizilim-seeded.json') : null;
const reused =
  seededFile && existsSync(seededFile) ? JSON.parse(readFileSync(seededFile, 'utf8')) : null;
const launch = async () => {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1366, height: 768 },
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => log('page error:', e.message));
  return { context, page };
};
let { context, page } = await launch();
/** Closes the browser and the server and removes what this run made (a kept profile stays). */
const cleanUp = async () => {
  await context.close();
  await server.close();
  if (!KEEP) rmSync(profile, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
};

try {
  await page.goto(`${server.url}bench/seed.html`);
  if (MODEL_ONLY) {
    await page.waitForFunction(() => typeof window.tizilimReportModel === 'function');
    const reportModelMs = await page.evaluate(
      ([n, seed]) => window.tizilimReportModel(n, seed),
      [APPEALS, SEED],
    );
    console.log(JSON.stringify({ appeals: APPEALS, reportModelMs: Math.round(reportModelMs) }));
    await cleanUp();
    process.exit(0);
  }
  /**
   * The cells of the rows on screen, top to bottom: each cell's text, or the class and text of
   * its one element (a badge, a number in bold), and its title. Runs in the page.
   */
  function windowCells() {
    return [...document.querySelectorAll('.registry-row')].map((row) =>
      [...row.children].map((cell) => {
        const nodes = cell.childNodes;
        const only = nodes.length === 1 ? nodes[0] : null;
        const title = cell.getAttribute('title');
        if (only?.nodeType === Node.TEXT_NODE) return { text: only.data, title };
        if (only?.nodeType === Node.ELEMENT_NODE && only.childNodes.length === 1) {
          return { tag: only.tagName, cls: only.className, text: only.textContent, title };
        }
        return { html: cell.innerHTML, title };
      }),
    );
  }

  /**
   * The raw keystroke: the registry's rows as they stand are cloned in place of React's table,
   * and each keystroke's rows are written into them with the fewest DOM writes (a text or a
   * class that did not change is not written), timed from the write to the end of the frame
   * that paints it. Runs in the page, last (React's table is gone afterwards).
   */
  function rawKeystrokes({ shown, rounds }) {
    const table = document.querySelector('.registry-table');
    const clone = table.cloneNode(true);
    table.replaceWith(clone);
    const slots = [...clone.querySelectorAll('.registry-row')];
    // The window from the top of the list, whatever the table was scrolled to.
    clone.querySelector('.registry-body').scrollTop = 0;
    slots.forEach((slot, i) => {
      slot.style.transform = `translateY(${i * slot.offsetHeight}px)`;
    });
    const write = (cell, want) => {
      if ((cell.getAttribute('title') ?? null) !== want.title) {
        if (want.title === null) cell.removeAttribute('title');
        else cell.setAttribute('title', want.title);
      }
      const nodes = cell.childNodes;
      const only = nodes.length === 1 ? nodes[0] : null;
      if (want.html === undefined && want.tag === undefined && only?.nodeType === Node.TEXT_NODE) {
        if (only.data !== want.text) only.data = want.text;
        return;
      }
      if (want.tag !== undefined && only?.tagName === want.tag && only.childNodes.length === 1) {
        if (only.className !== want.cls) only.className = want.cls;
        if (only.firstChild.data !== want.text) only.firstChild.data = want.text;
        return;
      }
      if (want.html !== undefined) cell.innerHTML = want.html;
      else if (want.tag !== undefined) {
        const el = document.createElement(want.tag);
        el.className = want.cls;
        el.textContent = want.text;
        cell.replaceChildren(el);
      } else cell.textContent = want.text;
    };
    const keystroke = (rows) => {
      slots.forEach((slot, i) => {
        const cells = rows[i];
        if (!cells) {
          if (!slot.hidden) slot.hidden = true;
          return;
        }
        if (slot.hidden) slot.hidden = false;
        [...slot.children].forEach((cell, c) => write(cell, cells[c]));
      });
    };
    const timed = (rows) =>
      new Promise((resolve) => {
        const start = performance.now();
        keystroke(rows);
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
      });
    return (async () => {
      const times = [];
      for (let round = 0; round < rounds; round++) {
        for (const { before, after } of shown) {
          // As in the registry: the list before the last keystroke, then the timed one.
          await timed(before);
          times.push(await timed(after));
          // The rows written are the rows on screen (numbers, in order).
          const numbers = slots.filter((slot) => !slot.hidden).map((s) => s.firstChild.textContent);
          if (numbers.join() !== after.map((cells) => cells[0].text).join()) {
            throw new Error(`the raw baseline shows ${numbers.join()}, not what it wrote`);
          }
        }
      }
      return times;
    })();
  }

  let seeded;
  if (reused && reused.appeals === APPEALS && reused.seed === SEED) {
    log(`reusing the ${APPEALS} appeals seeded in ${KEEP}`);
    seeded = reused.seeded;
  } else {
    await page.waitForFunction(() => typeof window.tizilimSeed === 'function');
    log(`seeding ${APPEALS} appeals`);
    seeded = await page.evaluate(([n, seed]) => window.tizilimSeed(n, seed), [APPEALS, SEED]);
    log(
      `generated in ${Math.round(seeded.generateMs)} ms, imported in ${Math.round(seeded.seedMs)} ms`,
    );
    if (seededFile) {
      writeFileSync(seededFile, JSON.stringify({ appeals: APPEALS, seed: SEED, seeded }));
    }
    // The screens are measured as an office meets them: in a new start of the browser on
    // the stored data, not in the session that has just written 460,000 records (its
    // storage process goes on compacting them for a while).
    await context.close();
    ({ context, page } = await launch());
    await page.goto(`${server.url}bench/seed.html`);
  }
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
  const firstRowsOnce = async () => {
    await page.goto('about:blank');
    await page.goto(`${server.url}index.html#/registry`);
    await page.waitForFunction(() => window.__firstRowsAt !== undefined, null, { timeout: 60_000 });
    return page.evaluate(() => window.__firstRowsAt);
  };

  // The first start of the app in this browser: nothing cached, the database not yet opened
  // since its 460,000 writes (reported apart as `coldFirstRowsMs`). The registry is left to
  // read every row: a database that has just taken that many writes is compacted by the
  // storage backend (in the browser process, on the same two cores) once it is opened and
  // read — an office meets that on the first start after a big import, not every day.
  const coldFirstRows = await firstRowsOnce();
  await page.waitForFunction(
    () => {
      const total = document.querySelector('.registry-total')?.textContent ?? '…';
      return !total.includes('…');
    },
    null,
    { timeout: 300_000 },
  );
  await page.goto('about:blank');
  // An office opens the app on data at rest.
  const rest = await browserAtRest();
  log(
    `browser at rest after ${rest.waitedS} s${rest.atRest ? '' : ' (not reached: measuring anyway)'}`,
  );

  // The machine's floor, alternating with the app: a page of the same origin that only
  // loads the registry's stylesheet and fonts, reads the newest rows with plain IndexedDB
  // (the app's early read) and writes them as the table's markup (test/bench/rawRows.html).
  const rawFirstRowsOnce = async () => {
    await page.goto('about:blank');
    await page.goto(`${server.url}bench/rawRows.html`);
    await page.waitForFunction(() => window.__firstRowsAt !== undefined, null, { timeout: 60_000 });
    return page.evaluate(() => window.__firstRowsAt);
  };
  const firstRows = [];
  const rawFirstRows = [];
  for (let i = 0; i < RUNS; i++) {
    firstRows.push(await firstRowsOnce());
    rawFirstRows.push(await rawFirstRowsOnce());
  }
  // Back to the registry for what follows (untimed).
  await firstRowsOnce();
  const firstRowsFields = {
    firstRowsMs: median(firstRows),
    firstRowsEach: firstRows.map(Math.round),
    rawFirstRowsMs: median(rawFirstRows),
    firstRowsVsRaw: Math.round((median(firstRows) / Math.max(1, median(rawFirstRows))) * 100) / 100,
    coldFirstRowsMs: Math.round(coldFirstRows),
  };
  if (PROFILE) {
    // One more navigation under the CPU profiler (same origin, so the same renderer).
    const cdp = await context.newCDPSession(page);
    await page.goto(`${server.url}bench/seed.html`);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(`${server.url}index.html#/registry`);
    await page.waitForFunction(() => window.__firstRowsAt !== undefined, null, { timeout: 60_000 });
    const at = await page.evaluate(() => window.__firstRowsAt);
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(PROFILE, JSON.stringify(profile));
    log(`CPU profile of a navigation (first rows at ${Math.round(at)} ms) written to ${PROFILE}`);
  }
  if (FIRST_ROWS_ONLY) {
    console.log(
      JSON.stringify({
        appeals: APPEALS,
        ...firstRowsFields,
        reportModelMs: Math.round(seeded.reportModelMs),
      }),
    );
    await cleanUp();
    process.exit(0);
  }
  // Wait until the full set is in memory (the count shows every appeal) before timing filters.
  await page.waitForFunction(
    () => document.querySelector('.view-tab .view-count')?.textContent !== undefined,
    null,
    { timeout: 120_000 },
  );

  /**
   * Sets an input's or a select's value and times until the registry shows the answer and
   * paints: the URL holds the new value (`param`), the table is no longer busy (a search
   * resolved) and, when the visible rows change, they have changed. A change that leaves the
   * rows as they were is timed too (the same list is an answer).
   */
  const timeChange = (kind, selector, value, param) =>
    page.evaluate(
      ([kind, selector, value, param]) =>
        new Promise((resolve, reject) => {
          const wrap = document.querySelector('.registry-table-wrap');
          const el = document.querySelector(selector);
          const start = performance.now();
          const answered = () =>
            (new URLSearchParams(location.hash.split('?')[1] ?? '').get(param) ?? '') === value &&
            !wrap.hasAttribute('aria-busy');
          let finished = false;
          const finish = () => {
            if (finished) return;
            finished = true;
            observer.disconnect();
            clearTimeout(timer);
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
          };
          const observer = new MutationObserver(() => {
            if (answered()) finish();
          });
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`no answer to ${param}=${value} in 60 s`));
          }, 60_000);
          observer.observe(document.body, {
            childList: true,
            subtree: true,
            characterData: true,
            attributes: true,
            attributeFilter: ['aria-busy'],
          });
          const proto =
            kind === 'select' ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
          Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value);
          el.dispatchEvent(new Event(kind === 'select' ? 'change' : 'input', { bubbles: true }));
          // An answer that leaves the page as it was (the same rows) changes nothing to
          // observe: look once more after the change's own task.
          setTimeout(() => {
            if (answered()) finish();
          }, 0);
        }),
      [kind, selector, value, param],
    );

  await page.locator('.registry-filters summary').click();
  const statusSelect = '.registry-filters .filter:nth-of-type(1) select';
  // The filters' controls are rendered once the filters are opened.
  await page.locator(statusSelect).waitFor();
  const filter = [];
  const statuses = ['in_progress', 'closed', 'registered', 'decided', 'waiting_agency', ''];
  for (let i = 0; i < Math.max(RUNS, statuses.length); i++) {
    filter.push(await timeChange('select', statusSelect, statuses[i % statuses.length], 'status'));
  }
  await page.locator('.registry-filters summary').click();

  // The 20 fixed queries (exact, folded and Latin names, a typo, numbers, phones, an IIN,
  // words of texts), each timed at its last keystroke: the list narrows from the results
  // of the query without its last character. A first search, untimed, waits for the index.
  await timeChange('input', '.registry-search', seeded.queries[0].q, 'q');
  await timeChange('input', '.registry-search', '', 'q');
  const search = [];
  // What each timed keystroke put on screen, for the raw baseline below.
  const shown = [];
  for (let round = 0; round < SEARCH_ROUNDS; round++) {
    for (const { q } of seeded.queries) {
      await timeChange('input', '.registry-search', q.slice(0, -1), 'q');
      const before = round === 0 ? await page.evaluate(windowCells) : null;
      search.push(await timeChange('input', '.registry-search', q, 'q'));
      if (before) shown.push({ before, after: await page.evaluate(windowCells) });
    }
  }
  await timeChange('input', '.registry-search', '', 'q');

  // The JS heap of the registry page with every row and the search index loaded.
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();

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

  // The machine's floor for a keystroke, in the same browser and run: the registry's rows
  // as they stand, taken out of React's hands, and the rows each timed keystroke showed
  // written into them with plain DOM writes (texts, badge classes, titles), timed the same
  // way until the frame that shows them has painted. No search, no React, no URL.
  const rawSearch = await page.evaluate(rawKeystrokes, { shown, rounds: SEARCH_ROUNDS });

  console.log(
    JSON.stringify({
      appeals: APPEALS,
      ...firstRowsFields,
      filterMs: median(filter),
      searchMs: median(search),
      searchP95Ms: p95(search),
      searchRuns: search.length,
      rawSearchMs: median(rawSearch),
      searchVsRaw: Math.round((median(search) / Math.max(1, median(rawSearch))) * 100) / 100,
      openAppealMs: median(open),
      importMs: Math.round(seeded.seedMs),
      rawImportMs: Math.round(seeded.rawImportMs),
      importRatio: Math.round((seeded.seedMs / seeded.rawImportMs) * 100) / 100,
      reportModelMs: Math.round(seeded.reportModelMs),
      heapMB: Math.round(usedSize / 2 ** 20),
      loadAverage: Math.round(loadavg()[0] * 10) / 10,
      restWaitS: rest.waitedS,
      atRest: rest.atRest,
      ...(reused ? { reusedSeed: true } : {}),
    }),
  );
} finally {
  await cleanUp();
}
