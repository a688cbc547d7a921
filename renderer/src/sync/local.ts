import type { Table } from 'dexie';
import { base64ToBytes, bytesToBase64 } from '@shared/export';
import {
  ancestryOf,
  checkDoc,
  childRev,
  commonAncestor,
  dataOf,
  docIdOf,
  FILE_ATTACHMENT,
  isServiceDoc,
  parseDocId,
  recordDocBody,
  recordMerge,
  revisionSource,
  revisionsOf,
  REVS_SENT,
  sameData,
  SYNC_TABLES,
  type ChangesPage,
  type CheckpointDoc,
  type Peer,
  type RecordMerger,
  type Seq,
  type SyncTable,
  type WireDoc,
  type WriteFailure,
} from '@shared/sync';
import { changesPage } from '@renderer/db/changeLog';
import type { TizilimDb } from '@renderer/db/database';
import type { SyncDocRow, SyncQuarantineRow } from '@renderer/db/syncTables';
import { anyBaseRow, baseRowIdsOf, baseRowTables, readBaseRows, writeBaseRows } from './baseRows';
import { applyPulled, type ApplyReport } from './localApply';
import {
  readRecords,
  withoutFile,
  META_ECHO,
  placed,
  type Data,
  type EchoRange,
  type Leaf,
} from './localRecords';

export type { ApplyReport } from './localApply';

/**
 * This laptop's side of the replication protocol (shared/sync/replicate.ts), over Dexie.
 * Dexie stays the app's store: there is no second copy of the data, only, per record, the
 * revision this laptop and the server last shared and its body (`syncDocs`, the merge's
 * base). docs/sync.md explains the rules; in short:
 *
 * - As a source (push): `_changes` is the change log after the checkpoint. A record whose
 *   data equals its base was written by the sync itself (or changed back): nothing to send,
 *   so what came from the server never goes back as new (echo). Any other record gets a new
 *   revision, a child of its base, named by a digest of its parent and body — the same
 *   change made on two laptops is the same revision. Records with undecided conflicts wait.
 * - As a target (pull): `_revs_diff` knows the base's ancestry; `_bulk_docs` applies what
 *   arrived in ONE transaction through the change layer (logged, derived data recomputed),
 *   after the app's own schemas: a document that fails them is quarantined. A record changed
 *   here since its base is never overwritten: it is merged (RecordMerger, shared/sync/merge.ts)
 *   and what a person must decide becomes a conflict.
 */

export interface LocalPeerOptions {
  db: TizilimDb;
  merge?: RecordMerger;
  /** The body of an older revision, from the server (the common ancestor of a conflict). */
  fetchRevision?: (docId: string, rev: string) => Promise<WireDoc | null>;
  now?: () => Date;
  /** Attachment files as Blobs (the app) or bytes (tests under jsdom). */
  fileAs?: 'blob' | 'bytes';
  /** Hex digest naming revisions; SHA-256 by WebCrypto unless a test gives another. */
  digest?: (text: string) => Promise<string>;
  /** The office database's name, written into every document (`office`). */
  office?: string;
}

const META_LOCAL = 'checkpoint:';

