// npm run bench:sync [-- --appeals 50000 --runs 2 --changes 5]  (--changes 0: first sync only;
// --raw 0: no raw baseline)
// Live sync with a CouchDB-protocol server (the test server, LevelDB on disk) on 127.0.0.1:
//  1. first sync of an office of N generated appeals (the demo-data generator) to a new
//     laptop: the built web app in Chromium, from the moment it opens with sync switched on
//     until every record is in its IndexedDB and the status says synced (median of --runs);
//  2. one change seen on the other laptop: an appeal's subject saved in one laptop's edit
//     form (Ctrl+Enter) until the other laptop's IndexedDB holds it (median of --changes,
//     alternating directions), both laptops holding the whole office.
//  3. the machine's limit, measured in the same run and the same browser: every document
//     fetched with plain `fetch` in the batches the app uses (`_changes` of 2,000, then
//     `_bulk_get` of their revisions with their ancestry and attachments), and the same
//     number of records written with plain IndexedDB puts (one transaction per batch).
//     `rawFetchMs` is what the server and the network cost, `rawWriteMs` what IndexedDB costs;
//     the ratios say how far the app's first sync is from them.
// Prints one JSON line of medians. The office is put on the server as the office laptop's
// first push would put it (the same documents and revision ids).
// --profile FILE: a Chromium CPU profile of the first laptop's first sync (.cpuprofile).
// --app DIR: use this build of the web app instead of building one.
// --server memory|leveldb: the test server's PouchDB adapter (default memory). On LevelDB
// (leveldown) express-pouchdb answers a `_changes` page of 2,000 with bodies in about twice
// the time: each document's metadata is one asynchronous LevelDB read. A council's CouchDB
// is neither; the laptop's side is what this bench is for, so the faster server is the
// default and `--server leveldb` gives the slower one.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { runnerImport } from 'vite';
import { viteAliases } from '../aliases.mjs';
import { browserCpu } from './bench-cpu.mjs';
import { findChromium, CHROMIUM_MISSING } from './find-chromium.mjs';
import { startStaticServer } from './static-server.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const APPEALS = arg('appeals', 50_000);
const RUNS = Math.max(1, arg('runs', 2));
// --changes 0: the first sync only (no second laptop, no change test; a big office takes long).
const CHANGES = Math.max(0, arg('changes', 5));
const textArg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : null;
};
const PROFILE = textArg('profile');
const PREBUILT = textArg('app');
// --compare DIR: another build measured in the same run, first syncs alternating with the
// app's (A, B, A, B...: the same server, office, raw baseline and machine load); no change test.
const COMPARE = textArg('compare');
const SERVER_ADAPTER = textArg('server') ?? 'memory';
if (!['memory', 'leveldb'].includes(SERVER_ADAPTER)) {
  console.error('--server: memory or leveldb');
  process.exit(1);
}
const DATABASE = 'office-bench';
const USER = { name: 'aigul', password: 'Bench-2026!' };
const log = (...args) => console.error('[bench-sync]', ...args);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
};
/**
 * CPU seconds the browser's processes used between two readings (bench-cpu.mjs), by kind:
 * the page's work is `renderer`, IndexedDB's is `browser` (or `storage`); `node` is the test
 * server (a child process of this bench, counted as `browser` before 2026-12-07). null
 * without /proc.
 */
const cpuDelta = (before, after) =>
  before && after
    ? Object.fromEntries(
        Object.entries(after.byKind)
          .map(([kind, s]) => [kind, Math.round((s - (before.byKind[kind] ?? 0)) * 10) / 10])
          .filter(([, s]) => s >= 0.1),
      )
    : null;
/** Per kind, the median of the runs' CPU seconds. */
const medianCpu = (runs) => {
  const kinds = [...new Set(runs.flatMap((r) => Object.keys(r ?? {})))];
  if (kinds.length === 0) return null;
  return Object.fromEntries(
    kinds.map((k) => {
      const sorted = runs.map((r) => r?.[k] ?? 0).sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      const m = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
      return [k, Math.round(m * 10) / 10];
    }),
  );
};

const root = fileURLToPath(new URL('..', import.meta.url));
const load = async (path) =>
  (
    await runnerImport(resolve(root, path), {
      root,
      configFile: false,
      logLevel: 'silent',
      resolve: { alias: viteAliases },
    })
  ).module;

