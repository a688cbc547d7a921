import { liveQuery } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changesPage,
  changesSince,
  compactChangeLog,
  latestSeq,
  LOG_ROW_IDS,
  onChangesCommitted,
  recordsAfter,
  type ChangeEntry,
} from '@renderer/db/changeLog';
import type { TizilimDb } from '@renderer/db/database';
import { createAppeal, createApplicant, updateApplicant } from '@renderer/db/repositories';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, kazakhAppeal, WRITTEN_CONSENT } from './helpers';

deleteFreshDbsAfterEach();

async function allEntries(db: TizilimDb): Promise<ChangeEntry[]> {
  const out: ChangeEntry[] = [];
  for (let page = await changesSince(db, 0, 7); page.length;) {
    out.push(...page);
    page = await changesSince(db, page[page.length - 1]!.seq, 7);
  }
  return out;
}

describe('reading the log', () => {
  it('pages through changes after a seq and knows the latest seq', async () => {
    const db = freshDb();
    expect(await latestSeq(db)).toBe(0);
    expect(await changesSince(db, 0)).toEqual([]);
    for (let i = 0; i < 6; i++) await createAppeal(db, kazakhAppeal(), ctxAt());
    const entries = await allEntries(db);
    expect(entries).toHaveLength(18); // counter, appeal and event per appeal
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(await latestSeq(db)).toBe(18);
    expect((await changesSince(db, 16)).map((e) => e.seq)).toEqual([17, 18]);
    expect(await changesSince(db, 18)).toEqual([]);
  });

  it('a snapshot and its seq read in one transaction agree', async () => {
    const db = freshDb();
    await createAppeal(db, kazakhAppeal(), ctxAt());
    const snapshot = await db.transaction('r', [db.appeals, db.changes], async () => ({
      appeals: await db.appeals.toArray(),
      seq: await latestSeq(db),
    }));
    await createAppeal(db, kazakhAppeal(), ctxAt());
    const after = await changesSince(db, snapshot.seq);
    expect(after.filter((e) => e.table === 'appeals').map((e) => e.id)).not.toContain(
      snapshot.appeals[0]!.id,
    );
    expect(after.filter((e) => e.table === 'appeals')).toHaveLength(1);
  });

  it('live queries see derived data and the log change', async () => {
    const db = freshDb();
    const a = await createApplicant(
      db,
      { consent: WRITTEN_CONSENT, fullName: 'Иванова Ольга', phones: [] },
      ctxAt(),
    );
    const appeal = await createAppeal(db, kazakhAppeal({ applicantId: a.id }), ctxAt());
    const seen: string[] = [];
    let renamed: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (renamed = resolve));
    const subscription = liveQuery(() => db.registryRows.get(appeal.id)).subscribe((row) => {
      seen.push(row?.applicantName ?? '?');
      if (row?.applicantName === 'Иванова Ольга Петровна') renamed();
    });
    await updateApplicant(db, a.id, { fullName: 'Иванова Ольга Петровна' }, ctxAt());
    await done;
    subscription.unsubscribe();
    expect(seen.at(-1)).toBe('Иванова Ольга Петровна');
  });
});

