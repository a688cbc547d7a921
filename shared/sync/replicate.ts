/**
 * One replication from a source to a target by the CouchDB replication protocol
 * (https://docs.couchdb.org/en/stable/replication/protocol.html), over two peers that each
 * speak its endpoints: the council's CouchDB over HTTP (renderer/src/sync/remote.ts) and
 * this laptop's Dexie database (renderer/src/sync/local.ts). Push is `replicate(local,
 * remote)`, pull is `replicate(remote, local)`:
 *
 * 1. read the checkpoint `_local/<id>` on both peers and find the last sequence they agree on
 *    (same session, or a session both histories share; else from the start);
 * 2. read the source's `_changes` (`style=all_docs`: every leaf revision) in batches;
 * 3. ask the target which of those revisions it lacks (`_revs_diff`);
 * 4. fetch them from the source with their ancestry (`_bulk_get?revs=true`, attachments
 *    inline) and write them to the target as they are (`_bulk_docs`, `new_edits: false`);
 * 5. record the checkpoint on both peers (target first) after each batch.
 *
 * A failure stops the run before the batch's checkpoint: the next run repeats that batch,
 * which changes nothing twice (a revision the target holds is not missing any more).
 */
import type { WireDoc } from './documents';
import { revDepth, revisionsOf } from './revisions';

export type Seq = string | number;

export interface ChangeRow {
  id: string;
  seq: Seq;
  changes: { rev: string }[];
  deleted?: boolean;
}

export interface ChangesPage {
  results: ChangeRow[];
  last_seq: Seq;
  /**
   * Whether the source has more after this page. When absent, a page shorter than the limit
   * is the last (CouchDB); a source that leaves out rows (the laptop's echoes) says so.
   */
  more?: boolean;
  /**
   * Revision bodies the source sent with the page (`include_docs`, asked by `withDocs`): the
   * current winning revision of each document, with attachments inline. Only a first
   * revision is taken from here, since its ancestry is itself; any other comes by `bulkGet`.
   */
  docs?: WireDoc[];
}

export interface WriteFailure {
  id: string;
  error: string;
  reason?: string;
}

export interface CheckpointDoc {
  _id: string;
  _rev?: string;
  session_id: string;
  last_seq: Seq;
  history: { session_id: string; last_seq: Seq }[];
  replicator: 'tizilim';
  version: 1;
}

/** The protocol's endpoints, as a peer offers them. */
export interface Peer {
  /** `withDocs`: the source may send the revision bodies along (`ChangesPage.docs`). */
  changes(since: Seq, limit: number, withDocs?: boolean): Promise<ChangesPage>;
  revsDiff(revs: Record<string, string[]>): Promise<Record<string, { missing: string[] }>>;
  bulkGet(refs: { id: string; rev: string }[]): Promise<WireDoc[]>;
  /** Writes revisions as they are (`new_edits: false`); answers the documents it refused. */
  bulkDocs(docs: WireDoc[]): Promise<WriteFailure[]>;
  /**
   * Told, as a source, which revisions the target stored (before the checkpoint): the
   * laptop keeps them as its records' new bases. Not part of the protocol; local bookkeeping.
   */
  afterWrite?(docs: WireDoc[], failures: WriteFailure[]): Promise<void>;
  getLocal(id: string): Promise<CheckpointDoc | null>;
  /** Stores a checkpoint; answers its new `_rev`. */
  putLocal(doc: CheckpointDoc): Promise<string>;
}

export interface ReplicationOptions {
  /** The checkpoint's id, `_local/<id>`: one per laptop, database and direction. */
  id: string;
  /** A new id for this run (the checkpoint's session). */
  sessionId: string;
  batchSize?: number;
  /** Called after each batch is checkpointed. */
  onBatch?: (progress: { docsRead: number; docsWritten: number; lastSeq: Seq }) => void;
  /**
   * Read the next batch while this one is written. Only for a source whose revisions do not
   * depend on what the target confirmed (the server); the laptop as a source makes its
   * revisions from its bases, which a write in flight is about to move.
   */
  pipeline?: boolean;
  /**
   * Write the source's checkpoint after every this many batches (and at the end); the
   * target's is written after every batch. A source checkpoint behind the target's is safe:
   * the two agree on the source's, so a stopped run repeats at most these batches (which
   * changes nothing twice). For a source where a checkpoint is a request (the server).
   */
  sourceCheckpointEvery?: number;
  /** Checked between requests: a stopped sync ends at a batch boundary. */
  stopped?: () => boolean;
}

