// npm run demo-data -- --appeals 5000 --seed 1 --out export.json [--today 2026-11-20]
//   [--from 2025-01-01] [--real]
// Writes a realistic office (shared/demo/generateOffice.ts) as a Tizilim export file,
// marked as demo data unless --real is given, and checks it against the export format.
// The generator is TypeScript: Vite's module runner loads it (no separate build step).
import { resolve } from 'node:path';
import { loadTs as load } from './load-ts.mjs';
import { writeExportFile } from './write-export.mjs';

const log = (...args) => console.error('[demo-data]', ...args);

function fail(message) {
  console.error(`demo-data: ${message}`);
  process.exit(2);
}

function options(argv) {
  const out = { appeals: 5000, seed: 1, out: 'export.json', demo: true };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = argv[i + 1];
    if (name === '--real') {
      out.demo = false;
      continue;
    }
    if (!['--appeals', '--seed', '--out', '--today', '--from'].includes(name)) {
      fail(`unknown option ${name} (known: --appeals N --seed N --out FILE --today --from --real)`);
    }
    if (value === undefined) fail(`${name} needs a value`);
    i += 1;
    if (name === '--appeals' || name === '--seed') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) fail(`${name} must be a whole number, got ${value}`);
      out[name.slice(2)] = n;
    } else if (name === '--today' || name === '--from') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) fail(`${name} must be YYYY-MM-DD, got ${value}`);
      out[name.slice(2)] = value;
    } else {
      out.out = value;
    }
  }
  return out;
}

const opts = options(process.argv.slice(2));
// Dates are facts: an office "as of" a day that has not come yet would be refused on import.
const kzToday = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
if (opts.today && opts.today > kzToday) {
  fail(`--today must not be after today (${kzToday}): the app refuses dates in the future`);
}
const started = performance.now();
const [{ generateOffice }, { parseExportFile, describeExportProblem, EXPORT_TABLE_NAMES }] =
  await Promise.all([load('shared/demo/generateOffice.ts'), load('shared/export/index.ts')]);

log(`generating ${opts.appeals} appeals (seed ${opts.seed})`);
const file = generateOffice({
  appeals: opts.appeals,
  seed: opts.seed,
  demo: opts.demo,
  ...(opts.today ? { today: opts.today } : {}),
  ...(opts.from ? { from: opts.from } : {}),
});
const generated = performance.now();
log(`generated in ${Math.round(generated - started)} ms`);

// Checked record by record, as the app will check it on import.
let lastShown = 0;
const checked = parseExportFile(file, {
  now: new Date(),
  onProgress: ({ done, total }) => {
    if (done - lastShown >= 50_000 || done === total) {
      lastShown = done;
      log(`checked ${done} / ${total} records`);
    }
  },
});
if (!checked.ok) {
  for (const problem of checked.problems) log(describeExportProblem(problem, 'ru'));
  fail('the generated data does not match the export format (a generator bug)');
}

const target = resolve(process.cwd(), opts.out);
writeExportFile(target, file, EXPORT_TABLE_NAMES);
const counts = EXPORT_TABLE_NAMES.filter((n) => file.tables[n].length > 0)
  .map((n) => `${n} ${file.tables[n].length}`)
  .join(', ');
log(`wrote ${target} (${counts}) in ${Math.round(performance.now() - started)} ms`);
