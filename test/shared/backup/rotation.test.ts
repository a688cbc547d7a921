import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toKzLocalDate } from '@shared/calendar/zone';
import { backupsToKeep, DEFAULT_ROTATION, weekOf, type RotationCandidate } from '@shared/backup';

const START = Date.parse('2025-01-01T00:00:00Z');
const YEAR_MS = 2 * 365 * 86_400_000;

const candidatesArb = fc
  .uniqueArray(fc.integer({ min: 0, max: YEAR_MS }), { maxLength: 120 })
  .map((offsets) =>
    offsets.map((ms, i): RotationCandidate => ({
      name: `b${i}`,
      createdAt: new Date(START + ms).toISOString(),
    })),
  );

const dayOf = (c: RotationCandidate) => toKzLocalDate(new Date(c.createdAt));

function newestPer(
  candidates: RotationCandidate[],
  bucket: (day: string) => string,
  limit: number,
): string[] {
  const sorted = [...candidates].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const seen = new Map<string, string>();
  for (const c of sorted) {
    const key = bucket(dayOf(c));
    if (!seen.has(key)) seen.set(key, c.name);
  }
  return [...seen.values()].slice(0, limit);
}

describe('rotation: 7 daily, 5 weekly, 12 monthly', () => {
  it('keeps the newest backup of each of the most recent days, weeks and months, and nothing else', () => {
    fc.assert(
      fc.property(candidatesArb, (candidates) => {
        const keep = backupsToKeep(candidates);
        const expected = new Set([
          ...newestPer(candidates, (d) => d, 7),
          ...newestPer(candidates, weekOf, 5),
          ...newestPer(candidates, (d) => d.slice(0, 7), 12),
        ]);
        expect(keep).toEqual(expected);
      }),
    );
  });

  it('always keeps the newest backup and never more than 24', () => {
    fc.assert(
      fc.property(candidatesArb, (candidates) => {
        const keep = backupsToKeep(candidates);
        expect(keep.size).toBeLessThanOrEqual(
          DEFAULT_ROTATION.daily + DEFAULT_ROTATION.weekly + DEFAULT_ROTATION.monthly,
        );
        if (candidates.length > 0) {
          const newest = [...candidates].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0]!;
          expect(keep.has(newest.name)).toBe(true);
        }
        for (const name of keep) expect(candidates.some((c) => c.name === name)).toBe(true);
      }),
    );
  });

  it('is stable: rotating what was kept keeps all of it', () => {
    fc.assert(
      fc.property(candidatesArb, (candidates) => {
        const keep = backupsToKeep(candidates);
        const kept = candidates.filter((c) => keep.has(c.name));
        expect(backupsToKeep(kept)).toEqual(keep);
      }),
    );
  });

  it('never deletes a backup that is newer than one it keeps for the same day', () => {
    fc.assert(
      fc.property(candidatesArb, (candidates) => {
        const keep = backupsToKeep(candidates);
        for (const c of candidates.filter((x) => keep.has(x.name))) {
          const newerSameDay = candidates.filter(
            (x) => dayOf(x) === dayOf(c) && x.createdAt > c.createdAt,
          );
          for (const newer of newerSameDay) expect(keep.has(newer.name)).toBe(true);
        }
      }),
    );
  });

  it('counts days in Kazakhstan time and weeks from Monday', () => {
    // 20:00 UTC on the 19th is 01:00 on the 20th in Astana.
    const keep = backupsToKeep(
      [
        { name: 'late', createdAt: '2026-11-19T20:00:00.000Z' },
        { name: 'early', createdAt: '2026-11-19T18:00:00.000Z' },
      ],
      { daily: 2, weekly: 0, monthly: 0 },
    );
    expect(keep).toEqual(new Set(['late', 'early']));
    expect(weekOf('2026-11-22')).toBe('2026-11-16');
    expect(weekOf('2026-11-16')).toBe('2026-11-16');
  });
});
