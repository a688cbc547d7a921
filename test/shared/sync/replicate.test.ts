import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agreedSeq,
  replicate,
  type ChangesPage,
  type CheckpointDoc,
  type Peer,
  type WireDoc,
  type WriteFailure,
} from '@shared/sync';

/**
 * The replication driver over two in-memory peers that keep every revision they were given
 * (a tiny CouchDB): everything arrives once, checkpoints let a stopped or failed run resume,
 * reading ahead (pipeline) changes nothing in the result, refused revisions are reported.
 */
class MemoryPeer implements Peer {
  seq = 0;
  readonly revs = new Map<string, Map<string, WireDoc>>();
  readonly log: { seq: number; id: string }[] = [];
  readonly locals = new Map<string, CheckpointDoc>();
  refuse: (doc: WireDoc) => boolean = () => false;
  failWritesAfter = Infinity;
  afterWrite?: (docs: WireDoc[], failures: WriteFailure[]) => Promise<void>;
  writes = 0;
  written = 0;

  add(doc: WireDoc) {
    let docRevs = this.revs.get(doc._id);
    if (!docRevs) this.revs.set(doc._id, (docRevs = new Map()));
    if (docRevs.has(doc._rev)) return;
    docRevs.set(doc._rev, doc);
    this.seq += 1;
    const at = this.log.findIndex((e) => e.id === doc._id);
    if (at >= 0) this.log.splice(at, 1);
    this.log.push({ seq: this.seq, id: doc._id });
  }

  async changes(since: string | number, limit: number): Promise<ChangesPage> {
    const rows = this.log.filter((e) => e.seq > Number(since)).slice(0, limit);
    return {
      results: rows.map((e) => ({
        id: e.id,
        seq: e.seq,
        changes: [...this.revs.get(e.id)!.keys()].map((rev) => ({ rev })),
      })),
      last_seq: rows.length ? rows[rows.length - 1]!.seq : Number(since),
    };
  }

  async revsDiff(revs: Record<string, string[]>) {
    const out: Record<string, { missing: string[] }> = {};
    for (const [id, list] of Object.entries(revs)) {
      const missing = list.filter((rev) => !this.revs.get(id)?.has(rev));
      if (missing.length) out[id] = { missing };
    }
    return out;
  }

  async bulkGet(refs: { id: string; rev: string }[]) {
    return refs.flatMap((r) => {
      const doc = this.revs.get(r.id)?.get(r.rev);
      return doc ? [doc] : [];
    });
  }

  async bulkDocs(docs: WireDoc[]): Promise<WriteFailure[]> {
    if (++this.writes > this.failWritesAfter) throw new Error('connection lost');
    const failures: WriteFailure[] = [];
    for (const doc of docs) {
      if (this.refuse(doc)) failures.push({ id: doc._id, error: 'forbidden' });
      else {
        this.add(doc);
        this.written += 1;
      }
    }
    return failures;
  }

  async getLocal(id: string) {
    return this.locals.get(id) ?? null;
  }

  async putLocal(doc: CheckpointDoc) {
    const rev = `0-${String(Number(doc._rev?.split('-')[1] ?? 0) + 1)}`;
    this.locals.set(doc._id, { ...doc, _rev: rev });
    return rev;
  }
}

const doc = (n: number, rev = '1-a'): WireDoc => ({
  _id: `appeals:${String(n).padStart(4, '0')}`,
  _rev: rev,
  table: 'appeals',
  schema: 1,
  data: { n },
});

function filled(count: number): MemoryPeer {
  const peer = new MemoryPeer();
  for (let i = 0; i < count; i++) peer.add(doc(i));
  return peer;
}

/** A source that sends each document's last revision with its changes when asked (include_docs). */
class IncludingPeer extends MemoryPeer {
  asked: string[] = [];

  override async changes(since: string | number, limit: number, withDocs?: boolean) {
    const page = await super.changes(since, limit);
    if (!withDocs) return page;
    const docs = page.results.map((row) => [...this.revs.get(row.id)!.values()].at(-1)!);
    return { ...page, docs };
  }

  override async bulkGet(refs: { id: string; rev: string }[]) {
    this.asked.push(...refs.map((r) => `${r.id}@${r.rev}`));
    return super.bulkGet(refs);
  }
}

