/**
 * Exchange packages, the receiving side (docs/exchange.md): open a package (refused before
 * anything is read when it is another office's, this laptop's own, for another laptop, or
 * already received), preview what it brings, apply it through shared/merge in one
 * transaction, decide its conflicts once, and the receipt that tells the sender what this
 * laptop now holds.
 */
import { SETTINGS_ID } from '@shared/domain';
import {
  admitExchange,
  exchangePreview,
  ExchangeError,
  openExchangeFile,
  readExchangeEnvelope,
  type ExchangeEnvelope,
  type ExchangePreview,
  type OpenedExchange,
} from '@shared/exchange';
import type { BackupSecret } from '@shared/backup';
import { EXPORT_TABLE_NAMES } from '@shared/export';
import {
  commonBase,
  mergeDatasets,
  mergeNeeds,
  officeIdOf,
  RECORD_TABLES,
  type AnyRecord,
  type BaseLookup,
  type MergeResult,
  type MergeTables,
  type RecordTable,
  type ReceiverState,
} from '@shared/merge';
import { isProvisionalNumber, type Numberer } from '@shared/numbering';
import type { TizilimDb } from '../database';
import { refuseInDemo } from '../demoOffice';
import { newPeer, type ExchangeBase, type ExchangePeer } from '../exchangeState';
import { stamp, type WriteContext } from './context';
import { getDevice } from './device';
import { numbererIn } from './numbering';

/** The tables a merge reads and writes. */
function mergeTables(db: TizilimDb) {
  return [
    ...EXPORT_TABLE_NAMES.map((name) => db.table(name)),
    db.exchangePeers,
    db.exchangeBases,
    db.device,
  ];
}

async function receiverState(db: TizilimDb): Promise<ReceiverState> {
  const device = await getDevice(db);
  const settings = await db.settings.get(SETTINGS_ID);
  const lastReceived: Record<string, number> = {};
  for (const peer of await db.exchangePeers.toArray())
    lastReceived[peer.deviceId] = peer.lastReceivedSeq;
  // A laptop that holds no appeals yet (just set up) has no office to defend: it joins.
  const joining = !settings?.officeId && (await db.appeals.count()) === 0;
  return { officeId: joining ? null : officeIdOf(settings), deviceId: device.id, lastReceived };
}

/** A package written for any laptop (to a laptop joining) is admitted again; merging is idempotent. */
function admit(envelope: ExchangeEnvelope, state: ReceiverState) {
  if (envelope.to !== null) return admitExchange(envelope, state);
  const { [envelope.from.deviceId]: _ignored, ...others } = state.lastReceived;
  return admitExchange({ ...envelope, seq: 1 }, { ...state, lastReceived: others });
}

/**
 * Opens a package with the office's password. The envelope is checked first, before the
 * password is tried; again once the content proved it authentic. Throws ExchangeError.
 */
export async function openPackage(
  db: TizilimDb,
  bytes: Uint8Array,
  secret: BackupSecret,
): Promise<OpenedExchange> {
  refuseInDemo(db, 'exchange');
  admit(readExchangeEnvelope(bytes).envelope, await receiverState(db));
  const opened = await openExchangeFile(bytes, secret);
  admit(opened.envelope, await receiverState(db));
  return opened;
}

/** The package's records as the merge takes them (attachments get their file back). */
function theirTables(opened: OpenedExchange, fileAs: 'blob' | 'bytes'): MergeTables {
  const tables = { ...opened.tables } as Record<string, unknown>;
  tables.attachments = opened.tables.attachments.map((record) => {
    const bytes = opened.files.get(String(record.id)) ?? new Uint8Array();
    const blob =
      fileAs === 'bytes' ? bytes : new Blob([bytes as BlobPart], { type: String(record.mimeType) });
    return { ...record, blob };
  });
  return tables as MergeTables;
}

function uniqueById(records: readonly (AnyRecord | undefined)[]): AnyRecord[] {
  const map = new Map<string, AnyRecord>();
  for (const r of records) if (r) map.set(r.id, r);
  return [...map.values()];
}

/**
 * What of this laptop's data the merge needs (mergeNeeds): the records the package names,
 * the histories of its appeals, the records answering to its numbers, provisional appeals on
 * the office laptop, the same people by IIN or phone. Index lookups, never the whole registry.
 */
