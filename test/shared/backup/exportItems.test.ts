import { describe, expect, it } from 'vitest';
import {
  collectItems,
  exportJsonItems,
  exportJsonLines,
  scanExportJson,
  type WriterItem,
} from '@shared/backup';
import { generateOffice } from '@test/fixtures/generateOffice';

const bytes = (value: unknown, pretty = false) => [
  new TextEncoder().encode(JSON.stringify(value, null, pretty ? 1 : undefined)),
];

const office = generateOffice({ appeals: 30, seed: 5 });
const withFile = {
  ...office,
  tables: {
    ...office.tables,
    attachments: [
      {
        id: '019aa0d6-1c00-7000-8000-000000000001',
        createdAt: '2026-11-20T05:00:00.000Z',
        updatedAt: '2026-11-20T05:00:00.000Z',
        createdBy: 'u',
        updatedBy: 'u',
        version: 1,
        deletedAt: null,
        appealId: office.tables.appeals[0]!.id,
        inquiryId: null,
        fileName: 'Хат.pdf',
        mimeType: 'application/pdf',
        size: 5,
        file: { encoding: 'base64', data: Buffer.from('%PDF-').toString('base64') },
      },
    ],
  },
};

describe('an export as backup items', () => {
  it('counts records and file bytes, and checks every record when asked', async () => {
    const scan = await scanExportJson(bytes(withFile), { validate: true });
    expect(scan).toMatchObject({
      ok: true,
      envelope: { exportedAt: office.exportedAt, demo: office.demo },
      counts: { appeals: 30, attachments: 1 },
      files: { count: 1, bytes: 5 },
    });
  });

  it('names bad records, repeated ids and registry numbers, with or without the full check', async () => {
    const [first, second] = office.tables.appeals;
    const bad = {
      ...office,
      tables: {
        appeals: [
          first,
          { ...second, id: first!.id },
          { ...second, receivedAt: 'вчера' },
          { regNo: 'x' },
          null,
        ],
      },
    };
    const checked = await scanExportJson(bytes(bad), { validate: true });
    expect(checked.ok).toBe(false);
    expect(checked.problems.map((p) => p.code)).toEqual([
      'duplicate_id',
      'invalid_record',
      'invalid_record',
      'invalid_record',
    ]);
    const quick = await scanExportJson(bytes(bad), { validate: false });
    expect(quick.problems).toEqual([
      { code: 'duplicate_id', table: 'appeals', index: 1, id: first!.id },
      { code: 'duplicate_reg_no', index: 2, regNo: second!.regNo },
      { code: 'invalid_record', table: 'appeals', index: 3, path: 'id', message: 'invalid_id' },
      { code: 'invalid_record', table: 'appeals', index: 4, path: 'id', message: 'invalid_id' },
    ]);
  });

  it('refuses another program’s file, a newer export and a bad envelope', async () => {
    expect((await scanExportJson(bytes({ format: 'x', tables: {} }))).problems).toEqual([
      { code: 'wrong_format' },
    ]);
    expect((await scanExportJson(bytes({ ...office, version: 9 }))).problems).toEqual([
      { code: 'newer_version', version: 9 },
    ]);
    const header = await scanExportJson(bytes({ ...office, exportedAt: 'сегодня', tables: {} }));
    expect(header.problems[0]).toMatchObject({ code: 'invalid_header', path: 'exportedAt' });
    expect(header.envelope).toBeNull();
  });

  it('hands out pages and the files, or the records as their own lines', async () => {
    const items = await collectItems(exportJsonItems(bytes(withFile)));
    expect(items.tables.appeals).toEqual(office.tables.appeals);
    expect(items.tables.attachments[0]).not.toHaveProperty('file');
    expect(new TextDecoder().decode(items.files.get('019aa0d6-1c00-7000-8000-000000000001'))).toBe(
      '%PDF-',
    );

    for (const pretty of [false, true]) {
      const lines: WriterItem[] = [];
      for await (const item of exportJsonLines(bytes(withFile, pretty))) lines.push(item);
      const appeals = lines.filter((i) => i.kind === 'lines' && i.table === 'appeals');
      const parsed = appeals.flatMap((i) =>
        i.kind === 'lines' ? i.lines.map((l) => JSON.parse(new TextDecoder().decode(l))) : [],
      );
      expect(parsed).toEqual(office.tables.appeals);
      for (const item of appeals)
        if (item.kind === 'lines')
          for (const line of item.lines) expect(line.includes(0x0a)).toBe(false);
      expect(lines.some((i) => i.kind === 'records' && i.table === 'attachments')).toBe(true);
    }
  });
});