describe('replicate', () => {
  it('reading ahead takes first revisions sent with the changes, and fetches the others', async () => {
    const source = new IncludingPeer();
    for (let i = 0; i < 9; i++) source.add(doc(i));
    source.add(doc(2, '2-b'));
    // A file sent as a stub (no data) is fetched with its data.
    source.add({ ...doc(9), _attachments: { file: { stub: true, content_type: 'image/png' } } });
    source.add({ ...doc(10), _attachments: { file: { content_type: 'image/png', data: 'AAE=' } } });
    const target = new MemoryPeer();
    const result = await replicate(source, target, {
      id: 'r',
      sessionId: 's1',
      batchSize: 4,
      pipeline: true,
    });
    expect(result.complete).toBe(true);
    expect([...target.revs.keys()].sort()).toEqual([...source.revs.keys()].sort());
    expect([...target.revs.get('appeals:0002')!.keys()].sort()).toEqual(['1-a', '2-b']);
    // After the first page, only what the changes could not carry is fetched: a later
    // revision (and the other leaf of its document), a file sent as a stub.
    expect(source.asked).toEqual(expect.arrayContaining(['appeals:0002@2-b', 'appeals:0009@1-a']));
    expect(source.asked).not.toContain('appeals:0010@1-a');
    expect(source.asked).not.toContain('appeals:0008@1-a');
    // What came with the changes carries its ancestry, as _bulk_get?revs=true gives it.
    expect(target.revs.get('appeals:0008')!.get('1-a')!._revisions).toEqual({
      start: 1,
      ids: ['a'],
    });
  });

  it('brings every revision once, with or without reading ahead, in any batch size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 25 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 20 }),
        async (count, batchSize, pipeline, already) => {
          const source = filled(count);
          const target = new MemoryPeer();
          for (let i = 0; i < Math.min(already, count); i++) target.add(doc(i));
          const result = await replicate(source, target, {
            id: 'r',
            sessionId: 's1',
            batchSize,
            pipeline,
          });
          expect(result.complete).toBe(true);
          expect([...target.revs.keys()].sort()).toEqual([...source.revs.keys()].sort());
          expect(target.written).toBe(count - Math.min(already, count));
          expect(result.lastSeq).toBe(count);
          // Nothing new: the next run reads nothing and writes nothing.
          const again = await replicate(source, target, {
            id: 'r',
            sessionId: 's2',
            batchSize,
            pipeline,
          });
          expect(again.docsWritten).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('resumes from the last checkpoint after a failure, and only then', async () => {
    const source = filled(30);
    const target = new MemoryPeer();
    target.failWritesAfter = 2;
    await expect(
      replicate(source, target, { id: 'r', sessionId: 's1', batchSize: 10 }),
    ).rejects.toThrow('connection lost');
    expect(target.written).toBe(20);
    expect((await target.getLocal('_local/r'))?.last_seq).toBe(20);
    target.failWritesAfter = Infinity;
    const seen: number[] = [];
    const origin = source.changes.bind(source);
    source.changes = async (since, limit) => {
      seen.push(Number(since));
      return origin(since, limit);
    };
    const result = await replicate(source, target, { id: 'r', sessionId: 's2', batchSize: 10 });
    expect(seen[0]).toBe(20);
    expect(result.docsWritten).toBe(10);
    expect(target.revs.size).toBe(30);
  });

  it('with the source checkpointed every few batches, a failure repeats at most those batches', async () => {
    const source = filled(50);
    const target = new MemoryPeer();
    const sourcePuts: number[] = [];
    const put = source.putLocal.bind(source);
    source.putLocal = async (checkpoint) => {
      sourcePuts.push(Number(checkpoint.last_seq));
      return put(checkpoint);
    };
    target.failWritesAfter = 4;
    const options = { id: 'r', batchSize: 10, pipeline: true, sourceCheckpointEvery: 3 };
    await expect(replicate(source, target, { ...options, sessionId: 's1' })).rejects.toThrow(
      'connection lost',
    );
    // Four batches written and checkpointed on the target; the source only after the third.
    expect((await target.getLocal('_local/r'))?.last_seq).toBe(40);
    expect(sourcePuts).toEqual([30]);
    target.failWritesAfter = Infinity;
    const result = await replicate(source, target, { ...options, sessionId: 's2' });
    expect(result.complete).toBe(true);
    // The fourth batch comes again (it changes nothing), then the fifth; the end is recorded.
    expect(result.docsRead).toBe(10);
    expect(target.revs.size).toBe(50);
    expect(sourcePuts).toEqual([30, 50]);
    expect(agreedSeq(source.locals.get('_local/r')!, target.locals.get('_local/r')!)).toBe(50);
  });

  it('a stopped run ends at a batch boundary; refused revisions are reported', async () => {
    const source = filled(12);
    const target = new MemoryPeer();
    target.refuse = (d) => d._id === 'appeals:0003';
    let batches = 0;
    const stopped = await replicate(source, target, {
      id: 'r',
      sessionId: 's1',
      batchSize: 4,
      onBatch: () => void (batches += 1),
      stopped: () => batches >= 1,
    });
    expect(stopped.complete).toBe(false);
    expect(stopped.failures).toEqual([{ id: 'appeals:0003', error: 'forbidden' }]);
    expect(target.revs.size).toBe(3);
    const rest = await replicate(source, target, { id: 'r', sessionId: 's2', batchSize: 4 });
    expect(rest.complete).toBe(true);
    expect(target.revs.size).toBe(11);
  });

  it('starts again from the start when either side lost its checkpoint, else where both agree', async () => {
    const source = filled(8);
    const target = new MemoryPeer();
    await replicate(source, target, { id: 'r', sessionId: 's1', batchSize: 3 });
    const sourceCp = await source.getLocal('_local/r');
    const targetCp = await target.getLocal('_local/r');
    expect(agreedSeq(sourceCp, targetCp)).toBe(8);
    // The server restored from a backup older than this session: the latest session both
    // histories know is where they agree.
    expect(
      agreedSeq(
        {
          ...sourceCp!,
          session_id: 's9',
          history: [{ session_id: 's9', last_seq: 12 }, ...sourceCp!.history],
        },
        targetCp,
      ),
    ).toBe(8);
    expect(agreedSeq(sourceCp, { ...targetCp!, session_id: 'x', history: [] })).toBe(0);
    // A target that lost its checkpoint is read from the start; what it has is not sent.
    target.locals.clear();
    const seen: number[] = [];
    const origin = source.changes.bind(source);
    source.changes = async (since, limit) => {
      seen.push(Number(since));
      return origin(since, limit);
    };
    const again = await replicate(source, target, { id: 'r', sessionId: 's2', batchSize: 3 });
    expect(seen[0]).toBe(0);
    expect(again.docsWritten).toBe(0);
  });

  it('sends every leaf of a conflicted document and tells the source what was stored before the checkpoint', async () => {
    const source = filled(3);
    source.add(doc(1, '2-b'));
    source.add(doc(1, '2-c'));
    const target = new MemoryPeer();
    target.refuse = (d) => d._rev === '2-c';
    const told: { stored: string[]; refused: string[]; checkpoint: unknown }[] = [];
    source.afterWrite = async (docs, failures) => {
      told.push({
        stored: docs.map((d) => `${d._id}@${d._rev}`),
        refused: failures.map((f) => f.id),
        checkpoint: (await target.getLocal('_local/r'))?.last_seq ?? null,
      });
    };
    const result = await replicate(source, target, { id: 'r', sessionId: 's1', batchSize: 10 });
    expect([...target.revs.get('appeals:0001')!.keys()].sort()).toEqual(['1-a', '2-b']);
    expect(result.failures).toEqual([{ id: 'appeals:0001', error: 'forbidden' }]);
    expect(told).toEqual([
      {
        stored: expect.arrayContaining([
          'appeals:0001@2-b',
          'appeals:0001@2-c',
          'appeals:0002@1-a',
        ]),
        refused: ['appeals:0001'],
        checkpoint: null,
      },
    ]);
  });

  it('a failure while reading ahead loses nothing: the run stops at the last written batch', async () => {
    const source = filled(25);
    const target = new MemoryPeer();
    const origin = source.changes.bind(source);
    let calls = 0;
    source.changes = async (since, limit) => {
      calls += 1;
      if (calls === 3) throw new Error('server gone');
      return origin(since, limit);
    };
    await expect(
      replicate(source, target, { id: 'r', sessionId: 's1', batchSize: 5, pipeline: true }),
    ).rejects.toThrow('server gone');
    const checkpoint = Number((await target.getLocal('_local/r'))?.last_seq ?? 0);
    // Two batches were written and checkpointed; the third was never read.
    expect(checkpoint).toBe(10);
    expect(target.revs.size).toBe(10);
    source.changes = origin;
    const rest = await replicate(source, target, {
      id: 'r',
      sessionId: 's2',
      batchSize: 5,
      pipeline: true,
    });
    expect(rest.complete).toBe(true);
    expect(target.revs.size).toBe(25);
    expect(target.written).toBe(25);
  });
});
