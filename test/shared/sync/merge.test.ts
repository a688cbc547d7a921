import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deviceCodeOf } from '@shared/numbering';
import { mergeDatasets, WORKFLOW_FIELDS, type AnyRecord } from '@shared/merge';
import { dataOf, recordMerge, resolutionOf, sameData, type SyncRecordData } from '@shared/sync';
import { generateOffice } from '@test/fixtures/generateOffice';

const office = generateOffice({ appeals: 10, seed: 21, from: '2026-03-01' });
const base = dataOf('appeals', { ...office.tables.appeals[0]! } as unknown as SyncRecordData);

const edit = (
  record: SyncRecordData,
  patch: SyncRecordData,
  at: string,
  by = 'aigerim',
): SyncRecordData => ({
  ...record,
  ...patch,
  version: Number(record.version) + 1,
  updatedAt: at,
  updatedBy: by,
});

/** The same pair merged as an exchange package would merge it (shared/merge's mergeDatasets). */
function asPackage(mine: SyncRecordData, theirs: SyncRecordData, known: SyncRecordData) {
  const outcome = mergeDatasets({
    mine: { appeals: [mine as AnyRecord] },
    theirs: { appeals: [theirs as AnyRecord] },
    base: () => known as AnyRecord,
    context: {
      now: '2026-11-25T05:00:00.000Z',
      userId: 'aigerim',
      device: { deviceId: 'laptop-a', deviceCode: deviceCodeOf('laptop-a'), issuer: true },
      from: { deviceId: 'laptop-b' },
    },
  });
  if (!outcome.ok) throw new Error('refused');
  const put = outcome.result.put.appeals?.[0];
  return {
    record: put ? dataOf('appeals', put as SyncRecordData) : mine,
    conflicts: outcome.result.conflicts,
  };
}

