import type { DBCore, DBCoreTable } from 'dexie';
import { describe, expect, it } from 'vitest';
import { changesSince, onChangesCommitted, type ChangeEntry } from '@renderer/db/changeLog';
import type { TizilimDb } from '@renderer/db/database';
import { registryRowOf } from '@renderer/db/registryRow';
import { searchIndexOf } from '@renderer/db/searchIndex';
import {
  anonymiseApplicant,
  createAgency,
  createAppeal,
  createApplicant,
  getDevice,
  importRecords,
  saveDraft,
  softDeleteAppeal,
  updateApplicant,
} from '@renderer/db/repositories';
import { generateDataset } from '@test/fixtures/generate';
import {
  ctxAt,
  deleteFreshDbsAfterEach,
  failingWrites,
  freshDb,
  kazakhAppeal,
  rowsOf,
  russianAppeal,
  WRITTEN_CONSENT,
} from './helpers';

deleteFreshDbsAfterEach();

const gulnar = {
  consent: WRITTEN_CONSENT,
  fullName: 'Сейітқали Гүлнар',
  phones: ['87012345678'],
};

/** [table, id, op] of every entry after `afterSeq`. */
async function logged(db: TizilimDb, afterSeq = 0) {
  return (await changesSince(db, afterSeq, 100_000)).map((e) => [e.table, e.id, e.op]);
}

function everyTable(db: TizilimDb) {
  return rowsOf(
    db,
    'appeals',
    'applicants',
    'events',
    'counters',
    'registryRows',
    'changes',
    'settings',
  );
}

