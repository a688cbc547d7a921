/**
 * `npm run merge` end to end: the script reads two exports, runs the app's merge and writes a
 * merged export and the list of conflicts, with the documented exit codes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseExportFile } from '@shared/export';
import { generateOffice } from '@test/fixtures/generateOffice';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'tizilim-merge-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function merge(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run('node', ['scripts/merge.mjs', ...args], { cwd: process.cwd() });
    return { code: 0, stderr };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

const office = generateOffice({ appeals: 15, seed: 21, from: '2026-10-01' });
const path = (name: string) => join(dir, name);

/** Each case starts Node and Vite's module runner; slow on a loaded machine, not failing. */
const SLOW = 120_000;

describe('npm run merge', () => {
  it(
    'exit 2 for bad arguments and missing files',
    async () => {
      expect((await merge('--into', path('office.json'))).code).toBe(2);
      const missing = await merge(
        '--into',
        path('nope.json'),
        '--from',
        path('nope.json'),
        '--out',
        path('m.json'),
      );
      expect(missing).toMatchObject({ code: 2 });
      expect(missing.stderr).toContain('file not found');
    },
    SLOW,
  );

  it(
    'exit 5 with the conflicts listed, a valid merged export, and 3 for a file that is not one',
    async () => {
      const other = structuredClone(office);
      const appeal = other.tables.appeals[0]!;
      const mine = structuredClone(office);
      mine.tables.applicants[0]!.email = 'kense@maslihat.kz';
      other.tables.applicants[0]!.email = 'qabyldau@maslihat.kz';
      other.tables.appeals[0] = { ...appeal, tags: [...appeal.tags, 'қабылдау'] };
      writeFileSync(path('office.json'), JSON.stringify(mine));
      writeFileSync(path('reception.json'), JSON.stringify(other));
      const result = await merge(
        '--into',
        path('office.json'),
        '--from',
        path('reception.json'),
        '--out',
        path('merged.json'),
        '--conflicts',
        path('conflicts.json'),
        '--now',
        '2026-12-01T05:00:00Z',
      );
      expect(result.code, result.stderr).toBe(5);
      const report = JSON.parse(readFileSync(path('conflicts.json'), 'utf8')) as {
        format: string;
        conflicts: { field: string; mine: unknown; theirs: unknown }[];
      };
      expect(report.format).toBe('tizilim-merge-report');
      expect(report.conflicts.map((c) => [c.field, c.mine, c.theirs])).toEqual([
        ['email', 'kense@maslihat.kz', 'qabyldau@maslihat.kz'],
      ]);
      const merged = parseExportFile(readFileSync(path('merged.json'), 'utf8'), {
        now: new Date(),
      });
      expect(merged.ok).toBe(true);

      writeFileSync(path('broken.json'), '{"format":"tizilim-export","version":1,"tables":');
      const broken = await merge(
        '--into',
        path('office.json'),
        '--from',
        path('broken.json'),
        '--out',
        path('m2.json'),
      );
      expect(broken.code).toBe(3);
      expect(broken.stderr).toContain('JSON');
    },
    SLOW,
  );
});
