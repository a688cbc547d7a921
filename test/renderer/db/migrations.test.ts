import { afterEach, describe, expect, it } from 'vitest';
import { changesSince, latestSeq, OFFICE_TABLES } from '@renderer/db/changeLog';
import { TizilimDb } from '@renderer/db/database';
import { registryRowOf } from '@renderer/db/registryRow';
import Dexie from 'dexie';
import { declaredVersions, LATEST_VERSION, SCHEMA_VERSIONS } from '@renderer/db/schema';
import {
  createAppeal,
  getDevice,
  importExportFile,
  createFeedbackRound,
  createReportPublication,
  exportDatabase,
  saveDraft,
  updateApplicant,
} from '@renderer/db/repositories';
import { EXPORT_TABLE_NAMES } from '@shared/export';
import { idSchema } from '@shared/ids';
import { LocalPeer } from '@renderer/sync/local';
import { readSyncSettings } from '@renderer/sync/service';
import { appealSchema, receptionSchema } from '@shared/domain';
import { generateOffice } from '@test/fixtures/generateOffice';
import { ctxAt, kazakhAppeal } from './helpers';

/**
 * Migration harness. For every schema version N > 1 there must be a test here that:
 * 1. builds a database at version N-1 with `new TizilimDb(name, N - 1)` and fixture rows,
 * 2. closes it and opens it with the current `TizilimDb(name)`,
 * 3. checks the rows after the upgrade.
 * `openAtVersionThenUpgrade` does steps 1–2.
 */
async function openAtVersionThenUpgrade(
  name: string,
  version: number,
  fill: (db: TizilimDb) => Promise<void>,
  to: number = LATEST_VERSION,
): Promise<TizilimDb> {
  const old = new TizilimDb(name, version);
  await old.open();
  await fill(old);
  old.close();
  const upgraded = new TizilimDb(name, to);
  await upgraded.open();
  return upgraded;
}

// A copy of version 1 as released. Versions are append-only: if this test fails, a shipped
// version was edited in place — add a new version instead.
const RELEASED_V1 = {
  appeals:
    'id, &regNo, status, topic, channel, kind, receivedAt, registeredOn, decideBy, acknowledgeBy, assignee, location.locality, applicantId, *coApplicantIds, receptionId, priority, *searchWords, deletedAt, [status+decideBy]',
  registryRows: 'id, receivedAt, regNo',
  applicants: 'id, iin, *phones, *searchWords, mergedInto, deletedAt',
  events: 'id, appealId, [appealId+at], type, at',
  inquiries: 'id, outgoingNo, status, agencyId, *appealIds, dueDate, outgoingDate',
  agencies: 'id, *searchWords',
  receptions: 'id, date, status',
  checklistTemplates: 'id',
  templates: 'id, kind',
  initiatives: 'id, submittedOn, status',
  planItems: 'id, [year+quarter]',
  attachments: 'id, appealId',
  settings: 'id',
  drafts: 'id, &[kind+key], kind, updatedAt',
  counters: 'id',
};

/** Office tables added after version 7. */
const NEW_IN_V8: readonly string[] = ['reportPublications', 'feedbackRounds'];
/** The office tables of versions 1 to 7, which the tests of those upgrades build and compare. */
const TABLES_BEFORE_V8 = OFFICE_TABLES.filter((t) => !NEW_IN_V8.includes(t));