describe('the sync’s record merge is shared/merge’s', () => {
  it('takes each side’s change of different fields, with one set of bookkeeping', () => {
    const mine = edit(base, { subject: 'Ыстық су жоқ' }, '2026-11-20T05:00:00.000Z');
    const theirs = edit(
      base,
      { expectation: 'Жауап хат күтемін' },
      '2026-11-20T06:00:00.000Z',
      'bolat',
    );
    const { record, conflicts } = recordMerge({ table: 'appeals', base, mine, theirs });
    expect(conflicts).toEqual([]);
    expect(record).toMatchObject({
      subject: 'Ыстық су жоқ',
      expectation: 'Жауап хат күтемін',
      version: Number(base.version) + 2,
      updatedAt: '2026-11-20T06:00:00.000Z',
      updatedBy: 'bolat',
      createdAt: base.createdAt,
    });
    // Derived fields are the change layer's: the merged data is what the sync sends.
    expect(record).not.toHaveProperty('searchWords');
  });

  it('merges inside an object and a list: a street here, a building and a tag there', () => {
    const location = base.location as Record<string, string>;
    const mine = edit(
      base,
      { location: { ...location, street: 'Абай даңғылы' } },
      '2026-11-20T05:00:00.000Z',
    );
    const theirs = edit(
      base,
      { location: { ...location, building: '12А' }, tags: [...(base.tags as string[]), 'жылу'] },
      '2026-11-20T06:00:00.000Z',
      'bolat',
    );
    const { record, conflicts } = recordMerge({ table: 'appeals', base, mine, theirs });
    expect(conflicts).toEqual([]);
    expect(record.location).toMatchObject({ street: 'Абай даңғылы', building: '12А' });
    expect(record.tags).toContain('жылу');
  });

  it('is the package merge: the same record and the same conflicts for any two edits', () => {
    const fields = ['subject', 'text', 'expectation'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...fields),
        fc.constantFrom(...fields),
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.string({ minLength: 1, maxLength: 30 }),
        (f1, f2, v1, v2) => {
          const mine = edit(base, { [f1]: `${v1.trim()}а` }, '2026-11-20T05:00:00.000Z');
          const theirs = edit(base, { [f2]: `${v2.trim()}б` }, '2026-11-21T05:00:00.000Z');
          const synced = recordMerge({ table: 'appeals', base, mine, theirs });
          const packaged = asPackage(mine, theirs, base);
          expect(synced.conflicts).toEqual(packaged.conflicts);
          expect(sameData(synced.record, packaged.record)).toBe(true);
          const other = recordMerge({ table: 'appeals', base, mine: theirs, theirs: mine });
          if (f1 === f2) {
            expect(synced.conflicts).toEqual([
              expect.objectContaining({ field: f1, mine: mine[f1], theirs: theirs[f1] }),
            ]);
            expect(synced.record[f1]).toBe(mine[f1]); // this laptop's value until decided
          } else {
            // Both laptops resolving the same server conflict write the same revision.
            expect(synced.conflicts).toEqual([]);
            expect(sameData(synced.record, other.record)).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('without a base, any difference is a decision for a person', () => {
    const mine = edit(base, { subject: 'Су құбыры' }, '2026-11-20T05:00:00.000Z');
    const theirs = edit(base, { subject: 'Водопровод' }, '2026-11-20T05:00:00.000Z');
    const { conflicts } = recordMerge({ table: 'appeals', base: null, mine, theirs });
    expect(conflicts).toEqual([
      expect.objectContaining({ field: 'subject', baseKnown: false, base: null, kind: 'field' }),
    ]);
  });

  it('a status moved differently on both laptops is one status conflict of the workflow group', () => {
    // The generated appeal before its decision: the workflow's fields empty, just registered.
    const open: SyncRecordData = {
      ...base,
      ...Object.fromEntries(WORKFLOW_FIELDS.map((field) => [field, null])),
      status: 'registered',
    };
    const mine = edit(open, { status: 'in_progress' }, '2026-11-20T05:00:00.000Z');
    const theirs = edit(
      open,
      { status: 'decided', outcome: 'resolved', decidedOn: '2026-11-20' },
      '2026-11-20T06:00:00.000Z',
      'bolat',
    );
    const merged = recordMerge({ table: 'appeals', base: open, mine, theirs });
    expect(merged.conflicts).toEqual([
      expect.objectContaining({ kind: 'status', fields: expect.arrayContaining(['status']) }),
    ]);
    expect(merged.record.status).toBe('in_progress');
  });

  it('counters merge as shared/numbering merges them; events never conflict', () => {
    const block = {
      from: 101,
      to: 150,
      deviceId: 'laptop-b',
      grantedBy: 'couchdb:office-7',
      grantedAt: '2026-11-01T04:00:00.000Z',
      used: 104,
    };
    const merged = recordMerge({
      table: 'counters',
      base: { id: 'appeal:2026', value: 3 },
      mine: { id: 'appeal:2026', value: 5 },
      theirs: { id: 'appeal:2026', value: 4, blocks: [block] },
    }).record;
    expect(merged).toEqual({ id: 'appeal:2026', value: 150, blocks: [block] });
    const event = { ...office.tables.events[0]! } as unknown as SyncRecordData;
    expect(
      recordMerge({ table: 'events', base: null, mine: event, theirs: event }).conflicts,
    ).toEqual([]);
  });

  it('a merged record that breaks its rules keeps this laptop’s values, as an invalid conflict', () => {
    const mine = edit(base, { subject: '' }, '2026-11-20T05:00:00.000Z');
    const theirs = edit(base, { text: 'Жаңа мәтін' }, '2026-11-20T05:00:00.000Z');
    const merged = recordMerge({ table: 'appeals', base, mine, theirs });
    expect(merged.conflicts).toEqual([expect.objectContaining({ kind: 'invalid' })]);
    expect(merged.record.subject).toBe('');
  });

  it('a person’s choice in the list becomes shared/merge’s resolution', () => {
    expect(resolutionOf('appeals/1/subject', 'mine')).toEqual({
      conflictId: 'appeals/1/subject',
      choice: 'mine',
    });
    expect(resolutionOf('appeals/1/subject', { value: 'Екеуі бірге' })).toEqual({
      conflictId: 'appeals/1/subject',
      choice: 'edit',
      value: 'Екеуі бірге',
    });
  });
});