describe('the change log', () => {
  it('logs every record a repository writes, in order, with this laptop and the time', async () => {
    const db = freshDb();
    const device = await getDevice(db);
    const applicant = await createApplicant(db, gulnar, ctxAt());
    const appeal = await createAppeal(db, kazakhAppeal({ applicantId: applicant.id }), ctxAt());
    const [created] = await db.events.where('appealId').equals(appeal.id).toArray();
    expect(await logged(db)).toEqual([
      ['applicants', applicant.id, 'put'],
      ['counters', 'appeal:2026', 'put'],
      ['appeals', appeal.id, 'put'],
      ['events', created!.id, 'put'],
    ]);
    const entries = await changesSince(db, 0);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(new Set(entries.map((e) => e.device))).toEqual(new Set([device.id]));
    expect(entries.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it('logs nothing for drafts, registry rows or a write that was refused', async () => {
    const db = freshDb();
    await saveDraft(db, { kind: 'intake', key: 'r1:v1', data: { text: 'Жарық жоқ' } });
    await expect(createAppeal(db, kazakhAppeal({ subject: '' }), ctxAt())).rejects.toMatchObject({
      code: 'validation',
    });
    expect(await logged(db)).toEqual([]);
    expect(await db.drafts.count()).toBe(1);
  });

  it('logs a soft delete as a put, a hard delete as a delete and emptying a table as a clear', async () => {
    const db = freshDb();
    const appeal = await createAppeal(db, kazakhAppeal(), ctxAt());
    const seq = (await changesSince(db, 0)).length;
    await softDeleteAppeal(db, appeal.id, 'Қате тіркелген', ctxAt());
    const deleted = await db.events
      .where('appealId')
      .equals(appeal.id)
      .filter((e) => e.type === 'deleted')
      .first();
    await db.events.delete(deleted!.id);
    await db.counters.clear();
    expect(await logged(db, seq)).toEqual([
      ['appeals', appeal.id, 'put'],
      ['events', deleted!.id, 'put'],
      ['events', deleted!.id, 'delete'],
      ['counters', '', 'clear'],
    ]);
  });

  it('logs Dexie’s update and modify like any put, with derived data', async () => {
    const db = freshDb();
    const appeal = await createAppeal(db, kazakhAppeal(), ctxAt());
    const seq = (await changesSince(db, 0)).length;
    await db.appeals.update(appeal.id, { subject: 'Жылу жоқ' });
    await db.appeals.where('id').equals(appeal.id).modify({ topic: 'housing' });
    expect(await logged(db, seq)).toEqual([
      ['appeals', appeal.id, 'put'],
      ['appeals', appeal.id, 'put'],
    ]);
    const stored = (await db.appeals.get(appeal.id))!;
    expect(await db.registryRows.get(appeal.id)).toEqual(registryRowOf(stored, ''));
  });

  it('logs a delete of part of a table key by key', async () => {
    const db = freshDb();
    const appeals = [];
    for (const subject of ['Жол', 'Су', 'Жарық']) {
      appeals.push(await createAppeal(db, kazakhAppeal({ subject }), ctxAt()));
    }
    const ids = appeals.map((a) => a.id).sort();
    const seq = (await changesSince(db, 0)).length;
    await db.appeals.where('id').between(ids[0], ids[1], true, true).delete();
    expect(await logged(db, seq)).toEqual([
      ['appeals', ids[0], 'delete'],
      ['appeals', ids[1], 'delete'],
    ]);
    expect((await db.registryRows.toArray()).map((r) => r.id)).toEqual([ids[2]]);
  });

  it('is written in the same transaction: a transaction that fails leaves neither records nor entries', async () => {
    const db = freshDb();
    await createAppeal(db, kazakhAppeal(), ctxAt());
    const before = await everyTable(db);
    const heard: ChangeEntry[][] = [];
    onChangesCommitted(db, (entries) => heard.push([...entries]));
    await expect(
      db.transaction(
        'rw',
        // A registration issues its number as this laptop (the device table: numbering.ts).
        [db.appeals, db.applicants, db.events, db.counters, db.settings, db.device],
        async () => {
          await createApplicant(db, gulnar, ctxAt());
          await createAppeal(db, russianAppeal(), ctxAt());
          throw new Error('power cut');
        },
      ),
    ).rejects.toThrow('power cut');
    expect(await everyTable(db)).toEqual(before);
    expect(heard).toEqual([]);
  });

  it('a write whose entry cannot be logged is not committed, even when the caller goes on', async () => {
    const db = freshDb();
    const disk = failingWrites(db, 'changes');
    await createAppeal(db, kazakhAppeal(), ctxAt());
    const before = await everyTable(db);
    disk.armed = true;
    await expect(createAppeal(db, russianAppeal(), ctxAt())).rejects.toThrow('quota exceeded');
    // A caller that swallows the failure cannot commit the record without its entry.
    const swallowed = db.transaction('rw', [db.applicants, db.counters], async () => {
      await db.counters.put({ id: 'appeal:2027', value: 5 }).catch(() => undefined);
      disk.armed = false;
      await createApplicant(db, gulnar, ctxAt());
    });
    await expect(swallowed).rejects.toThrow();
    disk.armed = false;
    expect(await everyTable(db)).toEqual(before);
  });

  it('tells listeners after the commit, once per transaction, in seq order', async () => {
    const db = freshDb();
    const heard: { entries: ChangeEntry[]; stored: number }[] = [];
    const reads: Promise<void>[] = [];
    const stop = onChangesCommitted(db, (entries) => {
      // Whatever a listener reads in a new transaction is there: the commit happened.
      reads.push(
        db.applicants.count().then((stored) => {
          heard.push({ entries: [...entries], stored });
        }),
      );
    });
    const a = await createApplicant(db, gulnar, ctxAt());
    await updateApplicant(db, a.id, { fullName: 'Сейітқали Гүлнар Маратқызы' }, ctxAt());
    await saveDraft(db, { kind: 'intake', key: 'x', data: {} });
    await Promise.all(reads);
    expect(heard).toEqual([
      {
        entries: [expect.objectContaining({ seq: 1, table: 'applicants', id: a.id, op: 'put' })],
        stored: 1,
      },
      {
        entries: [expect.objectContaining({ seq: 2, table: 'applicants', id: a.id, op: 'put' })],
        stored: 1,
      },
    ]);
    stop();
    await createApplicant(db, gulnar, ctxAt());
    expect(heard).toHaveLength(2);
  });

  it('a listener that throws does not keep the others from hearing', async () => {
    const db = freshDb();
    const heard: number[] = [];
    const errors = console.error;
    console.error = () => undefined;
    try {
      onChangesCommitted(db, () => {
        throw new Error('journal unreachable');
      });
      onChangesCommitted(db, (entries) => heard.push(entries.length));
      await createApplicant(db, gulnar, ctxAt());
      await db.transaction('r', db.applicants, () => undefined);
    } finally {
      console.error = errors;
    }
    expect(heard).toEqual([1]);
  });
});

describe('derived data', () => {
  it('keeps registry rows with the lead applicant’s current name through rename, anonymisation and deletion', async () => {
    const db = freshDb();
    const a = await createApplicant(db, gulnar, ctxAt());
    const first = await createAppeal(db, kazakhAppeal({ applicantId: a.id }), ctxAt());
    const second = await createAppeal(db, russianAppeal({ applicantId: a.id }), ctxAt());
    const row = async (id: string) => (await db.registryRows.get(id))?.applicantName;
    expect(await row(first.id)).toBe('Сейітқали Гүлнар');
    await updateApplicant(db, a.id, { fullName: 'Сейітқали Гүлнар Маратқызы' }, ctxAt());
    expect([await row(first.id), await row(second.id)]).toEqual([
      'Сейітқали Гүлнар Маратқызы',
      'Сейітқали Гүлнар Маратқызы',
    ]);
    await anonymiseApplicant(db, a.id, { reason: 'Азаматтың өтініші' }, ctxAt());
    expect([await row(first.id), await row(second.id)]).toEqual(['', '']);
    await softDeleteAppeal(db, second.id, 'Қайталама', ctxAt());
    expect(await db.registryRows.get(second.id)).toBeUndefined();
    expect(await db.registryRows.get(first.id)).toEqual(
      registryRowOf((await db.appeals.get(first.id))!, ''),
    );
  });

  it('names an applicant who arrives after their appeals (records in any order)', async () => {
    const source = freshDb();
    const a = await createApplicant(source, gulnar, ctxAt());
    const appeal = await createAppeal(source, kazakhAppeal({ applicantId: a.id }), ctxAt());
    const db = freshDb();
    await db.appeals.add((await source.appeals.get(appeal.id))!);
    expect((await db.registryRows.get(appeal.id))?.applicantName).toBe('');
    await db.applicants.add((await source.applicants.get(a.id))!);
    expect((await db.registryRows.get(appeal.id))?.applicantName).toBe('Сейітқали Гүлнар');
    await db.applicants.delete(a.id);
    expect((await db.registryRows.get(appeal.id))?.applicantName).toBe('');
    await db.applicants.add((await source.applicants.get(a.id))!);
    await db.applicants.clear();
    expect((await db.registryRows.get(appeal.id))?.applicantName).toBe('');
    await db.appeals.clear();
    expect(await db.registryRows.count()).toBe(0);
  });

  it('follows the order of the writes even when a caller does not await each one', async () => {
    const db = freshDb();
    const a = await createApplicant(db, gulnar, ctxAt());
    const appeal = await createAppeal(db, kazakhAppeal({ applicantId: a.id }), ctxAt());
    const seq = (await changesSince(db, 0)).length;
    const person = (await db.applicants.get(a.id))!;
    const stored = (await db.appeals.get(appeal.id))!;
    await db.transaction('rw', [db.appeals, db.applicants], () =>
      Promise.all([
        db.applicants.put({ ...person, fullName: 'Бірінші Есім' }),
        db.appeals.put({ ...stored, subject: 'Жылу жоқ' }),
        db.applicants.put({ ...person, fullName: 'Екінші Есім' }),
        db.appeals.put({ ...stored, subject: 'Жылу мен су жоқ' }),
      ]),
    );
    expect(await logged(db, seq)).toEqual([
      ['applicants', a.id, 'put'],
      ['appeals', appeal.id, 'put'],
      ['applicants', a.id, 'put'],
      ['appeals', appeal.id, 'put'],
    ]);
    expect(await db.registryRows.get(appeal.id)).toEqual(
      registryRowOf((await db.appeals.get(appeal.id))!, 'Екінші Есім'),
    );
  });

  it('stores no search words, and drops those records of earlier versions carry', async () => {
    const source = freshDb();
    const a = await createApplicant(source, gulnar, ctxAt());
    const appeal = await createAppeal(source, kazakhAppeal({ applicantId: a.id }), ctxAt());
    const agency = await createAgency(
      source,
      { name: { kk: 'Астана Су Арнасы', ru: 'Астана Су Арнасы' }, kind: 'utility' },
      ctxAt(),
    );
    expect(await source.agencies.get(agency.id)).not.toHaveProperty('searchWords');
    expect(await source.appeals.get(appeal.id)).not.toHaveProperty('searchWords');

    const db = freshDb();
    const stored = (await source.appeals.get(appeal.id))!;
    await importRecords(db, {
      applicants: [{ ...(await source.applicants.get(a.id))!, searchWords: ['жалған'] }],
      appeals: [{ ...stored, searchWords: ['жалған'] }],
      events: [],
    } as unknown as Parameters<typeof importRecords>[1]);
    expect(await db.appeals.get(appeal.id)).toEqual(stored);
    expect(await db.applicants.get(a.id)).not.toHaveProperty('searchWords');
    const search = await searchIndexOf(db).ready();
    expect(search.searchAppeals('жалған')?.total).toBe(0);
    expect(search.searchAppeals('Gulnar')?.ids).toEqual([appeal.id]);
  });

  it('refuses writes to the registry rows from anywhere but the change layer', async () => {
    const db = freshDb();
    const appeal = await createAppeal(db, kazakhAppeal(), ctxAt());
    const row = (await db.registryRows.get(appeal.id))!;
    await expect(db.registryRows.put({ ...row, subject: 'Басқа' })).rejects.toThrow(/derived/);
    expect((await db.registryRows.get(appeal.id))?.subject).toBe('Ыстық су жоқ');
  });
});

/** Counts DBCore calls per table and method, below the change layer. */
function countCalls(db: TizilimDb) {
  const calls = new Map<string, number>();
  db.use({
    stack: 'dbcore',
    name: 'test-count',
    level: 1.2,
    create: (down: DBCore) => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        const count = (method: string) =>
          calls.set(`${name}.${method}`, (calls.get(`${name}.${method}`) ?? 0) + 1);
        return {
          ...table,
          mutate: (req) => (count(`mutate`), table.mutate(req)),
          get: (req) => (count('get'), table.get(req)),
          getMany: (req) => (count('getMany'), table.getMany(req)),
          query: (req) => (count('query'), table.query(req)),
        };
      },
    }),
  });
  return calls;
}

