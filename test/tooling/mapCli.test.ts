import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { hotSpots, publicHotSpots } from '@shared/map';
import { generateOffice } from '@test/fixtures/generateOffice';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = join(root, 'scripts', 'map.mjs');
const geojson = join(root, 'test', 'fixtures', 'maps', 'okrug7.geojson');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run map` (its script) and waits for it to exit. */
function run(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { cwd: root }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const office = generateOffice({ appeals: 400, seed: 3, today: '2026-11-20' });
let dir = '';
let data = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tizilim-map-cli-'));
  data = join(dir, 'export.json');
  writeFileSync(data, JSON.stringify(office));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// Each run starts Node and Vite's module runner: seconds on a loaded machine.
describe('npm run map', { timeout: 120_000 }, () => {
  it('prints the public ranking in the language asked and writes the shaded map', async () => {
    const svgRu = join(dir, 'map-ru.svg');
    const svgKk = join(dir, 'rank-kk.svg');
    const [ru, kk, bad] = await Promise.all([
      run(
        '--data',
        data,
        '--quarter',
        '2026-Q3',
        '--lang',
        'ru',
        '--geojson',
        geojson,
        '--out',
        svgRu,
      ),
      run('--data', data, '--quarter', '2026-Q3', '--lang', 'kk', '--out', svgKk),
      run('--data', data, '--quarter', '2026-Q5', '--lang', 'ru'),
    ]);
    expect(ru.code, ru.stderr).toBe(0);
    expect(kk.code, kk.stderr).toBe(0);

    // The same places and counts as shared/map gives the report (places under 3 not named).
    const figures = publicHotSpots(
      hotSpots(office.tables.appeals, {
        level: 'street',
        period: { from: '2026-07-01', to: '2026-09-30' },
        previous: { from: '2026-04-01', to: '2026-06-30' },
      }),
    );
    const ruLines = ru.stdout.trim().split('\n');
    expect(ruLines[0]!.replace(/\u00a0/g, ' ')).toBe(
      'Карта проблем · III квартал 2026 года · улицы',
    );
    expect(ruLines.filter((line) => /^\s+\d+\. /.test(line))).toHaveLength(figures.spots.length);
    expect(figures.spots.length).toBeGreaterThan(3);
    expect(ruLines[1]).toContain(`— ${String(figures.spots[0]!.count)} (`);
    // Places in Russian: no Kazakh generic word, the demo glossary's «проспект Абая».
    expect(ru.stdout).not.toMatch(/даңғылы|көшесі|шағын ауданы/);
    expect(ru.stdout).toMatch(/улица Кенесары|проспект Абая/);
    expect(kk.stdout).toMatch(/көшесі|даңғылы/);

    const map = readFileSync(svgRu, 'utf8');
    expect(map).toMatch(/^<svg /);
    // Streets of the fixture map are shaded with the public counts, titled in Russian.
    expect(map).toMatch(/data-count="[1-9]\d*"/);
    expect(map).toContain('<title>улица Кенесары: ');
    // Without a map: the ranking as bars.
    expect(readFileSync(svgKk, 'utf8')).toContain('<rect');

    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--quarter must look like 2026-Q3');
  });
});
