import { describe, expect, it } from 'vitest';

import { createKzCalendar } from '@shared/calendar';
import { parseExportFile } from '@shared/export';
import { computeDeadlines } from '@shared/workflow/deadlines';
import { CORPUS_NOW, validSmallOffice } from '@test/fixtures/malformedExports';

function parsed(file: unknown) {
  const result = parseExportFile(file, { now: CORPUS_NOW });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.file;
}

describe('derived data is recomputed, never read from the file', () => {
  it('recomputes a tampered decision deadline and acknowledgement deadline', () => {
    const file = validSmallOffice();
    const appeal = file.tables.appeals[3]!;
    const honest = computeDeadlines(createKzCalendar(), {
      receivedAt: appeal.receivedAt as string,
      registeredOn: appeal.registeredOn as string,
      extendedTo: appeal.extendedTo as string | null,
    });
    // The case: a decideBy moved so that late decisions look on time.
    appeal.decideBy = '2027-12-31';
    appeal.acknowledgeBy = '2027-12-31T10:00';
    const back = parsed(file).tables.appeals[3]!;
    expect(back.decideBy).toBe(honest.decideBy);
    expect(back.acknowledgeBy).toBe(honest.acknowledgeBy);
  });

  it('loads files of earlier versions, which carry search words, without them', () => {
    const file = validSmallOffice();
    const before = parsed(validSmallOffice());
    const old = file.tables as unknown as Record<string, Record<string, unknown>[]>;
    old.appeals![0]!.searchWords = ['жалған', 'сөз'];
    old.applicants![0]!.searchWords = [];
    old.agencies![0]!.searchWords = ['су'];
    const back = parsed(file);
    expect(back.tables.appeals[0]).not.toHaveProperty('searchWords');
    expect(back.tables.applicants[0]).not.toHaveProperty('searchWords');
    expect(back.tables.agencies[0]).not.toHaveProperty('searchWords');
    expect(back.tables).toEqual(before.tables);
  });

  it('sets the counters from the numbers used: neither lower nor higher than the file claims', () => {
    const low = validSmallOffice();
    low.tables.counters = [{ id: 'appeal:2026', value: 3 }];
    expect(parsed(low).tables.counters).toEqual([
      { id: 'appeal:2026', value: 40 },
      { id: 'inquiry:2026', value: 20 },
    ]);
    const high = validSmallOffice();
    high.tables.counters = [
      { id: 'appeal:2026', value: 999_999 },
      { id: 'appeal:2031', value: 77 },
    ];
    expect(parsed(high).tables.counters).toEqual([
      { id: 'appeal:2026', value: 40 },
      { id: 'inquiry:2026', value: 20 },
    ]);
  });

  it('keeps counters of kinds it does not recompute', () => {
    const file = validSmallOffice();
    file.tables.counters.push({ id: 'receipt:2026', value: 12 });
    expect(parsed(file).tables.counters).toContainEqual({ id: 'receipt:2026', value: 12 });
  });
});

describe('what holds together is accepted', () => {
  it('lets a merged-away (deleted) record keep the IIN of the person it was merged into', () => {
    const file = validSmallOffice();
    const [keep, gone] = file.tables.applicants.filter((a) => a.iin !== null);
    Object.assign(gone!, {
      iin: keep!.iin,
      mergedInto: keep!.id,
      deletedAt: '2026-11-01T06:00:00.000Z',
    });
    expect(parsed(file).tables.applicants.filter((a) => a.iin === keep!.iin)).toHaveLength(2);
  });

  it('restores applicants without recorded consent (old backups stay restorable)', () => {
    const file = validSmallOffice();
    file.tables.applicants[0]!.consent = null;
    expect(parsed(file).tables.applicants[0]!.consent).toBeNull();
  });

  it('accepts Windows line ends and tabs in texts, stored as newlines', () => {
    const file = validSmallOffice();
    file.tables.appeals[0]!.text = 'Бірінші жол\r\nекінші\tжол';
    expect(parsed(file).tables.appeals[0]!.text).toBe('Бірінші жол\nекінші\tжол');
  });

  it('accepts an appeal text of exactly 50,000 characters', () => {
    const file = validSmallOffice();
    file.tables.appeals[0]!.text = 'а'.repeat(50_000);
    expect(parsed(file).tables.appeals[0]!.text).toHaveLength(50_000);
  });
});
