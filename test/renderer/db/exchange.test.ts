import { describe, expect, it } from 'vitest';
import {
  applyPackage,
  createAppeal,
  createAppealWithAttachments,
  decideConflict,
  exchangeStatus,
  getDevice,
  makeThisTheOfficeLaptop,
  openPackage,
  pendingConflicts,
  previewPackage,
  renameDevice,
  saveSettings,
  updateAppeal,
  writePackage,
  writeReceipt,
} from '@renderer/db/repositories';
import type { TizilimDb } from '@renderer/db/database';
import { defaultSettingsData } from '@shared/domain';
import { isExchangeError, type ExchangeErrorCode } from '@shared/exchange';
import { isProvisionalNumber } from '@shared/numbering';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, kazakhAppeal, russianAppeal } from './helpers';

deleteFreshDbsAfterEach();

const PASSWORD = 'Сәуір-2026 кеңсе';
const LOCKS = {
  locks: { password: PASSWORD },
  appVersion: '0.1.0-test',
  keyOptions: { iterations: 1_000 },
};
const SECRET = { password: PASSWORD };
const LATER = new Date('2026-11-20T08:00:00Z');
const EVENING = new Date('2026-11-20T12:00:00Z');

async function snapshot(db: TizilimDb) {
  return {
    appeals: await db.appeals.toArray(),
    events: await db.events.count(),
    counters: await db.counters.toArray(),
    settings: await db.settings.toArray(),
    peers: await db.exchangePeers.toArray(),
  };
}

async function refusal(promise: Promise<unknown>): Promise<ExchangeErrorCode> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isExchangeError(error)).toBe(true);
  return (error as { code: ExchangeErrorCode }).code;
}

/** Sends from one laptop to another and applies it there; returns what the receiver saw. */
async function send(from: TizilimDb, to: TizilimDb | null, into: TizilimDb, when = LATER) {
  const target = to ? await getDevice(to) : null;
  const written = await writePackage(
    from,
    { ...LOCKS, to: target ? { deviceId: target.id, name: target.name } : null },
    ctxAt(when),
  );
  const opened = await openPackage(into, written.bytes, SECRET);
  const preview = await previewPackage(into, opened, ctxAt(when), { fileAs: 'bytes' });
  const applied = await applyPackage(into, opened, ctxAt(when), { fileAs: 'bytes' });
  return { written, preview: preview.preview, applied };
}

async function officeAndReception() {
  const office = freshDb();
  await renameDevice(office, 'Кеңсе ноутбугі');
  await saveSettings(office, defaultSettingsData(), ctxAt());
  await makeThisTheOfficeLaptop(office, ctxAt());
  const first = await createAppeal(office, kazakhAppeal(), ctxAt());
  await createAppeal(office, russianAppeal(), ctxAt());
  const reception = freshDb();
  await renameDevice(reception, 'Қабылдау ноутбугі');
  // Set up on its own first (the first-run questions), with nothing registered yet.
  await saveSettings(
    reception,
    {
      ...defaultSettingsData(),
      users: [{ id: 'dana', fullName: 'Дана Серікқызы', role: 'deputy', active: true }],
    },
    ctxAt(),
  );
  // A new laptop joins the office with the office's first package (written for any laptop).
  const joined = await send(office, null, reception);
  return { office, reception, first, joined };
}

