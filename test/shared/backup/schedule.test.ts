import { describe, expect, it } from 'vitest';
import {
  backupAge,
  backupFileName,
  dailyBackupDue,
  deviceTag,
  isOwnPartial,
  isPartialName,
  partialName,
  tagOfBackupName,
} from '@shared/backup';
import { backupFileNameSchema } from '@shared/ipc';

describe('when backups are due', () => {
  it('is due at the first start of a Kazakhstan day', () => {
    const now = new Date('2026-11-20T03:00:00Z'); // 08:00 in Astana
    expect(dailyBackupDue(null, now)).toBe(true);
    expect(dailyBackupDue('2026-11-19T18:59:00Z', now)).toBe(true); // 23:59 the day before
    expect(dailyBackupDue('2026-11-19T19:00:00Z', now)).toBe(false); // 00:00 the same day
  });

  it('warns after three days without a good backup', () => {
    const now = new Date('2026-11-20T03:00:00Z');
    expect(backupAge(null, now)).toBe('never');
    expect(backupAge('2026-11-17T03:00:00Z', now)).toBe('ok');
    expect(backupAge('2026-11-17T02:59:00Z', now)).toBe('old');
  });
});

describe('file names', () => {
  it('sort by Kazakhstan time and pass the IPC name check', () => {
    const name = backupFileName(
      new Date('2026-11-20T04:30:15Z'),
      '019aa0d6-7c3b-7000-8000-00000000a1b2',
      'daily',
    );
    expect(name).toBe('tizilim-2026-11-20-093015-0000a1b2-daily.tizilim-backup');
    expect(tagOfBackupName(name)).toBe('0000a1b2');
    expect(tagOfBackupName('Tizilim 2025.tizilim-backup')).toBeNull();
    expect(backupFileNameSchema.safeParse(name).success).toBe(true);
    expect(backupFileName(new Date('2026-11-20T04:30:15Z'), '', '../x')).toBe(
      'tizilim-2026-11-20-093015-dev0-x.tizilim-backup',
    );
    expect(deviceTag('Ab')).toBe('00ab');
  });

  it('recognise partial files, and whose they are', () => {
    const name = partialName('a1b2', 'f00d');
    expect(isPartialName(name)).toBe(true);
    expect(isOwnPartial(name, 'a1b2')).toBe(true);
    expect(isOwnPartial(name, 'c3d4')).toBe(false);
    expect(isPartialName('tizilim-2026-11-20-093015-a1b2-daily.tizilim-backup')).toBe(false);
    expect(name.endsWith('.tizilim-backup')).toBe(false);
  });
});
