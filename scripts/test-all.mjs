// npm test: everything CI checks, in order, then one plain line "N passed, N failed".
// N counts test cases (unit, end-to-end); a static check or build that fails adds one failure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium, CHROMIUM_MISSING } from './find-chromium.mjs';

const results = 'test-results';
// The unit tests run once, with every live query of the renderer tests answering up to this
// many ms late, at random (test/renderer/setup.ts): a test or a screen that reads what a live
// query has not delivered yet fails here rather than once in a while on a loaded machine or a
// user's laptop. 150 ms is well above what a query takes on a busy CI machine and well below
// the tests' waits; the random delay starts at 0, so the prompt answers are covered too. (The
// renderer tests used to run twice, plain and late: the same tests and the same coverage, at
// the cost of a whole second renderer run.)
const JITTER_MS = 150;
/** How long each stage took, printed at the end. */
const stageTimes = [];
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
const problems = [];
// Named again at the very end: CI keeps only the tail of the log.
const failedTests = [];

function run(label, command, args, env = {}) {
  const shownEnv = Object.entries(env)
    .map(([k, v]) => `${k}=${v} `)
    .join('');
  console.log(`\n▶ ${label}: ${shownEnv}${command} ${args.join(' ')}`);
  const started = Date.now();
  const res = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = res.status === 0;
  stageTimes.push(`${label} ${seconds} s`);
  console.log(`${ok ? '✔' : '✘'} ${label} (${seconds} s)`);
  return ok;
}

function check(label, command, args) {
  const ok = run(label, command, args);
  if (!ok) {
    failed += 1;
    problems.push(label);
  }
  return ok;
}

/**
 * Static checks that read the sources and write nothing the others read (type check, lint,
 * format), run side by side: each is one single-threaded process, and CI has two cores.
 * Their output is held and printed whole, one check after the other, as if run in turn.
 */
async function checkTogether(checks) {
  const started = Date.now();
  const outcomes = await Promise.all(
    checks.map(
      ({ label, command, args }) =>
        new Promise((resolve) => {
          const begun = Date.now();
          const output = [];
          const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
          child.stdout.on('data', (chunk) => output.push(chunk));
          child.stderr.on('data', (chunk) => output.push(chunk));
          const finish = (code, error) =>
            resolve({
              label,
              command,
              args,
              code,
              error,
              output,
              seconds: (Date.now() - begun) / 1000,
            });
          child.on('error', (error) => finish(null, error));
          child.on('close', (code) => finish(code, null));
        }),
    ),
  );
  for (const { label, command, args, code, error, output, seconds } of outcomes) {
    console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
    process.stdout.write(Buffer.concat(output));
    if (error) console.log(String(error));
    const ok = code === 0;
    stageTimes.push(`${label} ${seconds.toFixed(1)} s`);
    console.log(`${ok ? '✔' : '✘'} ${label} (${seconds.toFixed(1)} s)`);
    if (!ok) {
      failed += 1;
      problems.push(label);
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  stageTimes.push(`static checks together ${seconds} s`);
}

const COLOUR_CODES = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/**
 * The first lines of a failure, without colour codes: CI keeps only the end of the log,
 * so the reason has to be printed there, next to the test's name.
 */
function whyFailed(test) {
  const message = (test.failureMessages ?? []).join('\n').replace(COLOUR_CODES, '');
  const lines = message.split('\n').filter((line) => line.trim() !== '');
  const stackAt = lines.findIndex((line) => /^\s+at /.test(line));
  const head = lines.slice(0, stackAt === -1 ? 6 : Math.min(stackAt + 2, 8));
  return head.map((line) => `    ${line.slice(0, 300)}`).join('\n');
}

/** Runs vitest with a JSON report and adds its test cases to the totals. */
function vitest(label, args, reportFile, env = {}) {
  rmSync(reportFile, { force: true });
  const ok = run(
    label,
    'npx',
    [
      'vitest',
      'run',
      ...args,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reportFile}`,
    ],
    env,
  );
  if (!existsSync(reportFile)) {
    failed += 1;
    problems.push(`${label}: no report`);
    return;
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  for (const suite of report.testResults) {
    for (const test of suite.assertionResults) {
      if (test.status === 'failed')
        failedTests.push(
          `${label}: ${suite.name.replace(process.cwd() + '/', '')} › ${test.fullName}\n${whyFailed(test)}`,
        );
    }
    if (suite.status === 'failed' && suite.assertionResults.length === 0) {
      failedTests.push(
        `${suite.name.replace(process.cwd() + '/', '')}: ${(suite.message ?? '').split('\n')[0]}`,
      );
    }
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // Suites that fail to load count no test cases; they still fail the run.
  const brokenSuites = report.testResults.filter(
    (s) => s.status === 'failed' && s.assertionResults.length === 0,
  );
  failed += brokenSuites.length;
  if (!ok && report.numFailedTests === 0 && brokenSuites.length === 0) {
    failed += 1; // e.g. the coverage threshold was missed
    problems.push(`${label}: runner failed`);
  } else if (!ok) problems.push(label);
}

await checkTogether([
  { label: 'typecheck', command: 'npm', args: ['run', '--silent', 'typecheck'] },
  { label: 'lint', command: 'npm', args: ['run', '--silent', 'lint'] },
  { label: 'format', command: 'npx', args: ['prettier', '--check', '--log-level', 'warn', '.'] },
]);
vitest(
  `unit tests (renderer live queries up to ${String(JITTER_MS)} ms late)`,
  ['--coverage'],
  `${results}/unit.json`,
  { TIZILIM_JITTER: String(JITTER_MS) },
);
const built = check('build', 'npm', ['run', '--silent', 'build']);

const chromium = await findChromium();
if (!chromium) {
  console.error(`\n${CHROMIUM_MISSING}`);
  failed += 1;
  problems.push('e2e: no Chromium');
} else if (built) {
  vitest('end-to-end tests', ['-c', 'vitest.e2e.config.ts'], `${results}/e2e.json`);
}

/** Lines covered in the files below `prefix`, from the per-file coverage summary. */
function coverageOf(summary, prefix) {
  let covered = 0;
  let total = 0;
  for (const [file, entry] of Object.entries(summary)) {
    if (file === 'total' || !file.startsWith(`${process.cwd()}/${prefix}`)) continue;
    covered += entry.lines.covered;
    total += entry.lines.total;
  }
  return total === 0 ? '—' : `${((covered / total) * 100).toFixed(2)}%`;
}

if (existsSync('coverage/coverage-summary.json')) {
  const summary = JSON.parse(readFileSync('coverage/coverage-summary.json', 'utf8'));
  console.log(
    `\nCoverage (lines): shared/ ${coverageOf(summary, 'shared/')} (at least 95% required), renderer/src ${coverageOf(summary, 'renderer/src/')} (at least 85% required)`,
  );
}
console.log(`Stage times: ${stageTimes.join(', ')}`);
for (const name of failedTests) console.log(`✘ ${name}`);
if (problems.length) console.log(`Failed: ${problems.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
