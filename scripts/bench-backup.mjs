// npm run bench:backup [-- --data export.json --appeals 50000 --runs 3 --attachments-mb 300 --only node|app --profile restore.cpuprofile --backup-file x.tizilim-backup --raw-shapes indexed,logged,replace]
// The desktop app's backup code in Node: a whole office backed up through BackupService page
// by page (as the renderer sends it over IPC) into two folders, and restored through
// readRestore; then 300 MB of attachments streamed through it with the heap sampled after
// every call. Then the in-app restore in Chromium (scripts/bench-restore-app.mjs): the
// restore screen's code from choosing the file until the registry is replaced and read
// back, with the JS heap's peak and a raw-IndexedDB baseline. Prints one JSON line
// (medians; wall and CPU time). Without --data, the office is written first with
// `npm run demo-data` into a temporary folder. Fails (exit 1) when the heap passes 250 MB
// while streaming the attachments. `--only node` / `--only app` runs one of the two parts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { viteAliases } from '../aliases.mjs';
import { benchInAppRestore } from './bench-restore-app.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const log = (...args) => console.error('[bench]', ...args);
const HEAP_LIMIT_MB = 250;

let data = arg('data', null);
let temp = null;
if (data === null) {
  temp = mkdtempSync(join(tmpdir(), 'tizilim-bench-data-'));
  data = join(temp, 'export.json');
  const appeals = arg('appeals', '50000');
  log(`writing a ${appeals}-appeal office with npm run demo-data`);
  const made = spawnSync(
    process.execPath,
    [join(root, 'scripts/demo-data.mjs'), '--appeals', appeals, '--out', data],
    { stdio: 'inherit' },
  );
  if (made.status !== 0) process.exit(1);
} else if (!existsSync(data)) {
  console.error(`bench-backup: no such file ${data}`);
  process.exit(2);
}

const only = arg('only', null);
try {
  const runs = Number(arg('runs', 3));
  const result = {};
  if (only !== 'app') {
    const { module } = await runnerImport(resolve(root, 'test/bench/backupBench.ts'), {
      root,
      configFile: false,
      logLevel: 'silent',
      resolve: { alias: viteAliases },
    });
    Object.assign(
      result,
      await module.main({
        data: resolve(data),
        runs,
        attachmentsMB: Number(arg('attachments-mb', 300)),
        log,
      }),
    );
  }
  if (only !== 'node')
    result.inAppRestore = await benchInAppRestore({
      data: resolve(data),
      runs,
      log,
      profileOut: arg('profile', null),
      backupFile: arg('backup-file', null) && resolve(arg('backup-file', null)),
      rawShapes: arg('raw-shapes', 'indexed,logged').split(',').filter(Boolean),
    });
  console.log(JSON.stringify(result));
  const peak = result.attachments?.backup.peak.heapUsedMB ?? 0;
  if (peak > HEAP_LIMIT_MB) {
    console.error(
      `bench-backup: the heap reached ${peak} MB streaming attachments (limit ${HEAP_LIMIT_MB})`,
    );
    process.exitCode = 1;
  }
} finally {
  if (temp !== null) rmSync(temp, { recursive: true, force: true });
}