async function loadMine(
  db: TizilimDb,
  theirs: MergeTables,
  device: Numberer,
): Promise<MergeTables> {
  const needs = mergeNeeds(theirs, { device });
  const mine: MergeTables = {
    settings: (await db.settings.toArray()) as unknown as AnyRecord[],
    counters: await db.counters.toArray(),
  };
  for (const table of RECORD_TABLES) {
    if (table === 'settings') continue;
    mine[table] = (
      (await db.table(table).bulkGet(needs.ids[table])) as (AnyRecord | undefined)[]
    ).filter((r): r is AnyRecord => r !== undefined);
  }
  const numbers = needs.appealNumbers;
  const provisional = needs.provisionalAppeals
    ? ((await db.appeals.orderBy('regNo').uniqueKeys()) as string[]).filter(isProvisionalNumber)
    : [];
  const people = needs.appealsOfApplicants;
  mine.appeals = uniqueById([
    ...(mine.appeals ?? []),
    ...((await db.appeals
      .where('regNo')
      .anyOf([...numbers, ...provisional])
      .toArray()) as unknown as AnyRecord[]),
    ...((await db.appeals.where('aliases').anyOf(numbers).toArray()) as unknown as AnyRecord[]),
    ...((await db.appeals.where('applicantId').anyOf(people).toArray()) as unknown as AnyRecord[]),
    ...((await db.appeals
      .where('coApplicantIds')
      .anyOf(people)
      .toArray()) as unknown as AnyRecord[]),
  ]);
  mine.inquiries = uniqueById([
    ...(mine.inquiries ?? []),
    ...((await db.inquiries
      .where('outgoingNo')
      .anyOf(needs.inquiryNumbers)
      .toArray()) as unknown as AnyRecord[]),
    ...((await db.inquiries
      .where('aliases')
      .anyOf(needs.inquiryNumbers)
      .toArray()) as unknown as AnyRecord[]),
  ]);
  mine.applicants = uniqueById([
    ...(mine.applicants ?? []),
    ...((await db.applicants
      .where('iin')
      .anyOf(needs.applicantIins)
      .toArray()) as unknown as AnyRecord[]),
    ...((await db.applicants
      .where('phones')
      .anyOf(needs.applicantPhones)
      .toArray()) as unknown as AnyRecord[]),
  ]);
  mine.events = await db.events.where('appealId').anyOf(needs.eventsOfAppeals).toArray();
  return mine;
}

/** The common ancestors kept for this peer (docs/merge.md): received and acknowledged sent versions. */
async function baseLookup(
  db: TizilimDb,
  peer: ExchangePeer | undefined,
  theirs: MergeTables,
  ack: number,
): Promise<BaseLookup> {
  if (!peer) return () => undefined;
  const keys: [string, string, string][] = [];
  for (const table of RECORD_TABLES) {
    if (table === 'appeals') continue;
    for (const record of theirs[table] ?? []) keys.push([peer.deviceId, table, record.id]);
  }
  const found = new Map<string, ExchangeBase>();
  for (const base of await db.exchangeBases.bulkGet(keys)) {
    if (base) found.set(`${base.table}/${base.id}`, base);
  }
  const acked = Math.max(peer.ackedSeq, ack);
  return (table, id) => {
    const base = found.get(`${table}/${id}`);
    if (!base) return undefined;
    return commonBase(
      base.received as AnyRecord | undefined,
      base.sent ? { record: base.sent.record as AnyRecord, seq: base.sent.seq } : undefined,
      acked,
    );
  };
}

interface Computed {
  result: MergeResult;
  mine: MergeTables;
  theirs: MergeTables;
  peer: ExchangePeer | undefined;
}

async function computeMerge(
  db: TizilimDb,
  opened: OpenedExchange,
  ctx: WriteContext,
  fileAs: 'blob' | 'bytes',
): Promise<Computed> {
  const envelope = opened.envelope;
  const theirs = theirTables(opened, fileAs);
  const device = await numbererIn(db);
  const peer = await db.exchangePeers.get(envelope.from.deviceId);
  const mine = await loadMine(db, theirs, device);
  const joining = admit(envelope, await receiverState(db)).joins;
  const ownSettings = mine.settings?.[0];
  const officeSettings = theirs.settings?.[0];
  if (joining && officeSettings) mine.settings = [officeSettings];
  const outcome = mergeDatasets({
    mine,
    theirs,
    base: await baseLookup(db, peer, theirs, envelope.ack),
    context: {
      now: stamp(ctx).iso,
      userId: ctx.userId,
      device,
      from: { deviceId: envelope.from.deviceId, name: envelope.from.name },
      packageId: envelope.packageId,
    },
  });
  if (!outcome.ok) throw new ExchangeError('other_office');
  const result = outcome.result;
  if (joining && officeSettings) {
    // A laptop joining an office takes its settings; its own staff stay on the list.
    const users = [...((officeSettings.users as { id: string }[] | undefined) ?? [])];
    for (const user of (ownSettings?.users as { id: string }[] | undefined) ?? []) {
      if (!users.some((u) => u.id === user.id)) users.push(user);
    }
    result.put.settings = [
      {
        ...officeSettings,
        users,
        version: Math.max(officeSettings.version, ownSettings?.version ?? 0) + 1,
      },
    ];
    mine.settings = ownSettings ? [ownSettings] : [];
  }
  return { result, mine, theirs, peer };
}

