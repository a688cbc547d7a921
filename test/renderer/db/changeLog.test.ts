import { liveQuery } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changesSince,
  compactChangeLog,
  latestSeq,
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

type Op = { kind: 'put' | 'delete'; id: number } | { kind: 'clear' };

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
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const db = freshDb();
        for (const [i, o] of ops.entries()) {
          if (o.kind === 'clear') await db.counters.clear();
          else if (o.kind === 'delete') await db.counters.delete(`appeal:${2020 + o.id}`);
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
      { numRuns: 40 },
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
