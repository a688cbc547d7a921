// The in-app restore in Chromium, for `npm run bench:backup` (scripts/bench-backup.mjs):
// the office's export is made into a `.tizilim-backup` with `npm run backup -- create`, the
// page test/bench/restore.html (the restore screen's code) is built with Vite and served,
// and the backup is chosen through the page's file picker and restored: once into an empty
// database, then `runs` times over the registry it restored (the backup of the current data
// first, as the screen does). Then the raw baseline in the same browser: the same records
// written with plain IndexedDB puts into stores with only their primary keys.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { viteAliases } from '../aliases.mjs';
import { CHROMIUM_MISSING, findChromium } from './find-chromium.mjs';
import { startStaticServer } from './static-server.mjs';
import { browserCpu } from './bench-cpu.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const PASSWORD = 'Сәуір-2026 кеңсе';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
};

export async function benchInAppRestore({
  data,
  runs,
  log,
  profileOut = null,
  backupFile = null,
  rawShapes: shapes = ['indexed', 'logged'],
}) {
  const executablePath = await findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  const work = mkdtempSync(join(tmpdir(), 'tizilim-bench-restore-'));
  const profile = mkdtempSync(join(tmpdir(), 'tizilim-bench-restore-profile-'));
  let context = null;
  let server = null;
  try {
    const site = join(work, 'site');
    // --backup-file keeps the backup between runs (writing one of 50,000 appeals takes minutes).
    const backup = backupFile ?? join(work, 'office.tizilim-backup');
    const passwordFile = join(work, 'password.txt');
    writeFileSync(passwordFile, `${PASSWORD}\n`);
    if (!existsSync(backup)) {
      log('in-app restore: writing the office as a .tizilim-backup');
      const made = spawnSync(
        process.execPath,
        [join(root, 'scripts/backup.mjs'), 'create', '--data', data, '--out', backup].concat([
          '--password-file',
          passwordFile,
        ]),
        { stdio: ['ignore', 'ignore', 'inherit'] },
      );
      if (made.status !== 0) throw new Error('npm run backup -- create failed');
    }
    log('in-app restore: building the restore page');
    await build({
      root: join(root, 'test/bench'),
      base: './',
      configFile: false,
      logLevel: 'warn',
      resolve: { alias: viteAliases },
      build: {
        outDir: site,
        emptyOutDir: true,
        rollupOptions: { input: join(root, 'test/bench/restore.html') },
      },
    });
    // The static server wants an index.html at its root.
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>bench</title>');
    server = await startStaticServer({ root: site });
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      acceptDownloads: false,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--enable-precise-memory-info',
        '--js-flags=--expose-gc',
      ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => log('page error:', e.message));
    page.on('filechooser', (chooser) => void chooser.setFiles(backup));
    await page.goto(`${server.url}restore.html`);
    await page.waitForFunction(() => window.tizilimRestoreBench !== undefined);
    await page.evaluate((pw) => window.tizilimRestoreBench.setup(pw), PASSWORD);

    /**
     * Runs `work` in the page and adds the browser's CPU seconds for it as `cpuS`, split by
     * process as `cpuByKindS` (the page's renderer, IndexedDB's storage service, ...).
     */
    const withCpu = async (work) => {
      const before = browserCpu();
      const result = await work();
      const after = browserCpu();
      if (before === null) return result;
      const round = (n) => Math.round(n * 10) / 10;
      const byKind = Object.fromEntries(
        Object.entries(after.byKind).map(([k, v]) => [k, round(v - (before.byKind[k] ?? 0))]),
      );
      return { ...result, cpuS: round(after.total - before.total), cpuByKindS: byKind };
    };
    const restore = async () => {
      // The garbage of the last run collected first, in a call of its own: the page opens
      // the file picker with the user activation of the call that restores, which lapses
      // after a few seconds (a long collection, after the raw baseline of 50,000 appeals,
      // left the picker unopened and the run waiting for ever).
      await page.evaluate(() => window.gc?.());
      return withCpu(() => page.evaluate((pw) => window.tizilimRestoreBench.restore(pw), PASSWORD));
    };
    const load = () => Math.round(loadavg()[0] * 10) / 10;
    log('in-app restore: into an empty database');
    const first = await restore();
    log(`into an empty database: ${JSON.stringify(first)} (load ${load()})`);
    // The raw baseline right after the first restore (the records are in the database to
    // read), so a long run stopped during the replacing runs still printed it.
    const raws = [];
    for (let run = 0; run < Math.max(1, Math.min(runs, 3)); run++) {
      raws.push(await withCpu(() => page.evaluate(() => window.tizilimRestoreBench.raw())));
      log(`raw baseline ${run + 1}: ${JSON.stringify(raws.at(-1))}`);
    }
    const replacing = [];
    for (let run = 0; run < runs; run++) {
      // The first replacing run under the CPU profiler (open the file in DevTools).
      const cdp = profileOut && run === 0 ? await context.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
        await cdp.send('Profiler.start');
      }
      const result = await restore();
      if (cdp) {
        const { profile: cpu } = await cdp.send('Profiler.stop');
        writeFileSync(profileOut, JSON.stringify(cpu));
        log(`CPU profile of replacing run 1 in ${profileOut}`);
        await cdp.detach();
      }
      replacing.push(result);
      log(`replacing run ${run + 1}: ${JSON.stringify(result)} (load ${load()})`);
    }
    const rawMs = median(raws.map((r) => r.rawMs));
    // The same puts into stores with the app's indexes, and with a change-log entry per
    // record besides: what IndexedDB itself costs for the restore's shape, without Dexie
    // (restoreEntry.ts, RawShape, lists the shapes).
    const rawShapes = {};
    for (const shape of shapes) {
      const shaped = await withCpu(() =>
        page.evaluate((s) => window.tizilimRestoreBench.raw(s), shape),
      );
      rawShapes[shape] = {
        ms: Math.round(shaped.rawMs),
        cpuS: shaped.cpuS,
        cpuByKindS: shaped.cpuByKindS,
      };
      log(`raw baseline, ${shape}: ${JSON.stringify(shaped)}`);
    }
    const all = [first, ...replacing];
    // The restore without the backup of the data it replaces (that is a backup, timed by
    // the backup bench and by the browser's own run here: phases.backup).
    const withoutBackup = (r) => r.totalMs - (r.phases.backup ?? 0);
    return {
      records: first.records,
      registryRows: first.registryRows,
      intoEmptyMs: Math.round(first.totalMs),
      // The browser's CPU seconds (all its processes): into an empty database, replacing, raw.
      cpuS: {
        intoEmpty: first.cpuS,
        replace: median(replacing.map((r) => r.cpuS ?? 0)),
        raw: median(raws.map((r) => r.cpuS ?? 0)),
      },
      // The same split by process (the first replacing run's).
      cpuByKindS: {
        intoEmpty: first.cpuByKindS,
        replace: replacing[0]?.cpuByKindS,
        raw: raws[0]?.cpuByKindS,
      },
      replaceMs: median(replacing.map((r) => r.totalMs)),
      replaceWithoutBackupMs: median(replacing.map(withoutBackup)),
      phasesMs: Object.fromEntries(
        Object.keys(replacing[0]?.phases ?? first.phases).map((k) => [
          k,
          median(replacing.map((r) => r.phases[k] ?? 0)),
        ]),
      ),
      openMs: median(all.map((r) => r.openMs)),
      heapPeakMB: Math.max(...all.map((r) => r.heapPeakMB)),
      heapBeforeMB: median(all.map((r) => r.heapBeforeMB)),
      rawMs,
      rawShapesMs: rawShapes,
      // What the restore's writing costs over plain puts of the same records.
      writeToRawRatio:
        Math.round((median(replacing.map((r) => r.phases.write ?? 0)) / rawMs) * 100) / 100,
      restoreToRawRatio: Math.round((median(replacing.map(withoutBackup)) / rawMs) * 100) / 100,
      runs: replacing.length,
      loadavg: loadavg().map((n) => Math.round(n * 10) / 10),
    };
  } finally {
    await context?.close();
    await server?.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}