let db: TizilimDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('schema versions', () => {
  it('are numbered in increasing order (no version is ever reused)', () => {
    const numbers = SCHEMA_VERSIONS.map((v) => v.version);
    expect(numbers[0]).toBe(1);
    for (let i = 1; i < numbers.length; i++) expect(numbers[i]!).toBeGreaterThan(numbers[i - 1]!);
    expect(LATEST_VERSION).toBe(numbers[numbers.length - 1]);
  });

  it('version 1 is unchanged since release', () => {
    expect(SCHEMA_VERSIONS[0]?.stores).toEqual(RELEASED_V1);
  });

  /** Each table's keys as Dexie understood them, without opening anything. */
  const tablesOf = (dexie: Dexie) =>
    Object.fromEntries(
      dexie.tables.map((t) => [
        t.name,
        [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src).sort()],
      ]),
    );
  /** A database object with every version declared, as the app declared them up to version 11 */
  const declaringEvery = (upTo: number) => {
    const dexie = new Dexie(`tizilim-every-version-${upTo}`);
    for (const step of SCHEMA_VERSIONS.filter((v) => v.version <= upTo)) {
      const version = dexie.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
    return dexie;
  };

  it('the versions declared to Dexie give every version the tables of declaring them all', () => {
    for (const { version } of SCHEMA_VERSIONS) {
      const declared = new TizilimDb(`tizilim-declared-${version}`, version);
      expect(declared.verno, `version ${version}`).toBe(version);
      expect(tablesOf(declared), `version ${version}`).toEqual(tablesOf(declaringEvery(version)));
    }
  });

  it('every upgrade is declared at its own version, with the tables of that version', () => {
    const declared = declaredVersions();
    for (const step of SCHEMA_VERSIONS.filter((v) => v.upgrade)) {
      const at = declared.find((v) => v.version === step.version);
      expect(at?.upgrade, `version ${step.version}`).toBe(step.upgrade);
      const alone = new Dexie(`tizilim-upgrade-tables-${step.version}`);
      alone.version(step.version).stores(at!.stores);
      expect(tablesOf(alone), `version ${step.version}`).toEqual(
        tablesOf(declaringEvery(step.version)),
      );
    }
    // Nothing else is declared but the latest version (each declaration costs the first screen).
    expect(declared.slice(0, -1).every((v) => v.upgrade)).toBe(true);
    expect(declared.at(-1)?.version).toBe(LATEST_VERSION);
  });

  it('open with strict durability and every table of the schema', async () => {
    db = new TizilimDb('tizilim-migration-tables');
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        ...Object.keys(RELEASED_V1),
        'changes',
        'device',
        'meta',
        'syncDocs',
        'syncPacks',
        'syncMeta',
        'syncQuarantine',
        'syncConflicts',
        'exchangeBases',
        'exchangePeers',
        'reportPublications',
        'feedbackRounds',
        'okrugMaps',
      ].sort(),
    );
    expect(db.appeals.schema.indexes.find((i) => i.name === 'regNo')?.unique).toBe(true);
    // Since version 4 the search is an in-memory index: no word indexes in the database.
    for (const table of [db.appeals, db.applicants, db.agencies]) {
      expect(table.schema.indexes.map((i) => i.name)).not.toContain('searchWords');
    }
  });

  it('the harness keeps data across reopening at the latest version', async () => {
    let regNo = '';
    db = await openAtVersionThenUpgrade('tizilim-migration-harness', 1, async (old) => {
      regNo = (await createAppeal(old, kazakhAppeal(), ctxAt())).regNo;
    });
    expect(db.verno).toBe(LATEST_VERSION);
    const stored = await db.appeals.where('regNo').equals(regNo).first();
    expect(stored?.subject).toBe('Ыстық су жоқ');
    expect(await db.events.count()).toBe(1);
  });
});

/** Every table's rows, by table name. */
async function dump(d: TizilimDb, names: readonly string[]) {
  const out: Record<string, unknown[]> = {};
  for (const name of names) out[name] = await d.table(name).toArray();
  return out;
}

