import { LATEST_VERSION } from '@renderer/db/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { getLogId, latestSeq } from '@renderer/db/changeLog';
import { TizilimDb } from '@renderer/db/database';
import { SCHEMA_VERSIONS } from '@renderer/db/schema';
import { createAppeal, getDevice } from '@renderer/db/repositories';
import { ctxAt, kazakhAppeal } from './helpers';

/** Schema version 3 (the local `meta` table for the change log's id), from a version-2 database. */
const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await new TizilimDb(name).delete();
});

describe('schema version 3', () => {
  it('adds only the local meta table', () => {
    expect(SCHEMA_VERSIONS.find((v) => v.version === 3)).toEqual({
      version: 3,
      stores: { meta: 'key' },
    });
  });

  it('keeps every record, the log and the laptop; the log gets its id on first use', async () => {
    const name = `tizilim-v3-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    const old = new TizilimDb(name, 2);
    await old.open();
    for (let i = 0; i < 4; i++) await createAppeal(old, kazakhAppeal(), ctxAt());
    const before = {
      appeals: await old.appeals.toArray(),
      rows: await old.registryRows.toArray(),
      changes: await old.changes.toArray(),
      device: await getDevice(old),
    };
    old.close();

    const db = new TizilimDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.appeals.toArray()).toEqual(before.appeals);
    expect(await db.registryRows.toArray()).toEqual(before.rows);
    expect(await db.changes.toArray()).toEqual(before.changes);
    expect(await getDevice(db)).toEqual(before.device);
    expect(await db.meta.count()).toBe(0);
    const logId = await getLogId(db);
    expect(await db.meta.toArray()).toEqual([
      { key: 'changeLog', logId, createdAt: expect.any(String) },
    ]);
    // The log goes on from where it was; its id is not a change of office data.
    expect(await latestSeq(db)).toBe(before.changes.at(-1)!.seq);
    await createAppeal(db, kazakhAppeal(), ctxAt());
    expect(await latestSeq(db)).toBeGreaterThan(before.changes.at(-1)!.seq);
    expect(await getLogId(db)).toBe(logId);
    db.close();
  });
});
