import { afterEach, describe, expect, it } from 'vitest';
import { changesSince, latestSeq, OFFICE_TABLES } from '@renderer/db/changeLog';
import { TizilimDb } from '@renderer/db/database';
import { newPeer } from '@renderer/db/exchangeState';
import { createAppeal, importExportFile } from '@renderer/db/repositories';
import { generateOffice } from '@test/fixtures/generateOffice';
import { ctxAt, kazakhAppeal } from './helpers';

let db: TizilimDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

/** Every table's rows, by table name. */
async function dump(d: TizilimDb, names: readonly string[]) {
  const out: Record<string, unknown[]> = {};
  for (const name of names) out[name] = await d.table(name).toArray();
  return out;
}

describe('version 6: numbers findable by their aliases, exchange state per peer', () => {
  it('upgrades a version 2 database: records, log and identity unchanged, aliases indexed', async () => {
    const office = generateOffice({
      appeals: 30,
      seed: 6,
      from: '2026-05-01',
      today: '2026-11-19',
    });
    // Two records of the office as a merge leaves them: renumbered, the old number an alias.
    const appeal = { ...office.tables.appeals[3]!, aliases: ['2026-KTM-0003', '2026-0005'] };
    office.tables.appeals[3] = appeal;
    const withNo = office.tables.inquiries.findIndex((i) => i.outgoingNo !== null);
    if (withNo >= 0) {
      office.tables.inquiries[withNo] = {
        ...office.tables.inquiries[withNo]!,
        aliases: ['3/2026-KTM'],
      };
    }
    // The office's tables of version 2 (the scorecard's tables come with version 8).
    const v2Tables = OFFICE_TABLES.filter(
      (t) => t !== 'reportPublications' && t !== 'feedbackRounds',
    );
    const kept = [...v2Tables, 'registryRows', 'drafts', 'device', 'changes'];
    const name = 'tizilim-migration-v6';
    const old = new TizilimDb(name, 2);
    await old.open();
    expect(old.tables.map((t) => t.name)).not.toContain('exchangePeers');
    await importExportFile(old, office, ctxAt(), { mode: 'empty', fileAs: 'bytes' });
    const before = await dump(old, kept);
    const seq = await latestSeq(old);
    old.close();

    // Up to version 8: version 9 rewrites initiatives and plan items into both languages.
    db = new TizilimDb(name, 8);
    await db.open();
    expect(db.verno).toBe(8);
    expect(await dump(db, kept)).toEqual(before);
    expect(await latestSeq(db)).toBe(seq);
    expect(await db.exchangePeers.count()).toBe(0);
    expect(await db.exchangeBases.count()).toBe(0);

    // The receipt's provisional number and the number two laptops both gave find the appeal.
    for (const alias of appeal.aliases) {
      expect((await db.appeals.where('aliases').equals(alias).toArray()).map((a) => a.id)).toEqual([
        appeal.id,
      ]);
    }
    if (withNo >= 0) {
      expect(await db.inquiries.where('aliases').equals('3/2026-KTM').count()).toBe(1);
    }

    // The exchange tables are local: writing them logs nothing; the app goes on as before.
    await db.exchangePeers.put(newPeer('peer-1', 'Қабылдау ноутбугі'));
    await db.exchangeBases.put({
      peer: 'peer-1',
      table: 'appeals',
      id: appeal.id,
      received: appeal,
    });
    expect(await latestSeq(db)).toBe(seq);
    expect(await db.exchangeBases.where('peer').equals('peer-1').count()).toBe(1);
    const next = await createAppeal(db, kazakhAppeal(), ctxAt());
    expect((await changesSince(db, seq)).map((e) => e.id)).toContain(next.id);
  });
});
