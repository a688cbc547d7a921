import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createAgency,
  createAppeal,
  createInquiry,
  importRecords,
  saveSettings,
  sendInquiry,
} from '@renderer/db/repositories';
import { numbererIn } from '@renderer/db/repositories/numbering';
import type { TizilimDb } from '@renderer/db/database';
import { DEVICE_KEY, newDeviceIdentity } from '@renderer/db/device';
import { defaultSettingsData } from '@shared/domain';
import { deviceCodeOf, grantBlock, isProvisionalNumber, mergeCounters } from '@shared/numbering';
import {
  ctxAt,
  deleteFreshDbsAfterEach,
  freshDb,
  kazakhAppeal,
  rejection,
  russianAppeal,
} from './helpers';

deleteFreshDbsAfterEach();

const OFFICE_ID = '0193a1f0-0000-7000-8000-00000000beef';

/** A laptop of one office; `issuer` is the office laptop's device id. */
async function laptop(name: string, issuer: () => string): Promise<{ db: TizilimDb; id: string }> {
  const db = freshDb();
  const identity = { ...newDeviceIdentity(), name };
  await db.device.put(identity);
  await saveSettings(db, defaultSettingsData(), ctxAt());
  // Not part of the settings form: the exchange set-up writes them.
  await db.settings.update('settings', { officeId: OFFICE_ID, numberIssuerDeviceId: issuer() });
  return { db, id: identity.id };
}

/** What the office laptop's package does for a reception laptop: hand it a block. */
async function handBlock(
  office: { db: TizilimDb; id: string },
  to: { db: TizilimDb; id: string },
  size: number,
) {
  const now = '2026-11-20T04:00:00.000Z';
  const granted = grantBlock(await office.db.counters.get('appeal:2026'), 'appeal', 2026, {
    deviceId: to.id,
    issuerId: office.id,
    now,
    size,
  });
  await office.db.counters.put(granted.counter);
  // The reception laptop receives the office's counter with the block in the package and
  // merges it with its own (its `used` is the larger one).
  const theirs = await to.db.counters.get('appeal:2026');
  const [merged] = mergeCounters(theirs ? [theirs] : [], [granted.counter], []);
  await to.db.counters.put(merged!);
  return granted.block!;
}

async function pair() {
  let officeId = '';
  const office = await laptop('Кеңсе ноутбугі', () => officeId);
  officeId = office.id;
  await office.db.settings.update('settings', { numberIssuerDeviceId: office.id });
  const reception = await laptop('Қабылдау ноутбугі', () => office.id);
  return { office, reception };
}

