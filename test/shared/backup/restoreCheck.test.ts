import { describe, expect, it } from 'vitest';
import { BackupContentCheck } from '@shared/backup';
import { MAX_ATTACHMENT_BYTES } from '@shared/domain';
import {
  bytesToBase64,
  EXPORT_TABLE_NAMES,
  parseExportFile,
  type ExportFile,
} from '@shared/export';
import { generateOffice } from '@test/fixtures/generateOffice';

/** A restore checks a backup page by page exactly as an import checks the same export. */

const NOW = new Date('2026-11-20T06:00:00Z');

function withScan(office: ExportFile, size = 700): ExportFile {
  const appeal = office.tables.appeals[0]!;
  const bytes = new Uint8Array(size).map((_, i) => (i * 31) & 0xff);
  return {
    ...office,
    tables: {
      ...office.tables,
      attachments: [
        {
          id: '019aa0d6-1c00-7000-8000-00000000a001',
          createdAt: appeal.createdAt,
          updatedAt: appeal.createdAt,
          createdBy: appeal.createdBy,
          updatedBy: appeal.createdBy,
          version: 1,
          deletedAt: null,
          appealId: appeal.id,
          inquiryId: null,
          fileName: 'Өтініш скан.pdf',
          mimeType: 'application/pdf',
          size,
          file: { encoding: 'base64', data: bytesToBase64(bytes) },
        },
      ],
    },
  };
}

/** Feeds `office` as a backup reader yields it: pages of `page` records, files without base64. */
function checkPaged(office: ExportFile, page: number, fileBytes?: (id: string) => number) {
  const check = new BackupContentCheck();
  for (const table of EXPORT_TABLE_NAMES) {
    const records = (office.tables[table] as Record<string, unknown>[]).map((r) => {
      if (table !== 'attachments') return r;
      const { file: _file, ...rest } = r;
      return rest;
    });
    for (let at = 0; at < records.length; at += page)
      check.add(table, records.slice(at, at + page));
  }
  for (const a of office.tables.attachments) {
    check.addFile(a.id, fileBytes ? fileBytes(a.id) : a.size);
  }
  const steps = check.finish(NOW);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

describe('a backup checked page by page', () => {
  it('gives the same records as the import of the same export, derived data included', () => {
    const office = withScan(generateOffice({ appeals: 25, seed: 4 }));
    const imported = parseExportFile(office, { now: NOW });
    expect(imported.ok).toBe(true);
    const checked = checkPaged(office, 7);
    expect(checked.ok).toBe(true);
    if (!imported.ok || !checked.ok) return;
    for (const table of EXPORT_TABLE_NAMES) {
      if (table === 'attachments') continue;
      expect(checked.tables[table], table).toEqual(imported.file.tables[table]);
    }
    const { file: _file, ...scan } = imported.file.tables.attachments[0]!;
    expect(checked.tables.attachments).toEqual([scan]);
  });

  it('names the same bad record, duplicate id and registration number as the import', () => {
    const office = generateOffice({ appeals: 25, seed: 4 });
    const appeals = office.tables.appeals as unknown as Record<string, unknown>[];
    appeals[3] = { ...appeals[3], subject: 'Жарық \u202Eжоқ' };
    // A later appeal of the same year given an earlier one's number.
    const year = (i: number) => String(appeals[i]!['regNo']).slice(0, 4);
    const twin = appeals.findIndex((_, i) => i > 5 && year(i) === year(5));
    appeals[twin] = { ...appeals[twin], regNo: appeals[5]!['regNo'] };
    const events = office.tables.events as unknown as Record<string, unknown>[];
    events.push({ ...events[0] });
    const imported = parseExportFile(office, { now: NOW });
    const checked = checkPaged(office, 6);
    expect(imported.ok).toBe(false);
    expect(checked.ok).toBe(false);
    if (imported.ok || checked.ok) return;
    expect(checked.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'invalid_record', table: 'appeals', index: 3 }),
        expect.objectContaining({ code: 'duplicate_reg_no', index: twin }),
        expect.objectContaining({
          code: 'duplicate_id',
          table: 'events',
          index: events.length - 1,
        }),
      ]),
    );
    expect(new Set(checked.problems)).toEqual(new Set(imported.problems));
  });

  it('refuses an attachment whose bytes are not the size its record states, or too large', () => {
    const office = withScan(generateOffice({ appeals: 5, seed: 2 }));
    const short = checkPaged(office, 10, () => 699);
    expect(short).toEqual({
      ok: false,
      problems: [
        {
          code: 'invalid_record',
          table: 'attachments',
          index: 0,
          path: 'size',
          message: 'attachment_size_mismatch',
        },
      ],
    });
    const huge = withScan(office, 1);
    (huge.tables.attachments[0] as { size: number }).size = MAX_ATTACHMENT_BYTES + 1;
    const refused = checkPaged(huge, 10, () => MAX_ATTACHMENT_BYTES + 1);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems[0]).toMatchObject({ table: 'attachments', path: 'size' });
    expect(refused.problems[0]).not.toMatchObject({ message: 'attachment_size_mismatch' });
  });

  it('refuses references that do not resolve, across pages and tables', () => {
    const office = generateOffice({ appeals: 10, seed: 8 });
    const events = office.tables.events as unknown as Record<string, unknown>[];
    events[events.length - 1] = {
      ...events.at(-1),
      appealId: '019aa0d6-0000-7000-8000-00000000dead',
    };
    const checked = checkPaged(office, 4);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toContainEqual(
      expect.objectContaining({
        code: 'dangling_reference',
        table: 'events',
        index: events.length - 1,
        path: 'appealId',
      }),
    );
  });
});