describe('version 2: the change log and this laptop’s identity', () => {
  it('keeps every record, starts the log with one put per stored record, and names the laptop', async () => {
    const office = generateOffice({
      appeals: 40,
      seed: 11,
      from: '2026-05-01',
      today: '2026-11-19',
    });
    const kept = [...TABLES_BEFORE_V8, 'registryRows', 'drafts'];
    let before: Record<string, unknown[]> = {};
    db = await openAtVersionThenUpgrade(
      'tizilim-migration-v2',
      1,
      async (old) => {
        expect(old.tables.map((t) => t.name)).not.toContain('changes');
        // The office as version 1 stored it: imported through the app, plus a draft.
        await importExportFile(old, office, ctxAt(), { mode: 'empty', fileAs: 'bytes' });
        await saveDraft(old, { kind: 'intake', key: 'r1:v1', data: { text: 'Жарық жоқ' } });
        before = await dump(old, kept);
      },
      2,
    );

    expect(db.verno).toBe(2);
    expect(await dump(db, kept)).toEqual(before);
    expect(before.appeals).toHaveLength(40);
    expect((before.drafts ?? []).length).toBe(1);

    // This laptop got its identity in the upgrade.
    const device = await getDevice(db);
    expect(idSchema.safeParse(device.id).success).toBe(true);
    expect(device.name).toMatch(/^Tizilim-[0-9A-F]{4}$/);
    expect(await db.device.count()).toBe(1);

    // One `put` per stored office record, tables in export order, nothing for drafts or
    // registry rows; read back through the consumers' API in pages.
    const entries = [];
    for (let page = await changesSince(db, 0, 100); page.length;) {
      entries.push(...page);
      page = await changesSince(db, page[page.length - 1]!.seq, 100);
    }
    const expected = TABLES_BEFORE_V8.flatMap((table) =>
      (before[table] as { id: string }[])
        .map((r) => r.id)
        .sort()
        .map((id) => ({ table, id })),
    );
    expect(entries.map((e) => ({ table: e.table, id: e.id }))).toEqual(expected);
    expect(entries.every((e) => e.op === 'put' && e.device === device.id)).toBe(true);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(await latestSeq(db)).toBe(entries.length);
    expect(entries.length).toBeGreaterThan(40 + 40);

    // The registry rows still agree with the appeals and their applicants' names.
    const names = new Map(
      (before.applicants as { id: string; fullName: string }[]).map((a) => [a.id, a.fullName]),
    );
    const live = (await db.appeals.toArray()).filter((a) => a.deletedAt === null);
    expect(await db.registryRows.toArray()).toEqual(
      live.map((a) => registryRowOf(a, a.applicantId ? (names.get(a.applicantId) ?? '') : '')),
    );

    // And the log goes on from there, written by this laptop.
    const applicant = (before.applicants as { id: string }[])[0]!;
    await updateApplicant(db, applicant.id, { fullName: 'Жаңа Есім Тегі' }, ctxAt());
    const next = await changesSince(db, entries.length);
    expect(next.map((e) => [e.seq, e.table, e.id, e.op])).toEqual([
      [entries.length + 1, 'applicants', applicant.id, 'put'],
    ]);
  });

  it('a new database has its identity from the first start and an empty log', async () => {
    db = new TizilimDb('tizilim-migration-fresh');
    await db.open();
    expect(await db.device.count()).toBe(1);
    expect(await latestSeq(db)).toBe(0);
  });
});

describe('version 7: sync with the council server', () => {
  it('keeps every record and the log, adds empty sync tables, and the first push sends the whole registry', async () => {
    const office = generateOffice({ appeals: 30, seed: 17, from: '2026-06-01' });
    const kept = [...TABLES_BEFORE_V8, 'registryRows', 'drafts', 'changes', 'device'];
    let before: Record<string, unknown[]> = {};
    db = await openAtVersionThenUpgrade(
      'tizilim-migration-v7',
      2,
      async (old) => {
        expect(old.tables.map((t) => t.name)).not.toContain('syncDocs');
        await importExportFile(old, office, ctxAt(), { mode: 'empty', fileAs: 'bytes' });
        before = await dump(old, kept);
      },
      // Version 8 adds the scorecard tables a push reads; version 9 rewrites initiatives.
      8,
    );
    expect(db.verno).toBe(8);
    expect(await dump(db, kept)).toEqual(before);
    for (const table of [db.syncDocs, db.syncMeta, db.syncQuarantine, db.syncConflicts]) {
      expect(await table.count()).toBe(0);
    }
    // Sync starts switched off, and its first push starts at seq 0: every office record
    // (pushed by today's code, at the latest version).
    db.close();
    db = new TizilimDb('tizilim-migration-v7');
    await db.open();
    expect(await readSyncSettings(db)).toEqual({ enabled: false, server: '', database: '' });
    const first = await new LocalPeer({ db, fileAs: 'bytes' }).changes(0, 100_000);
    const records = TABLES_BEFORE_V8.reduce((n, t) => n + (before[t] ?? []).length, 0);
    expect(first.results).toHaveLength(records);
    // The sync tables belong to this laptop: an export never carries them.
    expect(EXPORT_TABLE_NAMES.some((t) => t.startsWith('sync'))).toBe(false);
  });
});

