import { describe, expect, it, vi } from 'vitest';
import { createAppeal, createApplicant, updateAppeal } from '@renderer/db/repositories';
import { beginBulkWrite, inBulkWrite } from '@renderer/db/bulkWrite';
import { allRegistryRows } from '@renderer/db/queries/registry';
import { registryRowsStoreOf } from '@renderer/db/registryRows';
import { searchIndexOf } from '@renderer/db/searchIndex';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, kazakhAppeal, WRITTEN_CONSENT } from './helpers';

deleteFreshDbsAfterEach();

const ctx = ctxAt();

describe('a bulk write (a first sync)', () => {
  it('leaves the registry rows and the search index as they were, then reads everything once at its end', async () => {
    const db = freshDb();
    const first = await createAppeal(db, kazakhAppeal({ subject: 'Ыстық су жоқ' }), ctx);
    const rows = registryRowsStoreOf(db);
    const index = searchIndexOf(db);
    await rows.start();
    await index.ready();
    const bulkGet = vi.spyOn(db.registryRows, 'bulkGet');

    const end = beginBulkWrite(db);
    const inner = beginBulkWrite(db);
    expect(inBulkWrite(db)).toBe(true);
    const aigul = await createApplicant(
      db,
      { fullName: 'Төлегенова Айгүл Серікқызы', phones: [], consent: WRITTEN_CONSENT },
      ctx,
    );
    const second = await createAppeal(
      db,
      kazakhAppeal({ applicantId: aigul.id, subject: 'Жарық жоқ', receivedAt: '2026-11-03T10:00' }),
      ctx,
    );
    await updateAppeal(db, first.id, { subject: 'Лифт істемейді' }, ctx);
    // Meanwhile: no row read for the commits, and the index finds what it held before.
    let search = await index.ready();
    expect(bulkGet).not.toHaveBeenCalled();
    expect(rows.snapshot()!.map((r) => r.id)).toEqual([first.id]);
    expect(search.searchAppeals('жарык')?.ids ?? []).toEqual([]);
    expect(search.searchAppeals('ыстык')?.ids).toEqual([first.id]);

    // The inner one ending does not end the bulk write; the outer one does (twice is once).
    inner();
    inner();
    expect(inBulkWrite(db)).toBe(true);
    end();
    expect(inBulkWrite(db)).toBe(false);
    await vi.waitFor(async () => expect(rows.snapshot()).toEqual(await allRegistryRows(db)));
    expect(
      rows
        .snapshot()!
        .map((r) => r.id)
        .sort(),
    ).toEqual([first.id, second.id].sort());
    search = await index.ready();
    expect(search.searchAppeals('жарык')?.ids).toEqual([second.id]);
    expect(search.searchAppeals('Aigul')?.ids).toEqual([second.id]);
    expect(search.searchAppeals('лифт')?.ids).toEqual([first.id]);

    // After it, commits are taken in one by one again.
    await updateAppeal(db, second.id, { subject: 'Жол жөнделмеген' }, ctx);
    await vi.waitFor(async () => expect(rows.snapshot()).toEqual(await allRegistryRows(db)));
    expect((await index.ready()).searchAppeals('жол')?.ids).toEqual([second.id]);
  });

  it('with nothing written during it, reads nothing again', async () => {
    const db = freshDb();
    await createAppeal(db, kazakhAppeal(), ctx);
    const rows = registryRowsStoreOf(db);
    await rows.start();
    const before = rows.snapshot();
    beginBulkWrite(db)();
    await rows.start();
    expect(rows.snapshot()).toBe(before);
  });
});
