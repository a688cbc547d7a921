// npm run search -- --data export.json --q "text" [--limit N] [--today YYYY-MM-DD]
// The registry numbers of the appeals a search finds in a Tizilim export, best first, one
// per line — the app's own search index (shared/search) over the export as the app's own
// import reads it (shared/export), for support staff checking what a user sees, and for
// tests. A short number («42») finds this year's registry number first: the year of
// --today, by default today in Kazakhstan.
//
// Progress and messages go to stderr. Exit codes: 0 done (nothing found is not an error);
// 2 bad arguments or missing file; 3 the export is invalid; 1 anything else.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { viteAliases } from '../aliases.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const log = (...args) => console.error('[search]', ...args);

class UsageError extends Error {}

const USAGE =
  'usage: npm run search -- --data export.json --q "text" [--limit N] [--today YYYY-MM-DD]';

function parseArgs(argv) {
  const known = ['--data', '--q', '--limit', '--today'];
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i];
    const value = argv[i + 1];
    if (!known.includes(name)) throw new UsageError(`unknown option ${name}\n${USAGE}`);
    if (value === undefined) throw new UsageError(`${name} needs a value`);
    out[name.slice(2)] = value;
  }
  if (!out.data) throw new UsageError(`--data is required\n${USAGE}`);
  if (out.q === undefined) throw new UsageError(`--q is required\n${USAGE}`);
  if (out.limit !== undefined) {
    const n = Number(out.limit);
    if (!Number.isInteger(n) || n < 1) {
      throw new UsageError(`--limit must be a whole number of at least 1, got "${out.limit}"`);
    }
    out.limit = n;
  }
  if (out.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(out.today)) {
    throw new UsageError(`--today must be YYYY-MM-DD, got "${out.today}"`);
  }
  out.data = resolve(process.cwd(), out.data);
  if (!existsSync(out.data)) throw new UsageError(`export file not found: ${out.data}`);
  if (!statSync(out.data).isFile()) throw new UsageError(`not a file: ${out.data}`);
  return out;
}

const load = async (path) =>
  (
    await runnerImport(resolve(root, path), {
      root,
      configFile: false,
      logLevel: 'silent',
      resolve: { alias: viteAliases },
    })
  ).module;

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const [{ parseExportFile, describeExportProblem }, { OfficeSearch }, { toKzLocalDate }] =
    await Promise.all([
      load('shared/export/index.ts'),
      load('shared/search/index.ts'),
      load('shared/calendar/zone.ts'),
    ]);
  const today = opts.today ?? toKzLocalDate(new Date());

  const parsed = parseExportFile(readFileSync(opts.data, 'utf8'), { now: new Date() });
  if (!parsed.ok) {
    for (const problem of parsed.problems) {
      console.error(`kk: ${describeExportProblem(problem, 'kk')}`);
      console.error(`ru: ${describeExportProblem(problem, 'ru')}`);
    }
    log('the export is invalid');
    return 3;
  }
  const { appeals, applicants, agencies } = parsed.file.tables;
  const started = performance.now();
  const search = OfficeSearch.build({ appeals, applicants, agencies });
  log(`indexed ${appeals.length} appeals in ${Math.round(performance.now() - started)} ms`);

  const result = search.searchAppeals(opts.q, {
    currentYear: Number(today.slice(0, 4)),
    ...(opts.limit ? { limit: opts.limit } : {}),
  });
  if (result === null) {
    log('the query has no words or numbers to search for');
    return 2;
  }
  const regNos = new Map(appeals.map((a) => [a.id, a.regNo]));
  const lines = result.ids.map((id) => regNos.get(id));
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
  log(
    result.total > lines.length
      ? `${result.total} found, the first ${lines.length} shown`
      : `${result.total} found`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof UsageError) {
      console.error(`search: ${error.message}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
