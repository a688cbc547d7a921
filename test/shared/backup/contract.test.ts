import { describe, expect, it } from 'vitest';
import { EXPORT_TABLE_NAMES } from '@shared/export';
import { BACKUP_ERROR_CODES, BACKUP_REASONS, journalChangeSchema } from '@shared/backup';
import {
  BACKUP_IPC_CONTRACT,
  BACKUP_REASON_VALUES,
  BACKUP_TABLE_NAMES,
  IPC_ERROR_CODES,
  journalChangeInputSchema,
} from '@shared/ipc';

/** The IPC contract keeps its own light copies (the preload bundles it): they must agree. */
describe('the backup block of the IPC contract', () => {
  it('names the export tables, and only reasons the format knows', () => {
    expect(BACKUP_TABLE_NAMES).toEqual(EXPORT_TABLE_NAMES);
    for (const reason of BACKUP_REASON_VALUES) expect(BACKUP_REASONS).toContain(reason);
  });

  it('takes journal changes the journal format takes', () => {
    const change = {
      seq: 3,
      table: 'attachments',
      id: '019aa0d6-1c00-7000-8000-000000000001',
      op: 'create',
      at: '2026-11-20T05:00:00.000Z',
      device: 'd',
      record: { id: '019aa0d6-1c00-7000-8000-000000000001', fileName: 'Хат.pdf' },
      file: Uint8Array.of(1, 2),
    };
    expect(journalChangeInputSchema.safeParse(change).success).toBe(true);
    expect(journalChangeSchema.safeParse(change).success).toBe(true);
  });

  it('has every channel under backup: and error codes for every refusal', () => {
    for (const { channel } of Object.values(BACKUP_IPC_CONTRACT))
      expect(channel).toMatch(/^backup:/);
    expect(IPC_ERROR_CODES).toEqual(
      expect.arrayContaining(['WRONG_PASSWORD', 'BACKUP_DAMAGED', 'NO_BACKUP_PASSWORD']),
    );
    expect(BACKUP_ERROR_CODES.length).toBeGreaterThan(5);
  });
});
