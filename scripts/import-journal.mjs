// npm run import-journal -- --file journal.xlsx [--sheet NAME] [--sheets all] [--mapping mapping.json]
//   [--data current-export.json] --out new-export.json --report report.json
//   [--lang kk|ru] [--now 2026-11-20T06:00:00Z] [--user ID]
// Brings an office's journal (.xlsx, .ods, .csv, or a .docx/.odt with the journal as a table)
// into a Tizilim export file with the same code the app's import wizard runs (shared/journal).
// Without --mapping it uses the suggestions; a Word file's tables under one header are one
// sheet, named after the file (or after the heading above each kind of table).
// One run imports one sheet (the journal's, or --sheet); other sheets under the same columns
// (a journal kept one sheet a month) are named in the log and the report's otherSheets, or
// imported too with --sheets all (the report then lists each sheet under «sheets»).
// Exit codes: 0 done, 2 bad arguments, 3 unreadable file, 4 nothing importable.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { viteAliases } from '../aliases.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const log = (...args) => console.error('[import-journal]', ...args);

function exit(code, message) {
  if (message) console.error(`import-journal: ${message}`);
  process.exit(code);
}

const KNOWN = [
  '--file',
  '--sheet',
  '--sheets',
  '--mapping',
  '--data',
  '--out',
  '--report',
  '--lang',
  '--now',
  '--user',
];

function options(argv) {
  const out = { lang: 'kk', user: 'system' };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i];
    const value = argv[i + 1];
    if (!KNOWN.includes(name)) exit(2, `unknown option ${name} (known: ${KNOWN.join(' ')})`);
    if (value === undefined || value.startsWith('--')) exit(2, `${name} needs a value`);
    out[name.slice(2)] = value;
  }
  for (const required of ['file', 'out', 'report']) {
    if (!out[required]) exit(2, `--${required} is required`);
  }
  if (out.lang !== 'kk' && out.lang !== 'ru') exit(2, `--lang must be kk or ru, got ${out.lang}`);
  if (out.sheets !== undefined && out.sheets !== 'all')
    exit(2, `--sheets takes only «all», got ${out.sheets}`);
  if (out.now && Number.isNaN(Date.parse(out.now)))
    exit(2, `--now must be an ISO date-time, got ${out.now}`);
  return out;
}

const opts = options(process.argv.slice(2));
const load = async (path) =>
  (
    await runnerImport(resolve(root, path), {
      root,
      configFile: false,
      logLevel: 'silent',
      resolve: { alias: viteAliases },
    })
  ).module;

const [journal, exportModule, ids] = await Promise.all([
  load('shared/journal/index.ts'),
  load('shared/export/index.ts'),
  load('shared/ids.ts'),
]);

function readInput(path, what) {
  try {
    return readFileSync(resolve(process.cwd(), path));
  } catch (error) {
    exit(3, `cannot read the ${what} ${path}: ${error.message}`);
  }
}

// The registry to continue (an export of the office), if any.
let current = null;
if (opts.data) {
  let json;
  try {
    json = JSON.parse(readInput(opts.data, 'export').toString('utf8'));
  } catch (error) {
    exit(3, `${opts.data} is not JSON: ${error.message}`);
  }
  const parsed = exportModule.parseExportFile(json, {
    now: opts.now ? new Date(opts.now) : new Date(),
  });
  if (!parsed.ok) {
    for (const problem of parsed.problems) log(exportModule.describeExportProblem(problem, 'ru'));
    exit(3, `${opts.data} is not a valid Tizilim export`);
  }
  current = parsed.file;
}

const bytes = new Uint8Array(readInput(opts.file, 'journal'));
const fileName = opts.file.split(/[\\/]/).pop();
let workbook;
try {
  workbook = await journal.readJournalFile(bytes, fileName);
} catch (error) {
  if (error instanceof journal.JournalFileError) {
    exit(
      3,
      `${journal.describeFileProblem(error.problem, 'ru')} / ${journal.describeFileProblem(error.problem, 'kk')}`,
    );
  }
  throw error;
}
if (opts.sheet && !workbook.sheets.some((s) => s.name === opts.sheet)) {
  exit(2, `no sheet "${opts.sheet}" (sheets: ${workbook.sheets.map((s) => s.name).join(', ')})`);
}