async function sha256(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const hash = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export class LocalPeer implements Peer {
  private readonly db: TizilimDb;
  private readonly merge: RecordMerger;
  private readonly digest: (text: string) => Promise<string>;
  private readonly now: () => Date;
  private readonly fileAs: 'blob' | 'bytes';
  private readonly fetchRevision: LocalPeerOptions['fetchRevision'];
  private readonly office: string | undefined;
  /** Revisions made by the last `changes`, for the `bulkGet` that follows. */
  private minted = new Map<string, WireDoc>();
  /** The rows the last `revsDiff` read, for the `bulkDocs` that follows (pull). */
  private diffRows = new Map<string, SyncDocRow | undefined>();
  /**
   * Set by `beginPull` when this laptop held no base row at all (a first sync): hashes of the
   * documents that may have one since (written by this peer). A document outside it has no
   * row, so `revsDiff` need not read one; a hash shared by chance costs only a read.
   */
  private rowsSince: Set<number> | null = null;
  /** Listeners told what each pull applied. */
  onApplied: ((report: ApplyReport) => void) | null = null;

  constructor(options: LocalPeerOptions) {
    this.db = options.db;
    this.merge = options.merge ?? recordMerge;
    this.digest = options.digest ?? sha256;
    this.now = options.now ?? (() => new Date());
    this.fileAs = options.fileAs ?? 'blob';
    this.fetchRevision = options.fetchRevision;
    this.office = options.office;
  }

  private tables(): Table[] {
    return SYNC_TABLES.map((name) => this.db.table(name));
  }

  // ---- as a source (push) ---------------------------------------------------------------

  async changes(since: Seq, limit: number): Promise<ChangesPage> {
    const after = Number(since) || 0;
    const echoes =
      ((await this.db.syncMeta.get(META_ECHO))?.value as EchoRange[] | undefined) ?? [];
    const live = echoes.filter((r) => r.to > after);
    if (live.length !== echoes.length) {
      await this.db.syncMeta.put({ key: META_ECHO, value: live });
    }
    // The log right after `since` is what a pull wrote (a first sync: the whole office):
    // every entry of it is skipped, so it is not read at all — only the records the pull
    // merged with changes made here go (any of them sent already is not sent twice: its
    // data equals its base again, or the server has the revision).
    const skip = live.find((r) => r.from <= after + 1);
    if (skip) {
      const docs = await this.mint([...new Set(skip.except)]);
      return this.page(docs, () => skip.to, skip.to, true);
    }
    const { entries, more } = await changesPage(this.db, after, limit);
    const lastSeq = entries.length ? entries[entries.length - 1]!.seq : after;
    const isEcho = (seq: number, docId: string) =>
      live.some((r) => seq >= r.from && seq <= r.to && !r.except.includes(docId));
    const seqOf = new Map<string, number>();
    const cleared = new Set<SyncTable>();
    for (const entry of entries) {
      const docId = docIdOf(entry.table, entry.id);
      if (isEcho(entry.seq, docId)) continue;
      if (entry.op === 'clear') cleared.add(entry.table);
      else seqOf.set(docId, entry.seq);
    }
    if (cleared.size > 0) {
      // Records of a cleared table that the server has and this laptop no longer holds.
      const ids = await this.db.transaction('r', baseRowTables(this.db), () =>
        baseRowIdsOf(this.db, [...cleared]),
      );
      for (const docId of ids) if (!seqOf.has(docId)) seqOf.set(docId, lastSeq);
    }
    const docs = await this.mint([...seqOf.keys()]);
    return this.page(docs, (id) => seqOf.get(id)!, lastSeq, more);
  }

  /** A page of `_changes` naming the revisions just minted, kept for the `bulkGet`. */
  private page(
    docs: WireDoc[],
    seqOf: (docId: string) => number,
    lastSeq: number,
    more: boolean,
  ): ChangesPage {
    this.minted = new Map(docs.map((d) => [`${d._id}\u0000${d._rev}`, d]));
    const byId = new Map<string, WireDoc[]>();
    for (const doc of docs) {
      const list = byId.get(doc._id);
      if (list) list.push(doc);
      else byId.set(doc._id, [doc]);
    }
    const results = [...byId].map(([id, list]) => ({
      id,
      seq: seqOf(id),
      changes: list.map((d) => ({ rev: d._rev })),
    }));
    results.sort((a, b) => Number(a.seq) - Number(b.seq));
    return { results, last_seq: lastSeq, more };
  }

  /**
   * The revisions to send for these records: a new revision of each record that differs
   * from its base (or a deletion of one that is gone), and the deletions that close server
   * branches a merge joined. Records with undecided conflicts are held back.
   */
  private async mint(docIds: string[]): Promise<WireDoc[]> {
    const targets = docIds.flatMap((docId) => {
      const parsed = parseDocId(docId);
      return parsed ? [{ docId, ...parsed }] : [];
    });
    if (targets.length === 0) return [];
    const { rows, records } = await this.db.transaction(
      'r',
      [...this.tables(), ...baseRowTables(this.db)],
      async () => {
        const rows = await readBaseRows(
          this.db,
          targets.map((t) => t.docId),
        );
        const records = await readRecords(this.db, targets);
        return { rows, records };
      },
    );
    const out: WireDoc[] = [];
    for (let i = 0; i < targets.length; i++) {
      const { docId, table } = targets[i]!;
      const row = rows[i];
      const record = records[i];
      if (row?.conflict) continue;
      for (const branch of row?.close ?? []) out.push(await this.tombstone(docId, branch.revs));
      if (record) {
        const body = recordDocBody(table, record, this.office);
        if (row && row.data !== null && sameData(body.data, row.data)) continue;
        const parentRevs = row ? row.revs : [];
        const parent = parentRevs[0] ?? null;
        const rev = childRev(
          parent,
          (await this.digest(revisionSource(parent, body))).slice(0, 32),
        );
        const doc: WireDoc = {
          _id: docId,
          _rev: rev,
          _revisions: revisionsOf([rev, ...parentRevs]),
          ...body,
        };
        if (table === 'attachments') {
          const attachment = record as { mimeType?: string; blob?: unknown };
          doc._attachments = {
            [FILE_ATTACHMENT]: {
              content_type: attachment.mimeType || 'application/octet-stream',
              data: bytesToBase64(await fileBytes(attachment.blob)),
            },
          };
        }
        out.push(doc);
      } else if (row && row.data !== null) {
        out.push(await this.tombstone(docId, row.revs));
      }
    }
    return out;
  }

  private async tombstone(docId: string, parentRevs: string[]): Promise<WireDoc> {
    const parent = parentRevs[0]!;
    const rev = childRev(
      parent,
      (await this.digest(revisionSource(parent, null, true))).slice(0, 32),
    );
    return { _id: docId, _rev: rev, _deleted: true, _revisions: revisionsOf([rev, ...parentRevs]) };
  }

  async bulkGet(refs: { id: string; rev: string }[]): Promise<WireDoc[]> {
    const found: WireDoc[] = [];
    const again: string[] = [];
    for (const ref of refs) {
      const doc = this.minted.get(`${ref.id}\u0000${ref.rev}`);
      if (doc) found.push(doc);
      else again.push(ref.id);
    }
    // Changed again since `changes`: send what it is now.
    if (again.length) found.push(...(await this.mint([...new Set(again)])));
    return found;
  }

  /** After the server stored pushed revisions: they are the records' new bases. */
  async afterWrite(docs: WireDoc[], failures: WriteFailure[]): Promise<void> {
    const refused = new Set(failures.map((f) => f.id));
    const stored = docs.filter((d) => !refused.has(d._id));
    if (stored.length === 0) return;
    this.noteRows(stored.map((d) => d._id));
    await this.db.transaction('rw', baseRowTables(this.db), async () => {
      const ids = [...new Set(stored.map((d) => d._id))];
      const found = await readBaseRows(this.db, ids);
      const rows = new Map(found.flatMap((r) => (r ? [[r.docId, r]] : [])));
      // Records the server had never had from here (a first push: the whole office).
      const fresh = new Set(ids.filter((_, k) => found[k] === undefined));
      for (const doc of stored) {
        const parsed = parseDocId(doc._id);
        if (!parsed) continue;
        const ancestry = ancestryOf(doc._revisions, doc._rev);
        const row = rows.get(doc._id);
        const closing = row?.close.find((c) => ancestry.includes(c.rev));
        if (row && closing) {
          rows.set(doc._id, { ...row, close: row.close.filter((c) => c !== closing) });
          continue;
        }
        rows.set(doc._id, {
          docId: doc._id,
          table: parsed.table,
          id: parsed.id,
          rev: doc._rev,
          revs: ancestry.slice(0, REVS_SENT),
          data: doc._deleted ? null : ((doc.data as Data | undefined) ?? null),
          close: row?.close ?? [],
          conflict: null,
        });
      }
      await writeBaseRows(this.db, [...rows.values()], fresh);
    });
  }

  // ---- as a target (pull) ---------------------------------------------------------------

  /**
   * Called before a pull. When this laptop holds no base row at all (a first sync, or the
   * first after moving to another server), the pull need not look for rows of documents it
   * has not written itself: only the sync makes rows (this pull, or a push's `afterWrite`,
   * both through this peer), a person's decision changes only rows that exist.
   */
  async beginPull(): Promise<void> {
    const any = await this.db.transaction('r', baseRowTables(this.db), () => anyBaseRow(this.db));
    this.rowsSince = any ? null : new Set();
  }

  /** Whether the last `beginPull` found no base row at all (a first sync). */
  get firstPull(): boolean {
    return this.rowsSince !== null;
  }

  /** Documents that may have a base row from now on (see `rowsSince`). */
  private noteRows(docIds: Iterable<string>) {
    const since = this.rowsSince;
    if (since) for (const id of docIds) since.add(hashOf(id));
  }

  async revsDiff(revs: Record<string, string[]>): Promise<Record<string, { missing: string[] }>> {
    const ids = Object.keys(revs).filter((id) => !isServiceDoc(id));
    const since = this.rowsSince;
    // In a first sync, only documents this pull wrote before can have a row.
    const lookup = since ? ids.filter((id) => since.has(hashOf(id))) : ids;
    const [found, quarantined] = await this.db.transaction(
      'r',
      [...baseRowTables(this.db), this.db.syncQuarantine],
      async () => {
        // The quarantine is nearly always empty: one count instead of a read per document.
        const held = await this.db.syncQuarantine.count();
        const found = await readBaseRows(this.db, lookup);
        const quarantined =
          held > 0
            ? await this.db.syncQuarantine.bulkGet(ids)
            : ids.map((): SyncQuarantineRow | undefined => undefined);
        return [found, quarantined] as const;
      },
    );
    const rows = lookup === ids ? found : placed(ids, lookup, found);
    // The `bulkDocs` that follows decides which ancestors to fetch from these rows (only the
    // sync writes a row's revisions; `applyPulled` reads them again inside its transaction).
    this.diffRows = new Map(ids.map((id, i) => [id, rows[i]]));
    const out: Record<string, { missing: string[] }> = {};
    ids.forEach((id, i) => {
      const known = new Set<string>([
        ...(rows[i]?.revs ?? []),
        ...(rows[i]?.close.flatMap((c) => c.revs) ?? []),
      ]);
      if (quarantined[i]) known.add(quarantined[i].rev);
      const missing = revs[id]!.filter((rev) => !known.has(rev));
      if (missing.length) out[id] = { missing };
    });
    return out;
  }

  async bulkDocs(docs: WireDoc[]): Promise<WriteFailure[]> {
    const groups = new Map<string, Leaf[]>();
    for (const doc of docs) {
      if (isServiceDoc(doc._id)) continue;
      const leaf: Leaf = {
        doc,
        rev: doc._rev,
        ancestry: ancestryOf(doc._revisions, doc._rev),
        deleted: doc._deleted === true,
        check: doc._deleted === true ? null : checkDoc(doc),
      };
      const list = groups.get(doc._id);
      if (list) list.push(leaf);
      else groups.set(doc._id, [leaf]);
    }
    if (groups.size === 0) return [];
    // The rows `revsDiff` just read for this batch (read here for documents it was not asked).
    const diffRows = this.diffRows;
    this.diffRows = new Map();
    // Noted before the write: a write that fails leaves only a needless read behind.
    this.noteRows(groups.keys());
    const ancestors = await this.ancestorsFor(groups, diffRows);
    const files = await this.filesFor(groups);
    const report: ApplyReport = { applied: 0, quarantined: 0, conflicts: 0 };
    await this.db.transaction(
      'rw',
      [
        ...this.tables(),
        this.db.changes,
        ...baseRowTables(this.db),
        this.db.syncConflicts,
        this.db.syncQuarantine,
        this.db.syncMeta,
      ],
      () =>
        applyPulled(
          { db: this.db, merge: this.merge, now: this.now },
          groups,
          ancestors,
          files,
          report,
          absentRows(groups, diffRows),
        ),
    );
    this.onApplied?.(report);
    return [];
  }

  /**
   * Bodies of common ancestors, read from the server before the transaction (a Dexie
   * transaction cannot wait for the network): for each record whose arriving revision is
   * not a descendant of its base — a conflict the server holds as two branches.
   */
  private async ancestorsFor(
    groups: Map<string, Leaf[]>,
    diffRows: Map<string, SyncDocRow | undefined>,
  ): Promise<Map<string, Data | null>> {
    const out = new Map<string, Data | null>();
    if (!this.fetchRevision) return out;
    const cached = new Map(diffRows);
    const unread = [...groups.keys()].filter((id) => !cached.has(id));
    if (unread.length > 0) {
      const rows = await this.db.transaction('r', baseRowTables(this.db), () =>
        readBaseRows(this.db, unread),
      );
      unread.forEach((id, k) => cached.set(id, rows[k]));
    }
    for (const [docId, leaves] of groups) {
      const row = cached.get(docId);
      if (!row) continue;
      for (const leaf of leaves) {
        if (leaf.deleted || leaf.ancestry.includes(row.rev) || row.revs.includes(leaf.rev))
          continue;
        const ancestor = commonAncestor(leaf.ancestry, row.revs);
        if (!ancestor || out.has(`${docId}\u0000${ancestor}`)) continue;
        const doc = await this.fetchRevision(docId, ancestor).catch(() => null);
        const check = doc && !doc._deleted ? checkDoc(doc) : null;
        out.set(
          `${docId}\u0000${ancestor}`,
          check?.ok ? dataOf(check.table, withoutFile(check.record)) : null,
        );
      }
    }
    return out;
  }

  /** Attachment files of arriving revisions, turned into what IndexedDB stores. */
  private async filesFor(groups: Map<string, Leaf[]>): Promise<Map<string, unknown>> {
    const out = new Map<string, unknown>();
    for (const leaves of groups.values()) {
      for (const leaf of leaves) {
        const check = leaf.check;
        if (!check?.ok || check.table !== 'attachments') continue;
        const file = check.record.file as { data: string };
        const bytes = base64ToBytes(file.data);
        const mime = String(check.record.mimeType ?? '');
        out.set(leaf.rev, this.fileAs === 'bytes' ? bytes : new Blob([bytes], { type: mime }));
      }
    }
    return out;
  }

  // ---- checkpoints ----------------------------------------------------------------------

  async getLocal(id: string): Promise<CheckpointDoc | null> {
    const row = await this.db.syncMeta.get(META_LOCAL + id);
    return (row?.value as CheckpointDoc | undefined) ?? null;
  }

  async putLocal(doc: CheckpointDoc): Promise<string> {
    const n = Number((doc._rev ?? '0-0').split('-')[1] ?? 0) + 1;
    const rev = `0-${String(n)}`;
    await this.db.syncMeta.put({ key: META_LOCAL + doc._id, value: { ...doc, _rev: rev } });
    return rev;
  }
}

/** A 32-bit FNV-1a hash of a document id. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Documents of this batch that had no base row when `revsDiff` read them (records new to this
 * laptop: all of a first sync). Only the sync creates base rows (a pull's write, a push's
 * `afterWrite`, which never run at once), so the pull's transaction need not read them again;
 * a person's decision changes only rows that exist. The records themselves are always read in
 * the transaction: a record made here meanwhile is merged, never overwritten.
 */
function absentRows(
  groups: Map<string, Leaf[]>,
  diffRows: Map<string, SyncDocRow | undefined>,
): Set<string> {
  const out = new Set<string>();
  for (const docId of groups.keys()) {
    if (diffRows.has(docId) && diffRows.get(docId) === undefined) out.add(docId);
  }
  return out;
}

/** An attachment's bytes: a Blob (the app) or bytes (tests), whatever realm made them. */
async function fileBytes(blob: unknown): Promise<Uint8Array> {
  if (ArrayBuffer.isView(blob))
    return new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);
  if (typeof (blob as Blob | null)?.arrayBuffer === 'function') {
    return new Uint8Array(await (blob as Blob).arrayBuffer());
  }
  if (Object.prototype.toString.call(blob) === '[object ArrayBuffer]') {
    return new Uint8Array(blob as ArrayBuffer);
  }
  return new Uint8Array();
}
