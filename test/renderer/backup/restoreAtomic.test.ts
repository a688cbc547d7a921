import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportPreview, type BackupItem } from '@shared/backup';
import { base64ToBytes, EXPORT_TABLE_NAMES, type ExportFile } from '@shared/export';
import { importExportFile, DataTransferError } from '@renderer/db/repositories/dataExport';
import { exportDatabase } from '@renderer/db/repositories/dataExport';
import { restoreBackup } from '@renderer/backup/restore';
import type { RestoreHandle } from '@renderer/platform';
import { generateOffice } from '@test/fixtures/generateOffice';
import { ctxAt, deleteFreshDbsAfterEach, freshDb } from '../db/helpers';
import { entriesOf } from '@renderer/db/changeLog';

deleteFreshDbsAfterEach();

/** A restore all or nothing: whatever fails, the registry is exactly as it was. */

/** A backup of `office` as the restore reads one: pages of records, then each file's bytes. */
function handleOf(office: ExportFile, page = 50): RestoreHandle {
  const counts = Object.fromEntries(
    EXPORT_TABLE_NAMES.map((name) => [name, office.tables[name].length]),
  );
  const files = office.tables.attachments.map((a) => ({
    id: a.id,
    bytes: base64ToBytes(a.file.data),
  }));
  const preview = exportPreview('test', {
    counts,
    files: { count: files.length, bytes: files.reduce((n, f) => n + f.bytes.length, 0) },
    envelope: { exportedAt: office.exportedAt, appVersion: office.appVersion, demo: office.demo },
  } as never);
  return {
    preview,
    async *items(): AsyncGenerator<BackupItem> {
      for (const table of EXPORT_TABLE_NAMES) {
        const records = (office.tables[table] as Record<string, unknown>[]).map((r) => {
          if (table !== 'attachments') return r;
          const { file: _file, ...rest } = r;
          return rest;
        });
        for (let at = 0; at < records.length; at += page) {
          yield { kind: 'records', table, records: records.slice(at, at + page) };
        }
      }
      for (const file of files) yield { kind: 'file', id: file.id, data: file.bytes, final: true };
    },
    close: async () => undefined,
  };
}

/** Everything a restore could change: every office table, registry rows, the change log. */
async function everything(db: ReturnType<typeof freshDb>) {
  const file = await exportDatabase(db);
  return {
    tables: file.tables,
    registryRows: await db.registryRows.toArray(),
    changes: await db.changes.toArray(),
    drafts: await db.drafts.toArray(),
  };
}

async function occupiedDb() {
  const db = freshDb();
  await importExportFile(db, generateOffice({ appeals: 20, seed: 3 }), ctxAt(new Date()), {
    mode: 'empty',
    fileAs: 'bytes',
  });
  return db;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a restore that fails', () => {
  it('on a full disk in its last batch leaves every table, registry row and log entry as it was', async () => {
    const db = await occupiedDb();
    const before = await everything(db);
    const backup = generateOffice({ appeals: 40, seed: 9 });
    const events = backup.tables.events.length;
    // IndexedDB refuses the very last event of the backup: the disk filled up mid-write.
    let written = 0;
    const add = IDBObjectStore.prototype.add;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['add']>
    ) {
      if (this.name === 'events' && ++written === events) {
        throw new DOMException('The disk is full.', 'QuotaExceededError');
      }
      return add.apply(this, args);
    });
    let backedUp = 0;
    const error = await restoreBackup(db, handleOf(backup), {
      fileAs: 'bytes',
      backupCurrent: async () => {
        backedUp += 1;
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataTransferError);
    expect((error as DataTransferError).code).toBe('write_failed');
    // The backup of the current data was taken before anything was written.
    expect(backedUp).toBe(1);
    expect(written).toBe(events);
    vi.restoreAllMocks();
    expect(await everything(db)).toEqual(before);
  });

  it('on a record that fails its check in the last page refuses the backup before anything', async () => {
    const db = await occupiedDb();
    const before = await everything(db);
    const backup = generateOffice({ appeals: 40, seed: 9 });
    const last = backup.tables.events.length - 1;
    // Deep in the last page of events: a text with a bidi override.
    (backup.tables.events[last] as { data: unknown }).data = { note: 'Жауап \u202Eберілді' };
    let backedUp = 0;
    const error = await restoreBackup(db, handleOf(backup), {
      fileAs: 'bytes',
      backupCurrent: async () => {
        backedUp += 1;
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataTransferError);
    expect((error as DataTransferError).code).toBe('invalid_file');
    expect((error as DataTransferError).problems).toEqual([
      expect.objectContaining({ code: 'invalid_record', table: 'events', index: last }),
    ]);
    expect(backedUp).toBe(0);
    expect(await everything(db)).toEqual(before);
  });

  it('replaces everything when nothing fails: the log holds a clear per table, then one put per record', async () => {
    const db = await occupiedDb();
    const backup = generateOffice({ appeals: 40, seed: 9 });
    const result = await restoreBackup(db, handleOf(backup), {
      fileAs: 'bytes',
      backupCurrent: async () => undefined,
    });
    expect(result.differences).toEqual([]);
    const after = await everything(db);
    for (const name of EXPORT_TABLE_NAMES) {
      expect(after.tables[name].map((r) => r.id).sort(), name).toEqual(
        backup.tables[name].map((r) => r.id).sort(),
      );
    }
    expect(after.registryRows.map((r) => r.id).sort()).toEqual(
      backup.tables.appeals
        .filter((a) => a.deletedAt === null)
        .map((a) => a.id)
        .sort(),
    );
    const log = after.changes.flatMap(entriesOf);
    const clears = log.filter((c) => c.op === 'clear');
    const puts = log.filter((c) => c.op === 'put');
    expect(clears.map((c) => c.table).sort()).toEqual([...EXPORT_TABLE_NAMES].sort());
    expect(log.slice(0, clears.length)).toEqual(clears);
    expect(puts).toHaveLength(result.records);
    expect(log).toHaveLength(clears.length + puts.length);
  });
});
