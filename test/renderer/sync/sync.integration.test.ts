import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addAttachment,
  createAppeal,
  createApplicant,
  importRecords,
  updateAppeal,
  updateApplicant,
} from '@renderer/db/repositories';
import { changesSince } from '@renderer/db/changeLog';
import { generateDataset } from '@test/fixtures/generate';
import { resolveConflicts } from '@renderer/sync/conflicts';
import { SyncNetworkError } from '@renderer/sync/remote';
import { startSyncServer, type SyncServer } from '@test/sync/server';
import {
  ctxAt,
  deleteFreshDbsAfterEach,
  freshDb,
  kazakhAppeal,
  russianAppeal,
  WRITTEN_CONSENT,
} from '../db/helpers';
import { AIGUL, BOLAT, engineFor, officeData, serverDocs } from './helpers';

/**
 * Two laptops of one office and the council's server (the test server, the CouchDB protocol):
 * they converge, nothing goes back as new, a true conflict waits for a person, a bad
 * document is quarantined, and a server that goes away — even mid-sync — loses nothing.
 */
deleteFreshDbsAfterEach();

let server: SyncServer;
let office = 0;

beforeAll(async () => {
  server = await startSyncServer({ persistent: true });
  await server.addUser(AIGUL);
  await server.addUser(BOLAT);
});
afterAll(() => server.close());

async function newOffice(): Promise<string> {
  office += 1;
  const name = `office-${String(office)}`;
  await server.createOffice(name, [AIGUL.name, BOLAT.name]);
  return name;
}

/** A new office, two laptops, and one appeal registered on the first that both now hold. */
async function twoLaptopsSharingAnAppeal() {
  const database = await newOffice();
  const a = freshDb();
  const b = freshDb();
  const syncA = engineFor(a, server, database);
  const syncB = engineFor(b, server, database, BOLAT);
  const appeal = await createAppeal(a, kazakhAppeal(), ctxAt());
  await syncA.syncOnce();
  await syncB.syncOnce();
  return { database, a, b, syncA, syncB, appeal };
}

