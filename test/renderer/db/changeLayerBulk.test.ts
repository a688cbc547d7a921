import type { DBCore, DBCoreTable } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Appeal, Applicant } from '@shared/domain';
import { changesSince } from '@renderer/db/changeLog';
import type { TizilimDb } from '@renderer/db/database';
import { registryRowOf } from '@renderer/db/registryRow';
import { importRecords } from '@renderer/db/repositories';
import { generateDataset } from '@test/fixtures/generate';
import { deleteFreshDbsAfterEach, freshDb } from './helpers';

deleteFreshDbsAfterEach();

/**
 * The change layer's bulk mode (ChangeLayer.bulk), which a restore uses: adds and puts go
 * to IndexedDB without waiting for the earlier ones' log entries and registry rows, and
 * the result is the same as without it.
 */

/** Every DBCore write and read below the change layer, in the order they were made. */
function mutations(db: TizilimDb) {
  const made: string[] = [];
  db.use({
    stack: 'dbcore',
    name: 'test-order',
    level: 1.2,
    create: (down: DBCore) => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => (made.push(`${name}.${req.type}`), table.mutate(req)),
          getMany: (req) => (made.push(`${name}.getMany`), table.getMany(req)),
          query: (req) => (made.push(`${name}.query`), table.query(req)),
        };
      },
    }),
  });
  return made;
}

/** [table, id, op] of the whole log. */
async function logged(db: TizilimDb) {
  return (await changesSince(db, 0, 100_000)).map((e) => [e.table, e.id, e.op]);
}

const namesOf = (applicants: readonly Applicant[]) =>
  new Map(applicants.map((a) => [a.id, a.fullName]));

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < list.length; at += size) out.push(list.slice(at, at + size));
  return out;
}

/** Replaces applicants and appeals in one transaction, in bulk mode or not. */
async function replace(db: TizilimDb, data: ReturnType<typeof generateDataset>, bulk: boolean) {
  await db.transaction('rw', [db.appeals, db.applicants], async (tx) => {
    await Promise.all([db.appeals.clear(), db.applicants.clear()]);
    if (bulk) db.changeLayer.bulk(tx.idbtrans, namesOf(data.applicants));
    await Promise.all([
      ...chunks(data.applicants, 40).map((c) => db.applicants.bulkAdd(c)),
      ...chunks(data.appeals, 40).map((c) => db.appeals.bulkAdd(c)),
    ]);
  });
}

describe('the change layer in bulk mode', () => {
  it('hands the next writes over before the last one’s consequences, with the same log and rows', async () => {
    const data = generateDataset({ appeals: 120, seed: 5 });
    const plain = freshDb();
    await replace(plain, data, false);
    const db = freshDb();
    const made = mutations(db);
    await replace(db, data, true);

    // Several writes of records went to IndexedDB before the first put's log entry
    // (without bulk mode: one, then its log entry, then the next).
    const isWrite = (m: string) => m === 'applicants.add' || m === 'appeals.add';
    const firstPutLogged = made.indexOf('changes.add', made.indexOf('applicants.add'));
    expect(made.filter(isWrite).length).toBeGreaterThan(4);
    expect(made.slice(0, firstPutLogged).filter(isWrite).length).toBeGreaterThan(1);
    // Rows from the names given: no applicant read, no index pass for appeals to rename.
    expect(made).not.toContain('applicants.getMany');
    expect(made).not.toContain('appeals.query');

    // The same log (a clear per table, then one put per record in the order written) and rows.
    const log = await logged(db);
    expect(log).toEqual(await logged(plain));
    expect(log.slice(0, 2).map(([, , op]) => op)).toEqual(['clear', 'clear']);
    expect(log.length).toBe(2 + data.applicants.length + data.appeals.length);
    const names = namesOf(data.applicants);
    const expected = data.appeals
      .filter((a) => a.deletedAt === null)
      .map((a) => registryRowOf(a, a.applicantId === null ? '' : (names.get(a.applicantId) ?? '')))
      .sort((x, y) => x.id.localeCompare(y.id));
    expect(await db.registryRows.orderBy('id').toArray()).toEqual(expected);
    expect(await plain.registryRows.orderBy('id').toArray()).toEqual(expected);
  });

  it('renames the rows of appeals already there when applicants are written without a clear', async () => {
    const data = generateDataset({ appeals: 30, seed: 8 });
    const db = freshDb();
    await importRecords(db, data);
    const led = data.appeals.find((a) => a.applicantId !== null && a.deletedAt === null)!;
    const person = data.applicants.find((a) => a.id === led.applicantId)!;
    const renamed = { ...person, fullName: 'Әбілқасымова Сәуле' };
    await db.transaction('rw', [db.applicants], async (tx) => {
      db.changeLayer.bulk(tx.idbtrans, new Map([[person.id, renamed.fullName]]));
      await db.applicants.bulkPut([renamed]);
    });
    expect((await db.registryRows.get(led.id))?.applicantName).toBe('Әбілқасымова Сәуле');
  });

  it('a record IndexedDB refuses aborts the whole transaction, even when the caller goes on', async () => {
    const data = generateDataset({ appeals: 40, seed: 2 });
    const db = freshDb();
    await importRecords(db, data);
    const before = {
      appeals: await db.appeals.toArray(),
      rows: await db.registryRows.toArray(),
      log: await logged(db),
    };
    const twice: Appeal[] = [data.appeals[0]!, data.appeals[0]!];
    const error = await db
      .transaction('rw', [db.appeals, db.applicants], async (tx) => {
        await db.appeals.clear();
        db.changeLayer.bulk(tx.idbtrans, namesOf(data.applicants));
        await db.appeals.bulkAdd(data.appeals.slice(1)).catch(() => undefined);
        // The same appeal twice: IndexedDB refuses the second; the caller ignores it.
        await db.appeals.bulkAdd(twice).catch(() => undefined);
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(await db.appeals.toArray()).toEqual(before.appeals);
    expect(await db.registryRows.toArray()).toEqual(before.rows);
    expect(await logged(db)).toEqual(before.log);
  });
});
