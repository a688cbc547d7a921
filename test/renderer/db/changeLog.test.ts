import { liveQuery } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changesPage,
  changesSince,
  compactChangeLog,
  latestSeq,
  LOG_ROW_IDS,
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

  it('are stored as rows of several records, read back one entry per record', async () => {
    const db = freshDb();
    await db.counters.put({ id: 'appeal:2026', value: 1 });
    const bulk = counters(1, LOG_ROW_IDS * 2 + 3);
    await db.counters.bulkPut(bulk);
    await db.counters.put({ id: 'appeal:2026', value: 2 });
    // One request per row: 1, then the bulk write's three rows, then 1.
    expect(await db.changes.count()).toBe(5);
    const entries = await allEntries(db);
    expect(entries.map((e) => e.id)).toEqual([
      'appeal:2026',
      ...bulk.map((c) => c.id),
      'appeal:2026',
    ]);
    expect(entries.map((e) => e.seq)).toEqual([
      1,
      ...bulk.map((_, i) => 2 + Math.floor(i / LOG_ROW_IDS)),
      5,
    ]);
    expect(new Set(entries.map((e) => `${e.op} ${e.table}`))).toEqual(new Set(['put counters']));
    expect(await latestSeq(db)).toBe(5);
  });

  it('a page holds whole rows, so a consumer paging by seq misses nothing', async () => {
    const db = freshDb();
    await db.counters.bulkPut(counters(1, 700));
    await db.counters.bulkDelete(['reception:1', 'reception:2']);
    const first = await changesPage(db, 0, 1);
    expect(first.more).toBe(true);
    expect(first.entries).toHaveLength(LOG_ROW_IDS);
    const second = await changesPage(db, first.entries.at(-1)!.seq, 2);
    expect(second.more).toBe(true);
    expect(second.entries.map((e) => [e.op, e.id])).toEqual([
      ...counters(LOG_ROW_IDS + 1, 200).map((c) => ['put', c.id]),
      ['delete', 'reception:1'],
      ['delete', 'reception:2'],
    ]);
    expect(await changesPage(db, second.entries.at(-1)!.seq, 2)).toEqual({
      entries: [],
      more: false,
    });
  });

  it('counts the records named after any seq, read once', async () => {
    const db = freshDb();
    await db.counters.put({ id: 'appeal:2026', value: 1 });
    await db.counters.bulkPut(counters(1, 600));
    await db.counters.put({ id: 'appeal:2026', value: 2 });
    const after = await recordsAfter(db, 0);
    expect([0, 1, 2, 3, 4, 99].map(after)).toEqual([602, 601, 101, 1, 0, 0]);
    await db.counters.put({ id: 'appeal:2027', value: 1 });
    expect(after(0)).toBe(602); // read once: a later write is counted by the next read
    expect((await recordsAfter(db, 2))(2)).toBe(102);
  });

  it('compaction keeps a row for the records no later write named', async () => {
    const db = freshDb();
    await db.counters.bulkPut(counters(1, 4));
    await db.counters.put({ id: 'reception:2', value: 2 });
    await db.counters.bulkPut(counters(3, 2, 3));
    await db.counters.bulkPut(counters(7, 3).concat(counters(7, 1, 4)));
    expect(await compactChangeLog(db)).toEqual({ removed: 4 });
    expect((await allEntries(db)).map((e) => [e.seq, e.id])).toEqual([
      [1, 'reception:1'],
      [2, 'reception:2'],
      [3, 'reception:3'],
      [3, 'reception:4'],
      [4, 'reception:7'],
      [4, 'reception:8'],
      [4, 'reception:9'],
    ]);
    expect(await db.changes.count()).toBe(4);
    await db.counters.bulkPut(counters(1, 1));
    await db.counters.bulkPut(counters(7, 3));
    expect(await compactChangeLog(db)).toEqual({ removed: 4 });
    expect((await allEntries(db)).map((e) => [e.seq, e.id])).toEqual([
      [2, 'reception:2'],
      [3, 'reception:3'],
      [3, 'reception:4'],
      [5, 'reception:1'],
      [6, 'reception:7'],
      [6, 'reception:8'],
      [6, 'reception:9'],
    ]);
  });
});

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
