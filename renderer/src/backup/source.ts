import type { BackupItem } from '@shared/backup';
import { EXPORT_TABLE_NAMES, type ExportTableName } from '@shared/export';
import type { BackupReasonValue } from '@shared/ipc';
import type { TizilimDb } from '@renderer/db/database';
import { getLogId, latestSeq } from '@renderer/db/changeLog';
import { getDevice } from '@renderer/db/repositories/device';
import { DEMO_MARKER_ID } from '@renderer/db/queries/office';
import type { BackupSource } from '@renderer/platform';

/** Records read (and sent) per page; well under the IPC page limit. */
export const SOURCE_PAGE = 1_000;
/** Bytes of an attachment read from its Blob at a time. */
export const SOURCE_FILE_SLICE = 4 * 1024 * 1024;

/** A stored attachment file: a Blob in the app, bytes under jsdom's fake IndexedDB. */
export type StoredFile = Blob | ArrayBufferView | ArrayBuffer;

export function storedFileSize(file: unknown): number {
  if (ArrayBuffer.isView(file)) return file.byteLength;
  if (file instanceof ArrayBuffer) return file.byteLength;
  const size = (file as Blob | null)?.size;
  if (typeof size === 'number') return size;
  throw new Error('an attachment without a readable file');
}

/** A stored file's bytes from `start` to `end` (read from a Blob only as far as needed). */
export async function storedFileSlice(
  file: unknown,
  start: number,
  end: number,
): Promise<Uint8Array<ArrayBuffer>> {
  if (ArrayBuffer.isView(file)) {
    return new Uint8Array(file.buffer, file.byteOffset + start, end - start).slice();
  }
  if (file instanceof ArrayBuffer) return new Uint8Array(file.slice(start, end));
  return new Uint8Array(await (file as Blob).slice(start, end).arrayBuffer());
}

/** A file's bytes as backup items, `SOURCE_FILE_SLICE` at a time, the last one final. */
export async function* fileItems(id: string, file: unknown): AsyncGenerator<BackupItem> {
  const size = storedFileSize(file);
  if (size === 0) {
    yield { kind: 'file', id, data: new Uint8Array(0), final: true };
    return;
  }
  for (let at = 0; at < size; at += SOURCE_FILE_SLICE) {
    const end = Math.min(size, at + SOURCE_FILE_SLICE);
    yield { kind: 'file', id, data: await storedFileSlice(file, at, end), final: end === size };
  }
}

export interface SourceOptions {
  appVersion?: string;
  now?: () => Date;
}

/**
 * The office's data as a backup source, read without ever holding the whole office:
 *
 * 1. ONE read transaction over every office table and the change log takes the snapshot's
 *    position — the primary keys of every table, the attachments' sizes, `latestSeq` and
 *    the log's id — so the counts in the header are exact and name a consistent state;
 * 2. then the records are read by those keys, a page at a time (a record edited since is
 *    read in its newer version: the journal after `changeSeq` carries that edit anyway, and
 *    applying it again on restore is harmless), and each file is read from its Blob in
 *    slices after its attachment's page.
 *
 * Records created after the snapshot are not in the backup; they are in the journal.
 */
export async function readBackupSource(
  db: TizilimDb,
  reason: BackupReasonValue,
  options: SourceOptions = {},
): Promise<BackupSource> {
  // A database still at an older schema (the backup before its upgrade) may lack the log
  // (version 1), this laptop's identity (version 1), the log's id (version 2) or office
  // tables added later (the scorecard's, version 8): what it does not have, it backs up empty.
  const has = (name: string) => db.tables.some((t) => t.name === name);
  const present = EXPORT_TABLE_NAMES.filter(has);
  const tables = present.map((name) => db.table(name));
  const device = has('device') ? await getDevice(db) : { id: 'tizilim-v1', name: 'Tizilim' };
  const logId = has('meta') ? await getLogId(db) : null;
  const logged = has('changes');
  const scope = logged ? [...tables, db.changes] : tables;
  const snapshot = await db.transaction('r', scope, async () => {
    const keys = new Map<ExportTableName, string[]>();
    for (const name of present) {
      if (name === 'attachments') continue;
      keys.set(name, (await db.table(name).toCollection().primaryKeys()) as string[]);
    }
    const files: { id: string; size: number }[] = [];
    await db.attachments.each((attachment) => {
      files.push({ id: attachment.id, size: storedFileSize(attachment.blob) });
    });
    keys.set(
      'attachments',
      files.map((f) => f.id),
    );
    return { keys, files, seq: logged ? await latestSeq(db) : null };
  });
  const counterKeys = snapshot.keys.get('counters') ?? [];
  const demo = counterKeys.includes(DEMO_MARKER_ID);
  // The demo mark is not a counter of the office: an export carries it as `demo`.
  snapshot.keys.set(
    'counters',
    counterKeys.filter((id) => id !== DEMO_MARKER_ID),
  );
  const counts: Partial<Record<ExportTableName, number>> = {};
  for (const name of EXPORT_TABLE_NAMES) counts[name] = snapshot.keys.get(name)?.length ?? 0;
  const now = options.now ?? (() => new Date());
  return {
    info: {
      reason,
      logId: snapshot.seq === null ? null : logId,
      changeSeq: logId === null ? null : snapshot.seq,
      device: { id: device.id, name: device.name },
      counts,
      files: {
        count: snapshot.files.length,
        bytes: snapshot.files.reduce((n, f) => n + f.size, 0),
      },
      export: { exportedAt: now().toISOString(), appVersion: options.appVersion ?? '', demo },
    },
    items: sourceItems(db, snapshot.keys),
  };
}

async function* sourceItems(
  db: TizilimDb,
  keys: ReadonlyMap<ExportTableName, readonly string[]>,
): AsyncGenerator<BackupItem> {
  for (const name of EXPORT_TABLE_NAMES) {
    const ids = keys.get(name) ?? [];
    for (let at = 0; at < ids.length; at += SOURCE_PAGE) {
      const page = ids.slice(at, at + SOURCE_PAGE);
      const found = (await db.table(name).bulkGet(page)) as (Record<string, unknown> | undefined)[];
      const missing = found.findIndex((r) => r === undefined);
      if (missing >= 0) {
        // Records are never removed outside an import or a restore, which a backup waits for.
        throw new Error(`${name} ${page[missing]} disappeared while it was being backed up`);
      }
      const records = found as Record<string, unknown>[];
      if (name !== 'attachments') {
        yield { kind: 'records', table: name, records };
        continue;
      }
      yield {
        kind: 'records',
        table: name,
        records: records.map(({ blob: _blob, ...rest }) => rest),
      };
      for (const record of records) yield* fileItems(record['id'] as string, record['blob']);
    }
  }
}
