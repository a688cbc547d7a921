import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  createApplicant,
  createAppeal,
  softDeleteAppeal,
  updateApplicant,
  updateAppeal,
} from '@renderer/db/repositories';
import { allRegistryRows } from '@renderer/db/queries/registry';
import { registryRowsStoreOf, replaceRows } from '@renderer/db/registryRows';
import type { RegistryRow } from '@renderer/db/registryRow';
import type { TizilimDb } from '@renderer/db/database';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, kazakhAppeal, WRITTEN_CONSENT } from './helpers';

deleteFreshDbsAfterEach();

/** Resolves once the store holds what is stored (every change applied). */
async function settled(db: TizilimDb): Promise<RegistryRow[]> {
  const store = registryRowsStoreOf(db);
  await vi.waitFor(async () => expect(store.snapshot()).toEqual(await allRegistryRows(db)));
  return store.snapshot()!;
}

describe('the registry rows store', () => {
  it('reads every row once and then follows appeals and applicants without reading them all again', async () => {
    const db = freshDb();
    const ctx = ctxAt();
    const tolegen = await createApplicant(
      db,
      { fullName: 'Төлегенова Айгүл Серікқызы', phones: [], consent: WRITTEN_CONSENT },
      ctx,
    );
    const first = await createAppeal(
      db,
      kazakhAppeal({ applicantId: tolegen.id, receivedAt: '2026-11-02T09:00' }),
      ctx,
    );
    const second = await createAppeal(db, kazakhAppeal({ receivedAt: '2026-11-03T10:00' }), ctx);
    const store = registryRowsStoreOf(db);
    expect(store.snapshot()).toBeUndefined();
    await store.start();
    const read = store.snapshot()!;
    expect(read.map((r) => r.id)).toEqual([second.id, first.id]);

    const bulk = vi.spyOn(db.registryRows, 'bulkGet');
    const seen: RegistryRow[][] = [];
    const unsubscribe = store.subscribe(() => seen.push(store.snapshot()!));

    // A new appeal received between the two goes in its place.
    const middle = await createAppeal(db, kazakhAppeal({ receivedAt: '2026-11-02T18:00' }), ctx);
    let rows = await settled(db);
    expect(rows.map((r) => r.id)).toEqual([second.id, middle.id, first.id]);
    // Rows that did not change are the same objects.
    expect(rows[0]).toBe(read[0]);

    // An applicant renamed: the rows of their appeals carry the new name.
    await updateApplicant(db, tolegen.id, { fullName: 'Төлегенова Айгүл' }, ctx);
    rows = await settled(db);
    expect(rows.find((r) => r.id === first.id)!.applicantName).toBe('Төлегенова Айгүл');

    // An appeal edited to another receipt time moves; a deleted one leaves.
    await updateAppeal(db, first.id, { receivedAt: '2026-11-04T08:00' }, ctx);
    rows = await settled(db);
    expect(rows[0]!.id).toBe(first.id);
    await softDeleteAppeal(db, middle.id, 'Қате тіркелген', ctx);
    rows = await settled(db);
    expect(rows.map((r) => r.id)).toEqual([first.id, second.id]);

    // Each change read only the rows it touched, and each was announced.
    expect(bulk.mock.calls.every(([ids]) => ids.length <= 1)).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    unsubscribe();

    // A reopened database (a restore, another office) is read again, not shown from memory.
    db.close();
    await db.open();
    expect(store.snapshot()).toBeUndefined();
    await store.start();
    expect(store.snapshot()).toEqual(await allRegistryRows(db));
    store.stop();
  });

  it('puts rows in the order of the receivedAt index reversed, whatever came before', () => {
    const row = (id: string, receivedAt: string) => ({ id, receivedAt }) as RegistryRow;
    const order = (a: RegistryRow, b: RegistryRow) =>
      a.receivedAt !== b.receivedAt
        ? b.receivedAt.localeCompare(a.receivedAt)
        : b.id.localeCompare(a.id);
    const arbRow = fc
      .record({
        id: fc.stringMatching(/^[a-f]{1,3}$/),
        day: fc.integer({ min: 1, max: 4 }),
      })
      .map(({ id, day }) => row(id, `2026-11-0${day}T09:00`));
    fc.assert(
      fc.property(fc.uniqueArray(arbRow, { selector: (r) => r.id }), fc.nat(), (all, cut) => {
        const sorted = [...all].sort(order);
        const fresh = sorted.filter((_, i) => (i + cut) % 3 === 0);
        const ids = new Set(fresh.map((r) => r.id));
        const stale = sorted.filter((r) => !ids.has(r.id));
        expect(replaceRows(stale, ids, fresh)).toEqual(sorted);
      }),
    );
  });
});
