/**
 * Exchange packages between the laptops of one office, the sending side (docs/exchange.md):
 * which laptop keeps the number series, what this laptop knows about the others, and the
 * package for a peer — every record changed since the last package that peer acknowledged
 * (the change log), the complete history of each appeal in it, its people, its attachments'
 * files, the counters with a fresh block of numbers for the peer when this is the office
 * laptop. The receiving side is exchangeReceive.ts.
 */
import { SETTINGS_ID, type Settings } from '@shared/domain';
import { counterId } from '@shared/domain/counter';
import { EXPORT_TABLE_NAMES, type ExportTableName } from '@shared/export';
import {
  exchangeFileName,
  readExchangeEnvelope,
  writeExchangeFile,
  type ExchangeEnvelope,
  type ExchangeRecord,
} from '@shared/exchange';
import type { BackupLocks, SlotOptions } from '@shared/backup';
import { newId } from '@shared/ids';
import { officeIdOf, type RecordTable } from '@shared/merge';
import { grantBlock, grantYears } from '@shared/numbering';
import { toKzLocalDateTime } from '@shared/calendar/zone';
import type { TizilimDb } from '../database';
import { refuseInDemo } from '../demoOffice';
import { entriesOf, latestSeq } from '../changeLog';
import { newPeer, type ExchangePeer } from '../exchangeState';
import { stamp, type WriteContext } from './context';
import { fileBytes } from './dataExport';
import { getDevice } from './device';
import { RepositoryError } from './errors';
import { nextVersion } from './records';

export interface ExchangeStatus {
  device: { id: string; name: string };
  /** The office this laptop belongs to (null: nothing saved yet). */
  officeId: string | null;
  /** The laptop that keeps the number series; null: every laptop numbers on its own. */
  issuerDeviceId: string | null;
  isIssuer: boolean;
  peers: ExchangePeer[];
}

