/**
 * After a package was applied: the conflicts a person decides (once: keep mine, keep
 * theirs, or an edited value — both values go into the history whichever is chosen), and
 * the receipt that tells the sender what this laptop now holds.
 */
import { SETTINGS_ID } from '@shared/domain';
import type { BackupLocks, SlotOptions } from '@shared/backup';
import { exchangeFileName, readExchangeEnvelope, writeExchangeFile } from '@shared/exchange';
import { newId } from '@shared/ids';
import {
  officeIdOf,
  resolveConflicts,
  RECORD_TABLES,
  type AnyRecord,
  type RecordTable,
  type Resolution,
  type ResolutionProblem,
} from '@shared/merge';
import type { TizilimDb } from '../database';
import type { PendingConflict } from '../exchangeState';
import { stamp, type WriteContext } from './context';
import { getDevice } from './device';
import { notFound, RepositoryError } from './errors';
import type { WrittenPackage } from './exchange';

/** Every conflict waiting for a decision, from every peer, oldest first. */
export async function pendingConflicts(
  db: TizilimDb,
): Promise<(PendingConflict & { fromDeviceId: string; fromName: string })[]> {
  const out = [];
  for (const peer of await db.exchangePeers.toArray()) {
    for (const conflict of peer.conflicts ?? []) {
      out.push({ ...conflict, fromDeviceId: peer.deviceId, fromName: peer.name });
    }
  }
  return out.sort((a, b) =>
    a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : a.id < b.id ? -1 : 1,
  );
}

/**
 * Decides one conflict of a peer's package, in one transaction with its history event. A
 * value that breaks the record's rules is refused (the problems come back) and nothing
 * changes; a decided conflict is gone from the list, so it is decided once.
 */
export async function decideConflict(
  db: TizilimDb,
  peerId: string,
  resolution: Resolution,
  ctx: WriteContext,
): Promise<{ problems: ResolutionProblem[] }> {
  const time = stamp(ctx);
  const tables = [...RECORD_TABLES.map((t) => db.table(t)), db.events, db.exchangePeers];
  return db.transaction('rw', tables, async () => {
    const peer = await db.exchangePeers.get(peerId);
    const conflict = peer?.conflicts?.find((c) => c.id === resolution.conflictId);
    if (!peer || !conflict) throw notFound();
    const record = (await db.table(conflict.table).get(conflict.recordId)) as AnyRecord | undefined;
    if (!record) throw notFound();
    // The appeals whose history keeps a decision about a person, an inquiry or a reception.
    let linked: string[] = [];
    if (conflict.table === 'applicants') {
      linked = (await db.appeals.where('applicantId').equals(record.id).primaryKeys()) as string[];
    } else if (conflict.table === 'receptions') {
      linked = (await db.appeals.where('receptionId').equals(record.id).primaryKeys()) as string[];
    }
    const settings = await db.settings.get(SETTINGS_ID);
    const outcome = resolveConflicts({
      conflicts: [conflict],
      resolutions: [resolution],
      recordOf: (table: RecordTable, id: string) =>
        table === conflict.table && id === record.id ? record : undefined,
      appealsOf: (table, r) =>
        table === 'inquiries' ? ((r.appealIds as string[] | undefined) ?? []) : linked,
      ...(settings ? { settings } : {}),
      context: { now: time.iso, userId: ctx.userId, fromDeviceId: peerId },
    });
    if (outcome.problems.length > 0) return { problems: outcome.problems };
    for (const table of RECORD_TABLES) {
      const records = outcome.put[table];
      if (records && records.length > 0) await db.table(table).bulkPut(records);
    }
    if (outcome.events.length > 0) await db.events.bulkPut(outcome.events);
    await db.exchangePeers.put({
      ...peer,
      conflicts: (peer.conflicts ?? []).filter((c) => c.id !== conflict.id),
    });
    return { problems: [] };
  });
}

/**
 * The receipt for a peer: "I received your package N" — the sender loads it, and its next
 * package starts after what this laptop holds. Locked with the office's password like a package.
 */
export async function writeReceipt(
  db: TizilimDb,
  peerId: string,
  options: { locks: BackupLocks; appVersion: string; keyOptions?: SlotOptions },
  ctx: WriteContext,
): Promise<WrittenPackage> {
  const time = stamp(ctx);
  const device = await getDevice(db);
  const peer = await db.exchangePeers.get(peerId);
  const officeId = officeIdOf(await db.settings.get(SETTINGS_ID));
  if (!peer || officeId === null) throw notFound();
  if (peer.lastReceivedSeq === 0)
    throw new RepositoryError('validation', 'exchange_nothing_received');
  const envelope = {
    kind: 'receipt' as const,
    packageId: newId(),
    createdAt: time.iso,
    appVersion: options.appVersion,
    officeId,
    from: { deviceId: device.id, name: device.name },
    to: { deviceId: peer.deviceId, name: peer.name },
    seq: 0,
    ack: peer.lastReceivedSeq,
    full: false,
  };
  const bytes = await writeExchangeFile(
    envelope,
    { tables: {}, files: new Map() },
    options.locks,
    options.keyOptions,
  );
  const written = readExchangeEnvelope(bytes).envelope;
  return { bytes, fileName: exchangeFileName(written), envelope: written };
}
