// The demo generator's output, pinned: one SHA-256 of the JSON per fixed case. A refactor of
// shared/demo must leave every hash as it is (same seed, same office, byte for byte).
// When the generator is changed on purpose, write the new hashes with
//   TIZILIM_UPDATE_FINGERPRINT=1 npx vitest run test/shared/demo/fingerprint.test.ts
// and commit fingerprint.json with the change that explains why the office is different.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '@shared/demo/generate';
import { generateOffice } from '@shared/demo/generateOffice';
import { generateOffice as fixtureOffice } from '@test/fixtures/generateOffice';

const FILE = new URL('./fingerprint.json', import.meta.url);

const sha256 = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Each case is built the way one caller builds it. */
const CASES: Record<string, () => unknown> = {
  // renderer/src/features/demo/buildDemoOffice.ts: DEMO_APPEALS, seed 1, from 1 January of
  // the year before, demo: true (its "today" is yesterday; fixed here).
  'app demo office (600, seed 1)': () =>
    generateOffice({
      appeals: 600,
      seed: 1,
      today: '2026-12-05',
      from: '2025-01-01',
      demo: true,
    }),
  // test/fixtures/generateOffice.ts, as the fixture tests and bench-sync call it.
  'fixture office (400, seed 9)': () =>
    fixtureOffice({ appeals: 400, seed: 9, from: '2026-01-01' }),
  'fixture office (250, seed 1, not demo)': () =>
    fixtureOffice({ appeals: 250, seed: 1, demo: false }),
  'office with given users (120, seed 42)': () =>
    generateOffice({
      appeals: 120,
      seed: 42,
      from: '2024-03-01',
      today: '2025-06-30',
      userIds: ['u-deputy', 'u-aide'],
    }),
  'empty office (0, seed 3)': () => generateOffice({ appeals: 0, seed: 3 }),
  'dataset (300, seed 7)': () => generateDataset({ appeals: 300, seed: 7 }),
};

describe('demo generator fingerprint', () => {
  it('gives the same bytes for the same options as before', () => {
    const actual = Object.fromEntries(
      Object.entries(CASES).map(([name, make]) => [name, sha256(make())]),
    );
    if (process.env.TIZILIM_UPDATE_FINGERPRINT === '1') {
      writeFileSync(FILE, `${JSON.stringify(actual, null, 2)}\n`);
    }
    const expected = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, string>;
    expect(actual).toEqual(expected);
  });
});