export interface PackagePreview {
  envelope: ExchangeEnvelope;
  preview: ExchangePreview;
}

/** What applying the package would do; nothing is written. */
export async function previewPackage(
  db: TizilimDb,
  opened: OpenedExchange,
  ctx: WriteContext,
  options: { fileAs?: 'blob' | 'bytes' } = {},
): Promise<PackagePreview> {
  const { result, mine } = await db.transaction('rw', mergeTables(db), () =>
    computeMerge(db, opened, ctx, options.fileAs ?? 'blob'),
  );
  const known = new Set((mine.appeals ?? []).map((a) => a.id));
  return { envelope: opened.envelope, preview: exchangePreview(result, (id) => known.has(id)) };
}

/** A peer's state after it acknowledged this laptop's package `ack`. */
function withAck(peer: ExchangePeer, ack: number): ExchangePeer {
  if (ack <= peer.ackedSeq) return peer;
  const sent = peer.sent.find((p) => p.seq === ack);
  return {
    ...peer,
    ackedSeq: ack,
    ackedLogSeq: sent ? sent.logSeq : peer.ackedLogSeq,
    sent: peer.sent.filter((p) => p.seq > ack),
  };
}

export interface AppliedPackage extends PackagePreview {
  result: MergeResult;
}

/**
 * Applies a package: after `backup` (the app takes one before every merge), the merge is
 * computed again inside ONE transaction with everything it writes — records, history
 * events («received from device X» on each appeal it touched), counters, the peer's state,
 * the common ancestors and the conflicts waiting for a decision. A failure leaves the data as
 * it was. A receipt only records what the sender's laptop now knows this one holds.
 */
export async function applyPackage(
  db: TizilimDb,
  opened: OpenedExchange,
  ctx: WriteContext,
  options: { backup?: () => Promise<void>; fileAs?: 'blob' | 'bytes' } = {},
): Promise<AppliedPackage> {
  refuseInDemo(db, 'exchange');
  const envelope = opened.envelope;
  const time = stamp(ctx);
  if (envelope.kind === 'package' && options.backup) await options.backup();
  return db.transaction('rw', mergeTables(db), async () => {
    admit(envelope, await receiverState(db));
    const from = envelope.from;
    const stored = (await db.exchangePeers.get(from.deviceId)) ?? newPeer(from.deviceId, from.name);
    if (envelope.kind === 'receipt') {
      await db.exchangePeers.put({ ...withAck(stored, envelope.ack), name: from.name });
      const result: MergeResult = {
        put: {},
        events: [],
        counters: [],
        conflicts: [],
        renumberings: [],
        duplicates: [],
        summary: { added: {}, changed: {} },
      };
      return { envelope, preview: exchangePreview(result, () => false), result };
    }
    const { result, mine, theirs } = await computeMerge(db, opened, ctx, options.fileAs ?? 'blob');
    for (const table of RECORD_TABLES) {
      const records = result.put[table];
      if (records && records.length > 0) await db.table(table).bulkPut(records);
    }
    if (result.events.length > 0) await db.events.bulkPut(result.events);
    if (result.counters.length > 0) await db.counters.bulkPut(result.counters);
    // A laptop with no office yet joins the sender's.
    const settings = await db.settings.get(SETTINGS_ID);
    if (settings && !settings.officeId) {
      await db.settings.put({ ...settings, officeId: envelope.officeId });
    }
    const pending = new Map((stored.conflicts ?? []).map((c) => [c.id, c]));
    for (const conflict of result.conflicts) {
      pending.set(conflict.id, {
        ...conflict,
        packageId: envelope.packageId,
        receivedAt: time.iso,
      });
    }
    await db.exchangePeers.put({
      ...withAck(stored, envelope.ack),
      name: from.name,
      lastReceivedSeq: envelope.to === null ? stored.lastReceivedSeq : envelope.seq,
      lastReceivedAt: time.iso,
      conflicts: [...pending.values()],
    });
    // What arrived is a common ancestor with that laptop from now on (appeals use their history).
    const bases: ExchangeBase[] = [];
    for (const table of RECORD_TABLES) {
      if (table === 'appeals') continue;
      for (const record of theirs[table] ?? []) {
        const key: [string, string, string] = [from.deviceId, table, record.id];
        const { blob: _file, ...received } = record as AnyRecord & { blob?: unknown };
        const known = await db.exchangeBases.get(key);
        bases.push({
          ...(known ?? { peer: from.deviceId, table: table as RecordTable, id: record.id }),
          received,
        });
      }
    }
    await db.exchangeBases.bulkPut(bases);
    const known = new Set((mine.appeals ?? []).map((a) => a.id));
    return { envelope, preview: exchangePreview(result, (id) => known.has(id)), result };
  });
}
