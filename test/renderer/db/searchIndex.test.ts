import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfficeSearch } from '@shared/search';
import {
  createAgency,
  createAppeal,
  createApplicant,
  softDeleteAppeal,
  updateApplicant,
} from '@renderer/db/repositories';
import { SearchIndex, searchIndexOf } from '@renderer/db/searchIndex';
import type { TizilimDb } from '@renderer/db/database';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, kazakhAppeal, WRITTEN_CONSENT } from './helpers';

deleteFreshDbsAfterEach();
afterEach(() => {
  vi.unstubAllGlobals();
});

const ctx = ctxAt();

/** What a rebuild from the stored records finds: the index must always agree with it. */
async function rebuilt(db: TizilimDb): Promise<OfficeSearch> {
  return OfficeSearch.build({
    appeals: await db.appeals.toArray(),
    applicants: await db.applicants.toArray(),
    agencies: await db.agencies.toArray(),
  });
}

async function office(db: TizilimDb) {
  const zhanar = await createApplicant(
    db,
    {
      fullName: 'Төлегенова Жанар Серікқызы',
      phones: ['+7 701 234 56 78'],
      consent: WRITTEN_CONSENT,
    },
    ctx,
  );
  const appeal = await createAppeal(db, kazakhAppeal({ applicantId: zhanar.id }), ctx);
  return { zhanar, appeal };
}

describe('the app search index', () => {
  it('is built from what is stored and finds names typed without Kazakh letters', async () => {
    const db = freshDb();
    const { zhanar, appeal } = await office(db);
    const search = await searchIndexOf(db).ready();
    for (const q of ['Төлегенова', 'Толегенова', 'tolegenova', 'Tölegenova Janar', '5678']) {
      expect(search.searchAppeals(q, { currentYear: 2026 })?.ids, q).toEqual([appeal.id]);
      expect(search.searchApplicants(q)?.ids, q).toEqual([zhanar.id]);
    }
    expect(search.searchAppeals('0001', { currentYear: 2026 })?.ids).toEqual([appeal.id]);
  });

  it('builds in background tasks where the browser schedules tasks, behind what a person does', async () => {
    const db = freshDb();
    const { appeal } = await office(db);
    const postTask = vi.fn(
      (callback: () => void, _options: { priority: string }) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            callback();
            resolve();
          }, 0),
        ),
    );
    vi.stubGlobal('scheduler', { postTask });
    const search = await new SearchIndex(db).ready();
    expect(postTask).toHaveBeenCalled();
    expect(postTask.mock.calls.every(([, options]) => options.priority === 'background')).toBe(
      true,
    );
    expect(search.searchAppeals('Толегенова', { currentYear: 2026 })?.ids).toEqual([appeal.id]);
  });

  it('follows every committed write, and a waiting reader sees it', async () => {
    const db = freshDb();
    const index = searchIndexOf(db);
    const { zhanar, appeal } = await office(db);
    await index.ready();
    const versionBefore = index.version;

    await updateApplicant(db, zhanar.id, { fullName: 'Қасымова Жанар' }, ctx);
    let search = await index.ready();
    expect(index.version).toBeGreaterThan(versionBefore);
    expect(search.searchAppeals('Kasymova')?.ids).toEqual([appeal.id]);
    expect(search.searchAppeals('Төлегенова')?.ids ?? []).toEqual([]);

    const second = await createAppeal(db, kazakhAppeal({ subject: 'Жарық жоқ' }), ctx);
    await createAgency(
      db,
      {
        kind: 'utility',
        name: { kk: 'Астана су арнасы', ru: 'Астана су арнасы' },
        shortName: { kk: 'Су арнасы', ru: 'Су арнасы' },
      },
      ctx,
    );
    await softDeleteAppeal(db, appeal.id, 'Қате тіркелген', ctx);
    search = await index.ready();
    expect(search.searchAppeals('жарык')?.ids).toEqual([second.id]);
    expect(search.searchAppeals('Kasymova')?.ids ?? []).toEqual([]);
    expect(search.searchAgencies('arnasy')?.total).toBe(1);

    const fresh = await rebuilt(db);
    for (const q of ['Жанар', 'су', 'арнасы', '2026', 'ыстык']) {
      expect(search.searchAppeals(q)?.ids, q).toEqual(fresh.searchAppeals(q)?.ids);
      expect(search.searchApplicants(q)?.ids, q).toEqual(fresh.searchApplicants(q)?.ids);
      expect(search.searchAgencies(q)?.ids, q).toEqual(fresh.searchAgencies(q)?.ids);
    }
  });

  it('takes writes made while it is being built', async () => {
    const db = freshDb();
    await office(db);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let paused = false;
    // The build pauses between slices; the first pause waits for a write to commit.
    const index = new SearchIndex(db, async () => {
      if (paused) return;
      paused = true;
      await gate;
    });
    const ready = index.ready();
    const late = await createApplicant(
      db,
      { fullName: 'Сейітов Асхат', consent: WRITTEN_CONSENT },
      ctx,
    );
    release();
    const search = await ready;
    expect(search.searchApplicants('Askhat')?.ids).toEqual([late.id]);
    index.stop();
  });

  it('is built again after the database was deleted and opened again', async () => {
    const db = freshDb();
    await office(db);
    const index = searchIndexOf(db);
    expect((await index.ready()).searchApplicants('Жанар')?.total).toBe(1);
    await db.delete();
    await db.open();
    expect((await index.ready()).searchApplicants('Жанар')).toMatchObject({ total: 0 });
    const again = await createApplicant(
      db,
      { fullName: 'Жанар Омарова', consent: WRITTEN_CONSENT },
      ctx,
    );
    expect((await index.ready()).searchApplicants('Жанар')?.ids).toEqual([again.id]);
  });

  it('empties a table that was cleared and takes what is written after', async () => {
    const db = freshDb();
    await office(db);
    const index = searchIndexOf(db);
    await index.ready();
    await db.transaction('rw', db.appeals, () => db.appeals.clear());
    expect((await index.ready()).searchAppeals('ыстық')).toMatchObject({ total: 0 });
    // Applicants were not cleared.
    expect((await index.ready()).searchApplicants('Жанар')?.total).toBe(1);
  });
});
