import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatTimestamp } from '@shared/format';
import { getDb } from '@renderer/db/database';
import { importExportFile } from '@renderer/db/repositories/dataExport';
import { BackupController } from '@renderer/backup/controller';
import { resetBackupAutomation, setBackupController } from '@renderer/backup/useBackups';
import { setFirstRunRestore } from '@renderer/features/backup';
import { generateOffice } from '@test/fixtures/generateOffice';
import { ctxAt, deleteFreshDbsAfterEach, freshDb } from '../../db/helpers';
import { openApp, resetDatabase } from '../settings/officeApp';
import { DesktopMain } from '../../backup/desktopMain';

/**
 * A restore from the first-run screen on a new laptop: the result (date, device, counts) is
 * shown before "who is working?", and the password typed to open the backup is offered as
 * this laptop's backup password — set the way Settings › Data sets it.
 */
deleteFreshDbsAfterEach();

const PASSWORD = 'Сәуір-2026 кеңсе';
let oldLaptop: DesktopMain;
let newLaptop: DesktopMain;

beforeEach(async () => {
  localStorage.clear();
  sessionStorage.clear();
  resetBackupAutomation();
  setFirstRunRestore({ kind: 'idle' });
  oldLaptop = await new DesktopMain().start();
  newLaptop = await new DesktopMain().start();
});

afterEach(async () => {
  setBackupController(null);
  resetBackupAutomation();
  setFirstRunRestore({ kind: 'idle' });
  await oldLaptop.close();
  await newLaptop.close();
  await resetDatabase();
});

/** The old laptop's office backed up with PASSWORD; the file carried to the new laptop's folder. */
async function carriedBackup() {
  await oldLaptop.platform.setPassword({ password: PASSWORD });
  const office = freshDb();
  await importExportFile(office, generateOffice({ appeals: 12, seed: 5 }), ctxAt(new Date()), {
    mode: 'empty',
    fileAs: 'bytes',
  });
  const attempt = await new BackupController(office, oldLaptop.platform).backupNow('manual');
  if (attempt.kind !== 'done') throw new Error(`backup: ${attempt.kind}`);
  const fileName = attempt.outcome.fileName;
  copyFileSync(path.join(oldLaptop.officeDir, fileName), path.join(newLaptop.officeDir, fileName));
  const device = (await office.device.toArray())[0]!.name;
  return { fileName, device, createdAt: attempt.outcome.createdAt };
}

/** Opens the app on the empty database and restores the carried backup with PASSWORD. */
async function restoreOnFirstRun() {
  setBackupController(new BackupController(getDb(), newLaptop.platform));
  await openApp('/today');
  const offer = await screen.findByTestId('first-run-restore');
  const list = await within(offer).findByTestId('restore-list');
  fireEvent.click(await within(list).findByRole('button', { name: 'Таңдау' }));
  // A laptop with a kept password of its own is asked which to use: the typed one.
  const typed = screen.queryByRole('radio', { name: 'Құпиясөзбен' });
  if (typed) fireEvent.click(typed);
  fireEvent.change(await screen.findByTestId('restore-secret'), { target: { value: PASSWORD } });
  fireEvent.click(screen.getByTestId('restore-open'));
  await screen.findByTestId('restore-preview');
  fireEvent.click(screen.getByTestId('restore-confirm'));
  return screen.findByTestId('restore-result', {}, { timeout: 30_000 });
}

describe('after a restore from the first-run screen', () => {
  it('shows what was restored, then offers to keep the typed password on the new laptop', async () => {
    const carried = await carriedBackup();
    const result = await restoreOnFirstRun();
    expect(result).toHaveTextContent('Өтініштер: 12');
    expect(result).toHaveTextContent(`Көшірме жасалған компьютер: ${carried.device}`);
    expect(result).toHaveTextContent(
      `Көшірме жасалған уақыты: ${formatTimestamp(carried.createdAt)}`,
    );
    // Not straight on to the staff choice.
    expect(screen.queryByRole('heading', { name: 'Кім жұмыс істейді?' })).toBeNull();
    expect(await getDb().appeals.count()).toBe(12);

    expect((await newLaptop.platform.status()).password).toBe('not_set');
    const offer = await screen.findByTestId('restore-keep-password');
    fireEvent.click(within(offer).getByRole('button', { name: 'Құпиясөзді осы ноутбукта сақтау' }));
    await screen.findByTestId('restore-password-kept');
    // The recovery sheet comes with it, as in Settings › Data.
    expect(await screen.findByTestId('recovery-key')).toBeInTheDocument();
    const status = await newLaptop.platform.status();
    expect(status.password).toBe('ready');
    // The kept password is the typed one: it opens the carried backup without being typed.
    const handle = await newLaptop.platform.openRestore({
      source: { kind: 'folder', folder: 'office', fileName: carried.fileName },
      journal: false,
    });
    expect(handle.preview.counts['appeals']).toBe(12);
    await handle.close();

    fireEvent.click(screen.getByRole('button', { name: 'Жұмысты жалғастыру' }));
    await screen.findByRole('heading', { name: 'Кім жұмыс істейді?' });
  });

  it('does not offer the password to a laptop that has its own', async () => {
    await carriedBackup();
    await newLaptop.platform.setPassword({ password: 'Басқа-ноутбук 2027' });
    const result = await restoreOnFirstRun();
    expect(result).toHaveTextContent('Өтініштер: 12');
    expect(screen.queryByTestId('restore-keep-password')).toBeNull();
    expect((await newLaptop.platform.status()).recoveryKeyId).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Жұмысты жалғастыру' }));
    await screen.findByRole('heading', { name: 'Кім жұмыс істейді?' });
  });
});
