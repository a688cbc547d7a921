import { describe, expect, it } from 'vitest';
import type { TizilimDb } from '@renderer/db/database';
import { stamp } from '@renderer/db/repositories/context';
import { parseOrThrow, RepositoryError } from '@renderer/db/repositories/errors';
import {
  checkVersion,
  inputOf,
  loadLive,
  nextVersion,
  sameData,
  softDeleted,
} from '@renderer/db/repositories/records';
import {
  newBaseFields,
  planItemInputSchema,
  planItemSchema,
  type PlanItem,
  type PlanItemInput,
} from '@shared/domain';
import { newId } from '@shared/ids';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, FRIDAY_MORNING, rejection } from './helpers';

let db: TizilimDb;
deleteFreshDbsAfterEach();

const LATER = new Date('2026-11-20T09:30:00Z');

const ID = newId();

async function storedItem(id = ID): Promise<PlanItem> {
  const item = parseOrThrow(planItemSchema, {
    year: 2026,
    quarter: 4,
    title: 'Жылу маусымына дайындық',
    actions: 'Қазандықтарды тексеру, тұрғындармен кездесу',
    ...newBaseFields({ id, now: FRIDAY_MORNING.toISOString(), userId: 'aigerim' }),
  });
  await db.planItems.add(item);
  return item;
}

/** An edit composed of the helpers the way the repositories compose them. */
function edit(id: string, patch: Partial<PlanItemInput>, expectedVersion?: number) {
  const ctx = ctxAt(LATER, 'dana');
  const time = stamp(ctx);
  return db.transaction('rw', db.planItems, async () => {
    const current = await loadLive(db.planItems, id);
    checkVersion(current, expectedVersion);
    const data = parseOrThrow(planItemInputSchema, { ...inputOf(current), ...patch });
    if (sameData(data, inputOf(current))) return current;
    const next = parseOrThrow(planItemSchema, nextVersion(current, data, time, ctx.userId));
    await db.planItems.put(next);
    return next;
  });
}

describe('record helpers', () => {
  it('inputOf keeps the edited fields and drops only the base fields', async () => {
    db = freshDb();
    const item = await storedItem();
    expect(inputOf(item)).toEqual({
      year: 2026,
      quarter: 4,
      // A single text of an older file is read into the language it is written in.
      title: { kk: 'Жылу маусымына дайындық', ru: '' },
      actions: { kk: 'Қазандықтарды тексеру, тұрғындармен кездесу', ru: '' },
      topic: null,
      status: 'planned',
      order: 0,
      inReport: true,
    });
    // The record itself is left as it was.
    expect(item.version).toBe(1);
    expect(item.id).toBe(ID);
  });

  it('an edit bumps the version and stamps who and when, keeping createdAt/createdBy', async () => {
    db = freshDb();
    await storedItem();
    const saved = await edit(ID, { status: 'in_progress' }, 1);
    expect(saved).toMatchObject({
      status: 'in_progress',
      version: 2,
      updatedAt: LATER.toISOString(),
      updatedBy: 'dana',
      createdAt: FRIDAY_MORNING.toISOString(),
      createdBy: 'aigerim',
      deletedAt: null,
    });
    expect(await db.planItems.get(ID)).toEqual(saved);
  });

  it('a stale expectedVersion is refused as an edit conflict and nothing is written', async () => {
    db = freshDb();
    await storedItem();
    await edit(ID, { title: 'Аулаларды абаттандыру' }, 1);
    const before = await db.planItems.get(ID);
    const error = await rejection(edit(ID, { title: 'Ескі нұсқадан' }, 1));
    expect(error.code).toBe('conflict');
    expect(error.detail).toBe('edit_conflict');
    expect(await db.planItems.get(ID)).toEqual(before);
    expect(before?.version).toBe(2);
  });

  it('a missing or deleted record is refused as not found', async () => {
    db = freshDb();
    const missing = await rejection(edit(newId(), { title: 'X' }));
    expect([missing.code, missing.detail]).toEqual(['not_found', 'record_not_found']);

    const item = await storedItem();
    const deleted = softDeleted(item, stamp(ctxAt(LATER, 'dana')), 'dana');
    await db.planItems.put(deleted);
    const gone = await rejection(edit(ID, { title: 'X' }));
    expect([gone.code, gone.detail]).toEqual(['not_found', 'record_not_found']);
    expect(await db.planItems.get(ID)).toEqual(deleted);
  });

  it('an edit that changes nothing returns the stored record itself, unversioned', async () => {
    db = freshDb();
    const item = await storedItem();
    const same = await edit(ID, { title: item.title, status: 'planned' }, 1);
    expect(same).toEqual(item);
    expect(same.version).toBe(1);
    expect(await db.planItems.get(ID)).toEqual(item);
  });

  it('softDeleted marks the deletion time as the next version and keeps the data', async () => {
    db = freshDb();
    const item = await storedItem();
    const deleted = softDeleted(item, stamp(ctxAt(LATER, 'dana')), 'dana');
    expect(deleted).toEqual({
      ...item,
      deletedAt: LATER.toISOString(),
      updatedAt: LATER.toISOString(),
      updatedBy: 'dana',
      version: 2,
    });
    expect(item.deletedAt).toBeNull();
  });

  it('checkVersion passes without an expected version or with the current one', () => {
    const record = newBaseFields({ id: 'r', now: FRIDAY_MORNING.toISOString(), userId: 'u' });
    expect(() => checkVersion(record, undefined)).not.toThrow();
    expect(() => checkVersion(record, 1)).not.toThrow();
    expect(() => checkVersion(record, 2)).toThrow(RepositoryError);
  });

  it('sameData compares values, not identity', () => {
    expect(sameData({ a: [1, 2], b: null }, { a: [1, 2], b: null })).toBe(true);
    expect(sameData({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });
});