export async function exchangeStatus(db: TizilimDb): Promise<ExchangeStatus> {
  const device = await getDevice(db);
  const settings = await db.settings.get(SETTINGS_ID);
  const peers = await db.exchangePeers.toArray();
  const issuer = settings?.numberIssuerDeviceId ?? null;
  return {
    device: { id: device.id, name: device.name },
    officeId: officeIdOf(settings),
    issuerDeviceId: issuer,
    isIssuer: issuer === device.id,
    peers: peers.sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}

/**
 * Makes this laptop the office laptop: it keeps the number series and hands blocks of it to
 * the others in its packages. The office gets a stable id if it had none (databases from
 * before packages keep the one derived from their settings). Settings go to the other
 * laptops with the next package, so they stop numbering on their own.
 */
export async function makeThisTheOfficeLaptop(db: TizilimDb, ctx: WriteContext): Promise<Settings> {
  const device = await getDevice(db);
  const time = stamp(ctx);
  return db.transaction('rw', db.settings, async () => {
    const current = await db.settings.get(SETTINGS_ID);
    if (!current) throw new RepositoryError('validation', 'exchange_settings_required');
    const officeId = officeIdOf(current) ?? newId();
    const next = nextVersion(
      current,
      { officeId, numberIssuerDeviceId: device.id },
      time,
      ctx.userId,
    );
    await db.settings.put(next);
    return next;
  });
}

/** The tables a package reads. */
function exchangedTables(db: TizilimDb) {
  return EXPORT_TABLE_NAMES.map((name) => db.table(name));
}

export interface PackageOptions {
  /** The peer the package is for; null: any laptop of the office (a new laptop joining). */
  to: { deviceId: string; name: string } | null;
  /** The office's backup password (packages are locked like backups). */
  locks: BackupLocks;
  appVersion: string;
  /** Only tests pass fewer PBKDF2 iterations. */
  keyOptions?: SlotOptions;
}

export interface WrittenPackage {
  bytes: Uint8Array;
  fileName: string;
  envelope: ExchangeEnvelope;
}

/** Ids per table named by the change log after `afterSeq` (puts only: nothing is deleted by absence). */
async function changedIds(db: TizilimDb, afterSeq: number) {
  const ids = new Map<ExportTableName, Set<string>>();
  await db.changes
    .where('seq')
    .above(afterSeq)
    .each((row) => {
      if (row.op !== 'put') return;
      let set = ids.get(row.table);
      if (!set) ids.set(row.table, (set = new Set()));
      for (const entry of entriesOf(row)) if (entry.seq > afterSeq) set.add(entry.id);
    });
  return ids;
}

/** On the office laptop: a block of numbers for the peer when it is running low. */
async function grantBlocks(db: TizilimDb, me: string, peer: string, now: string) {
  await db.transaction('rw', db.counters, async () => {
    for (const kind of ['appeal', 'inquiry'] as const) {
      for (const year of grantYears(toKzLocalDateTime(new Date(now)).slice(0, 10))) {
        const granted = grantBlock(await db.counters.get(counterId(kind, year)), kind, year, {
          deviceId: peer,
          issuerId: me,
          now,
        });
        if (granted.block) await db.counters.put(granted.counter);
      }
    }
  });
}

/**
 * Writes the package for a peer. Everything changed since the last package the peer
 * acknowledged goes in (all of it the first time), so a lost file costs nothing: the next
 * package carries its records again. The peer's state (the package's number, where the
 * change log stood, the records sent as common ancestors) is stored only once the file's
 * bytes are complete.
 */
export async function writePackage(
  db: TizilimDb,
  options: PackageOptions,
  ctx: WriteContext,
): Promise<WrittenPackage> {
  refuseInDemo(db, 'exchange');
  const time = stamp(ctx);
  const device = await getDevice(db);
  const settings = await db.settings.get(SETTINGS_ID);
  const officeId = officeIdOf(settings);
  if (!settings || officeId === null) {
    throw new RepositoryError('validation', 'exchange_settings_required');
  }
  const to = options.to;
  if (to?.deviceId === device.id) throw new RepositoryError('validation', 'exchange_to_self');
  if (to && settings.numberIssuerDeviceId === device.id) {
    await grantBlocks(db, device.id, to.deviceId, time.iso);
  }

  const read = await db.transaction(
    'r',
    [...exchangedTables(db), db.changes, db.exchangePeers],
    async () => {
      const peer = to ? await db.exchangePeers.get(to.deviceId) : undefined;
      const since = peer?.ackedLogSeq ?? 0;
      const logSeq = await latestSeq(db);
      const full = since === 0;
      const tables: Partial<Record<ExportTableName, ExchangeRecord[]>> = {};
      if (full) {
        for (const name of EXPORT_TABLE_NAMES) {
          tables[name] = (await db.table(name).toArray()) as ExchangeRecord[];
        }
      } else {
        const ids = await changedIds(db, since);
        for (const name of EXPORT_TABLE_NAMES) {
          const wanted = [...(ids.get(name) ?? [])];
          tables[name] = (
            (await db.table(name).bulkGet(wanted)) as (ExchangeRecord | undefined)[]
          ).filter((r): r is ExchangeRecord => r !== undefined);
        }
        // Each appeal with its complete history (the merge's common ancestor) and its people.
        const appealIds = (tables.appeals ?? []).map((a) => String(a.id));
        const events = new Map((tables.events ?? []).map((e) => [String(e.id), e]));
        for (const event of await db.events.where('appealId').anyOf(appealIds).toArray()) {
          events.set(event.id, event as unknown as ExchangeRecord);
        }
        tables.events = [...events.values()];
        const people = new Set<string>();
        for (const appeal of tables.appeals ?? []) {
          if (typeof appeal.applicantId === 'string') people.add(appeal.applicantId);
          for (const id of (appeal.coApplicantIds as string[] | undefined) ?? []) people.add(id);
        }
        const have = new Set((tables.applicants ?? []).map((a) => String(a.id)));
        const more = (
          await db.applicants.bulkGet([...people].filter((id) => !have.has(id)))
        ).filter((a) => a !== undefined) as unknown as ExchangeRecord[];
        tables.applicants = [...(tables.applicants ?? []), ...more];
        tables.settings = (await db.settings.toArray()) as unknown as ExchangeRecord[];
        tables.counters = (await db.counters.toArray()) as unknown as ExchangeRecord[];
      }
      // The demo mark stays on its laptop.
      tables.counters = (tables.counters ?? []).filter((c) =>
        /^[a-z][a-z_]*:\d{4}$/.test(String(c.id)),
      );
      return { peer, logSeq, full, tables };
    },
  );

  // Attachments' files, read outside the transaction (reading a blob would end it).
  const files = new Map<string, Uint8Array>();
  read.tables.attachments = await Promise.all(
    (read.tables.attachments ?? []).map(async (record) => {
      const { blob, ...rest } = record;
      files.set(String(record.id), await fileBytes(blob));
      return rest;
    }),
  );

  const peer = read.peer ?? (to ? newPeer(to.deviceId, to.name) : null);
  const seq = (peer?.lastSentSeq ?? 0) + 1;
  const packageId = newId();
  const envelope = {
    kind: 'package' as const,
    packageId,
    createdAt: time.iso,
    appVersion: options.appVersion,
    officeId,
    from: { deviceId: device.id, name: device.name },
    to,
    seq: to ? seq : 1,
    ack: peer?.lastReceivedSeq ?? 0,
    full: read.full,
  };
  const bytes = await writeExchangeFile(
    envelope,
    { tables: read.tables, files },
    options.locks,
    options.keyOptions,
  );

  if (peer && to) {
    await db.transaction('rw', [db.exchangePeers, db.exchangeBases], async () => {
      const latest = (await db.exchangePeers.get(to.deviceId)) ?? peer;
      await db.exchangePeers.put({
        ...latest,
        name: to.name,
        lastSentSeq: seq,
        lastSentAt: time.iso,
        sent: [...latest.sent, { seq, logSeq: read.logSeq, at: time.iso, packageId }].slice(-20),
      });
      // What went out is a common ancestor once the peer acknowledges it (appeals use their history).
      const bases = [];
      for (const table of EXPORT_TABLE_NAMES) {
        if (table === 'appeals' || table === 'events' || table === 'counters') continue;
        for (const record of read.tables[table] ?? []) {
          const key: [string, string, string] = [to.deviceId, table, String(record.id)];
          const known = await db.exchangeBases.get(key);
          bases.push({
            ...(known ?? { peer: to.deviceId, table: table as RecordTable, id: String(record.id) }),
            sent: { record, seq },
          });
        }
      }
      await db.exchangeBases.bulkPut(bases);
    });
  }
  const written = readExchangeEnvelope(bytes).envelope;
  return { bytes, fileName: exchangeFileName(written), envelope: written };
}
