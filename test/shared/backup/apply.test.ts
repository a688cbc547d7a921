import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_TABLE_NAMES, type ExportTableName } from '@shared/export';
import {
  applyJournal,
  applyJournalToItems,
  checkJournalContinues,
  collectItems,
  journalChanges,
  type BackupRecord,
  type JournalChange,
} from '@shared/backup';
import { itemsOf } from './helpers';

const TABLES: ExportTableName[] = ['appeals', 'applicants', 'attachments'];
const ids = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];

function emptyTables(): Record<ExportTableName, BackupRecord[]> {
  return Object.fromEntries(EXPORT_TABLE_NAMES.map((t) => [t, []])) as unknown as Record<
    ExportTableName,
    BackupRecord[]
  >;
}

const backupArb = fc
  .record({
    appeals: fc.subarray(ids),
    applicants: fc.subarray(ids),
    attachments: fc.subarray(ids),
  })
  .map((picked) => {
    const tables = emptyTables();
    const files = new Map<string, Uint8Array>();
    for (const table of TABLES) {
      tables[table] = picked[table as keyof typeof picked].map((id) => ({ id, v: 0, t: table }));
    }
    for (const id of picked.attachments) files.set(id, Uint8Array.of(0, id.charCodeAt(1)));
    return { tables, files };
  });

/** Changes in seq order; attachments created with bytes, sometimes updated without them. */
const changesArb = fc
  .array(
    fc.record({
      table: fc.constantFrom(...TABLES),
      id: fc.constantFrom(...ids),
      gone: fc.boolean(),
      withFile: fc.boolean(),
    }),
    { maxLength: 25 },
  )
  .map((raw) =>
    raw.map((c, i): JournalChange => {
      const record = c.gone ? null : { id: c.id, v: i + 1, t: c.table };
      const change: JournalChange = {
        seq: 100 + i,
        table: c.table,
        id: c.id,
        op: c.gone ? 'delete' : 'update',
        at: '2026-11-20T05:00:00.000Z',
        device: 'dev-01',
        record,
      };
      if (c.table === 'attachments' && record !== null && c.withFile)
        change.file = Uint8Array.of(i + 1);
      return change;
    }),
  );

/** The meaning: replay every change on a map of id → record. */
function model(
  backup: { tables: Record<ExportTableName, BackupRecord[]>; files: Map<string, Uint8Array> },
  changes: JournalChange[],
) {
  const tables = new Map(
    TABLES.map((t) => [t, new Map(backup.tables[t].map((r) => [r.id as string, r]))]),
  );
  const files = new Map(backup.files);
  for (const c of changes) {
    if (c.record === null) {
      tables.get(c.table)!.delete(c.id);
      if (c.table === 'attachments') files.delete(c.id);
    } else {
      tables.get(c.table)!.set(c.id, c.record);
      if (c.file) files.set(c.id, c.file);
    }
  }
  return { tables, files };
}

/** Whether every attachment alive at the end has bytes (the writer guarantees it in practice). */
function consistent(backup: { files: Map<string, Uint8Array> }, changes: JournalChange[]): boolean {
  const alive = new Map<string, boolean>();
  const hasBytes = new Set(backup.files.keys());
  for (const c of changes.filter((x) => x.table === 'attachments')) {
    alive.set(c.id, c.record !== null);
    if (c.record === null) hasBytes.delete(c.id);
    else if (c.file) hasBytes.add(c.id);
  }
  return [...alive].every(([id, live]) => !live || hasBytes.has(id));
}

async function* asAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

describe('applying a journal to a backup', () => {
  it('gives every record its last saved state, in memory and streaming alike', async () => {
    await fc.assert(
      fc.asyncProperty(backupArb, changesArb, async (backup, changes) => {
        fc.pre(consistent(backup, changes));
        const applied = applyJournal(backup, changes);
        const expected = model(backup, changes);
        for (const table of TABLES) {
          const got = new Map(applied.tables[table].map((r) => [r.id as string, r]));
          expect(got).toEqual(expected.tables.get(table));
          expect(applied.tables[table]).toHaveLength(got.size);
        }
        expect(applied.files).toEqual(expected.files);
        expect(applied.plan.applied).toBe(changes.length);

        const streamed = await collectItems(
          applyJournalToItems(asAsync(itemsOf(backup, 2, 1)), changes),
        );
        for (const table of EXPORT_TABLE_NAMES)
          expect(streamed.tables[table]).toEqual(applied.tables[table]);
        expect(streamed.files).toEqual(applied.files);
      }),
      { numRuns: 300 },
    );
  });

  it('does not change its inputs and is idempotent', () => {
    fc.assert(
      fc.property(backupArb, changesArb, (backup, changes) => {
        fc.pre(consistent(backup, changes));
        const before = structuredClone(backup);
        const once = applyJournal(backup, changes);
        expect(backup).toEqual(before);
        const twice = applyJournal(once, changes);
        expect(twice.tables).toEqual(once.tables);
        expect(twice.files).toEqual(once.files);
      }),
    );
  });

  it('refuses a new attachment whose file is in neither the backup nor the journal', async () => {
    const backup = { tables: emptyTables(), files: new Map<string, Uint8Array>() };
    const change: JournalChange = {
      seq: 1,
      table: 'attachments',
      id: 'x1',
      op: 'create',
      at: '2026-11-20T05:00:00.000Z',
      device: 'd',
      record: { id: 'x1' },
    };
    expect(() => applyJournal(backup, [change])).toThrow(/has no file/);
    await expect(collectItems(applyJournalToItems(asAsync([]), [change]))).rejects.toMatchObject({
      code: 'journal_mismatch',
    });
  });

  it('merges journals by change number and keeps only what follows the backup', () => {
    const c = (seq: number): JournalChange => ({
      seq,
      table: 'appeals',
      id: `a${seq}`,
      op: 'create',
      at: '2026-11-20T05:00:00.000Z',
      device: 'd',
      record: { id: `a${seq}` },
    });
    const older = { entries: [{ index: 0, changes: [c(3), c(4), c(5)] }] };
    const newer = {
      entries: [
        { index: 0, changes: [c(5), c(6)] },
        { index: 1, changes: [c(7)] },
      ],
    };
    expect(journalChanges([newer, older], 3).map((x) => x.seq)).toEqual([4, 5, 6, 7]);
  });

  it('accepts a journal only for its own change log, with nothing missing in between', () => {
    const backup = { logId: 'log-1', changeSeq: 40 };
    expect(() => checkJournalContinues(backup, { logId: 'log-1', afterSeq: 40 })).not.toThrow();
    expect(() => checkJournalContinues(backup, { logId: 'log-1', afterSeq: 12 })).not.toThrow();
    expect(() => checkJournalContinues(backup, { logId: 'log-1', afterSeq: 41 })).toThrow(
      /missing/,
    );
    expect(() => checkJournalContinues(backup, { logId: 'log-2', afterSeq: 40 })).toThrow(
      /another/,
    );
    expect(() =>
      checkJournalContinues({ logId: null, changeSeq: null }, { logId: 'log-1', afterSeq: 0 }),
    ).toThrow(/no change log/);
  });
});
