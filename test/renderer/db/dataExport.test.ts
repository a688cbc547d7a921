import { describe, expect, it } from 'vitest';
import { changesSince, latestSeq } from '@renderer/db/changeLog';
import type { TizilimDb } from '@renderer/db/database';
import {
  createAppeal,
  DataTransferError,
  exportDatabase,
  exportFileName,
  importExportFile,
  removeDemoData,
  saveSettings,
  serializeExport,
} from '@renderer/db/repositories';
import { DEMO_MARKER_ID } from '@renderer/db/queries/office';
import { hasOfficeData, isDemoDatabase } from '@renderer/db/queries/office';
import { EXPORT_TABLE_NAMES, type ExportFile } from '@shared/export';
import { exportedPdf, generateOffice } from '@test/fixtures/generateOffice';
import { CORPUS_NOW, malformedExports, validSmallOffice } from '@test/fixtures/malformedExports';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, kazakhAppeal } from './helpers';

const office: ExportFile = generateOffice({ appeals: 60, seed: 5, from: '2026-04-01' });
const NOW = new Date('2026-11-22T06:00:00Z');
const ctx = ctxAt(NOW);

deleteFreshDbsAfterEach();

/** Every table's rows, sorted by key, for comparing two databases. */
async function dump(d: TizilimDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of d.tables) out[table.name] = await table.toArray();
  return out;
}

/** Tables with rows in key order: the database returns them so, the generator need not. */
function byId(tables: ExportFile['tables']) {
  return Object.fromEntries(
    Object.entries(tables).map(([name, rows]) => [
      name,
      [...(rows as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id)),
    ]),
  );
}

function withAttachment(file: ExportFile): ExportFile {
  const appeal = file.tables.appeals[0]!;
  return {
    ...file,
    tables: {
      ...file.tables,
      attachments: [exportedPdf(appeal.id, 'шағым.pdf', '%PDF-1.4 ')],
    },
  };
}

