// npm run bench:reception [-- --appeals 50000 --runs 20 --port 47315 --profile DIR]
// Reception mode at scale: with N appeals in real Chromium IndexedDB, measures
//  - keystroke → draft saved: a key typed into the intake's word-for-word text until the
//    drafts table holds it (the autosave's debounce included, as the deputy lives it);
//  - "finish" → appeal registered: the finish shortcut until the registered number shows.
// Seeding 50,000 appeals takes minutes on a loaded machine, so it happens once into a
// persistent Chromium profile and is reused: IndexedDB belongs to the origin, port included,
// so the app is always served on the same fixed port. `--seed-only` stops after seeding.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, CHROMIUM_ARGS, CHROMIUM_MISSING } from './find-chromium.mjs';
import { startStaticServer } from './static-server.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const APPEALS = Number(arg('appeals', 50_000));
const RUNS = Math.max(5, Number(arg('runs', 20)));
const PORT = Number(arg('port', 47_315));
const PROFILE = arg('profile', join(tmpdir(), `tizilim-bench-reception-${APPEALS}`));
const SEED_ONLY = process.argv.includes('--seed-only');
const ROOT = join(tmpdir(), 'tizilim-bench-reception-dist');
const MARKER = join(PROFILE, 'tizilim-seeded.json');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
};
const log = (...args) => console.error('[bench]', ...args);

const INTAKE_TEXT =
  'Біздің көшеде үш аптадан бері жарық жоқ, балалар мектептен қараңғыда қайтады. ' +
  'Үй басқармасына жүгіндік, жауап болмады. Әкімдікке сауал жіберуіңізді сұраймыз. ';

