import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyDecisions,
  interimMerge,
  recordMerge,
  sameData,
  type SyncRecordData,
} from '@shared/sync';
import { generateOffice } from '@test/fixtures/generateOffice';

const office = generateOffice({ appeals: 10, seed: 21, from: '2026-03-01' });
const base = { ...office.tables.appeals[0]! } as unknown as SyncRecordData;
delete base.searchWords;

const edit = (record: SyncRecordData, patch: SyncRecordData, at: string, by = 'aigerim') => ({
  ...record,
  ...patch,
  version: Number(record.version) + 1,
  updatedAt: at,
  updatedBy: by,
});

describe('the interim record merge (the interface shared/merge plugs into)', () => {
  it('is what the sync uses until shared/merge replaces it', () => {
    expect(recordMerge).toBe(interimMerge);
  });

  it('takes each side’s change of different fields, with one set of bookkeeping', () => {
    const mine = edit(base, { subject: 'Ыстық су жоқ' }, '2026-11-20T05:00:00.000Z');
    const theirs = edit(
      base,
      { expectation: 'Жауап хат күтемін' },
      '2026-11-20T06:00:00.000Z',
      'bolat',
    );
    const { record, conflicts } = interimMerge({ table: 'appeals', base, mine, theirs });
    expect(conflicts).toEqual([]);
    expect(record).toMatchObject({
      subject: 'Ыстық су жоқ',
      expectation: 'Жауап хат күтемін',
      version: Number(base.version) + 2,
      updatedAt: '2026-11-20T06:00:00.000Z',
      updatedBy: 'bolat',
      createdAt: base.createdAt,
    });
  });

  it('is symmetric when nothing conflicts: both laptops write the same record', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('subject', 'text', 'expectation'),
        fc.constantFrom('subject', 'text', 'expectation'),
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.string({ minLength: 1, maxLength: 30 }),
        (f1, f2, v1, v2) => {
          const mine = edit(base, { [f1]: `${v1}.` }, '2026-11-20T05:00:00.000Z');
          const theirs = edit(base, { [f2]: `${v2}!` }, '2026-11-21T05:00:00.000Z');
          const ab = interimMerge({ table: 'appeals', base, mine, theirs });
          const ba = interimMerge({ table: 'appeals', base, mine: theirs, theirs: mine });
          if (f1 === f2) {
            expect(ab.conflicts).toHaveLength(1);
            expect(ab.conflicts[0]).toMatchObject({ field: f1, mine: `${v1}.`, theirs: `${v2}!` });
            expect(ab.record[f1]).toBe(`${v1}.`); // this laptop's value until someone decides
          } else {
            expect(ab.conflicts).toEqual([]);
            expect(sameData(ab.record, ba.record)).toBe(true);
          }
        },
      ),
    );
  });

  it('without a base, any difference is a decision for a person', () => {
    const mine = edit(base, { subject: 'А' }, '2026-11-20T05:00:00.000Z');
    const theirs = edit(base, { subject: 'Б' }, '2026-11-20T05:00:00.000Z');
    const { conflicts } = interimMerge({ table: 'appeals', base: null, mine, theirs });
    expect(conflicts).toEqual([
      expect.objectContaining({ field: 'subject', baseKnown: false, base: null, kind: 'field' }),
    ]);
  });

  it('counters take the highest value; events never conflict', () => {
    expect(
      interimMerge({
        table: 'counters',
        base: { id: 'appeal:2026', value: 3 },
        mine: { id: 'appeal:2026', value: 5 },
        theirs: { id: 'appeal:2026', value: 4 },
      }).record,
    ).toEqual({ id: 'appeal:2026', value: 5 });
    const event = { ...office.tables.events[0]! } as unknown as SyncRecordData;
    expect(
      interimMerge({ table: 'events', base: null, mine: event, theirs: event }).conflicts,
    ).toEqual([]);
  });

  it('a merged record that breaks its rules keeps this laptop’s record, as one conflict', () => {
    const mine = edit(base, { subject: '' }, '2026-11-20T05:00:00.000Z');
    const theirs = edit(base, { text: 'Жаңа мәтін' }, '2026-11-20T05:00:00.000Z');
    const merged = interimMerge({ table: 'appeals', base, mine, theirs });
    expect(merged.record).toBe(mine);
    expect(merged.conflicts).toEqual([expect.objectContaining({ kind: 'invalid', field: '*' })]);
  });

  it('a person’s decisions: chosen values, next version', () => {
    const mine = edit(base, { subject: 'Менікі' }, '2026-11-20T05:00:00.000Z');
    const theirs = edit(base, { subject: 'Олардікі' }, '2026-11-20T05:00:00.000Z');
    const { record, conflicts } = interimMerge({ table: 'appeals', base, mine, theirs });
    const stampAt = { now: '2026-11-22T05:00:00.000Z', userId: 'aigerim' };
    const kept = applyDecisions(record, [{ conflict: conflicts[0]!, choice: 'theirs' }], stampAt);
    expect(kept).toMatchObject({
      subject: 'Олардікі',
      version: Number(record.version) + 1,
      updatedAt: stampAt.now,
    });
    const typed = applyDecisions(
      record,
      [{ conflict: conflicts[0]!, choice: { value: 'Екеуі бірге' } }],
      stampAt,
    );
    expect(typed.subject).toBe('Екеуі бірге');
  });
});