describe('numbers on two laptops of one office', () => {
  it('knows who keeps the series: the issuer, or every laptop while none is set', async () => {
    const { office, reception } = await pair();
    expect(
      await office.db.transaction('rw', [office.db.device, office.db.settings], () =>
        numbererIn(office.db),
      ),
    ).toMatchObject({ deviceId: office.id, issuer: true, deviceCode: deviceCodeOf(office.id) });
    expect(
      await reception.db.transaction('rw', [reception.db.device, reception.db.settings], () =>
        numbererIn(reception.db),
      ),
    ).toMatchObject({ deviceId: reception.id, issuer: false });
    const legacy = freshDb();
    expect(
      await legacy.transaction('rw', [legacy.device, legacy.settings], () => numbererIn(legacy)),
    ).toMatchObject({ issuer: true });
  });

  it('the office laptop and the reception laptop never give out the same registry number', async () => {
    const { office, reception } = await pair();
    await createAppeal(office.db, kazakhAppeal(), ctxAt());
    const block = await handBlock(office, reception, 3);
    expect(block).toMatchObject({ from: 2, to: 4 });
    const numbers: string[] = [];
    for (let i = 0; i < 5; i++) {
      numbers.push((await createAppeal(office.db, russianAppeal(), ctxAt())).regNo);
      numbers.push((await createAppeal(reception.db, kazakhAppeal(), ctxAt())).regNo);
    }
    const code = deviceCodeOf(reception.id);
    expect(numbers).toEqual([
      '2026-0005',
      '2026-0002',
      '2026-0006',
      '2026-0003',
      '2026-0007',
      '2026-0004',
      '2026-0008',
      `2026-${code}-0001`,
      '2026-0009',
      `2026-${code}-0002`,
    ]);
    expect(new Set(numbers).size).toBe(numbers.length);
    // The provisional appeal says so in its history; the counter remembers the sequence.
    const provisional = await reception.db.appeals
      .where('regNo')
      .equals(`2026-${code}-0001`)
      .first();
    const created = await reception.db.events.where('appealId').equals(provisional!.id).first();
    expect(created?.data).toEqual({ regNo: `2026-${code}-0001`, provisional: true });
    expect(await reception.db.counters.get('appeal:2026')).toMatchObject({
      value: 4,
      blocks: [expect.objectContaining({ from: 2, to: 4, used: 4, deviceId: reception.id })],
      provisional: { [code]: 2 },
    });
  });

  it('a laptop without a block gives provisional inquiry numbers, the issuer final ones', async () => {
    const { office, reception } = await pair();
    const sent: string[] = [];
    for (const laptop of [office, reception]) {
      const agency = await createAgency(
        laptop.db,
        {
          name: { kk: '«Астана-Жылу желілері» АҚ', ru: 'АО «Астана-Тепловые сети»' },
          kind: 'utility',
          headName: 'Сейітов Б. Е.',
        },
        ctxAt(),
      );
      const appeal = await createAppeal(laptop.db, kazakhAppeal(), ctxAt());
      const inquiry = await createInquiry(
        laptop.db,
        {
          agencyId: agency.id,
          addressee: '',
          appealIds: [appeal.id],
          subject: 'Ыстық су туралы',
          body: 'Құрметті Бауыржан Ерланұлы!',
          language: 'kk',
        },
        ctxAt(),
      );
      const result = await sendInquiry(
        laptop.db,
        inquiry.id,
        { outgoingDate: '2026-11-20' },
        ctxAt(),
      );
      sent.push(result.inquiry.outgoingNo!);
    }
    expect(sent).toEqual(['1/2026', `1/2026-${deviceCodeOf(reception.id)}`]);
    expect(isProvisionalNumber(sent[1]!)).toBe(true);
  });

  it('a refused registration gives its number back', async () => {
    const { reception } = await pair();
    await rejection(createAppeal(reception.db, kazakhAppeal({ subject: '' }), ctxAt()));
    expect(await reception.db.counters.count()).toBe(0);
    const first = await createAppeal(reception.db, kazakhAppeal(), ctxAt());
    expect(first.regNo).toBe(`2026-${deviceCodeOf(reception.id)}-0001`);
  });

  it('a laptop that lost its device record gets a new identity and still numbers', async () => {
    const db = freshDb();
    await db.device.delete(DEVICE_KEY);
    const appeal = await createAppeal(db, kazakhAppeal(), ctxAt());
    expect(appeal.regNo).toBe('2026-0001');
    expect(await db.device.get(DEVICE_KEY)).toBeDefined();
  });

  it('importing records keeps the blocks of the counters and raises them past the numbers', async () => {
    const { office, reception } = await pair();
    await handBlock(office, reception, 50);
    const before = await reception.db.counters.get('appeal:2026');
    const source = await createAppeal(office.db, kazakhAppeal(), ctxAt());
    const moved = { ...source, regNo: '2026-0070', aliases: ['2026-KTM-0009'] };
    await importRecords(reception.db, { applicants: [], appeals: [moved], events: [] });
    const after = await reception.db.counters.get('appeal:2026');
    expect(after?.blocks).toEqual(before?.blocks);
    expect(after?.value).toBe(70);
    expect(after?.provisional).toEqual({ KTM: 9 });
  });

  it('property: any interleaving of registrations and block grants on three laptops gives distinct numbers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({
              op: fc.constant('create' as const),
              laptop: fc.integer({ min: 0, max: 2 }),
            }),
            fc.record({
              op: fc.constant('grant' as const),
              laptop: fc.integer({ min: 1, max: 2 }),
              size: fc.integer({ min: 1, max: 4 }),
            }),
          ),
          { maxLength: 14 },
        ),
        async (steps) => {
          const { office, reception } = await pair();
          const third = await laptop('Көмекшінің ноутбугі', () => office.id);
          const laptops = [office, reception, third];
          const numbers: string[] = [];
          for (const step of steps) {
            const at = laptops[step.laptop]!;
            if (step.op === 'grant') await handBlock(office, at, step.size);
            else numbers.push((await createAppeal(at.db, kazakhAppeal(), ctxAt())).regNo);
          }
          expect(new Set(numbers).size).toBe(numbers.length);
          for (const db of laptops.map((l) => l.db)) await db.delete();
        },
      ),
      { numRuns: 12 },
    );
  });
});
