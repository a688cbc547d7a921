import { searchIndexOf } from '@renderer/db/searchIndex';
import { describe, expect, it } from 'vitest';
import { createAgency, setAgencyRetired, updateAgency } from '@renderer/db/repositories';
import { searchAgencies } from '@renderer/db/queries/agencies';
import type { TizilimDb } from '@renderer/db/database';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, rejection } from './helpers';

let db: TizilimDb;
deleteFreshDbsAfterEach();

const heating = {
  name: { kk: '«Астана-Жылу желілері» АҚ', ru: 'АО «Астана-Тепловые сети»' },
  shortName: { kk: 'Жылу желілері', ru: 'Тепловые сети' },
  kind: 'utility' as const,
  headName: 'Сейітов Бауыржан Ерланұлы',
  headPosition: { kk: 'Басқарма төрағасы', ru: 'Председатель правления' },
  address: 'Астана қ., Өндіріс к-сі, 16',
  phone: '8 (7172) 55-44-33',
  email: 'kense@astanateplo.kz',
};

const roads = {
  name: {
    kk: 'Астана қаласының Жолаушылар көлігі және автомобиль жолдары басқармасы',
    ru: 'Управление пассажирского транспорта и автомобильных дорог города Астаны',
  },
  kind: 'akimat_department' as const,
  headName: 'Омаров Данияр',
};

describe('agencies', () => {
  it('stores an agency with its search words and stamps', async () => {
    db = freshDb();
    const agency = await createAgency(db, heating, ctxAt());
    expect(agency).toMatchObject({ version: 1, createdBy: 'aigerim', retired: false });
    const search = await searchIndexOf(db).ready();
    for (const q of ['астана', 'жылу', 'желілері', 'тепловые', 'сейітов']) {
      expect(search.searchAgencies(q)?.ids, q).toEqual([agency.id]);
    }
    expect(await db.agencies.get(agency.id)).toEqual(agency);
  });

  it('refuses an agency without a name in either language and stores nothing', async () => {
    db = freshDb();
    const error = await rejection(createAgency(db, { name: { kk: ' ', ru: '' } }, ctxAt()));
    expect(error.issues).toEqual([{ path: 'name', code: 'name_required' }]);
    const badMail = await rejection(
      createAgency(db, { ...heating, email: 'not-an-email' }, ctxAt()),
    );
    expect(badMail.issues[0]?.path).toBe('email');
    expect(await db.agencies.count()).toBe(0);
  });

  it('edits, keeps search words in step and refuses a stale version', async () => {
    db = freshDb();
    const agency = await createAgency(db, heating, ctxAt());
    const edited = await updateAgency(db, agency.id, { headName: 'Жұмабаев Нұрлан' }, ctxAt(), {
      expectedVersion: 1,
    });
    expect(edited.version).toBe(2);
    const search = await searchIndexOf(db).ready();
    expect(search.searchAgencies('жұмабаев')?.ids).toEqual([agency.id]);
    expect(search.searchAgencies('сейітов')?.total).toBe(0);
    const unchanged = await updateAgency(db, agency.id, { headName: 'Жұмабаев Нұрлан' }, ctxAt());
    expect(unchanged.version).toBe(2);
    const stale = await rejection(
      updateAgency(db, agency.id, { phone: '109' }, ctxAt(), { expectedVersion: 1 }),
    );
    expect(stale.detail).toBe('edit_conflict');
    const invalid = await rejection(
      updateAgency(db, agency.id, { name: { kk: '', ru: '' } }, ctxAt()),
    );
    expect(invalid.code).toBe('validation');
    expect(await db.agencies.get(agency.id)).toEqual(edited);
    expect((await rejection(updateAgency(db, 'missing', {}, ctxAt()))).code).toBe('not_found');
  });

  it('finds agencies by word prefixes in either language, without retired ones', async () => {
    db = freshDb();
    const a = await createAgency(db, heating, ctxAt());
    const b = await createAgency(db, roads, ctxAt());
    const ids = async (text: string, includeRetired = false) =>
      (await searchAgencies(db, text, { lang: 'kk', includeRetired })).map((x) => x.id);
    expect(await ids('тепл')).toEqual([a.id]);
    expect(await ids('жол басқар')).toEqual([b.id]);
    expect(await ids('жол тепл')).toEqual([]);
    expect((await ids('')).sort()).toEqual([a.id, b.id].sort());
    await setAgencyRetired(db, b.id, true, ctxAt());
    expect(await ids('')).toEqual([a.id]);
    expect(await ids('жол', true)).toEqual([b.id]);
    await setAgencyRetired(db, b.id, false, ctxAt());
    expect(await ids('жол')).toEqual([b.id]);
  });
});