describe('export and import of the whole database', () => {
  it('round-trips: export → import into an empty database → export again is equal', async () => {
    const source = withAttachment({ ...office, demo: false });
    const first = freshDb();
    const progress: string[] = [];
    const summary = await importExportFile(first, JSON.stringify(source), ctx, {
      mode: 'empty',
      fileAs: 'bytes',
      onProgress: ({ phase }) => progress.push(phase),
    });
    expect(summary).toMatchObject({ appeals: 60, demo: false, backedUp: false });
    expect(progress[0]).toBe('validate');
    expect(progress.at(-1)).toBe('write');

    const exported = await exportDatabase(first, { appVersion: '0.1.0', now: () => NOW });
    expect(exported.exportedAt).toBe(NOW.toISOString());
    expect(byId(exported.tables)).toEqual(byId(source.tables));

    const second = freshDb();
    await importExportFile(second, serializeExport(exported), ctx, {
      mode: 'empty',
      fileAs: 'bytes',
    });
    const again = await exportDatabase(second, { appVersion: '0.1.0', now: () => NOW });
    expect(again).toEqual(exported);
    // Derived registry rows are rebuilt, one per live appeal, with the applicant's name.
    const rows = await second.registryRows.toArray();
    expect(rows).toHaveLength(60);
    const withName = source.tables.appeals.find((a) => a.applicantId !== null)!;
    const name = source.tables.applicants.find((a) => a.id === withName.applicantId)!.fullName;
    expect(rows.find((r) => r.id === withName.id)?.applicantName).toBe(name);
  });

  it('reads a consistent snapshot of every exported table', async () => {
    const d = freshDb();
    await saveSettings(
      d,
      { users: [{ id: 'aigerim', fullName: 'Айгерім', role: 'assistant' }] },
      ctx,
    );
    await createAppeal(d, kazakhAppeal(), ctx);
    const file = await exportDatabase(d, { now: () => NOW });
    expect(Object.keys(file.tables).sort()).toEqual([...EXPORT_TABLE_NAMES].sort());
    expect(file.tables.appeals).toHaveLength(1);
    expect(file.tables.events).toHaveLength(1);
    expect(file.tables.counters).toEqual([{ id: 'appeal:2026', value: 1 }]);
    expect(file.demo).toBe(false);
    expect(exportFileName(NOW)).toBe('tizilim-export-2026-11-22.json');
    expect(exportFileName(new Date('2026-11-22T20:00:00Z'), true)).toBe(
      'tizilim-demo-2026-11-23.json',
    );
  });

  it('leaves the database unchanged when the file is invalid, and names the bad record', async () => {
    const d = freshDb();
    await importExportFile(d, office, ctx, { mode: 'empty', fileAs: 'bytes' });
    const before = await dump(d);
    const bad = JSON.parse(JSON.stringify(office)) as ExportFile;
    (bad.tables.inquiries[2] as { status: string }).status = 'lost';
    const error = await importExportFile(d, bad, ctx, {
      mode: 'replace',
      backup: async () => undefined,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataTransferError);
    expect((error as DataTransferError).code).toBe('invalid_file');
    expect((error as DataTransferError).problems[0]).toMatchObject({
      code: 'invalid_record',
      table: 'inquiries',
      index: 2,
      path: 'status',
    });
    expect(await dump(d)).toEqual(before);
  });

  it('refuses every class of the malformed-file corpus and leaves the database as it was', async () => {
    const d = freshDb();
    const corpusCtx = ctxAt(CORPUS_NOW);
    await importExportFile(d, validSmallOffice(), corpusCtx, { mode: 'empty', fileAs: 'bytes' });
    const before = await dump(d);
    // One variant of each class (the whole corpus runs against the pure parse in
    // test/shared/export/malformed.test.ts); backups are requested only after validation.
    const firstOfEach = [...new Map(malformedExports().map((v) => [v.kind, v])).values()];
    let backups = 0;
    for (const variant of firstOfEach) {
      const error = await importExportFile(d, variant.input, corpusCtx, {
        mode: 'replace',
        fileAs: 'bytes',
        backup: async () => {
          backups += 1;
        },
      }).catch((e: unknown) => e);
      expect(error, variant.name).toBeInstanceOf(DataTransferError);
      expect((error as DataTransferError).code).toBe('invalid_file');
      expect((error as DataTransferError).problems[0]).toMatchObject(variant.expected);
    }
    expect(backups).toBe(0);
    expect(await dump(d)).toEqual(before);
    // The counters in the database are the ones recomputed from the valid office.
    expect(await d.counters.get('appeal:2026')).toEqual({ id: 'appeal:2026', value: 40 });
  });

  it('rolls back everything when IndexedDB refuses a write halfway', async () => {
    const d = freshDb();
    await createAppeal(d, kazakhAppeal(), ctx);
    const before = await dump(d);
    // Appeals, events and applicants are written by then; plan items are near the end.
    const proto = Object.getPrototypeOf(d.planItems) as {
      bulkAdd: (...args: unknown[]) => unknown;
    };
    const original = proto.bulkAdd;
    proto.bulkAdd = function (this: { name: string }, ...args: unknown[]) {
      if (this.name === 'planItems') return Promise.reject(new Error('QuotaExceededError'));
      return original.apply(this, args);
    };
    const error = await importExportFile(d, office, ctx, {
      mode: 'replace',
      fileAs: 'bytes',
      backup: async () => undefined,
    })
      .catch((e: unknown) => e)
      .finally(() => {
        proto.bulkAdd = original;
      });
    expect(error).toBeInstanceOf(DataTransferError);
    expect((error as DataTransferError).code).toBe('write_failed');
    expect(await dump(d)).toEqual(before);
  });

  it('into an empty database only: refuses when the office has data', async () => {
    const d = freshDb();
    await createAppeal(d, kazakhAppeal(), ctx);
    expect(await hasOfficeData(d)).toBe(true);
    await expect(importExportFile(d, office, ctx, { mode: 'empty' })).rejects.toMatchObject({
      code: 'not_empty',
    });
    expect(await d.appeals.count()).toBe(1);
  });

  it('replacing data writes a backup of it first, and stops if the backup fails', async () => {
    const d = freshDb();
    await createAppeal(d, kazakhAppeal(), ctx);
    await expect(importExportFile(d, office, ctx, { mode: 'replace' })).rejects.toMatchObject({
      code: 'backup_required',
    });
    await expect(
      importExportFile(d, office, ctx, {
        mode: 'replace',
        backup: () => Promise.reject(new Error('disk full')),
      }),
    ).rejects.toThrow('disk full');
    expect(await d.appeals.count()).toBe(1);

    const backups: ExportFile[] = [];
    const summary = await importExportFile(d, office, ctx, {
      mode: 'replace',
      fileAs: 'bytes',
      backup: async (file) => {
        backups.push(file);
      },
    });
    expect(summary.backedUp).toBe(true);
    expect(backups).toHaveLength(1);
    expect(backups[0]!.tables.appeals.map((a) => a.subject)).toEqual(['Ыстық су жоқ']);
    expect(await d.appeals.count()).toBe(60);
    // Nothing of the replaced office is left, not even its drafts or registry rows.
    expect(await d.appeals.where('regNo').equals('2026-0001').first()).not.toMatchObject({
      subject: 'Ыстық су жоқ',
    });
    expect(await d.registryRows.count()).toBe(60);
  });

  it('marks demo data, keeps the mark out of the counters, and removes it all', async () => {
    const d = freshDb();
    await importExportFile(d, office, ctx, { mode: 'empty', fileAs: 'bytes' });
    expect(await isDemoDatabase(d)).toBe(true);
    const exported = await exportDatabase(d);
    expect(exported.demo).toBe(true);
    expect(exported.tables.counters.some((c) => c.id === DEMO_MARKER_ID)).toBe(false);

    const before = await latestSeq(d);
    await removeDemoData(d);
    // Everything but what is not office data: this laptop's identity and the change log,
    // which records that every office table was emptied.
    for (const table of d.tables) {
      if (table.name === 'device' || table.name === 'changes') continue;
      expect(await table.count(), table.name).toBe(0);
    }
    expect(await d.device.count()).toBe(1);
    const cleared = await changesSince(d, before);
    expect(cleared.map((c) => [c.op, c.id])).toEqual(EXPORT_TABLE_NAMES.map(() => ['clear', '']));
    expect(cleared.map((c) => c.table).sort()).toEqual([...EXPORT_TABLE_NAMES].sort());
    expect(await isDemoDatabase(d)).toBe(false);
  });

  it('never removes an office that is not demo data', async () => {
    const d = freshDb();
    await importExportFile(d, { ...office, demo: false }, ctx, { mode: 'empty', fileAs: 'bytes' });
    await expect(removeDemoData(d)).rejects.toMatchObject({ code: 'not_demo' });
    expect(await d.appeals.count()).toBe(60);
  });

  it('stores attachment files as Blobs in the app', async () => {
    const d = freshDb();
    const file = withAttachment(office);
    await importExportFile(d, file, ctx, { mode: 'empty' });
    const stored = await d.attachments.toArray();
    expect(stored).toHaveLength(1);
  });
});
