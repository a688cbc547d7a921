import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { OfficeSearch, foldForm } from '@shared/search';
import { generateOffice } from '@test/fixtures/generateOffice';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = join(root, 'scripts', 'search.mjs');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run search` (its script) and waits for it to exit. */
function run(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { cwd: root }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const office = generateOffice({ appeals: 120, seed: 5, today: '2026-11-20' });
const { appeals, applicants, agencies } = office.tables;
const search = OfficeSearch.build({ appeals, applicants, agencies });
const regNoOf = new Map(appeals.map((a) => [a.id, a.regNo]));
const expected = (q: string, limit?: number) =>
  search
    .searchAppeals(q, { currentYear: 2026, ...(limit ? { limit } : {}) })!
    .ids.map((id) => regNoOf.get(id));

let dir = '';
let data = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tizilim-search-cli-'));
  data = join(dir, 'export.json');
  writeFileSync(data, JSON.stringify(office));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// Each run starts Node and Vite's module runner: seconds on a loaded machine.
describe('npm run search', { timeout: 120_000 }, () => {
  const surname = applicants
    .map((a) => a.fullName.split(' ')[0]!)
    .find((s) => /[әғқңөұүһі]/i.test(s))!;
  // Typed on a Russian keyboard: without the Kazakh letters.
  const folded = foldForm(surname.toLowerCase());

  it('prints the registry numbers the app finds, best first, one per line', async () => {
    const [byName, byNumber, lastYear, limited] = await Promise.all([
      run('--data', data, '--q', folded, '--today', '2026-11-20'),
      run('--data', data, '--q', '0007', '--today', '2026-11-20'),
      run('--data', data, '--q', '7', '--today', '2025-06-01'),
      run('--data', data, '--q', surname, '--limit', '2', '--today', '2026-11-20'),
    ]);
    expect(byName.code).toBe(0);
    const names = byName.stdout.trim().split('\n');
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual(expected(folded));
    expect(byNumber.stdout).toBe(`${expected('0007').join('\n')}\n`);
    // A short number: the sequence of --today's year first.
    expect(byNumber.stdout.split('\n').slice(0, 2)).toEqual(['2026-0007', '2025-0007']);
    expect(lastYear.stdout.split('\n').slice(0, 2)).toEqual(['2025-0007', '2026-0007']);
    expect(limited.stdout.trim().split('\n')).toEqual(expected(surname, 2));
    expect(limited.stderr).toMatch(/found, the first 2 shown/);
  });

  it('prints nothing and exits 0 when nothing matches', async () => {
    const none = await run('--data', data, '--q', 'Фьордлэнд', '--today', '2026-11-20');
    expect(none).toMatchObject({ code: 0, stdout: '' });
    expect(none.stderr).toMatch(/0 found/);
  });

  it('refuses bad arguments with 2 and an invalid export with 3', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'tizilim-export', version: 1, tables: {} }));
    const [noQuery, badLimit, missing, invalid] = await Promise.all([
      run('--data', data),
      run('--data', data, '--q', 'x', '--limit', '0'),
      run('--data', join(dir, 'none.json'), '--q', 'x'),
      run('--data', bad, '--q', 'x'),
    ]);
    expect(noQuery.code).toBe(2);
    expect(noQuery.stderr).toMatch(/--q is required/);
    expect(badLimit.code).toBe(2);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/not found/);
    expect(invalid.code).toBe(3);
    expect(invalid.stdout).toBe('');
  });
});