export interface ReplicationResult {
  docsRead: number;
  docsWritten: number;
  failures: WriteFailure[];
  lastSeq: Seq;
  /** False when the run was stopped before the source had nothing more to send. */
  complete: boolean;
}

const HISTORY = 5;

/** The last sequence both checkpoints agree on (PouchDB's and CouchDB's rule), or 0. */
export function agreedSeq(source: CheckpointDoc | null, target: CheckpointDoc | null): Seq {
  if (!source || !target) return 0;
  if (source.session_id === target.session_id) return source.last_seq;
  const seen = new Map(target.history.map((h) => [h.session_id, h.last_seq]));
  for (const entry of source.history) {
    if (seen.has(entry.session_id)) return entry.last_seq;
  }
  return 0;
}

function nextCheckpoint(previous: CheckpointDoc | null, id: string, sessionId: string, seq: Seq) {
  const history = [
    { session_id: sessionId, last_seq: seq },
    ...(previous?.history ?? []).filter((h) => h.session_id !== sessionId),
  ].slice(0, HISTORY);
  const doc: CheckpointDoc = {
    _id: `_local/${id}`,
    session_id: sessionId,
    last_seq: seq,
    history,
    replicator: 'tizilim',
    version: 1,
  };
  if (previous?._rev) doc._rev = previous._rev;
  return doc;
}

/**
 * The first revisions among bodies a source sent with its changes, by `id\u0000rev`, each
 * with its ancestry (itself) as `_bulk_get?revs=true` would give it. Left out: later
 * revisions (their ancestry is not in the body) and any attachment sent as a stub.
 */
export function firstRevisions(docs: readonly WireDoc[] | undefined): Map<string, WireDoc> {
  const out = new Map<string, WireDoc>();
  for (const doc of docs ?? []) {
    if (!doc || typeof doc._id !== 'string' || typeof doc._rev !== 'string') continue;
    if (revDepth(doc._rev) !== 1) continue;
    const files = Object.values(doc._attachments ?? {});
    if (files.some((file) => !('data' in file) || typeof file.data !== 'string')) continue;
    out.set(`${doc._id}\u0000${doc._rev}`, { ...doc, _revisions: revisionsOf([doc._rev]) });
  }
  return out;
}

