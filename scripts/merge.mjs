// npm run merge -- --into office-export.json --from other-export.json --out merged.json
//   [--conflicts conflicts.json] [--base common-export.json] [--from-device NAME]
//   [--now 2026-12-01T05:00:00Z] [--user STAFF-ID] [--lang kk|ru]
// Merges another laptop's export into the office laptop's export with the app's own merge
// (shared/merge, docs/merge.md): both files are validated as the app validates imports, the
// office laptop keeps the number series, and merged.json is a valid export holding the
// office's values where a person has to decide; conflicts.json lists those decisions, the
// renumberings and the people registered on both laptops.
//
// Progress goes to stderr. Exit codes: 0 merged without conflicts; 5 merged, conflicts
// listed; 3 invalid input (not a valid export, or exports of two offices); 2 bad arguments
// or a missing file; 1 anything else.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { loadTs as load } from './load-ts.mjs';
import { writeExportFile } from './write-export.mjs';

const log = (...args) => console.error('[merge]', ...args);

function readInput(path) {
  return readFileSync(path, 'utf8');
}

async function main() {
  const { parseMergeArgs, runMerge, MERGE_EXIT } = await load('shared/merge/command.ts');
  const { parseExportFile, EXPORT_TABLE_NAMES } = await load('shared/export/index.ts');
  const parsedArgs = parseMergeArgs(process.argv.slice(2));
  if (!parsedArgs.ok) {
    console.error(`merge: ${parsedArgs.message}`);
    return MERGE_EXIT.badArguments;
  }
  const args = parsedArgs.args;
  const paths = {
    into: resolve(process.cwd(), args.into),
    from: resolve(process.cwd(), args.from),
    base: args.base === null ? null : resolve(process.cwd(), args.base),
    out: resolve(process.cwd(), args.out),
    conflicts: resolve(process.cwd(), args.conflicts),
  };
  for (const name of ['into', 'from', 'base']) {
    const path = paths[name];
    if (path === null) continue;
    if (!existsSync(path) || !statSync(path).isFile()) {
      console.error(`merge: --${name}: file not found: ${path}`);
      return MERGE_EXIT.badArguments;
    }
  }
  for (const path of [paths.out, paths.conflicts]) {
    if (!existsSync(dirname(path))) {
      console.error(`merge: output folder does not exist: ${dirname(path)}`);
      return MERGE_EXIT.badArguments;
    }
  }
  const started = performance.now();
  log(`reading ${paths.into} and ${paths.from}`);
  const run = runMerge(
    {
      into: readInput(paths.into),
      from: readInput(paths.from),
      ...(paths.base ? { base: readInput(paths.base) } : {}),
    },
    {
      into: basename(paths.into),
      from: basename(paths.from),
      fromDevice: args.fromDevice ?? basename(paths.from),
      now: args.now,
      user: args.user,
      lang: args.lang,
    },
  );
  for (const message of run.messages) log(message);
  if (run.exitCode === MERGE_EXIT.invalidInput) return run.exitCode;

  writeExportFile(paths.out, run.file, EXPORT_TABLE_NAMES);
  writeFileSync(paths.conflicts, `${JSON.stringify(run.report, null, 2)}\n`);
  // The merged file is read back as the app would import it: a merge never writes a file
  // the app refuses.
  const check = parseExportFile(readInput(paths.out), { now: new Date() });
  if (!check.ok) {
    log('the merged file does not pass the export format (a bug); problems:');
    for (const problem of check.problems) log(JSON.stringify(problem));
    return MERGE_EXIT.failed;
  }
  log(`wrote ${paths.out} and ${paths.conflicts} in ${Math.round(performance.now() - started)} ms`);
  return run.exitCode;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('merge: failed:', error);
    process.exit(1);
  },
);