describe('bulk import', () => {
  it('logs a chunk at a time: two log writes per bulk write, no request per record', async () => {
    const db = freshDb();
    const calls = countCalls(db);
    const data = generateDataset({ appeals: 600, seed: 3 });
    await importRecords(db, data);
    const records = data.applicants.length + data.appeals.length + data.events.length;
    const counters = await db.counters.count();
    expect(await changesSince(db, 0, 1_000_000)).toHaveLength(records + counters);
    // A bulk write's records share rows of the log: far fewer rows than records.
    expect(await db.changes.count()).toBeLessThan((records + counters) / 50);
    const live = data.appeals.filter((a) => a.deletedAt === null).length;
    expect(await db.registryRows.count()).toBe(live);

    const n = (key: string) => calls.get(key) ?? 0;
    const bulkWrites = n('applicants.mutate') + n('appeals.mutate') + n('events.mutate');
    expect(bulkWrites).toBeLessThan(10);
    // Two log writes per bulk write (its first record's entry, then the rows of the rest),
    // one per counter raised.
    expect(n('changes.mutate')).toBe(2 * bulkWrites + counters);
    // Registry rows: written per chunk of appeals, names known from the applicants written
    // before them; one index pass per chunk of applicants for rows to rename (none here).
    expect(n('registryRows.mutate')).toBeLessThanOrEqual(2 * n('appeals.mutate'));
    expect(n('applicants.getMany')).toBe(0);
    expect(n('appeals.query')).toBe(n('applicants.mutate'));
    expect(n('registryRows.getMany')).toBe(0);
    expect(records).toBeGreaterThan(4_000);
  });
});
