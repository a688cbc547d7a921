// npm run bench:report [-- --appeals 50000 --runs 7 --seed 1 --quarter 2026-Q3]
//                       [--pdf export.json]
// Times buildQuarterlyReport (the pure report model) over a generated dataset in Node and
// prints one JSON line of medians. The dataset is generated once; each run builds the report
// from the same input, as the report screen does on a change of quarter, language or annex
// (the index of the office's names is kept for an applicants list the model has seen);
// `firstBuildMedianCpuMs` builds each report from a new input, as a first build. `modelHash`
// pins what the model says (the Kazakh and Russian reports together): a speed-up must leave
// it unchanged.
//
// --pdf export.json: also the whole report as PDF in real Chromium, as the app prints it —
// `npm run report` loads the export into the app's IndexedDB (not timed here), opens the
// report's print route and prints it with Chromium's PDF engine. `pdf.renderMs` is from
// opening the route with the data already in the app to the PDF's bytes; `pdf.printMs` is
// the PDF engine alone on the page already rendered (the raw baseline: what any page of
// that size costs to print), so renderMs − printMs is the app's own part; `pdf.rawReadMs`
// reads the tables the report reads once more with plain IndexedDB getAll()s (the raw
// baseline of the data part).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { build } from 'rolldown';
import { ALIASES } from '../aliases.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const APPEALS = Number(arg('appeals', 50_000));
const RUNS = Math.max(5, Number(arg('runs', 7)));
const SEED = Number(arg('seed', 1));
const QUARTER = arg('quarter', '2026-Q3');
const TODAY = '2026-11-20';
const PDF_EXPORT = arg('pdf', null);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(m * 10) / 10;
};
const log = (...args) => console.error('[bench]', ...args);

const dir = mkdtempSync(join(tmpdir(), 'tizilim-bench-report-'));
try {
  const file = join(dir, 'entry.mjs');
  await build({
    input: 'test/bench/reportEntry.ts',
    platform: 'node',
    resolve: { alias: ALIASES },
    logLevel: 'silent',
    output: { file, format: 'esm' },
  });
  const { generateDataset, buildQuarterlyReport, buildQuarterlyReports, reportInputOf } =
    await import(pathToFileURL(file).href);

  log(`generating ${APPEALS} appeals (seed ${SEED})`);
  let t = performance.now();
  const data = generateDataset({ appeals: APPEALS, seed: SEED, today: TODAY });
  log(`generated in ${Math.round(performance.now() - t)} ms`);
  const input = reportInputOf(data);

  // Wall time and this process's CPU time: on a shared, loaded machine the wall time
  // includes waiting for a core, the CPU time much less so.
  // 'both' is the Kazakh and the Russian report together, as the report screen and the PDF
  // build them: counted once, presented twice.
  const times = { kk: [], ru: [], both: [] };
  const cpu = { kk: [], ru: [], both: [] };
  let last;
  for (let run = 0; run < RUNS; run++) {
    for (const lang of ['kk', 'ru']) {
      const c = process.cpuUsage();
      t = performance.now();
      last = buildQuarterlyReport(input, QUARTER, { lang, today: TODAY });
      times[lang].push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpu[lang].push((d.user + d.system) / 1000);
    }
    const c = process.cpuUsage();
    t = performance.now();
    buildQuarterlyReports(input, QUARTER, { langs: ['kk', 'ru'], today: TODAY });
    times.both.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.both.push((d.user + d.system) / 1000);
  }
  // A first build: a new input each time (the model keeps the index of the office's names
  // per applicants list, so the builds above, from one input, reuse it after the first).
  const cold = { kk: [], ru: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const lang of ['kk', 'ru']) {
      const fresh = reportInputOf(data);
      const c = process.cpuUsage();
      buildQuarterlyReport(fresh, QUARTER, { lang, today: TODAY });
      const d = process.cpuUsage(c);
      cold[lang].push((d.user + d.system) / 1000);
    }
  }
  const modelHash = createHash('sha256')
    .update(
      JSON.stringify(buildQuarterlyReports(input, QUARTER, { langs: ['kk', 'ru'], today: TODAY })),
    )
    .digest('hex')
    .slice(0, 20);
  const result = {
    appeals: APPEALS,
    applicants: data.applicants.length,
    quarter: QUARTER,
    runs: RUNS,
    appealsInQuarter: last.appeals.total,
    decidedInQuarter: last.resolved.decidedTotal,
    summariesPrinted:
      last.resolved.summaries.reduce((n, g) => n + g.items.length, 0) +
      last.unresolved.summaries.reduce((n, g) => n + g.items.length, 0),
    blocked: last.blocked?.items.length ?? 0,
    medianMs: { kk: median(times.kk), ru: median(times.ru), both: median(times.both) },
    medianCpuMs: { kk: median(cpu.kk), ru: median(cpu.ru), both: median(cpu.both) },
    firstBuildMedianCpuMs: { kk: median(cold.kk), ru: median(cold.ru) },
    loadAverage: Math.round(loadavg()[0] * 10) / 10,
    firstRunMs: { kk: Math.round(times.kk[0]), ru: Math.round(times.ru[0]) },
    modelHash,
  };
  if (PDF_EXPORT !== null) {
    log(`printing the report of ${PDF_EXPORT} in Chromium (npm run report)`);
    const out = join(dir, 'report.pdf');
    const line = execFileSync(
      process.execPath,
      [
        fileURLToPath(new URL('./report.mjs', import.meta.url)),
        ...['--data', PDF_EXPORT, '--quarter', QUARTER, '--lang', 'both', '--out', out],
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 20,
        env: { ...process.env, TIZILIM_REPORT_READS: '1' },
      },
    );
    const printed = JSON.parse(line.trim().split('\n').pop());
    result.pdf = {
      appeals: printed.appeals,
      renderMs: printed.renderMs,
      printMs: printed.printMs,
      rawReadMs: printed.rawReadMs,
      pdfKB: printed.pdfKB,
      importMs: printed.importMs,
      loadAverage: Math.round(loadavg()[0] * 10) / 10,
    };
  }
  console.log(JSON.stringify(result));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