describe('exchange packages between two laptops of one office', () => {
  it('a new laptop joins with the whole registry and the office laptop keeps the series', async () => {
    const { office, reception, joined } = await officeAndReception();
    expect(joined.written.envelope).toMatchObject({ full: true, to: null, seq: 1 });
    expect(joined.preview.newAppeals.map((a) => a.regNo).sort()).toEqual([
      '2026-0001',
      '2026-0002',
    ]);
    expect(await reception.appeals.count()).toBe(2);
    const status = await exchangeStatus(reception);
    const officeDevice = await getDevice(office);
    expect(status).toMatchObject({ issuerDeviceId: officeDevice.id, isIssuer: false });
    expect(status.officeId).toBe((await exchangeStatus(office)).officeId);
    // It took the office's settings and kept its own staff member.
    const settings = (await reception.settings.toArray())[0]!;
    expect(settings.users.map((u) => u.fullName)).toContain('Дана Серікқызы');
    expect(settings.numberIssuerDeviceId).toBe(officeDevice.id);
    // Every appeal that arrived says so in its history.
    const appeal = (await reception.appeals.toArray())[0]!;
    const events = await reception.events.where('appealId').equals(appeal.id).toArray();
    expect(
      events.some(
        (e) =>
          (e.data as { exchange?: { fromDevice: string } }).exchange?.fromDevice ===
          officeDevice.id,
      ),
    ).toBe(true);
  });

  it('a package carries every record of a bulk write (the log keeps it in shared rows)', async () => {
    const { office, reception } = await officeAndReception();
    for (const subject of ['Жол жөндеу', 'Балабақша кезегі']) {
      await createAppeal(office, kazakhAppeal({ subject }), ctxAt());
    }
    // The reception has the office's package and says so: the next one carries what the
    // office's log names after it.
    await send(office, reception, reception);
    const receipt = await writeReceipt(reception, (await getDevice(office)).id, LOCKS, ctxAt());
    await applyPackage(office, await openPackage(office, receipt.bytes, SECRET), ctxAt());
    const rowsBefore = await office.changes.count();
    const stored = await office.appeals.toArray();
    const edited = stored.map((a) => ({
      ...a,
      subject: `${a.subject} (түзетілді)`,
      version: a.version + 1,
      updatedAt: LATER.toISOString(),
    }));
    await office.appeals.bulkPut(edited);
    // The first record's entry, then one row for the other three.
    expect(await office.changes.count()).toBe(rowsBefore + 2);
    expect((await office.changes.toArray()).at(-1)).toMatchObject({ ids: expect.any(Array) });
    const sent = await send(office, reception, reception);
    expect(sent.written.envelope).toMatchObject({ full: false, counts: { appeals: 4 } });
    // Both arrived; written with no history event, they have no known common version, so
    // the reception is asked about each (a package merge's rule).
    expect(sent.preview.conflicts.map((c) => c.theirs).sort()).toEqual(
      edited.map((a) => a.subject).sort(),
    );
  });

  it('both laptops register offline, exchange both ways, and end with the same appeals, numbers and one conflict decided once', async () => {
    const { office, reception, first } = await officeAndReception();
    // The reception laptop has no block yet: its receipts carry provisional numbers.
    const atReception = [];
    for (const subject of ['Жарық жоқ', 'Жол жөндеу', 'Балабақша кезегі']) {
      atReception.push(await createAppeal(reception, kazakhAppeal({ subject }), ctxAt(LATER)));
    }
    expect(atReception.every((a) => isProvisionalNumber(a.regNo))).toBe(true);
    const atOffice = [
      await createAppeal(office, russianAppeal({ subject: 'Нет отопления' }), ctxAt(LATER)),
      await createAppeal(office, russianAppeal({ subject: 'Ремонт подъезда' }), ctxAt(LATER)),
    ];
    // Both edit the same appeal's subject differently: a conflict.
    await updateAppeal(office, first.id, { subject: 'Ыстық су жоқ (кеңсе)' }, ctxAt(LATER));
    await updateAppeal(reception, first.id, { subject: 'Ыстық су жоқ (қабылдау)' }, ctxAt(LATER));

    // Reception → office: three new appeals get the office's final numbers.
    const toOffice = await send(reception, office, office, EVENING);
    expect(toOffice.preview.newAppeals.map((a) => a.subject)).toEqual([
      'Жарық жоқ',
      'Жол жөндеу',
      'Балабақша кезегі',
    ]);
    expect(toOffice.preview.renumberings.map((r) => r.reason)).toEqual([
      'provisional',
      'provisional',
      'provisional',
    ]);
    expect(toOffice.preview.conflicts).toHaveLength(1);
    expect(toOffice.preview.conflicts[0]).toMatchObject({
      recordId: first.id,
      field: 'subject',
      mine: 'Ыстық су жоқ (кеңсе)',
      theirs: 'Ыстық су жоқ (қабылдау)',
    });
    expect(await pendingConflicts(office)).toHaveLength(1);

    // The office decides the conflict once, then sends back; the reception gets a block.
    const receptionId = (await getDevice(reception)).id;
    const [conflict] = await pendingConflicts(office);
    expect(
      await decideConflict(
        office,
        receptionId,
        { conflictId: conflict!.id, choice: 'theirs' },
        ctxAt(EVENING),
      ),
    ).toEqual({ problems: [] });
    expect(await pendingConflicts(office)).toHaveLength(0);
    const toReception = await send(office, reception, reception, EVENING);
    expect(toReception.preview.conflicts).toEqual([]);
    expect(await pendingConflicts(reception)).toHaveLength(0);
    const block = (await reception.counters.get('appeal:2026'))?.blocks?.find(
      (b) => b.deviceId === receptionId,
    );
    expect(block).toMatchObject({ from: 8, to: 57 });

    // Both laptops hold the same seven appeals under the same numbers, none twice.
    const numbersOf = async (db: TizilimDb) =>
      (await db.appeals.toArray()).map((a) => `${a.id}:${a.regNo}:${a.subject}`).sort();
    expect(await numbersOf(reception)).toEqual(await numbersOf(office));
    const regNos = (await office.appeals.toArray()).map((a) => a.regNo);
    expect(new Set(regNos).size).toBe(7);
    expect(regNos.every((n) => !isProvisionalNumber(n))).toBe(true);
    expect((await office.appeals.get(first.id))?.subject).toBe('Ыстық су жоқ (қабылдау)');
    // Every receipt's number still finds its appeal on both laptops.
    for (const printed of [...atReception, ...atOffice]) {
      for (const db of [office, reception]) {
        const found = await db.appeals
          .where('regNo')
          .equals(printed.regNo)
          .or('aliases')
          .equals(printed.regNo)
          .toArray();
        expect(found.map((a) => a.id)).toEqual([printed.id]);
      }
    }
    // Next registration on the reception laptop takes a number of its block.
    expect((await createAppeal(reception, kazakhAppeal(), ctxAt(EVENING))).regNo).toBe('2026-0008');

    // The receipt tells the office what the reception holds; its next package starts after it.
    const receipt = await writeReceipt(
      reception,
      (await getDevice(office)).id,
      LOCKS,
      ctxAt(EVENING),
    );
    await applyPackage(office, await openPackage(office, receipt.bytes, SECRET), ctxAt(EVENING));
    const peer = (await exchangeStatus(office)).peers[0]!;
    expect(peer).toMatchObject({ ackedSeq: 1, lastReceivedSeq: 1, lastSentSeq: 1 });
    const next = await writePackage(
      office,
      { ...LOCKS, to: { deviceId: receptionId, name: 'Қабылдау ноутбугі' } },
      ctxAt(EVENING),
    );
    expect(next.envelope).toMatchObject({ full: false, seq: 2, ack: 1 });
    expect(next.envelope.counts.appeals).toBe(0);
  });

  it('refuses the same package twice, another office, and a damaged file, leaving the data unchanged', async () => {
    const { office, reception } = await officeAndReception();
    await createAppeal(reception, kazakhAppeal({ subject: 'Жарық жоқ' }), ctxAt(LATER));
    const officeDevice = await getDevice(office);
    const written = await writePackage(
      reception,
      { ...LOCKS, to: { deviceId: officeDevice.id, name: officeDevice.name } },
      ctxAt(LATER),
    );
    await applyPackage(office, await openPackage(office, written.bytes, SECRET), ctxAt(LATER), {
      fileAs: 'bytes',
    });
    const before = await snapshot(office);
    expect(await refusal(openPackage(office, written.bytes, SECRET))).toBe('already_received');
    const other = freshDb();
    await saveSettings(other, defaultSettingsData(), ctxAt(EVENING));
    await createAppeal(other, kazakhAppeal(), ctxAt(EVENING));
    const foreign = await writePackage(other, { ...LOCKS, to: null }, ctxAt(EVENING));
    expect(await refusal(openPackage(office, foreign.bytes, SECRET))).toBe('other_office');
    expect(await refusal(openPackage(reception, written.bytes, SECRET))).toBe('own_package');
    // The next package, damaged on the way or opened with another password.
    await createAppeal(reception, kazakhAppeal({ subject: 'Жол жөндеу' }), ctxAt(EVENING));
    const second = await writePackage(
      reception,
      { ...LOCKS, to: { deviceId: officeDevice.id, name: officeDevice.name } },
      ctxAt(EVENING),
    );
    const damaged = second.bytes.slice();
    damaged[damaged.length - 50]! ^= 0xff;
    expect(await refusal(openPackage(office, damaged, SECRET))).toBe('damaged');
    expect(await refusal(openPackage(office, second.bytes.subarray(0, 100), SECRET))).toBe(
      'damaged',
    );
    expect(await refusal(openPackage(office, second.bytes, { password: 'басқа құпиясөз' }))).toBe(
      'wrong_password',
    );
    expect(await snapshot(office)).toEqual(before);
  });

  it('carries a scanned letter with its appeal, byte for byte', async () => {
    const { office, reception } = await officeAndReception();
    const scan = new Uint8Array(70_000).map((_, i) => (i * 31 + 7) % 256);
    const { appeal, attachments } = await createAppealWithAttachments(
      reception,
      kazakhAppeal({ subject: 'Хат қоса берілді' }),
      [
        {
          fileName: 'хат-скан.pdf',
          mimeType: 'application/pdf',
          size: scan.byteLength,
          blob: scan,
        },
      ],
      ctxAt(LATER),
    );
    const { preview } = await send(reception, office, office);
    expect(preview.newAppeals.map((a) => a.subject)).toEqual(['Хат қоса берілді']);
    const stored = await office.attachments.get(attachments[0]!.id);
    expect(stored).toMatchObject({ appealId: appeal.id, fileName: 'хат-скан.pdf', size: 70_000 });
    expect(new Uint8Array(stored!.blob as Uint8Array)).toEqual(scan);
    expect((await office.appeals.get(appeal.id))?.attachmentIds).toEqual([attachments[0]!.id]);
  });
});
