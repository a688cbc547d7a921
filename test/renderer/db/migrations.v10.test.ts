import { afterEach, describe, expect, it } from 'vitest';
import { TizilimDb } from '@renderer/db/database';
import { changesSince, compactChangeLog, latestSeq, OFFICE_TABLES } from '@renderer/db/changeLog';
import { LATEST_VERSION } from '@renderer/db/schema';
import { appealHistory } from '@renderer/db/queries/appeals';
import { createAppeal, importExportFile } from '@renderer/db/repositories';
import { generateOffice } from '@test/fixtures/generateOffice';
import { ctxAt, kazakhAppeal } from './helpers';

let db: TizilimDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

async function dump(d: TizilimDb, names: readonly string[]) {
  const out: Record<string, unknown[]> = {};
  for (const name of names) out[name] = await d.table(name).toArray();
  return out;
}

const indexNames = (d: TizilimDb, table: string) =>
  d
    .table(table)
    .schema.indexes.map((i) => i.name)
    .sort();

describe('version 10: fewer indexes on events and the change log', () => {
  it('keeps every record and log entry, and every query on events answers as before', async () => {
    const office = generateOffice({ appeals: 24, seed: 10, from: '2026-06-01' });
    const kept = [...OFFICE_TABLES, 'registryRows', 'drafts', 'changes', 'device', 'meta'];
    let before: Record<string, unknown[]> = {};
    let appealIds: string[] = [];
    let byAppeal: unknown[] = [];
    let byAppeals: unknown[] = [];
    let imported: unknown[] = [];
    let type = '';
    let history: unknown[] = [];
    const old = new TizilimDb('tizilim-migration-v10', 9);
    await old.open();
    await importExportFile(old, office, ctxAt(), { mode: 'empty', fileAs: 'bytes' });
    expect(indexNames(old, 'events')).toEqual(['[appealId+at]', 'appealId', 'at', 'type']);
    expect(indexNames(old, 'changes')).toEqual(['[table+id]']);
    before = await dump(old, kept);
    appealIds = (await old.appeals.orderBy('regNo').primaryKeys()) as string[];
    const [first, second, third] = appealIds;
    byAppeal = await old.events.where('appealId').equals(first!).sortBy('id');
    byAppeals = await old.events.where('appealId').anyOf([second!, third!]).sortBy('id');
    type = (await old.events.toCollection().last())!.type;
    imported = await old.events.where('type').equals(type).sortBy('id');
    expect(imported.length).toBeGreaterThan(0);
    history = await appealHistory(old, first!);
    old.close();

    db = new TizilimDb('tizilim-migration-v10');
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(indexNames(db, 'events')).toEqual(['[appealId+at]', 'type']);
    expect(indexNames(db, 'changes')).toEqual([]);
    expect(indexNames(db, 'appeals')).toEqual([
      'aliases',
      'applicantId',
      'coApplicantIds',
      'receivedAt',
      'receptionId',
      'regNo',
      'status',
      'topic',
    ]);
    // Queries by status and by topic still go through their indexes.
    expect(await db.appeals.where('status').anyOf(['registered', 'in_progress']).count()).toBe(
      (before['appeals'] as { status: string; deletedAt?: string }[]).filter((a) =>
        ['registered', 'in_progress'].includes(a.status),
      ).length,
    );
    expect(await dump(db, kept)).toEqual(before);
    // `where('appealId')` goes through the first part of `[appealId+at]`.
    expect(byAppeal.length).toBeGreaterThan(0);
    expect(await db.events.where('appealId').equals(appealIds[0]!).sortBy('id')).toEqual(byAppeal);
    expect(
      await db.events.where('appealId').anyOf([appealIds[1]!, appealIds[2]!]).sortBy('id'),
    ).toEqual(byAppeals);
    expect(await db.events.where('type').equals(type).sortBy('id')).toEqual(imported);
    expect(await appealHistory(db, appealIds[0]!)).toEqual(history);

    // The log goes on from where it was, and compaction still works without `[table+id]`.
    const seq = await latestSeq(db);
    expect(seq).toBe((before['changes'] as { seq: number }[]).at(-1)!.seq);
    // What the import left to compact (its counters written more than once).
    await compactChangeLog(db);
    const appeal = await createAppeal(db, kazakhAppeal(), ctxAt());
    const after = await changesSince(db, seq);
    expect(after.map((c) => [c.table, c.op]).sort()).toEqual([
      ['appeals', 'put'],
      ['counters', 'put'],
      ['events', 'put'],
    ]);
    expect(after.find((c) => c.table === 'appeals')!.id).toBe(appeal.id);
    const event = after.find((c) => c.table === 'events')!;
    await db.events.where('appealId').equals(appeal.id).delete();
    // Superseded: the event's put, and the import's entry of the counter the appeal advanced.
    expect(await compactChangeLog(db)).toEqual({ removed: 2 });
    const left = await changesSince(db, seq);
    expect(left.map((c) => [c.table, c.id, c.op])).toEqual([
      ...after.filter((c) => c !== event).map((c) => [c.table, c.id, c.op]),
      ['events', event.id, 'delete'],
    ]);
  });
});
