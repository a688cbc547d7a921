// npm run bench:search [-- --appeals 50000 --runs 7 --seed 1]
// The pure search index (shared/search) over a generated office in Node: build time (wall
// and this process's CPU), the JS heap the index holds, and the latency of the 20 fixed
// queries of test/bench/searchQueries.ts (median and p95 over every run of every query),
// plus the cost of keeping the index current (one appeal changed). Prints one JSON line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { build } from 'rolldown';
import { ALIASES } from '../aliases.mjs';

// The heap is measured after a full collection, which needs --expose-gc.
if (typeof globalThis.gc !== 'function') {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(child.status ?? 1);
}

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const APPEALS = Number(arg('appeals', 50_000));
const RUNS = Math.max(3, Number(arg('runs', 7)));
const SEED = Number(arg('seed', 1));
const TODAY = '2026-11-20';
const CURRENT_YEAR = Number(TODAY.slice(0, 4));

const round = (ms) => Math.round(ms * 100) / 100;
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return round(sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo));
};
const log = (...args) => console.error('[bench:search]', ...args);
const heapMB = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const cpuMs = (since) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

const dir = mkdtempSync(join(tmpdir(), 'tizilim-bench-search-'));
try {
  const file = join(dir, 'entry.mjs');
  await build({
    input: 'test/bench/searchEntry.ts',
    platform: 'node',
    resolve: { alias: ALIASES },
    logLevel: 'silent',
    output: { file, format: 'esm' },
  });
  const { generateOffice, OfficeSearch, benchQueries } = await import(pathToFileURL(file).href);

  log(`generating ${APPEALS} appeals (seed ${SEED})`);
  let t = performance.now();
  const office = generateOffice({ appeals: APPEALS, seed: SEED, today: TODAY });
  const { appeals, applicants, agencies } = office.tables;
  // Only what the index reads stays alive, so the heap measured below is the index's.
  for (const name of Object.keys(office.tables)) {
    if (!['appeals', 'applicants', 'agencies'].includes(name)) office.tables[name] = [];
  }
  log(`generated in ${Math.round(performance.now() - t)} ms`);

  const before = heapMB();
  let cpu = process.cpuUsage();
  t = performance.now();
  let search = OfficeSearch.build({ appeals, applicants, agencies });
  const buildMs = performance.now() - t;
  const buildCpuMs = cpuMs(cpu);
  const after = heapMB();

  // A second build, as after an import or a restore (the code is warm by now).
  cpu = process.cpuUsage();
  t = performance.now();
  search = OfficeSearch.build({ appeals, applicants, agencies });
  const rebuildMs = performance.now() - t;
  const rebuildCpuMs = cpuMs(cpu);

  const queries = benchQueries(applicants);
  const samples = [];
  const perQuery = {};
  const firstRun = [];
  for (let run = 0; run < RUNS; run++) {
    for (const { q } of queries) {
      t = performance.now();
      const result = search.searchAppeals(q, { currentYear: CURRENT_YEAR });
      const ms = performance.now() - t;
      samples.push(ms);
      if (run === 0) firstRun.push(ms);
      (perQuery[q] ??= { found: result?.total ?? 0, ms: [] }).ms.push(ms);
    }
  }
  const notFound = queries.filter(({ q }) => perQuery[q].found === 0).map(({ q }) => q);

  // CPU time per query (each query run 20 times): on a loaded machine the wall time above
  // includes waiting for a core, this much less so.
  const cpuPerQuery = queries.map(({ q }) => {
    const since = process.cpuUsage();
    for (let i = 0; i < 20; i++) search.searchAppeals(q, { currentYear: CURRENT_YEAR });
    return cpuMs(since) / 20;
  });

  // Keeping current: one appeal edited (a new subject) and put back, as the change log
  // would after a save.
  const updates = [];
  for (let i = 0; i < 200; i++) {
    const a = appeals[(i * 211) % appeals.length];
    const edited = { ...a, subject: `${a.subject} ${String(i)}` };
    t = performance.now();
    search.putAppeal(edited);
    search.searchAppeals('жылу', { currentYear: CURRENT_YEAR });
    updates.push(performance.now() - t);
  }

  const result = {
    appeals: appeals.length,
    applicants: applicants.length,
    agencies: agencies.length,
    buildMs: Math.round(buildMs),
    buildCpuMs: Math.round(buildCpuMs),
    rebuildMs: Math.round(rebuildMs),
    rebuildCpuMs: Math.round(rebuildCpuMs),
    indexHeapMB: Math.round((after - before) * 10) / 10,
    heapAfterBuildMB: Math.round(after * 10) / 10,
    queries: queries.length,
    runs: RUNS,
    searchMedianMs: quantile(samples, 0.5),
    searchP95Ms: quantile(samples, 0.95),
    searchMaxMs: round(Math.max(...samples)),
    searchCpuMedianMs: quantile(cpuPerQuery, 0.5),
    searchCpuP95Ms: quantile(cpuPerQuery, 0.95),
    firstRunMedianMs: quantile(firstRun, 0.5),
    updateAndSearchMedianMs: quantile(updates, 0.5),
    perQueryMedianMs: Object.fromEntries(
      Object.entries(perQuery).map(([q, { ms, found }]) => [q, { ms: quantile(ms, 0.5), found }]),
    ),
    notFound,
    loadAverage: Math.round(loadavg()[0] * 10) / 10,
  };
  console.log(JSON.stringify(result));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