export async function replicate(
  source: Peer,
  target: Peer,
  options: ReplicationOptions,
): Promise<ReplicationResult> {
  const batchSize = options.batchSize ?? 500;
  const localId = `_local/${options.id}`;
  let sourceCheckpoint = await source.getLocal(localId);
  let targetCheckpoint = await target.getLocal(localId);
  let since = agreedSeq(sourceCheckpoint, targetCheckpoint);
  const result: ReplicationResult = {
    docsRead: 0,
    docsWritten: 0,
    failures: [],
    lastSeq: since,
    complete: false,
  };
  /** One batch read from the source: its changes and the revisions the target lacks. */
  const revsOf = (page: ChangesPage) => {
    const revs: Record<string, string[]> = {};
    for (const row of page.results) {
      const list = (revs[row.id] ??= []);
      for (const change of row.changes) if (!list.includes(change.rev)) list.push(change.rev);
    }
    return revs;
  };
  const missingOf = async (revs: Record<string, string[]>) => {
    const diff = await target.revsDiff(revs);
    return Object.entries(diff).flatMap(([id, { missing }]) => missing.map((rev) => ({ id, rev })));
  };
  /** A batch: its changes and the revisions the target lacks, read from the source. */
  const read = async (from: Seq) => {
    const page = await source.changes(from, batchSize);
    const refs = page.results.length > 0 ? await missingOf(revsOf(page)) : [];
    const docs = refs.length > 0 ? await source.bulkGet(refs) : [];
    return { page, docs };
  };
  /**
   * The next batch read ahead while this one is written (pipeline): its changes and ALL
   * their revisions, because the target cannot answer `_revs_diff` until its write is done
   * (IndexedDB runs a read after a write over the same store); the diff then drops what the
   * target has. Only a backlog reads ahead (a first sync, a long time offline).
   */
  const readAhead = async (from: Seq) => {
    // With the page, the bodies of first revisions (most of a backlog): one request less
    // for them, and the source reads each document once instead of twice.
    const page = await source.changes(from, batchSize, true);
    const revs = revsOf(page);
    const included = firstRevisions(page.docs);
    const refs = Object.entries(revs).flatMap(([id, list]) =>
      list.flatMap((rev) => (included.has(`${id}\u0000${rev}`) ? [] : [{ id, rev }])),
    );
    const fetched = refs.length > 0 ? await source.bulkGet(refs) : [];
    return { page: { ...page, docs: undefined }, all: [...included.values(), ...fetched], revs };
  };
  let ahead: ReturnType<typeof readAhead> | null = null;
  /**
   * The source's checkpoints, written one after the other behind the batches (each after
   * the target's, which is written after its batch): the next batch need not wait for the
   * round trip. A failure surfaces at the next batch's checkpoint or at the end; a source
   * checkpoint that lags the target's only repeats a batch after a stop.
   */
  let sourceWrites: Promise<void> = Promise.resolve();
  const sourceEvery = Math.max(1, options.sourceCheckpointEvery ?? 1);
  let batches = 0;
  let sourceFailure: unknown = null;
  /** The last sequence given to the source's checkpoint. */
  let sourceSeq: Seq = since;
  const checkpointSource = (seq: Seq) => {
    sourceSeq = seq;
    sourceWrites = sourceWrites.then(async () => {
      if (sourceFailure !== null) return;
      try {
        const sourceNext = nextCheckpoint(sourceCheckpoint, options.id, options.sessionId, seq);
        sourceNext._rev = await source.putLocal(sourceNext);
        sourceCheckpoint = sourceNext;
      } catch (error) {
        sourceFailure = error;
      }
    });
  };
  const sourceCheckpointsWritten = async () => {
    await sourceWrites;
    if (sourceFailure !== null) throw sourceFailure;
  };
  try {
    for (;;) {
      if (options.stopped?.()) {
        await ahead?.catch(() => undefined);
        if (String(sourceSeq) !== String(result.lastSeq)) checkpointSource(result.lastSeq);
        await sourceCheckpointsWritten();
        return result;
      }
      let page: ChangesPage;
      let docs: WireDoc[];
      if (ahead) {
        const read = await ahead;
        ahead = null;
        page = read.page;
        const missing = new Set(
          (await missingOf(read.revs)).map((ref) => `${ref.id}\u0000${ref.rev}`),
        );
        docs = read.all.filter((doc) => missing.has(`${doc._id}\u0000${doc._rev}`));
      } else {
        ({ page, docs } = await read(since));
      }
      const more = page.more === undefined ? page.results.length >= batchSize : page.more;
      if (options.pipeline && more && !options.stopped?.()) {
        ahead = readAhead(page.last_seq);
        ahead.catch(() => undefined);
      }
      if (docs.length > 0) {
        result.docsRead += docs.length;
        const failures = await target.bulkDocs(docs);
        await source.afterWrite?.(docs, failures);
        result.failures.push(...failures);
        result.docsWritten += docs.length - failures.length;
      }
      const reachedEnd = !more;
      since = page.last_seq;
      // A page that brought nothing (the laptop's log of what the pull itself wrote: echoes)
      // is recorded with the next page that brings something, or at the end: skipping it
      // again after a stop costs a read, and a checkpoint per empty page cost a request each.
      const unrecorded = String(since) !== String(result.lastSeq);
      if (page.results.length > 0 || (unrecorded && reachedEnd)) {
        if (sourceFailure !== null) throw sourceFailure;
        const targetNext = nextCheckpoint(targetCheckpoint, options.id, options.sessionId, since);
        targetNext._rev = await target.putLocal(targetNext);
        targetCheckpoint = targetNext;
        batches += 1;
        if (batches % sourceEvery === 0) checkpointSource(since);
        result.lastSeq = since;
        options.onBatch?.({
          docsRead: result.docsRead,
          docsWritten: result.docsWritten,
          lastSeq: since,
        });
      }
      if (reachedEnd) {
        if (String(sourceSeq) !== String(result.lastSeq)) checkpointSource(result.lastSeq);
        await sourceCheckpointsWritten();
        result.complete = true;
        return result;
      }
    }
  } catch (error) {
    // The next run must not start while a checkpoint of this one is still on its way.
    await sourceWrites;
    throw error;
  }
}