const settings = current?.tables.settings[0];
const planSettings = journal.planSettingsOf(settings);
const analysis = journal.analyseSheet(workbook, opts.sheet, planSettings.topics);
if (!analysis.ok) {
  const message = journal.SHEET_MESSAGES[analysis.problem];
  writeFileSync(
    resolve(process.cwd(), opts.report),
    `${JSON.stringify({ file: fileName, sheet: analysis.sheet.name, problem: analysis.problem, message }, null, 2)}\n`,
  );
  exit(4, `${message.ru} / ${message.kk}`);
}

let mapping = analysis.mapping;
if (opts.mapping) {
  let json;
  try {
    json = JSON.parse(readInput(opts.mapping, 'mapping').toString('utf8'));
  } catch (error) {
    exit(2, `${opts.mapping} is not JSON: ${error.message}`);
  }
  const result = journal.mappingFromFile(json, analysis.header, analysis.mapping);
  if (result.error) exit(2, `${opts.mapping}: ${result.error}`);
  mapping = result.mapping;
}

const now = opts.now ? new Date(opts.now).toISOString() : new Date().toISOString();
// A journal kept one sheet a month: the other sheets under the same columns. With --sheets all
// they all come in, in the workbook's order, each seeing what the ones before brought
// (numbering, the same person linked); otherwise they are named for runs of their own.
const otherSheets = journal
  .sameLayoutSheets(journal.outlineSheets(workbook), analysis.sheet.name)
  .map(({ name, rows }) => ({ name, rows }));
const targets = [{ sheet: analysis.sheet, header: analysis.header, mapping }];
if (opts.sheets === 'all') {
  for (const other of otherSheets) {
    const more = journal.analyseSheet(workbook, other.name, planSettings.topics);
    if (!more.ok) continue;
    // The same columns: the first sheet's mapping, with the values only this sheet has.
    const values = Object.fromEntries(
      Object.entries(mapping.values).map(([field, map]) => [
        field,
        { ...more.mapping.values[field], ...map },
      ]),
    );
    targets.push({ sheet: more.sheet, header: more.header, mapping: { ...mapping, values } });
  }
  // In the workbook's order: January's appeals numbered before February's.
  const at = (t) => workbook.sheets.findIndex((s) => s.name === t.sheet.name);
  targets.sort((a, b) => at(a) - at(b));
}

let output = current;
const plans = [];
const reports = [];
for (const target of targets) {
  const plan = journal.planJournalImport({
    ...target,
    registry: output ? journal.registrySnapshot(output.tables) : journal.EMPTY_REGISTRY,
    settings: planSettings,
    fileName,
    batchId: ids.newId(),
    userId: opts.user,
    now,
    lang: opts.lang,
    lostLetterRows: workbook.csv?.lostLetterRows ?? [],
  });
  plans.push(plan);
  reports.push(journal.importReport(plan, target.header, target.mapping));
  output = journal.exportWithPlan(output, plan, now);
  log(
    `sheet «${plan.sheet}», header row ${target.header.rows.join('+')}: ${plan.counts.imported} imported, ${plan.counts.skipped} skipped, ${plan.counts.warnings} warnings`,
  );
}
const left = opts.sheets === 'all' ? [] : otherSheets;
const report =
  reports.length === 1
    ? { ...reports[0], otherSheets: left }
    : { file: fileName, sheets: reports, otherSheets: left };
writeFileSync(resolve(process.cwd(), opts.report), `${JSON.stringify(report, null, 2)}\n`);
if (left.length > 0) {
  log(
    `other sheets with the same columns, not imported by this run: ${left.map((s) => `«${s.name}» (${s.rows} rows)`).join(', ')} — add --sheets all, or import each with --sheet NAME --data ${opts.out}`,
  );
}

if (plans.every((p) => p.counts.imported === 0 && p.counts.alreadyImported === 0)) {
  const rows = plans.flatMap((p) => p.rows);
  exit(
    4,
    `${journal.describeNothingImportable(rows, 'ru')} / ${journal.describeNothingImportable(rows, 'kk')}`,
  );
}

const checked = exportModule.parseExportFile(output, { now: new Date(now) });
if (!checked.ok) {
  for (const problem of checked.problems) log(exportModule.describeExportProblem(problem, 'ru'));
  exit(1, 'the result does not match the export format (a bug): nothing written');
}
writeFileSync(resolve(process.cwd(), opts.out), `${JSON.stringify(output)}\n`);
log(`wrote ${opts.out}`);
