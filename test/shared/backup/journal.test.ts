import { describe, expect, it } from 'vitest';
import {
  BackupError,
  createJournal,
  openJournal,
  readJournal,
  type JournalChange,
} from '@shared/backup';
import { chunked, FAST, PASSWORD } from './helpers';

const INFO = {
  createdAt: '2026-11-20T04:00:00.000Z',
  appVersion: '0.1.0-test',
  device: { id: 'dev-01', name: 'Қабылдау' },
  logId: 'log-1',
  afterSeq: 10,
};

function change(seq: number, overrides: Partial<JournalChange> = {}): JournalChange {
  const id = `019aa0d6-1c00-7000-8000-${String(seq).padStart(12, '0')}`;
  return {
    seq,
    table: 'appeals',
    id,
    op: 'update',
    at: `2026-11-20T05:${String(seq % 60).padStart(2, '0')}:00.000Z`,
    device: 'dev-01',
    record: { id, summary: `Өтініш ${seq}: жол жөндеу`, version: seq },
    ...overrides,
  };
}

/** A journal with three entries (changes 11–12, 13, and an attachment 14). */
async function threeEntries() {
  const { prefix, appender } = await createJournal(INFO, { password: PASSWORD }, FAST);
  const frames: Uint8Array[] = [prefix];
  const batches: JournalChange[][] = [
    [change(11), change(12)],
    [change(13, { record: null, op: 'delete' })],
    [
      change(14, {
        table: 'attachments',
        record: { id: change(14).id, fileName: 'Жауап.pdf', size: 3 },
        file: Uint8Array.of(1, 2, 3),
      }),
    ],
  ];
  for (const batch of batches) {
    const { frame, commit } = await appender.encode(batch);
    frames.push(frame);
    commit();
  }
  return { bytes: Buffer.concat(frames), frames, batches, appender };
}

describe('the journal', () => {
  it('gives back every batch in order, attachment bytes included', async () => {
    const { bytes, batches, appender } = await threeEntries();
    expect(appender.entries).toBe(3);
    expect(appender.lastSeq).toBe(14);
    const read = await readJournal(chunked(bytes, 100), { password: PASSWORD });
    expect(read.torn).toBeNull();
    expect(read.validBytes).toBe(bytes.byteLength);
    expect(read.entries.map((e) => e.index)).toEqual([0, 1, 2]);
    expect(read.entries.map((e) => e.changes)).toEqual(batches);
    expect(read.header).toMatchObject({ logId: 'log-1', afterSeq: 10, format: 'tizilim-journal' });
  });

  it('ignores a torn last entry — cut short, zero-filled or half written — and keeps the rest', async () => {
    const { bytes, frames } = await threeEntries();
    const lastStart = bytes.byteLength - frames[3]!.byteLength;
    const tails = [
      bytes.subarray(0, lastStart + 2),
      bytes.subarray(0, lastStart + 30),
      bytes.subarray(0, bytes.byteLength - 1),
      Buffer.concat([bytes.subarray(0, lastStart), new Uint8Array(500)]),
      Buffer.concat([
        bytes.subarray(0, lastStart),
        frames[3]!.subarray(0, 4),
        new Uint8Array(frames[3]!.byteLength - 4),
      ]),
    ];
    for (const torn of tails) {
      const read = await readJournal([torn], { password: PASSWORD });
      expect(read.entries).toHaveLength(2);
      expect(read.validBytes).toBe(lastStart);
      expect(read.torn).toEqual({ offset: lastStart, bytes: torn.byteLength - lastStart });
      // Appending continues with the entry number that was torn.
      expect(read.appender.entries).toBe(2);
      expect(read.appender.lastSeq).toBe(13);
    }
  });

  it('continues a journal after it is reopened', async () => {
    const { bytes } = await threeEntries();
    const read = await readJournal([bytes], { password: PASSWORD });
    const { frame, commit } = await read.appender.encode([change(15)]);
    commit();
    const again = await readJournal([Buffer.concat([bytes, frame])], { password: PASSWORD });
    expect(again.entries.map((e) => e.changes[0]!.seq)).toEqual([11, 13, 14, 15]);
  });

  it('refuses a changed, removed or repeated entry in the middle', async () => {
    const { bytes, frames } = await threeEntries();
    const prefix = frames[0]!;
    const changed = new Uint8Array(bytes);
    changed[prefix.byteLength + 20]! ^= 4;
    const cases = [
      changed,
      Buffer.concat([prefix, frames[2]!, frames[3]!]),
      Buffer.concat([prefix, frames[1]!, frames[1]!, frames[2]!]),
      Buffer.concat([prefix, frames[2]!, frames[1]!, frames[3]!]),
    ];
    for (const bytesCase of cases) {
      await expect(readJournal([bytesCase], { password: PASSWORD })).rejects.toMatchObject({
        code: 'damaged',
      });
    }
    const garbageLength = Buffer.concat([bytes, Uint8Array.of(0xff, 0xff, 0xff, 0xff, 1)]);
    await expect(readJournal([garbageLength], { password: PASSWORD })).rejects.toMatchObject({
      code: 'damaged',
    });
  });

  it('refuses a wrong password and anything that is not a journal', async () => {
    const { bytes } = await threeEntries();
    await expect(readJournal([bytes], { password: 'басқа құпиясөз' })).rejects.toMatchObject({
      code: 'wrong_password',
    });
    await expect(openJournal([new TextEncoder().encode('{}')])).rejects.toMatchObject({
      code: 'not_a_backup',
    });
    const header = new Uint8Array(bytes);
    header[30]! ^= 1;
    await expect(openJournal([header])).rejects.toMatchObject({ code: 'damaged' });
  });

  it('takes only well-formed batches with increasing numbers', async () => {
    const { appender } = await threeEntries();
    const bad: JournalChange[][] = [
      [],
      [change(20), change(20)],
      [change(21, { table: 'drafts' as never })],
      [change(22, { record: { id: 'other' } })],
      [change(23, { file: Uint8Array.of(1) })],
      [change(24, { table: 'attachments', record: { id: change(24).id, blob: {} } })],
    ];
    for (const batch of bad)
      await expect(appender.encode(batch)).rejects.toBeInstanceOf(BackupError);
    expect(appender.entries).toBe(3);
  });

  it('does not move on when an entry is encoded but never committed', async () => {
    const { appender, bytes } = await threeEntries();
    await appender.encode([change(30)]);
    const { frame, commit } = await appender.encode([change(31)]);
    commit();
    const read = await readJournal([Buffer.concat([bytes, frame])], { password: PASSWORD });
    expect(read.entries.at(-1)!.changes[0]!.seq).toBe(31);
    expect(() => commit()).toThrow(BackupError);
  });
});
