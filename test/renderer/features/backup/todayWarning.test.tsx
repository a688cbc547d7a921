import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@renderer/db/database';
import { BackupController } from '@renderer/backup/controller';
import { resetBackupAutomation, setBackupController } from '@renderer/backup/useBackups';
import { openApp, resetDatabase, seedOffice } from '../settings/officeApp';
import { DesktopMain } from '../../backup/desktopMain';

/**
 * Today's warning about backups, with the real main-process backup service behind the
 * desktop bridge. The office has settings only, so no automatic backup runs meanwhile.
 */
let main: DesktopMain;

beforeEach(async () => {
  localStorage.clear();
  main = await new DesktopMain().start();
  resetBackupAutomation();
});

afterEach(async () => {
  setBackupController(null);
  resetBackupAutomation();
  await main.close();
  await resetDatabase();
});

describe("Today's backup warning", () => {
  it('says when no password is set, and links to Settings › Data', async () => {
    await seedOffice();
    setBackupController(new BackupController(getDb(), main.platform));
    await openApp('/today');
    const box = await screen.findByTestId('backup-warnings');
    expect(within(box).getByTestId('backup-warning-no_password')).toHaveTextContent(
      'Көшірмелердің құпиясөзі орнатылмаған',
    );
    expect(within(box).getByRole('link', { name: 'Баптаулар › Деректер' })).toHaveAttribute(
      'href',
      '#/settings/data',
    );
  });

  it('names the date of a backup older than 3 days, in Russian', async () => {
    await seedOffice();
    await main.platform.setPassword({ password: 'Сәуір-2026 кеңсе' });
    const fiveDaysAgo = new Date(Date.now() - 5 * 86_400_000);
    main.now = () => fiveDaysAgo;
    const controller = new BackupController(getDb(), main.platform);
    expect((await controller.backupNow('manual')).kind).toBe('done');
    main.now = () => new Date();
    setBackupController(controller);
    await openApp('/today', 'ru');
    const old = await screen.findByTestId('backup-warning-old');
    expect(old).toHaveTextContent(
      /^Последняя резервная копия сделана \d\d\.\d\d\.\d{4} \d\d:\d\d — больше 3 дней назад\.$/,
    );
    expect(screen.queryByTestId('backup-warning-no_password')).toBeNull();
  });
});