describe('two laptops and the server', () => {
  it('converge: what one registers the other gets, edits on both meet', async () => {
    const database = await newOffice();
    const a = freshDb();
    const b = freshDb();
    const syncA = engineFor(a, server, database);
    const syncB = engineFor(b, server, database, BOLAT);

    const person = await createApplicant(
      a,
      { fullName: 'Сейтқали Жанар', phones: ['+77011234567'], consent: WRITTEN_CONSENT },
      ctxAt(),
    );
    const first = await createAppeal(a, kazakhAppeal({ applicantId: person.id }), ctxAt());
    await syncA.syncOnce();
    await syncB.syncOnce();
    expect(await officeData(b)).toEqual(await officeData(a));
    expect((await b.registryRows.get(first.id))?.applicantName).toBe('Сейтқали Жанар');

    // Edits on both laptops, of different fields and records, then both sync.
    await updateAppeal(a, first.id, { subject: 'Ыстық су екі аптадан бері жоқ' }, ctxAt());
    await updateApplicant(b, person.id, { fullName: 'Сейтқали Жанар Серікқызы' }, ctxAt());
    await createAppeal(b, russianAppeal(), ctxAt());
    await syncA.syncOnce();
    await syncB.syncOnce();
    await syncA.syncOnce();
    expect(await officeData(b)).toEqual(await officeData(a));
    expect((await a.appeals.get(first.id))?.subject).toBe('Ыстық су екі аптадан бері жоқ');
    expect((await a.registryRows.get(first.id))?.applicantName).toBe('Сейтқали Жанар Серікқызы');
    expect(await a.syncConflicts.count()).toBe(0);
    const docs = await serverDocs(server, database);
    expect(docs.every((d) => d._conflicts === undefined)).toBe(true);
  });

  it('a record changed on both laptops in different fields gets both changes on both', async () => {
    const { a, b, syncA, syncB, appeal } = await twoLaptopsSharingAnAppeal();
    await updateAppeal(a, appeal.id, { subject: 'Ыстық су жоқ, 12-үй' }, ctxAt());
    await updateAppeal(b, appeal.id, { expectation: 'Жылу желілеріне хат' }, ctxAt());
    await syncA.syncOnce();
    await syncB.syncOnce(); // merges, and sends the merged record back at once
    await syncA.syncOnce();
    for (const db of [a, b]) {
      expect(await db.appeals.get(appeal.id)).toMatchObject({
        subject: 'Ыстық су жоқ, 12-үй',
        expectation: 'Жылу желілеріне хат',
      });
      expect(await db.syncConflicts.count()).toBe(0);
    }
    expect(await officeData(b)).toEqual(await officeData(a));
  });

  it('an attached scan travels as the document’s CouchDB attachment, byte for byte', async () => {
    const { database, b, a, syncA, syncB, appeal } = await twoLaptopsSharingAnAppeal();
    const bytes = new Uint8Array(3000).map((_, i) => (i * 37) % 256);
    const added = await addAttachment(
      a,
      appeal.id,
      { fileName: 'шағым-скан.pdf', mimeType: 'application/pdf', size: bytes.length, blob: bytes },
      ctxAt(),
    );
    await syncA.syncOnce();
    const onServer = await server.request('GET', `/${database}/attachments:${added.id}`);
    expect(onServer.body).toMatchObject({
      table: 'attachments',
      _attachments: { file: { content_type: 'application/pdf', length: 3000 } },
    });
    expect((onServer.body as { data: object }).data).not.toHaveProperty('blob');
    await syncB.syncOnce();
    const got = await b.attachments.get(added.id);
    expect(got?.fileName).toBe('шағым-скан.pdf');
    expect([...(got?.blob as Uint8Array)]).toEqual([...bytes]);
    expect((await b.appeals.get(appeal.id))?.attachmentIds).toEqual([added.id]);
  });

  it('never sends back as new what came from the server (no echo)', async () => {
    const database = await newOffice();
    const a = freshDb();
    const b = freshDb();
    await createAppeal(a, kazakhAppeal(), ctxAt());
    await engineFor(a, server, database).syncOnce();
    const before = await server.request('GET', `/${database}`);
    const syncB = engineFor(b, server, database, BOLAT);
    const first = await syncB.syncOnce();
    expect(first.pulled).toBeGreaterThan(0);
    expect(first.pushed).toBe(0);
    expect((await syncB.syncOnce()).pushed).toBe(0);
    const after = await server.request('GET', `/${database}`);
    expect((after.body as { update_seq: unknown }).update_seq).toEqual(
      (before.body as { update_seq: unknown }).update_seq,
    );
    // B's log holds the pulled records, and none is waiting to be sent.
    expect(await b.changes.count()).toBeGreaterThan(0);
    expect(syncB.status.pending).toBe(0);
  });

  it('counts and pushes what waits in records, however the log stores a bulk write', async () => {
    const a = freshDb();
    await importRecords(a, generateDataset({ appeals: 40, seed: 11 }));
    const records = (await changesSince(a, 0, 1_000_000)).length;
    expect(await a.changes.count()).toBeLessThan(records / 10);
    const offline = engineFor(a, server, await newOffice(), AIGUL, {
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await expect(offline.syncOnce()).rejects.toBeInstanceOf(SyncNetworkError);
    expect(offline.status.pending).toBe(records);
    // Online, the push goes in batches of its own size, not a shared row's whole write.
    const sizes: number[] = [];
    const online = engineFor(a, server, await newOffice(), AIGUL, {
      batchSize: 100,
      fetch: async (input, init) => {
        if (String(input).includes('/_bulk_docs')) {
          sizes.push((JSON.parse(String(init?.body)) as { docs: unknown[] }).docs.length);
        }
        return fetch(input, init);
      },
    });
    expect((await online.syncOnce()).pushed).toBe(records);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
    expect(online.status.pending).toBe(0);
  });

  it('a first sync never overwrites a record made here while it runs: it is merged', async () => {
    const database = await newOffice();
    const a = freshDb();
    const b = freshDb();
    const appeal = await createAppeal(a, kazakhAppeal(), ctxAt());
    await engineFor(a, server, database).syncOnce();
    // The same record appears on B (an import of the office's file, say) once B's first
    // pull has begun: B holds no base row at all, so the pull looks for none — but it
    // reads the record itself in its transaction.
    let written = false;
    const syncB = engineFor(b, server, database, BOLAT, {
      fetch: async (input, init) => {
        if (!written && String(input).includes('/_changes?')) {
          written = true;
          await b.appeals.put({ ...appeal, subject: 'Жарық жоқ (осында жазылды)' });
        }
        return fetch(input, init);
      },
    });
    await syncB.syncOnce();
    expect(written).toBe(true);
    expect((await b.appeals.get(appeal.id))?.subject).toBe('Жарық жоқ (осында жазылды)');
    const conflicts = await b.syncConflicts.toArray();
    expect(conflicts).toEqual([
      expect.objectContaining({
        field: 'subject',
        mine: 'Жарық жоқ (осында жазылды)',
        theirs: appeal.subject,
        baseKnown: false,
      }),
    ]);
  });

  it('a first sync merges the records this laptop held before it began', async () => {
    const database = await newOffice();
    const a = freshDb();
    const b = freshDb();
    const appeal = await createAppeal(a, kazakhAppeal(), ctxAt());
    await engineFor(a, server, database).syncOnce();
    // B holds the same appeal (from the office's file) with its own change, before joining.
    await b.appeals.put({ ...appeal, subject: 'Жарық жоқ (B-да бұрын жазылды)' });
    await engineFor(b, server, database, BOLAT).syncOnce();
    expect((await b.appeals.get(appeal.id))?.subject).toBe('Жарық жоқ (B-да бұрын жазылды)');
    expect(await b.syncConflicts.toArray()).toEqual([
      expect.objectContaining({ field: 'subject', theirs: appeal.subject, baseKnown: false }),
    ]);
  });

  it('a first sync merges a record made here between its batches', async () => {
    const database = await newOffice();
    const a = freshDb();
    const b = freshDb();
    for (const subject of ['Жол жөндеу', 'Аула жарығы', 'Су құбыры']) {
      await createAppeal(a, kazakhAppeal({ subject }), ctxAt());
    }
    const last = await createAppeal(a, russianAppeal({ subject: 'Нет отопления' }), ctxAt());
    await engineFor(a, server, database).syncOnce();

    // A record written here while the first sync runs (between its batches) is merged.
    let pages = 0;
    const syncB = engineFor(b, server, database, BOLAT, {
      batchSize: 3,
      fetch: async (input, init) => {
        if (String(input).includes('/_changes?') && ++pages === 3) {
          await b.appeals.put({ ...last, subject: 'Жылу жоқ (осында жазылды)' });
        }
        return fetch(input, init);
      },
    });
    await syncB.syncOnce();
    expect(pages).toBeGreaterThanOrEqual(3);
    expect((await b.appeals.get(last.id))?.subject).toBe('Жылу жоқ (осында жазылды)');
    expect(await b.syncConflicts.toArray()).toEqual([
      expect.objectContaining({
        field: 'subject',
        mine: 'Жылу жоқ (осында жазылды)',
        theirs: 'Нет отопления',
      }),
    ]);
  });

  it('a field changed differently on both laptops is a conflict for a person, never overwritten', async () => {
    const { a, b, syncA, syncB, appeal } = await twoLaptopsSharingAnAppeal();

    await updateAppeal(a, appeal.id, { subject: 'Ыстық су жоқ (Абай 12)' }, ctxAt());
    await updateAppeal(
      b,
      appeal.id,
      { subject: 'Нет горячей воды (Абая 12)', expectation: 'Жауап күтемін' },
      ctxAt(),
    );
    await syncA.syncOnce();
    await syncB.syncOnce();

    // B keeps its own subject, takes nothing silently, and lists the conflict.
    const onB = await b.appeals.get(appeal.id);
    expect(onB?.subject).toBe('Нет горячей воды (Абая 12)');
    const conflicts = await b.syncConflicts.toArray();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      field: 'subject',
      mine: 'Нет горячей воды (Абая 12)',
      theirs: 'Ыстық су жоқ (Абай 12)',
      base: 'Ыстық су жоқ',
      baseKnown: true,
    });

    // A typed value that breaks the appeal's rules (an empty subject) is refused in both
    // languages' terms (a field and its message code) and changes nothing.
    const eventsBefore = await b.events.count();
    const refused = await resolveConflicts(
      b,
      conflicts[0]!.docId,
      [{ conflictId: conflicts[0]!.id, choice: { value: '' } }],
      ctxAt(),
    ).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: 'validation',
      issues: [expect.objectContaining({ path: 'subject' })],
    });
    expect(await b.appeals.get(appeal.id)).toEqual(onB);
    expect(await b.syncConflicts.count()).toBe(1);
    expect(await b.events.count()).toBe(eventsBefore);
  });

  it('a conflict is listed once on each laptop, decided once, and gone everywhere', async () => {
    const { database, a, b, syncA, syncB, appeal } = await twoLaptopsSharingAnAppeal();
    // A's first push and B's first pull wrote their base rows together (baseRows.ts): the
    // merge, the conflict and the decision below read the appeal's base from a pack, and
    // write its next one apart.
    for (const db of [a, b]) {
      expect(await db.syncPacks.count()).toBe(1);
      expect(await db.syncDocs.count()).toBe(0);
    }
    await updateAppeal(a, appeal.id, { subject: 'Ыстық су жоқ (Абай 12)' }, ctxAt());
    await updateAppeal(b, appeal.id, { subject: 'Нет горячей воды (Абая 12)' }, ctxAt());
    for (let round = 0; round < 3; round++) {
      await syncA.syncOnce();
      await syncB.syncOnce();
    }
    expect(await a.syncConflicts.count()).toBe(1);
    expect(await b.syncConflicts.count()).toBe(1);
    // Neither laptop's value went to the other while nobody decided.
    expect((await a.appeals.get(appeal.id))?.subject).toBe('Ыстық су жоқ (Абай 12)');
    expect((await b.appeals.get(appeal.id))?.subject).toBe('Нет горячей воды (Абая 12)');

    const [conflict] = await b.syncConflicts.toArray();
    await resolveConflicts(
      b,
      conflict!.docId,
      [{ conflictId: conflict!.id, choice: 'theirs' }],
      ctxAt(),
    );
    await syncB.syncOnce();
    await syncA.syncOnce();
    await syncB.syncOnce();
    expect(await a.syncConflicts.count()).toBe(0);
    expect(await b.syncConflicts.count()).toBe(0);
    expect((await b.appeals.get(appeal.id))?.subject).toBe('Ыстық су жоқ (Абай 12)');
    expect(await officeData(b)).toEqual(await officeData(a));
    const docs = await serverDocs(server, database);
    expect(docs.filter((d) => d._conflicts !== undefined)).toEqual([]);
    // The decision is in the appeal's history on both laptops.
    const history = await a.events.where('appealId').equals(appeal.id).toArray();
    expect(
      history.some(
        (e) =>
          e.type === 'fieldChanged' &&
          e.userId === 'aigerim' &&
          JSON.stringify(e.data).includes('Нет горячей'),
      ),
    ).toBe(true);
  });

  it('quarantines a document that fails the app rules and applies the rest', async () => {
    const database = await newOffice();
    const a = freshDb();
    await server.request('PUT', `/${database}/appeals:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b`, {
      table: 'appeals',
      schema: 1,
      data: { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', subject: '' },
    });
    const b = freshDb();
    await createAppeal(b, kazakhAppeal(), ctxAt());
    await engineFor(b, server, database, BOLAT).syncOnce();
    await engineFor(a, server, database).syncOnce();
    expect(await a.appeals.count()).toBe(1);
    const quarantined = await a.syncQuarantine.toArray();
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatchObject({ reason: 'invalid_record', table: 'appeals' });
    // Not fetched and refused again on the next sync.
    await engineFor(a, server, database).syncOnce();
    expect(await a.syncQuarantine.count()).toBe(1);
  });

  it('offline for a while: the sync fails cleanly, and everything arrives after', async () => {
    const database = await newOffice();
    const a = freshDb();
    const b = freshDb();
    const syncA = engineFor(a, server, database);
    await createAppeal(a, kazakhAppeal(), ctxAt());
    await syncA.syncOnce();
    await server.kill();
    await createAppeal(a, russianAppeal(), ctxAt());
    await expect(syncA.syncOnce()).rejects.toBeInstanceOf(SyncNetworkError);
    await server.start();
    await syncA.syncOnce();
    await engineFor(b, server, database, BOLAT).syncOnce();
    expect(await b.appeals.count()).toBe(2);
    expect(await officeData(b)).toEqual(await officeData(a));
  });

  it('the server killed mid-sync and started again loses nothing', async () => {
    const database = await newOffice();
    const a = freshDb();
    for (let i = 0; i < 12; i++) {
      await createAppeal(a, kazakhAppeal({ subject: `Өтініш №${String(i + 1)}` }), ctxAt());
    }
    let batches = 0;
    const syncA = engineFor(a, server, database, AIGUL, {
      batchSize: 5,
      fetch: async (input, init) => {
        const url = String(input);
        if (url.includes('/_bulk_docs') && ++batches === 2) {
          await server.kill(); // the second batch never reaches it
        }
        return fetch(input, init);
      },
    });
    await expect(syncA.syncOnce()).rejects.toBeInstanceOf(SyncNetworkError);
    await server.start();
    await syncA.syncOnce();
    const b = freshDb();
    await engineFor(b, server, database, BOLAT).syncOnce();
    expect(await b.appeals.count()).toBe(12);
    expect(await officeData(b)).toEqual(await officeData(a));
  });
});