describe('version 8: the open-deputy scorecard records', () => {
  it('keeps every record, adds the two empty tables, and their records are logged and exported', async () => {
    const office = generateOffice({ appeals: 20, seed: 8, from: '2026-06-01' });
    const kept = [...TABLES_BEFORE_V8, 'registryRows', 'changes', 'device'];
    let before: Record<string, unknown[]> = {};
    db = await openAtVersionThenUpgrade(
      'tizilim-migration-v8',
      7,
      async (old) => {
        expect(old.tables.map((t) => t.name)).not.toContain('reportPublications');
        await importExportFile(old, office, ctxAt(), { mode: 'empty', fileAs: 'bytes' });
        before = await dump(old, kept);
      },
      8,
    );
    expect(db.verno).toBe(8);
    expect(await dump(db, kept)).toEqual(before);
    expect(await db.reportPublications.count()).toBe(0);
    expect(await db.feedbackRounds.count()).toBe(0);

    const seq = await latestSeq(db);
    const publication = await createReportPublication(
      db,
      {
        year: 2026,
        quarter: 3,
        publishedOn: '2026-10-12',
        link: 'https://maslihat.kz/esep-2026-3',
      },
      ctxAt(),
    );
    const round = await createFeedbackRound(
      db,
      {
        decision: 'Мәслихаттың 12-сессиясының аула абаттандыру туралы шешімі',
        decisionOn: '2026-09-25',
        collectedOn: '2026-10-05',
        channel: 'telegram',
        responses: 46,
        summary: 'Тұрғындар ойын алаңын бірінші кезекте салуды сұрады',
      },
      ctxAt(),
    );
    const logged = await changesSince(db, seq);
    expect(logged.map((c) => [c.table, c.id])).toEqual([
      ['reportPublications', publication.id],
      ['feedbackRounds', round.id],
    ]);
    const file = await exportDatabase(db);
    expect(file.tables.reportPublications).toEqual([publication]);
    expect(file.tables.feedbackRounds).toEqual([round]);
  });

  it('an upgrade from version 1 runs every step, the change log starting without the new tables', async () => {
    db = await openAtVersionThenUpgrade('tizilim-migration-v1-to-v8', 1, async (old) => {
      await createAppeal(old, kazakhAppeal(), ctxAt());
    });
    expect(db.verno).toBe(LATEST_VERSION);
    expect((await changesSince(db, 0)).map((c) => c.table).sort()).toEqual([
      'appeals',
      'counters',
      'events',
    ]);
  });
});

describe('version 4: the search words go', () => {
  it('drops the word indexes and the field, keeps everything else, and logs nothing', async () => {
    const office = generateOffice({
      appeals: 30,
      seed: 4,
      from: '2026-05-01',
      today: '2026-11-19',
    });
    const tables = ['appeals', 'applicants', 'agencies'] as const;
    const kept = [...TABLES_BEFORE_V8, 'registryRows', 'changes', 'device'];
    let before: Record<string, unknown[]> = {};
    db = await openAtVersionThenUpgrade('tizilim-migration-v4', 2, async (old) => {
      expect(old.appeals.schema.indexes.map((i) => i.name)).toContain('searchWords');
      await importExportFile(old, office, ctxAt(), { mode: 'empty', fileAs: 'bytes' });
      // The records as versions 1–3 stored them: with their words.
      for (const table of tables) {
        const records = (await old.table(table).toArray()) as { id: string }[];
        await old.table(table).bulkPut(records.map((r) => ({ ...r, searchWords: [r.id, 'сөз'] })));
      }
      expect(await old.appeals.where('searchWords').equals('сөз').count()).toBe(30);
      before = await dump(old, kept);
    });

    expect(db.verno).toBe(LATEST_VERSION);
    for (const table of tables) {
      expect(db.table(table).schema.indexes.map((i) => i.name)).not.toContain('searchWords');
    }
    const after = await dump(db, kept);
    for (const name of kept) {
      const expected = (before[name] as Record<string, unknown>[]).map((record) => {
        if (!(tables as readonly string[]).includes(name)) return record;
        const { searchWords, ...rest } = record;
        expect(searchWords).toBeDefined();
        return rest;
      });
      // Same records, without their words; the change log and registry rows unchanged.
      expect(after[name], name).toEqual(expected);
    }
    expect((after.agencies ?? []).length).toBeGreaterThan(0);
  });
});