/** A planned reception for today, written straight into the app's IndexedDB. */
async function addReception(page, userId) {
  return page.evaluate(
    ([userId]) =>
      new Promise((resolve, reject) => {
        const now = new Date();
        const kz = new Date(now.getTime() + 5 * 3600_000).toISOString();
        // The app's ids are UUIDv7: time first, then random bits.
        const hex = now.getTime().toString(16).padStart(12, '0');
        const id = `${hex.slice(0, 8)}-${hex.slice(8)}-7${crypto.randomUUID().slice(15)}`;
        const reception = {
          id,
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
          createdBy: userId,
          updatedBy: userId,
          version: 1,
          deletedAt: null,
          date: kz.slice(0, 10),
          startTime: '09:00',
          endTime: null,
          place: 'Бенчмарк: мәслихат ғимараты, 104-кабинет',
          format: 'in_person',
          announcedOn: null,
          announcedWhere: '',
          accessibilityNotes: '',
          status: 'planned',
          cancelReason: null,
          checklistTemplateId: null,
          checklist: [],
          queue: [],
          notes: '',
        };
        const open = indexedDB.open('tizilim');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('receptions', 'readwrite');
          tx.objectStore('receptions').put(reception);
          tx.oncomplete = () => {
            db.close();
            resolve(id);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [userId],
  );
}

/** Arms a timer in the page: from the next keydown in the text to the draft holding it. */
const armKeystroke = (page) =>
  page.evaluate(() => {
    const text = document.querySelector('#intake-text');
    const status = document.querySelector('[data-testid=intake-saved]');
    window.__keystroke = new Promise((resolve) => {
      let start = null;
      let target = null;
      // Kazakh letters arrive as text input (no US-keyboard keydown): time from whichever
      // comes first.
      const begin = () => (start ??= performance.now());
      text.addEventListener('keydown', begin, { once: true, capture: true });
      text.addEventListener('beforeinput', begin, { once: true, capture: true });
      text.addEventListener(
        'input',
        () => {
          begin();
          target = text.value.length;
        },
        { once: true },
      );
      const observer = new MutationObserver(() => {
        if (target !== null && Number(status.dataset.savedChars) === target) {
          observer.disconnect();
          resolve(performance.now() - start);
        }
      });
      observer.observe(status, { attributes: true });
      setTimeout(() => {
        observer.disconnect();
        resolve(null);
      }, 15_000);
    });
  });

/** Arms a timer: from the Ctrl+Enter keydown to the registered number on screen. */
const armFinish = (page) =>
  page.evaluate(() => {
    window.__finish = new Promise((resolve) => {
      let start = null;
      window.addEventListener('keydown', () => (start = performance.now()), {
        once: true,
        capture: true,
      });
      const observer = new MutationObserver(() => {
        if (start !== null && document.querySelector('[data-testid=intake-regno]')) {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
      setTimeout(() => {
        observer.disconnect();
        resolve(null);
      }, 30_000);
    });
  });

async function measure(page, url, seeded) {
  await page.goto(`${url}index.html`);
  await page.evaluate((id) => sessionStorage.setItem('tizilim.user', id), seeded.firstUser);
  const receptionId = await addReception(page, seeded.firstUser);
  // A fresh load, so the session starts with the staff member chosen above.
  await page.goto('about:blank');
  await page.goto(`${url}index.html#/reception/${receptionId}/run`);
  await page
    .locator('form.add-visitor')
    .waitFor({ timeout: 120_000 })
    .catch(async (error) => {
      await page.screenshot({ path: join(tmpdir(), 'bench-reception-failed.png') });
      throw error;
    });
  const keystroke = [];
  const finish = [];
  for (let i = 0; i < RUNS; i++) {
    await page
      .locator('form.add-visitor input')
      .first()
      .fill(`Бенчмарк келуші ${i + 1}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=visitor]').length === n,
      i + 1,
    );
    await page.keyboard.press('Alt+C');
    await page.locator('#intake-text').waitFor();
    await page.locator('#intake-text').fill(INTAKE_TEXT);
    await page.waitForSelector(
      `[data-testid=intake-saved][data-saved-chars="${INTAKE_TEXT.length}"]`,
    );
    // Single keystrokes, as the deputy pauses between words.
    for (const ch of 'ғқңөұ') {
      await armKeystroke(page);
      await page.keyboard.type(ch);
      keystroke.push(await page.evaluate(() => window.__keystroke));
    }
    await armFinish(page);
    await page.keyboard.press('Control+Enter');
    finish.push(await page.evaluate(() => window.__finish));
    log(
      `intake ${i + 1}: keystroke ${keystroke.slice(-5).map(Math.round)} ms, finish ${Math.round(finish.at(-1))} ms`,
    );
  }
  return {
    keystroke: keystroke.filter((v) => v !== null),
    finish: finish.filter((v) => v !== null),
  };
}

const executablePath = await findChromium();
if (!executablePath) {
  console.error(CHROMIUM_MISSING);
  process.exit(1);
}

const quiet = { stdio: ['ignore', 'ignore', 'inherit'] };
log('building the app and the seeding page');
execFileSync('npx', ['vite', 'build', '--outDir', ROOT, '--emptyOutDir'], quiet);
execFileSync('npx', ['vite', 'build', '-c', 'vite.bench.config.ts'], {
  ...quiet,
  env: { ...process.env, TIZILIM_BENCH_OUT: join(ROOT, 'bench') },
});

const server = await startStaticServer({ root: ROOT, port: PORT });
mkdirSync(PROFILE, { recursive: true });
const context = await chromium.launchPersistentContext(PROFILE, {
  executablePath,
  headless: true,
  viewport: { width: 1366, height: 768 },
  args: CHROMIUM_ARGS,
});
const page = context.pages()[0] ?? (await context.newPage());
page.on('pageerror', (e) => log('page error:', e.message));

try {
  let seeded;
  if (existsSync(MARKER)) {
    seeded = JSON.parse(readFileSync(MARKER, 'utf8'));
    log(`reusing ${seeded.appeals} seeded appeals in ${PROFILE}`);
  } else {
    await page.goto(`${server.url}bench/seed.html`);
    await page.waitForFunction(() => typeof window.tizilimSeed === 'function');
    log(`seeding ${APPEALS} appeals into ${PROFILE}`);
    const result = await page.evaluate(([n]) => window.tizilimSeed(n, 1), [APPEALS]);
    seeded = { appeals: APPEALS, seedMs: Math.round(result.seedMs), firstUser: result.firstUser };
    writeFileSync(MARKER, JSON.stringify(seeded));
    log(`imported in ${seeded.seedMs} ms`);
  }
  if (!SEED_ONLY) {
    const result = await measure(page, server.url, seeded).catch(async (error) => {
      await page.screenshot({ path: join(tmpdir(), 'bench-reception-failed.png') });
      throw error;
    });
    console.log(
      JSON.stringify({
        appeals: seeded.appeals,
        runs: RUNS,
        keystrokeToDraftSavedMs: median(result.keystroke),
        finishToRegisteredMs: median(result.finish),
      }),
    );
  }
} finally {
  await context.close();
  await server.close();
}
