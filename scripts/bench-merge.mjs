// npm run bench:merge [-- --appeals 50000 --changed 1000 --runs 5 --seed 1]
// Times the merge of a package from the reception laptop (1,000 changed appeals with their
// histories and people, some new with provisional numbers, some also changed at the office)
// into the office's 50,000-appeal registry, in Node, and prints one JSON line of medians:
// - validate: the package read and checked as the exchange checks a package (JSON.parse and every
//   record against its table's schema, as shared/exchange/file.ts does);
// - select: picking from the registry what the merge needs (`mergeNeeds`); the app reads
//   this with IndexedDB index lookups, here it is a filter over arrays;
// - merge: `mergeDatasets` on that part (records, history, numbers, people, counters,
//   merged records checked against their schemas);
// - total: validate + select + merge, the target being ≤ 20 s;
// - mergeWholeRegistry: `mergeDatasets` against all 50,000 appeals in memory (the command
//   line's merge of two exports, without reading the files).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { build } from 'rolldown';
import { ALIASES } from '../aliases.mjs';
import { arg, median } from './bench-stats.mjs';

const APPEALS = Number(arg('appeals', 50_000));
const CHANGED = Number(arg('changed', 1_000));
const RUNS = Math.max(3, Number(arg('runs', 5)));
const SEED = Number(arg('seed', 1));

const log = (...args) => console.error('[bench]', ...args);

const dir = mkdtempSync(join(tmpdir(), 'tizilim-bench-merge-'));
try {
  const file = join(dir, 'entry.mjs');
  await build({
    input: 'test/bench/mergeEntry.ts',
    platform: 'node',
    resolve: { alias: ALIASES },
    logLevel: 'silent',
    output: { file, format: 'esm' },
  });
  const { prepare, validatePackage, mergeDatasets, mergeNeeds, selectNeeded, deviceCodeOf } =
    await import(pathToFileURL(file).href);

  log(`generating an office of ${APPEALS} appeals and a package of ${CHANGED} (seed ${SEED})`);
  let t = performance.now();
  const data = prepare({ appeals: APPEALS, changed: CHANGED, seed: SEED });
  log(`prepared in ${Math.round(performance.now() - t)} ms`, JSON.stringify(data.counts));

  const context = {
    now: '2026-11-24T06:00:00.000Z',
    userId: 'system',
    device: { deviceId: 'office-laptop', deviceCode: deviceCodeOf('office-laptop'), issuer: true },
    from: { deviceId: 'reception-laptop', name: 'Қабылдау' },
    packageId: 'reception-laptop:1',
  };
  const times = { validate: [], select: [], merge: [], total: [], mergeWholeRegistry: [] };
  let last;
  for (let run = 0; run < RUNS; run++) {
    t = performance.now();
    const parsed = validatePackage(data.packageText);
    if (!parsed.ok) throw new Error(`package refused: ${parsed.problem}`);
    const validate = performance.now() - t;
    t = performance.now();
    const theirs = parsed.tables;
    const part = selectNeeded(data.office, mergeNeeds(theirs, context));
    const select = performance.now() - t;
    t = performance.now();
    const outcome = mergeDatasets({ mine: part, theirs, context });
    const merge = performance.now() - t;
    if (!outcome.ok) throw new Error('refused');
    last = outcome.result;
    t = performance.now();
    const whole = mergeDatasets({ mine: data.office, theirs, context });
    times.mergeWholeRegistry.push(performance.now() - t);
    if (!whole.ok) throw new Error('refused');
    times.validate.push(validate);
    times.select.push(select);
    times.merge.push(merge);
    times.total.push(validate + select + merge);
    log(`run ${run + 1}: total ${Math.round(validate + select + merge)} ms`);
  }
  const result = {
    appeals: APPEALS,
    changed: CHANGED,
    runs: RUNS,
    ...data.counts,
    put: Object.fromEntries(Object.entries(last.put).map(([k, v]) => [k, v.length])),
    eventsAdded: last.events.length,
    conflicts: last.conflicts.length,
    renumberings: last.renumberings.length,
    duplicates: last.duplicates.length,
    medianMs: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])),
    loadAverage: Math.round(loadavg()[0] * 10) / 10,
  };
  console.log(JSON.stringify(result));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