describe('version 5: public texts in both languages', () => {
  it('moves each single-language text into the language it reads as, and leaves pairs alone', async () => {
    const office = generateOffice({
      appeals: 30,
      seed: 5,
      from: '2026-06-01',
      today: '2026-11-19',
    });
    const previous = 4; // the version before 5
    let ids: string[] = [];
    let receptionIds: string[] = [];
    let untouched: unknown;
    db = await openAtVersionThenUpgrade('tizilim-migration-v5', previous, async (old) => {
      await importExportFile(old, office, ctxAt(), { mode: 'empty', fileAs: 'bytes' });
      // As the earlier version stored them: one string each, no highlight flag.
      const appeals = await old.appeals.orderBy('regNo').limit(4).toArray();
      ids = appeals.map((a) => a.id);
      const texts = [
        'Аулаға жаңа балалар алаңы орнатылды.',
        'Во дворе на улице Жубанова установлена детская площадка.',
        'Жол жөнделді',
        '',
      ];
      await old.appeals.bulkPut(
        appeals.map((a, i) => {
          const { reportHighlight: _dropped, ...rest } = a;
          return { ...rest, publicSummary: texts[i] } as unknown as typeof a;
        }),
      );
      const receptions = await old.receptions.orderBy('date').limit(2).toArray();
      receptionIds = receptions.map((r) => r.id);
      await old.receptions.bulkPut([
        {
          ...receptions[0]!,
          place: 'Астана, Жеңіс даңғылы, 23, мәслихат ғимараты',
          accessibilityNotes: 'Бірінші қабат, кіреберісте пандус бар',
        } as unknown as (typeof receptions)[number],
        {
          ...receptions[1]!,
          place: 'Школа № 45, актовый зал на первом этаже',
          accessibilityNotes: '',
        } as unknown as (typeof receptions)[number],
      ]);
      untouched = (await old.appeals.orderBy('regNo').offset(10).first())?.publicSummary;
    });

    expect(db.verno).toBe(LATEST_VERSION);
    const after = await db.appeals.bulkGet(ids);
    expect(after.map((a) => a?.publicSummary)).toEqual([
      { kk: 'Аулаға жаңа балалар алаңы орнатылды.', ru: '' },
      { kk: '', ru: 'Во дворе на улице Жубанова установлена детская площадка.' },
      // Two words: too short to tell, so it stays in the office's language (Kazakh).
      { kk: 'Жол жөнделді', ru: '' },
      { kk: '', ru: '' },
    ]);
    expect(after.every((a) => a?.reportHighlight === false)).toBe(true);
    expect((await db.appeals.orderBy('regNo').offset(10).first())?.publicSummary).toEqual(
      untouched,
    );
    const receptions = await db.receptions.bulkGet(receptionIds);
    expect(receptions.map((r) => [r?.place, r?.accessibilityNotes])).toEqual([
      [
        { kk: 'Астана, Жеңіс даңғылы, 23, мәслихат ғимараты', ru: '' },
        { kk: 'Бірінші қабат, кіреберісте пандус бар', ru: '' },
      ],
      [
        { kk: '', ru: 'Школа № 45, актовый зал на первом этаже' },
        { kk: '', ru: '' },
      ],
    ]);
    // Every record parses against today's schemas after the upgrade.
    for (const appeal of await db.appeals.toArray()) {
      expect(appealSchema.safeParse(appeal).success).toBe(true);
    }
    for (const reception of await db.receptions.toArray()) {
      expect(receptionSchema.safeParse(reception).success).toBe(true);
    }
  });

  it('puts a text too short to tell into the office’s language when it is Russian', async () => {
    const office = generateOffice({ appeals: 5, seed: 6, from: '2026-09-01', today: '2026-11-19' });
    office.tables.settings = office.tables.settings.map((s) => ({ ...s, language: 'ru' as const }));
    const previous = 4; // the version before 5
    let id = '';
    db = await openAtVersionThenUpgrade('tizilim-migration-v5-ru', previous, async (old) => {
      await importExportFile(old, office, ctxAt(), { mode: 'empty', fileAs: 'bytes' });
      const appeal = (await old.appeals.toCollection().first())!;
      id = appeal.id;
      await old.appeals.put({ ...appeal, publicSummary: 'Двор' } as unknown as typeof appeal);
    });
    expect((await db.appeals.get(id))?.publicSummary).toEqual({ kk: '', ru: 'Двор' });
  });
});