const executablePath = await findChromium();
if (!executablePath) {
  console.error(CHROMIUM_MISSING);
  process.exit(1);
}

const [{ generateOffice }, sync, { startSyncServer }] = await Promise.all([
  load('test/fixtures/generateOffice.ts'),
  load('shared/sync/index.ts'),
  load('test/sync/server.ts'),
]);

const appDir = PREBUILT ?? mkdtempSync(join(tmpdir(), 'tizilim-bench-sync-'));
if (!PREBUILT) {
  log('building the app');
  execFileSync('npx', ['vite', 'build', '--outDir', appDir, '--emptyOutDir'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
const web = await startStaticServer({ root: appDir });
const compareWeb = COMPARE ? await startStaticServer({ root: COMPARE }) : null;
// The server's own time per endpoint (test/sync/serverProcess.cjs), read around a sync.
const timingFile = join(tmpdir(), `tizilim-bench-sync-timing-${process.pid}.json`);
process.env.TIZILIM_SYNC_SERVER_TIMING = timingFile;
const serverTiming = async () => {
  // The server writes the file every second.
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  try {
    return JSON.parse(readFileSync(timingFile, 'utf8'));
  } catch {
    return {};
  }
};
const timingDelta = (before, after) =>
  Object.fromEntries(
    Object.entries(after).flatMap(([kind, t]) => {
      const requests = t.requests - (before[kind]?.requests ?? 0);
      const ms = Math.round(t.ms - (before[kind]?.ms ?? 0));
      return requests > 0 ? [[kind, { requests, ms }]] : [];
    }),
  );
// 5984: the port the app's CSP allows for a CouchDB on this computer.
const server = await startSyncServer({
  port: 5984,
  persistent: SERVER_ADAPTER === 'leveldb',
  // 573,290 documents of a 50,000-appeal office in the memory adapter: about 2 GB of strings.
  nodeOptions: SERVER_ADAPTER === 'memory' ? ['--max-old-space-size=8192'] : [],
  corsOrigins: [web, compareWeb].flatMap((w) => (w ? [new URL(w.url).origin] : [])),
});
/**
 * A laptop's browser: its own on-disk profile, as the desktop app has. An off-the-record
 * context keeps IndexedDB in memory with a small quota, which a 50,000-appeal office does
 * not fit (it stopped on QuotaExceededError). `close` also removes the profile.
 */
const profiles = new Set();
async function openProfile(viewport = { width: 1366, height: 768 }) {
  const dir = mkdtempSync(join(tmpdir(), 'tizilim-bench-laptop-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath,
    headless: true,
    viewport,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const close = context.close.bind(context);
  const entry = { context, dir };
  profiles.add(entry);
  context.close = async () => {
    profiles.delete(entry);
    await close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  return context;
}

const userAuth = `Basic ${Buffer.from(`${USER.name}:${USER.password}`).toString('base64')}`;
const authHeader = `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`;

try {
  await server.addUser(USER);
  await server.createOffice(DATABASE, [USER.name]);

  log(`generating an office of ${APPEALS} appeals`);
  const office = generateOffice({ appeals: APPEALS, seed: 1, demo: false });
  const docs = [];
  for (const table of sync.SYNC_TABLES) {
    for (const record of office.tables[table]) {
      // An attachment's file travels as the document's attachment, not in its data.
      const { file, ...rest } = record;
      const body = sync.recordDocBody(table, table === 'attachments' ? rest : record, DATABASE);
      const hash = createHash('sha256').update(sync.revisionSource(null, body)).digest('hex');
      const rev = sync.childRev(null, hash.slice(0, 32));
      const doc = {
        _id: sync.docIdOf(table, record.id),
        _rev: rev,
        _revisions: sync.revisionsOf([rev]),
        ...body,
      };
      if (table === 'attachments') {
        doc._attachments = {
          file: { content_type: rest.mimeType || 'application/octet-stream', data: file.data },
        };
      }
      docs.push(doc);
    }
  }
  log(`putting ${docs.length} documents on the server`);
  const uploadStarted = performance.now();
  // Requests of at most ~8 MB (scans make some documents large).
  let batch = [];
  let bytes = 0;
  const send = async () => {
    if (batch.length === 0) return;
    const body = `{"new_edits":false,"docs":[${batch.join(',')}]}`;
    batch = [];
    bytes = 0;
    // Writing revisions as they are (new_edits: false) twice changes nothing: a request cut
    // off by a busy machine (EPIPE, a socket the server had just closed) is sent again.
    let res;
    for (let attempt = 1; ; attempt++) {
      try {
        res = await fetch(`${server.url}/${DATABASE}/_bulk_docs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: authHeader },
          body,
        });
        break;
      } catch (error) {
        if (attempt >= 4) throw error;
        log(`upload request failed (${error.cause?.code ?? error.message}), sending it again`);
      }
    }
    const answer = await res.json();
    if (res.status >= 300 || answer.some((r) => r.error)) {
      throw new Error(`upload refused: ${JSON.stringify(answer).slice(0, 300)}`);
    }
  };
  for (const doc of docs) {
    const text = JSON.stringify(doc);
    if (bytes + text.length > 8_000_000 || batch.length >= 2_000) await send();
    batch.push(text);
    bytes += text.length;
  }
  await send();
  log(`uploaded in ${Math.round(performance.now() - uploadStarted)} ms`);

  /** A new laptop: the office's staff list (so the app opens), sync switched on, then opened. */
  async function newLaptop(profile = null, site = web) {
    const context = await openProfile();
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => log('page error:', e.message));
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') log('page:', m.text());
    });
    await page.goto(site.url);
    await page.waitForSelector('.gate, aside nav');
    await page.evaluate(
      async ({ settings, target, user }) => {
        sessionStorage.setItem('tizilim.sync.credentials', JSON.stringify(user));
        const db = await new Promise((ok, fail) => {
          const request = indexedDB.open('tizilim');
          request.onsuccess = () => ok(request.result);
          request.onerror = () => fail(request.error);
        });
        await new Promise((ok, fail) => {
          const tx = db.transaction(['settings', 'syncMeta'], 'readwrite');
          for (const row of settings) tx.objectStore('settings').put(row);
          tx.objectStore('syncMeta').put({ key: 'settings', value: { enabled: true, ...target } });
          tx.oncomplete = ok;
          tx.onerror = () => fail(tx.error);
        });
        db.close();
      },
      {
        settings: office.tables.settings,
        target: { server: server.url, database: DATABASE },
        user: { user: USER.name, password: USER.password },
      },
    );
    const cdp = profile ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    const cpuBefore = browserCpu();
    const started = performance.now();
    await page.reload();
    // The office has several staff: the laptop's user is chosen, as in the morning.
    await page.waitForSelector('.user-button, aside nav');
    const choose = page.locator('.user-button').first();
    if (await choose.isVisible()) await choose.click();
    const progress = setInterval(() => {
      page
        .evaluate(() => document.querySelector('aside .sync-status')?.textContent ?? '')
        .then((text) => log(`  ${Math.round((performance.now() - started) / 1000)} s: ${text}`))
        .catch(() => undefined);
    }, 10_000);
    await page
      .waitForSelector('aside .sync-status.ok', { timeout: 1_800_000, polling: 500 })
      .finally(() => clearInterval(progress));
    const ms = performance.now() - started;
    const cpu = cpuDelta(cpuBefore, browserCpu());
    if (cdp) {
      const { profile: recorded } = await cdp.send('Profiler.stop');
      writeFileSync(profile, JSON.stringify(recorded));
      log(`CPU profile written to ${profile}`);
      await cdp.detach();
    }
    const count = await page.evaluate(
      () =>
        new Promise((ok) => {
          const request = indexedDB.open('tizilim');
          request.onsuccess = () => {
            const c = request.result.transaction('appeals').objectStore('appeals').count();
            c.onsuccess = () => ok(c.result);
          };
        }),
    );
    if (count !== office.tables.appeals.length) {
      throw new Error(
        `the laptop holds ${count} appeals, the office ${office.tables.appeals.length}`,
      );
    }
    return { context, page, ms, cpu };
  }

  /**
   * The machine's limit in this browser: the app's batches fetched with plain `fetch`, then
   * their records written with plain IndexedDB puts (timed apart, one transaction a batch).
   */
  async function rawBaseline() {
    const context = await openProfile();
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(web.url);
    const result = await page.evaluate(
      async ({ base, auth, batch }) => {
        const db = await new Promise((ok, fail) => {
          const request = indexedDB.open('tizilim-raw-baseline', 1);
          request.onupgradeneeded = () => request.result.createObjectStore('records');
          request.onsuccess = () => ok(request.result);
          request.onerror = () => fail(request.error);
        });
        const headers = { accept: 'application/json', authorization: auth };
        let fetchMs = 0;
        let changesMs = 0;
        let writeMs = 0;
        let docs = 0;
        let since = 0;
        for (;;) {
          const t0 = performance.now();
          const page = await (
            await fetch(`${base}/_changes?style=all_docs&since=${since}&limit=${batch}`, {
              headers,
              cache: 'no-store',
            })
          ).json();
          const t1 = performance.now();
          changesMs += t1 - t0;
          const refs = page.results.flatMap((r) =>
            r.changes.map((c) => ({ id: r.id, rev: c.rev })),
          );
          let got = [];
          if (refs.length > 0) {
            const answer = await (
              await fetch(`${base}/_bulk_get?revs=true&attachments=true`, {
                method: 'POST',
                headers: { ...headers, 'content-type': 'application/json' },
                body: JSON.stringify({ docs: refs }),
                cache: 'no-store',
              })
            ).json();
            got = answer.results.flatMap((r) => r.docs.flatMap((d) => (d.ok ? [d.ok] : [])));
          }
          const t2 = performance.now();
          fetchMs += t2 - t0;
          if (got.length > 0) {
            await new Promise((ok, fail) => {
              const tx = db.transaction('records', 'readwrite');
              const store = tx.objectStore('records');
              for (const doc of got) store.put(doc.data ?? doc, doc._id);
              tx.oncomplete = ok;
              tx.onerror = () => fail(tx.error);
            });
          }
          writeMs += performance.now() - t2;
          docs += got.length;
          since = page.last_seq;
          if (page.results.length < batch) break;
        }
        db.close();
        return { fetchMs, changesMs, writeMs, docs };
      },
      { base: `${server.url}/${DATABASE}`, auth: userAuth, batch: 2_000 },
    );
    await context.close();
    return result;
  }

  const beforeRaw = await serverTiming();
  // --raw 0: no raw baseline (a 50,000-appeal office, when time is short).
  const raw =
    arg('raw', 1) === 0
      ? { fetchMs: NaN, changesMs: NaN, writeMs: NaN, docs: 0 }
      : await rawBaseline();
  const afterRaw = await serverTiming();
  log(`server during the raw fetch: ${JSON.stringify(timingDelta(beforeRaw, afterRaw))}`);
  log(
    `raw baseline: fetch ${Math.round(raw.fetchMs)} ms (of which _changes ${Math.round(raw.changesMs)} ms), ` +
      `IndexedDB puts ${Math.round(raw.writeMs)} ms, ${raw.docs} documents`,
  );

  if (compareWeb) {
    const times = { app: [], compare: [] };
    const cpus = { app: [], compare: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const [name, site] of [
        ['app', web],
        ['compare', compareWeb],
      ]) {
        const before = await serverTiming();
        const laptop = await newLaptop(null, site);
        log(
          `server during the first sync: ${JSON.stringify(timingDelta(before, await serverTiming()))}`,
        );
        times[name].push(laptop.ms);
        log(
          `first sync ${run + 1}/${RUNS} (${name}): ${Math.round(laptop.ms)} ms, CPU s ${JSON.stringify(laptop.cpu)}`,
        );
        cpus[name].push(laptop.cpu);
        await laptop.context.close();
      }
    }
    const summary = (list, cpu) => ({
      firstSyncMs: median(list),
      firstSyncCpuS: medianCpu(cpu),
      firstSyncRuns: list.map(Math.round),
      docsPerSecond: Math.round(docs.length / (median(list) / 1000)),
      firstSyncVsRawFetch: Number((median(list) / raw.fetchMs).toFixed(2)),
      firstSyncVsRawFetchAndWrite: Number((median(list) / (raw.fetchMs + raw.writeMs)).toFixed(2)),
    });
    console.log(
      JSON.stringify({
        appeals: office.tables.appeals.length,
        documents: docs.length,
        server: SERVER_ADAPTER,
        rawFetchMs: Math.round(raw.fetchMs),
        rawChangesMs: Math.round(raw.changesMs),
        rawWriteMs: Math.round(raw.writeMs),
        app: summary(times.app, cpus.app),
        compare: summary(times.compare, cpus.compare),
      }),
    );
  }

  const firstSync = [];
  const firstSyncCpu = [];
  const laptops = [];
  for (let run = 0; run < (compareWeb ? 0 : RUNS); run++) {
    const before = await serverTiming();
    const laptop = await newLaptop(run === 0 ? PROFILE : null);
    log(
      `server during the first sync: ${JSON.stringify(timingDelta(before, await serverTiming()))}`,
    );
    firstSync.push(laptop.ms);
    firstSyncCpu.push(laptop.cpu);
    log(
      `first sync ${run + 1}/${RUNS}: ${Math.round(laptop.ms)} ms, CPU s ${JSON.stringify(laptop.cpu)}`,
    );
    laptops.push(laptop);
    if (laptops.length > 2) await laptops.shift().context.close();
  }
  if (laptops.length < 2 && CHANGES > 0 && !compareWeb) {
    // The second laptop for the change test is one more first sync: it counts too.
    const laptop = await newLaptop();
    firstSync.push(laptop.ms);
    log(`first sync ${firstSync.length}: ${Math.round(laptop.ms)} ms`);
    laptops.push(laptop);
  }

  const subjectOn = (page, id) =>
    page.evaluate(
      (key) =>
        new Promise((ok) => {
          const request = indexedDB.open('tizilim');
          request.onsuccess = () => {
            const get = request.result.transaction('appeals').objectStore('appeals').get(key);
            get.onsuccess = () => {
              ok(get.result?.subject ?? null);
              request.result.close();
            };
          };
        }),
      id,
    );

  const changeSeen = [];
  const changes = compareWeb ? 0 : CHANGES;
  const ids = office.tables.appeals.slice(0, changes).map((a) => a.id);
  for (let i = 0; i < changes; i++) {
    const [from, to] = i % 2 === 0 ? laptops : [laptops[1], laptops[0]];
    const subject = `Өлшеу ${i + 1}: ыстық су жоқ`;
    await from.page.goto(`${web.url}#/appeals/${ids[i]}/edit`);
    const field = from.page.locator('form.appeal-form').getByLabel(/^Қысқаша мазмұны( \*)?$/);
    await field.fill(subject);
    const started = performance.now();
    await from.page.keyboard.press('Control+Enter');
    await to.page.waitForFunction(
      async ([key, expected]) => {
        const value = await new Promise((ok) => {
          const request = indexedDB.open('tizilim');
          request.onsuccess = () => {
            const get = request.result.transaction('appeals').objectStore('appeals').get(key);
            get.onsuccess = () => {
              ok(get.result?.subject ?? null);
              request.result.close();
            };
          };
        });
        return value === expected;
      },
      [ids[i], subject],
      { polling: 50, timeout: 60_000 },
    );
    changeSeen.push(performance.now() - started);
    log(`change ${i + 1}/${CHANGES}: ${Math.round(changeSeen.at(-1))} ms`);
    if ((await subjectOn(from.page, ids[i])) !== subject) throw new Error('the change was lost');
  }

  if (!compareWeb)
    console.log(
      JSON.stringify({
        appeals: office.tables.appeals.length,
        documents: docs.length,
        server: SERVER_ADAPTER,
        firstSyncMs: median(firstSync),
        firstSyncRuns: firstSync.map(Math.round),
        firstSyncCpuS: medianCpu(firstSyncCpu),
        docsPerSecond: Math.round(docs.length / (median(firstSync) / 1000)),
        rawFetchMs: Math.round(raw.fetchMs),
        rawChangesMs: Math.round(raw.changesMs),
        rawWriteMs: Math.round(raw.writeMs),
        firstSyncVsRawFetch: Number((median(firstSync) / raw.fetchMs).toFixed(2)),
        firstSyncVsRawFetchAndWrite: Number(
          (median(firstSync) / (raw.fetchMs + raw.writeMs)).toFixed(2),
        ),
        changeSeenMs: changeSeen.length ? median(changeSeen) : null,
        changeSeenRuns: changeSeen.map(Math.round),
      }),
    );
} finally {
  for (const { context } of [...profiles]) await context.close();
  await server.close();
  await web.close();
  await compareWeb?.close();
  rmSync(timingFile, { force: true });
  if (!PREBUILT) rmSync(appDir, { recursive: true, force: true });
}