describe('bulk writes in the log', () => {
  const counters = (from: number, n: number, value = 1) =>
    Array.from({ length: n }, (_, i) => ({ id: `reception:${from + i}`, value }));

  it('are stored in rows of several records, each record keeping a seq of its own', async () => {
    const db = freshDb();
    await db.counters.put({ id: 'appeal:2026', value: 1 });
    const bulk = counters(1, LOG_ROW_IDS * 2 + 3);
    await db.counters.bulkPut(bulk);
    await db.counters.put({ id: 'appeal:2026', value: 2 });
    // One request for the first record of the bulk write, then one per row of the rest
    // (500, 500, 2): 1 + 1 + 3 + 1 rows.
    expect(await db.changes.count()).toBe(6);
    const entries = await allEntries(db);
    expect(entries.map((e) => e.id)).toEqual([
      'appeal:2026',
      ...bulk.map((c) => c.id),
      'appeal:2026',
    ]);
    // Unique and increasing, with no gap: a write after the rows goes on from the last.
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(new Set(entries.map((e) => `${e.op} ${e.table}`))).toEqual(new Set(['put counters']));
    expect(await latestSeq(db)).toBe(bulk.length + 2);
    // Listeners hear the same entries as the log gives back.
    const heard: ChangeEntry[] = [];
    const stop = onChangesCommitted(db, (batch) => heard.push(...batch));
    const more = counters(2000, 7);
    await db.counters.bulkPut(more);
    stop();
    expect(heard).toEqual(await changesSince(db, bulk.length + 2));
    expect(heard.map((e) => e.id)).toEqual(more.map((c) => c.id));
  });

  it('a page holds at most the entries asked for, and the next reads on inside the row', async () => {
    const db = freshDb();
    await db.counters.bulkPut(counters(1, 700));
    await db.counters.bulkDelete(['reception:1', 'reception:2']);
    // Rows: 1 (first record), 2–501, 502–700, 701, 702.
    const first = await changesPage(db, 0, 300);
    expect(first).toMatchObject({ more: true });
    expect(first.entries.map((e) => e.seq)).toEqual(range(1, 300));
    const second = await changesPage(db, 300, 400);
    expect(second.more).toBe(true);
    expect(second.entries.map((e) => e.seq)).toEqual(range(301, 700));
    const third = await changesPage(db, 690, 50);
    expect(third.more).toBe(false);
    expect(third.entries.map((e) => [e.seq, e.op, e.id])).toEqual([
      ...range(691, 700).map((seq) => [seq, 'put', `reception:${seq}`]),
      [701, 'delete', 'reception:1'],
      [702, 'delete', 'reception:2'],
    ]);
    expect(await changesPage(db, 702, 2)).toEqual({ entries: [], more: false });
    // Paging by 7 gives back the whole log, once, in order (allEntries pages by 7).
    expect((await allEntries(db)).map((e) => e.seq)).toEqual(range(1, 702));
  });

  it('counts the records named after any seq, read once', async () => {
    const db = freshDb();
    await db.counters.put({ id: 'appeal:2026', value: 1 });
    await db.counters.bulkPut(counters(1, 600));
    await db.counters.put({ id: 'appeal:2026', value: 2 });
    const after = await recordsAfter(db, 0);
    expect([0, 1, 2, 300, 601, 602, 999].map(after)).toEqual([602, 601, 600, 302, 1, 0, 0]);
    await db.counters.put({ id: 'appeal:2027', value: 1 });
    expect(after(0)).toBe(602); // read once: a later write is counted by the next read
    expect((await recordsAfter(db, 300))(300)).toBe(303);
  });

  it('compaction blanks what a later write names again; the other records keep their seqs', async () => {
    const db = freshDb();
    await db.counters.bulkPut(counters(1, 5)); // 1 | 2–5
    await db.counters.put({ id: 'reception:3', value: 2 }); // 6
    await db.counters.bulkPut(counters(4, 2, 3)); // 7 | 8
    await db.counters.bulkPut([...counters(7, 3), ...counters(7, 1, 4)]); // 9 | 10–12
    expect(await compactChangeLog(db)).toEqual({ removed: 4 });
    const seqs = async () => (await allEntries(db)).map((e) => [e.seq, e.id]);
    expect(await seqs()).toEqual([
      [1, 'reception:1'],
      [2, 'reception:2'],
      [6, 'reception:3'],
      [7, 'reception:4'],
      [8, 'reception:5'],
      [10, 'reception:8'],
      [11, 'reception:9'],
      [12, 'reception:7'],
    ]);
    await db.counters.bulkPut([...counters(1, 2), ...counters(8, 2)]); // 13 | 14–16
    expect(await compactChangeLog(db)).toEqual({ removed: 4 });
    expect(await seqs()).toEqual([
      [6, 'reception:3'],
      [7, 'reception:4'],
      [8, 'reception:5'],
      [12, 'reception:7'],
      [13, 'reception:1'],
      [14, 'reception:2'],
      [15, 'reception:8'],
      [16, 'reception:9'],
    ]);
    // The row 2–5 went once it named nothing; 10–12 stays for its last record.
    expect((await db.changes.toArray()).map((row) => row.seq)).toEqual([6, 7, 8, 12, 13, 16]);
    expect(await latestSeq(db)).toBe(16);
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

type Op =
  | { kind: 'put' | 'delete'; id: number }
  | { kind: 'bulkPut' | 'bulkDelete'; ids: number[] }
  | { kind: 'clear' };

/** Which records a consumer holds after applying `entries` to what it held (`start`). */
function replay(start: ReadonlySet<string>, entries: readonly ChangeEntry[]): Set<string> {
  const held = new Set(start);
  for (const e of entries) {
    if (e.op === 'clear') held.clear();
    else if (e.op === 'put') held.add(e.id);
    else held.delete(e.id);
  }
  return held;
}

describe('compaction', () => {
  it('never changes what a consumer at any seq learns from the log', async () => {
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 5, arbitrary: fc.record({ kind: fc.constant('put' as const), id: fc.nat(5) }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), id: fc.nat(5) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const) }) },
      // Bulk writes are stored as one row for several records (a record may come twice).
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constantFrom('bulkPut' as const, 'bulkDelete' as const),
          ids: fc.array(fc.nat(5), { minLength: 2, maxLength: 5 }),
        }),
      },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const db = freshDb();
        for (const [i, o] of ops.entries()) {
          if (o.kind === 'clear') await db.counters.clear();
          else if ('ids' in o) {
            const ids = o.ids.map((id) => `appeal:${2020 + id}`);
            if (o.kind === 'bulkPut')
              await db.counters.bulkPut(ids.map((id) => ({ id, value: i })));
            else await db.counters.bulkDelete(ids);
          } else if (o.kind === 'delete') await db.counters.delete(`appeal:${2020 + o.id}`);
          else await db.counters.put({ id: `appeal:${2020 + o.id}`, value: i + 1 });
        }
        const full = await allEntries(db);
        const latest = await latestSeq(db);
        const present = new Set((await db.counters.toArray()).map((c) => c.id));
        const { removed } = await compactChangeLog(db);
        const compacted = await allEntries(db);
        expect(compacted.length).toBe(full.length - removed);
        expect(await latestSeq(db)).toBe(latest);
        for (let seq = 0; seq <= latest; seq++) {
          // What a consumer at `seq` held: the full log replayed up to it.
          const held = replay(
            new Set(),
            full.filter((e) => e.seq <= seq),
          );
          expect(
            replay(
              held,
              compacted.filter((e) => e.seq > seq),
            ),
          ).toEqual(present);
        }
        // At most one entry per record, plus the last clear.
        const keys = compacted.map((e) => `${e.table}|${e.id}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the latest entry of every record and drops what a later clear covers', async () => {
    const db = freshDb();
    await db.counters.put({ id: 'appeal:2025', value: 1 });
    await db.counters.put({ id: 'appeal:2026', value: 1 });
    await db.counters.put({ id: 'appeal:2026', value: 2 });
    await db.counters.clear();
    await db.counters.put({ id: 'appeal:2026', value: 1 });
    await createAppeal(db, kazakhAppeal(), ctxAt());
    expect(await compactChangeLog(db)).toEqual({ removed: 4 });
    expect((await allEntries(db)).map((e) => [e.seq, e.table, e.id, e.op])).toEqual([
      [4, 'counters', '', 'clear'],
      [6, 'counters', 'appeal:2026', 'put'],
      [7, 'appeals', expect.any(String), 'put'],
      [8, 'events', expect.any(String), 'put'],
    ]);
  });
});
