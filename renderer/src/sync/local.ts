import type { Table } from 'dexie';
import type { Settings } from '@shared/domain';
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
  winningLeaf,
  type ChangesPage,
  type CheckpointDoc,
  type DocCheck,
  type Peer,
  type RecordMerger,
  type Seq,
  type SyncConflict,
  type SyncTable,
  type WireDoc,
  type WriteFailure,
} from '@shared/sync';
import { changesSince } from '@renderer/db/changeLog';
import type { TizilimDb } from '@renderer/db/database';
import type { SyncConflictRow, SyncDocRow, SyncQuarantineRow } from '@renderer/db/syncTables';

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

export interface ApplyReport {
  applied: number;
  quarantined: number;
  conflicts: number;
}

const META_LOCAL = 'checkpoint:';
const QUARANTINE_BODY_MAX = 20_000;

async function sha256(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const hash = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** One live or deleted revision that arrived, with what the app makes of it. */
interface Leaf {
  doc: WireDoc;
  rev: string;
  ancestry: string[];
  deleted: boolean;
  check: DocCheck | null;
}

type Data = Record<string, unknown>;

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
    const entries = await changesSince(this.db, after, limit);
    const more = entries.length === limit;
    const lastSeq = entries.length ? entries[entries.length - 1]!.seq : after;
    const echoes =
      ((await this.db.syncMeta.get(META_ECHO))?.value as EchoRange[] | undefined) ?? [];
    const live = echoes.filter((r) => r.to > after);
    if (live.length !== echoes.length) {
      await this.db.syncMeta.put({ key: META_ECHO, value: live });
    }
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
      const rows = await this.db.syncDocs
        .where('table')
        .anyOf([...cleared])
        .toArray();
      for (const row of rows) if (!seqOf.has(row.docId)) seqOf.set(row.docId, lastSeq);
    }
    const docs = await this.mint([...seqOf.keys()]);
    this.minted = new Map(docs.map((d) => [`${d._id}\u0000${d._rev}`, d]));
    const byId = new Map<string, WireDoc[]>();
    for (const doc of docs) {
      const list = byId.get(doc._id);
      if (list) list.push(doc);
      else byId.set(doc._id, [doc]);
    }
    const results = [...byId].map(([id, list]) => ({
      id,
      seq: seqOf.get(id)!,
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
    const { rows, records } = await this.db.transaction(
      'r',
      [...this.tables(), this.db.syncDocs],
      async () => {
        const rows = await this.db.syncDocs.bulkGet(targets.map((t) => t.docId));
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
    await this.db.transaction('rw', this.db.syncDocs, async () => {
      const ids = [...new Set(stored.map((d) => d._id))];
      const rows = new Map(
        (await this.db.syncDocs.bulkGet(ids)).flatMap((r) => (r ? [[r.docId, r]] : [])),
      );
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
      await this.db.syncDocs.bulkPut([...rows.values()]);
    });
  }

  // ---- as a target (pull) ---------------------------------------------------------------

  async revsDiff(revs: Record<string, string[]>): Promise<Record<string, { missing: string[] }>> {
    const ids = Object.keys(revs).filter((id) => !isServiceDoc(id));
    const [rows, quarantined] = await this.db.transaction(
      'r',
      this.db.syncDocs,
      this.db.syncQuarantine,
      () => Promise.all([this.db.syncDocs.bulkGet(ids), this.db.syncQuarantine.bulkGet(ids)]),
    );
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
    const ancestors = await this.ancestorsFor(groups);
    const files = await this.filesFor(groups);
    const report: ApplyReport = { applied: 0, quarantined: 0, conflicts: 0 };
    await this.db.transaction(
      'rw',
      [
        ...this.tables(),
        this.db.changes,
        this.db.syncDocs,
        this.db.syncConflicts,
        this.db.syncQuarantine,
        this.db.syncMeta,
      ],
      () => this.applyAll(groups, ancestors, files, report),
    );
    this.onApplied?.(report);
    return [];
  }

  /**
   * Bodies of common ancestors, read from the server before the transaction (a Dexie
   * transaction cannot wait for the network): for each record whose arriving revision is
   * not a descendant of its base — a conflict the server holds as two branches.
   */
  private async ancestorsFor(groups: Map<string, Leaf[]>): Promise<Map<string, Data | null>> {
    const out = new Map<string, Data | null>();
    if (!this.fetchRevision) return out;
    const rows = await this.db.syncDocs.bulkGet([...groups.keys()]);
    let i = 0;
    for (const [docId, leaves] of groups) {
      const row = rows[i++];
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

  private async applyAll(
    groups: Map<string, Leaf[]>,
    ancestors: Map<string, Data | null>,
    files: Map<string, unknown>,
    report: ApplyReport,
  ) {
    const docIds = [...groups.keys()];
    const rows = await this.db.syncDocs.bulkGet(docIds);
    const targets = docIds.map(parseDocId);
    const locals = await readRecords(this.db, targets);
    const seqBefore = (await this.db.changes.orderBy('seq').lastKey()) as number | undefined;
    const pushAnyway: string[] = [];
    // Registry numbers already held on this laptop, for the arriving appeals (one index pass).
    const regNos = [...groups.values()].flatMap((leaves) =>
      leaves.flatMap((l) =>
        l.check?.ok && l.check.table === 'appeals' ? [String(l.check.record.regNo ?? '')] : [],
      ),
    );
    const holders = new Map<string, string>();
    if (regNos.length > 0) {
      await this.db.appeals
        .where('regNo')
        .anyOf([...new Set(regNos)])
        .eachKey((key, cursor) => holders.set(String(key), String(cursor.primaryKey)));
    }
    const puts = new Map<SyncTable, Data[]>();
    const deletes = new Map<SyncTable, string[]>();
    const rowPuts: SyncDocRow[] = [];
    const quarantine: SyncQuarantineRow[] = [];
    const cleared: string[] = [];
    const conflictsByDoc = new Map<string, SyncConflictRow[]>();
    const takenNumbers = new Map<string, string>();
    const at = this.now().toISOString();
    // The office's rules for deadlines, read once: a merge recomputes an appeal's dates.
    const settings = (await this.db.settings.toCollection().first()) as
      Partial<Settings> | undefined;

    const putRecord = (table: SyncTable, record: Data) => {
      const list = puts.get(table);
      if (list) list.push(record);
      else puts.set(table, [record]);
    };

    for (let i = 0; i < docIds.length; i++) {
      const docId = docIds[i]!;
      const target = targets[i];
      const leaves = groups.get(docId)!;
      if (!target) {
        for (const leaf of leaves) {
          if (!leaf.deleted) quarantine.push(this.quarantined(leaf, 'unknown_document', [], at));
        }
        continue;
      }
      const { table, id } = target;
      let row = rows[i];
      const local = locals[i];
      const known = new Set(row ? [...row.revs, ...row.close.map((c) => c.rev)] : []);
      const fresh = leaves.filter((l) => !known.has(l.rev));
      const live: (Leaf & { check: Extract<DocCheck, { ok: true }> })[] = [];
      for (const leaf of fresh) {
        if (leaf.deleted) continue;
        const check = leaf.check!;
        if (!check.ok) {
          quarantine.push(this.quarantined(leaf, check.reason, check.issues, at));
          continue;
        }
        if (table === 'appeals') {
          const regNo = String(check.record.regNo ?? '');
          const holder =
            takenNumbers.get(regNo) ??
            ((await this.db.appeals.where('regNo').equals(regNo).primaryKeys())[0] as
              string | undefined);
          if (holder !== undefined && holder !== id) {
            quarantine.push(
              this.quarantined(leaf, 'number_taken', [{ path: 'regNo', code: regNo }], at),
            );
            continue;
          }
          takenNumbers.set(regNo, id);
        }
        live.push({ ...leaf, check });
      }
      const dead = fresh.filter((l) => l.deleted);
      if (live.length === 0 && dead.length === 0) continue;
      cleared.push(docId);
      const localData = local ? dataOf(table, local) : null;
      // Our branch on the server was closed by a deletion (a merge elsewhere, or a delete).
      const closedOurs = row !== undefined && dead.some((d) => d.ancestry.includes(row!.rev));
      const nextRow = (leaf: Leaf, data: Data | null): SyncDocRow => ({
        docId,
        table,
        id,
        rev: leaf.rev,
        revs: leaf.ancestry.slice(0, REVS_SENT),
        data,
        close: (row?.close ?? []).filter(
          (c) => !dead.some((d) => d.ancestry.includes(c.rev)) && !leaf.ancestry.includes(c.rev),
        ),
        conflict: null,
      });

      if (live.length === 0) {
        if (!closedOurs) continue;
        const tomb = winningLeaf(dead);
        const changedHere =
          localData !== null && (row!.data === null || !sameData(localData, row!.data));
        if (local && !changedHere) {
          deletes.set(table, [...(deletes.get(table) ?? []), id]);
        } else if (local) {
          // Deleted there, changed here: keep this laptop's record; it goes back on top of the
          // deletion, so nothing is lost.
          putRecord(table, local);
          pushAnyway.push(docId);
        }
        rowPuts.push(nextRow(tomb, null));
        report.applied += 1;
        continue;
      }

      let mine: Data | null = localData;
      let current: Data | undefined = local;
      let conflicts: SyncConflict[] = [];
      let conflictBase: Data | null = null;
      for (const leaf of [winningLeaf(live), ...live.filter((l) => l !== winningLeaf(live))]) {
        const theirs = dataOf(table, withoutFile(leaf.check.record));
        const incoming = (): Data =>
          table === 'attachments'
            ? { ...withoutFile(leaf.check.record), blob: files.get(leaf.rev) }
            : leaf.check.record;
        if (!row || row.data === null) {
          // Never shared (a new record, or one both laptops hold from one export).
          if (mine === null || sameData(mine, theirs)) {
            if (mine === null) current = incoming();
            mine = theirs;
          } else {
            const merged = this.merge({ table, base: null, mine, theirs, settings });
            conflicts = merged.conflicts;
            conflictBase = null;
            mine = merged.record;
          }
          row = nextRow(leaf, theirs);
          continue;
        }
        const descends = leaf.ancestry.includes(row.rev) || closedOurs;
        if (descends) {
          const resolvedElsewhere =
            row.conflict !== null &&
            (row.close.length === 0 ||
              row.close.every(
                (c) =>
                  leaf.ancestry.includes(c.rev) || dead.some((d) => d.ancestry.includes(c.rev)),
              ));
          const base = row.conflict
            ? resolvedElsewhere
              ? row.conflict.mine
              : row.conflict.base
            : row.data;
          const changedHere = mine !== null && (base === null || !sameData(mine, base));
          if (!changedHere) {
            current = incoming();
            mine = theirs;
            conflicts = [];
          } else {
            const merged = this.merge({ table, base, mine: mine!, theirs, settings });
            conflicts = merged.conflicts;
            conflictBase = base;
            mine = merged.record;
          }
          row = nextRow(leaf, theirs);
          continue;
        }
        // Two branches on the server: ours (the base) and this one.
        const ancestor = commonAncestor(leaf.ancestry, row.revs);
        const base = row.conflict
          ? row.conflict.base
          : ancestor
            ? (ancestors.get(`${docId}\u0000${ancestor}`) ?? null)
            : null;
        const ours = { rev: row.rev, revs: row.revs, data: row.data };
        const winner = winningLeaf([
          { rev: ours.rev, deleted: false, side: 'ours' as const },
          { rev: leaf.rev, deleted: false, side: 'theirs' as const },
        ]);
        const merged =
          mine === null
            ? { record: theirs, conflicts: [] }
            : this.merge({ table, base, mine, theirs, settings });
        conflicts = merged.conflicts;
        conflictBase = base;
        mine = merged.record;
        if (winner.side === 'theirs') {
          const closing = { rev: ours.rev, revs: ours.revs };
          row = { ...nextRow(leaf, theirs), close: [...row.close, closing] };
        } else {
          row = {
            ...row,
            close: [...row.close, { rev: leaf.rev, revs: leaf.ancestry.slice(0, REVS_SENT) }],
          };
        }
      }

      // What this laptop holds now; written when it changed, and also when it differs from
      // the new base, so that the next push sends it (the write is what the push reads).
      const arrivedNew = local === undefined && live.length === 1 && conflicts.length === 0;
      if (mine !== null && arrivedNew && current !== undefined) {
        // A record new to this laptop, taken as it arrived (the first sync): nothing to compare.
        putRecord(table, current);
      } else if (mine !== null) {
        const record: Data =
          current !== undefined && sameData(dataOf(table, current), mine)
            ? current
            : table === 'attachments'
              ? { ...mine, blob: (local as { blob?: unknown } | undefined)?.blob ?? current?.blob }
              : mine;
        const changedLocally = local === undefined || !sameData(dataOf(table, local), mine);
        const unsent = row!.data === null || !sameData(mine, row!.data);
        if (changedLocally || (unsent && conflicts.length === 0)) putRecord(table, record);
        if (unsent && conflicts.length === 0) pushAnyway.push(docId);
      }
      if (conflicts.length > 0) {
        row = { ...row!, conflict: { base: conflictBase, mine: mine! } };
        conflictsByDoc.set(
          docId,
          conflicts.map((c) => ({ ...c, docId, theirsRev: row!.rev, detectedAt: at })),
        );
        report.conflicts += conflicts.length;
      } else if (rows[i]?.conflict) {
        conflictsByDoc.set(docId, []);
      }
      rowPuts.push(row!);
      report.applied += 1;
    }

    for (const table of SYNC_TABLES) {
      const list = puts.get(table);
      if (list?.length) await this.db.table(table).bulkPut(list);
    }
    for (const [table, ids] of deletes) await this.db.table(table).bulkDelete(ids);
    if (rowPuts.length) await this.db.syncDocs.bulkPut(rowPuts);
    if (cleared.length && (await this.db.syncQuarantine.count()) > 0) {
      const stillBad = new Set(quarantine.map((q) => q.docId));
      await this.db.syncQuarantine.bulkDelete(cleared.filter((id) => !stillBad.has(id)));
    }
    if (quarantine.length) await this.db.syncQuarantine.bulkPut(quarantine);
    report.quarantined += quarantine.length;
    for (const [docId, list] of conflictsByDoc) {
      const before = await this.db.syncConflicts.where('docId').equals(docId).toArray();
      const since = new Map(before.map((c) => [c.id, c.detectedAt]));
      await this.db.syncConflicts.bulkDelete(before.map((c) => c.id));
      if (list.length) {
        await this.db.syncConflicts.bulkPut(
          list.map((c) => ({ ...c, detectedAt: since.get(c.id) ?? c.detectedAt })),
        );
      }
    }
    await this.noteEcho(seqBefore, pushAnyway);
  }

  private async noteEcho(seqBefore: number | undefined, pushAnyway: string[]) {
    const after = (await this.db.changes.orderBy('seq').lastKey()) as number | undefined;
    if (after === undefined || after === seqBefore) return;
    const ranges =
      ((await this.db.syncMeta.get(META_ECHO))?.value as EchoRange[] | undefined) ?? [];
    const from = (seqBefore ?? 0) + 1;
    const last = ranges[ranges.length - 1];
    // Batches of one pull follow each other in the log: one range for all of them.
    if (last && last.to + 1 === from) {
      ranges[ranges.length - 1] = {
        from: last.from,
        to: after,
        except: [...last.except, ...pushAnyway],
      };
    } else ranges.push({ from, to: after, except: pushAnyway });
    await this.db.syncMeta.put({ key: META_ECHO, value: ranges });
  }

  private quarantined(
    leaf: Leaf,
    reason: SyncQuarantineRow['reason'],
    issues: SyncQuarantineRow['issues'],
    at: string,
  ): SyncQuarantineRow {
    const { _attachments, ...rest } = leaf.doc;
    void _attachments;
    return {
      docId: leaf.doc._id,
      rev: leaf.rev,
      table: parseDocId(leaf.doc._id)?.table ?? null,
      reason,
      issues,
      receivedAt: at,
      body: JSON.stringify(rest).slice(0, QUARANTINE_BODY_MAX),
    };
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

/** Records by (table, id), read with one bulkGet per table; same order as `targets`. */
async function readRecords(
  db: TizilimDb,
  targets: readonly ({ table: SyncTable; id: string } | null)[],
): Promise<(Data | undefined)[]> {
  const byTable = new Map<SyncTable, number[]>();
  targets.forEach((t, i) => {
    if (!t) return;
    const list = byTable.get(t.table);
    if (list) list.push(i);
    else byTable.set(t.table, [i]);
  });
  const out: (Data | undefined)[] = new Array<Data | undefined>(targets.length);
  for (const [table, indexes] of byTable) {
    const found = (await db.table(table).bulkGet(indexes.map((i) => targets[i]!.id))) as (
      Data | undefined
    )[];
    indexes.forEach((index, k) => (out[index] = found[k]));
  }
  return out;
}

/**
 * Log entries the pull wrote (`from`..`to`): the push skips them without reading the
 * records — they equal their bases — except the records named in `except`, which the pull
 * merged with changes made here and must go to the server.
 */
interface EchoRange {
  from: number;
  to: number;
  except: string[];
}
const META_ECHO = 'echo';

function withoutFile(record: Data): Data {
  if (!('file' in record)) return record;
  const copy = { ...record };
  delete copy.file;
  return copy;
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
