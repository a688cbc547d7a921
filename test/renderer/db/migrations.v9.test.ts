import { afterEach, describe, expect, it } from 'vitest';
import { TizilimDb } from '@renderer/db/database';
import { LATEST_VERSION } from '@renderer/db/schema';
import { importExportFile, getOkrugMap, saveOkrugMap } from '@renderer/db/repositories';
import { initiativeSchema, planItemSchema } from '@shared/domain';
import { GeoJsonError } from '@shared/map';
import { generateOffice } from '@test/fixtures/generateOffice';
import { ctxAt } from './helpers';

let db: TizilimDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

/** Builds a version-7 database (before 8, which another change adds), fills it, reopens at the latest. */
async function fromVersion7(name: string, fill: (old: TizilimDb) => Promise<void>) {
  const old = new TizilimDb(name, 7);
  await old.open();
  await fill(old);
  old.close();
  const upgraded = new TizilimDb(name);
  await upgraded.open();
  return upgraded;
}

describe('version 9: initiative and plan texts in both languages, the okrug map', () => {
  it('moves each single text into the language it reads as and leaves pairs alone', async () => {
    const office = generateOffice({
      appeals: 10,
      seed: 9,
      from: '2026-06-01',
      today: '2026-11-19',
    });
    let initiativeIds: string[] = [];
    let planIds: string[] = [];
    let untouched: unknown;
    db = await fromVersion7('tizilim-migration-v9', async (old) => {
      await importExportFile(old, office, ctxAt(), { mode: 'empty', fileAs: 'bytes' });
      // As version 7 stored them: one string per text.
      const initiatives = await old.initiatives.orderBy('id').limit(2).toArray();
      initiativeIds = initiatives.map((i) => i.id);
      await old.initiatives.bulkPut([
        {
          ...initiatives[0]!,
          title: 'Көшелерді жарықтандыру бағдарламасы туралы ұсыныс',
          result: 'Бюджетке қаржы енгізілді, жұмыс басталды.',
          publicSummary: '',
        } as unknown as (typeof initiatives)[number],
        {
          ...initiatives[1]!,
          title: 'Предложение о ремонте остановок общественного транспорта',
          result: 'Принято',
          publicSummary: 'Акимат включил ремонт остановок в план на следующий год.',
        } as unknown as (typeof initiatives)[number],
      ]);
      const plan = await old.planItems.orderBy('id').limit(1).toArray();
      planIds = plan.map((p) => p.id);
      await old.planItems.put({
        ...plan[0]!,
        title: 'Благоустройство дворов',
        actions: 'Участие в приёмке работ по благоустройству, сбор предложений жителей.',
      } as unknown as (typeof plan)[number]);
      untouched = (await old.initiatives.orderBy('id').offset(3).first())?.title;
    });
    expect(db.verno).toBe(LATEST_VERSION);
    const [a, b] = await db.initiatives.bulkGet(initiativeIds);
    expect([a?.title, a?.result, a?.publicSummary]).toEqual([
      { kk: 'Көшелерді жарықтандыру бағдарламасы туралы ұсыныс', ru: '' },
      { kk: 'Бюджетке қаржы енгізілді, жұмыс басталды.', ru: '' },
      { kk: '', ru: '' },
    ]);
    expect([b?.title, b?.result, b?.publicSummary]).toEqual([
      { kk: '', ru: 'Предложение о ремонте остановок общественного транспорта' },
      // One word: too short to tell, so it goes into the office's language (Kazakh).
      { kk: 'Принято', ru: '' },
      { kk: '', ru: 'Акимат включил ремонт остановок в план на следующий год.' },
    ]);
    const [p] = await db.planItems.bulkGet(planIds);
    expect([p?.title, p?.actions]).toEqual([
      // Two words: the office's language.
      { kk: 'Благоустройство дворов', ru: '' },
      { kk: '', ru: 'Участие в приёмке работ по благоустройству, сбор предложений жителей.' },
    ]);
    // A record already in both languages keeps its texts as they were.
    expect((await db.initiatives.orderBy('id').offset(3).first())?.title).toEqual(untouched);
    for (const i of await db.initiatives.toArray()) {
      expect(initiativeSchema.safeParse(i).success).toBe(true);
    }
    for (const item of await db.planItems.toArray()) {
      expect(planItemSchema.safeParse(item).success).toBe(true);
    }
  });

  it('old single strings still parse (export files of earlier versions)', () => {
    const office = generateOffice({ appeals: 5, seed: 3, from: '2026-09-01', today: '2026-11-19' });
    const item = office.tables.planItems[0]!;
    const parsed = planItemSchema.parse({
      ...item,
      title: 'Жылу маусымына дайындықты бақылау',
      actions: '',
    });
    expect(parsed.title).toEqual({ kk: 'Жылу маусымына дайындықты бақылау', ru: '' });
    expect(parsed.actions).toEqual({ kk: '', ru: '' });
    expect(planItemSchema.safeParse({ ...item, title: '' }).success).toBe(false);
  });

  it('stores the okrug map; a bad file leaves the stored one as it was', async () => {
    db = new TizilimDb('tizilim-okrug-map');
    await db.open();
    expect(await getOkrugMap(db)).toBeNull();
    const good = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Абай даңғылы' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [71.4, 51.16],
              [71.44, 51.16],
            ],
          },
        },
      ],
    });
    await saveOkrugMap(db, { name: 'okrug.geojson', text: good }, '2026-11-19T05:00:00.000Z');
    await expect(
      saveOkrugMap(
        db,
        { name: 'bad.geojson', text: '{"type":"Topology"}' },
        '2026-11-20T05:00:00.000Z',
      ),
    ).rejects.toBeInstanceOf(GeoJsonError);
    const stored = await getOkrugMap(db);
    expect(stored?.fileName).toBe('okrug.geojson');
    expect(stored?.map.areas[0]?.keys).toEqual(['абаи']);
  });
});
