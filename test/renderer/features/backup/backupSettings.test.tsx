import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@renderer/db/database';
import { createAppeal } from '@renderer/db/repositories';
import { BackupController } from '@renderer/backup/controller';
import { resetBackupAutomation, setBackupController } from '@renderer/backup/useBackups';
import { openApp, resetDatabase, seedOffice } from '../settings/officeApp';
import { DesktopMain } from '../../backup/desktopMain';
import { ctxAt, kazakhAppeal, russianAppeal } from '../../db/helpers';

/**
 * Settings › Data, the backup part, with the real main-process backup service (temporary
 * folders, a keychain that keeps the password) behind the desktop bridge.
 */
const PASSWORD = 'Сәуір-2026 кеңсе';
let main: DesktopMain;
let controller: BackupController;

beforeEach(async () => {
  localStorage.clear();
  main = await new DesktopMain().start();
  resetBackupAutomation();
  controller = new BackupController(getDb(), main.platform);
  setBackupController(controller);
});

afterEach(async () => {
  await controller.idle();
  setBackupController(null);
  resetBackupAutomation();
  await main.close();
  await resetDatabase();
});

async function subjects(): Promise<string[]> {
  return (await getDb().appeals.toArray()).map((a) => a.subject).sort();
}

describe('Settings › Data › backups', () => {
  it('sets the password only when it is long enough and repeated, shows the recovery sheet once, then backs up on request', async () => {
    await seedOffice();
    await createAppeal(getDb(), kazakhAppeal(), ctxAt(new Date()));
    const user = userEvent.setup();
    await openApp('/settings/data');
    const panel = await screen.findByTestId('backup-settings');

    // Not set yet: "back up now" waits for a password.
    expect(await within(panel).findByTestId('backup-now')).toBeDisabled();
    expect(within(panel).getByTestId('backup-folder-local')).toHaveTextContent(
      'Мұнда әлі бірде-бір көшірме жоқ.',
    );

    const fresh = within(panel).getByTestId('backup-new-password');
    const repeat = within(panel).getByTestId('backup-repeat-password');
    const set = within(panel).getByRole('button', { name: 'Құпиясөзді орнату' });
    await user.type(fresh, 'қысқа');
    await user.type(repeat, 'қысқа');
    await user.click(set);
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'Құпиясөз кемінде 8 таңбадан тұруы керек.',
    );
    await user.clear(fresh);
    await user.clear(repeat);
    await user.type(fresh, PASSWORD);
    await user.type(repeat, 'Сәуір-2026 кеңсе!');
    await user.click(set);
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'Құпиясөздер сәйкес келмейді.',
    );
    expect((await main.platform.status()).password).toBe('not_set');

    await user.clear(repeat);
    await user.type(repeat, PASSWORD);
    await user.click(set);
    const sheet = await screen.findByTestId('recovery-sheet');
    const key = within(sheet).getByTestId('recovery-key').textContent ?? '';
    expect(key).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){7}$/);
    expect(sheet).toHaveTextContent('Қалпына келтіру кілті');
    // The sheet stays until the person says the key is written down.
    // Found once the native dialog is open (jsdom hides a closed one from the role queries).
    const done = await screen.findByRole('button', { name: 'Дайын' });
    expect(done).toBeDisabled();
    await user.click(screen.getByTestId('recovery-confirm'));
    await user.click(done);
    await waitFor(() => expect(screen.queryByTestId('recovery-sheet')).toBeNull());

    const status = await main.platform.status();
    expect(status.password).toBe('ready');
    expect(within(panel).getByTestId('backup-password-ready')).toHaveTextContent(
      `Қалпына келтіру кілтінің нөмірі: ${status.recoveryKeyId}.`,
    );
    expect(panel).toHaveTextContent(
      'Құпиясөзді операциялық жүйе қорғап сақтайды, сондықтан автоматты көшірмелер сұраусыз жасалады.',
    );
    // The password set, the day's first backup starts by itself; "back up now" takes another.
    await controller.idle();
    const now = within(panel).getByTestId('backup-now');
    await waitFor(() => expect(now).toBeEnabled());
    await user.click(now);
    const result = await within(panel).findByTestId('backup-result');
    expect(result).toHaveTextContent(/^Көшірме сақталды: .+\.tizilim-backup\./);
    expect(result).toHaveTextContent(
      'Жазылған орындар: Осы компьютерде, Таңдалған қалта (USB-жинақтауыш немесе желілік қалта).',
    );
    const fileName = /сақталды: (\S+)\./.exec(result.textContent ?? '')![1]!;
    const listing = await main.platform.listBackups();
    const office = listing.folders.find((f) => f.kind === 'office')!;
    expect(office.files.map((f) => f.fileName)).toContain(fileName);
    expect(office.files.find((f) => f.fileName === fileName)?.reason).toBe('manual');
    await waitFor(() =>
      expect(within(panel).getByTestId('backup-folder-office')).toHaveTextContent(
        /Соңғы сәтті көшірме: .+ \(қолмен\)/,
      ),
    );
  });

  it('restores a listed backup and its journal only with the right password, in Russian, after keeping the current data', async () => {
    await seedOffice();
    const db = getDb();
    await createAppeal(db, russianAppeal(), ctxAt(new Date()));
    await main.platform.setPassword({ password: PASSWORD });
    const taken = await controller.backupNow('manual');
    expect(taken.kind).toBe('done');
    // Written after the backup: the journal carries it.
    await createAppeal(db, kazakhAppeal({ subject: 'Аулада жарық жоқ' }), ctxAt(new Date()));
    expect(await subjects()).toEqual(['Аулада жарық жоқ', 'Ремонт дороги во дворе']);

    const user = userEvent.setup();
    await openApp('/settings/data', 'ru');
    const panel = await screen.findByTestId('backup-settings');
    const list = within(panel).getByTestId('restore-list');
    // The same backup, in this laptop's folder and in the office's.
    const lines = await within(list).findAllByText(
      /^\d\d\.\d\d\.\d{4} \d\d:\d\d · вручную · .+ · обращений: 1 · \d+(,\d)? КБ$/,
    );
    expect(lines).toHaveLength(2);
    await user.click(within(lines[1]!.closest('li')!).getByRole('button', { name: 'Выбрать' }));

    // The password is kept by the OS, so it is offered first; a typed one is checked.
    const dialog = await screen.findByRole('dialog', { name: 'Открыть копию' });
    expect(within(dialog).getByRole('radio', { name: 'Сохранённым паролем' })).toBeChecked();
    await user.click(within(dialog).getByRole('radio', { name: 'Паролем' }));
    const open = within(dialog).getByTestId('restore-open');
    expect(open).toBeDisabled();
    await user.type(within(dialog).getByTestId('restore-secret'), 'Наурыз-2026 кеңсе');
    await user.click(open);
    expect(await within(dialog).findByTestId('restore-secret-error')).toHaveTextContent(
      'Неверный пароль. Проверьте и введите ещё раз. Если пароль забыт, воспользуйтесь ключом восстановления. Ничего не изменилось.',
    );
    expect(await subjects()).toEqual(['Аулада жарық жоқ', 'Ремонт дороги во дворе']);

    const secret = within(dialog).getByTestId('restore-secret');
    await user.clear(secret);
    await user.type(secret, PASSWORD);
    await user.click(within(dialog).getByTestId('restore-open'));
    const preview = await screen.findByTestId('restore-preview');
    expect(preview).toHaveTextContent(/Создана: \d\d\.\d\d\.\d{4} \d\d:\d\d/);
    // The preview's dialog shows itself in an effect (showModal): until then its content is
    // in a closed <dialog>, outside the accessibility tree. Wait for it to be shown.
    const counts = (await within(preview).findAllByRole('listitem')).map((li) => li.textContent);
    // The backup holds one appeal; the journal kept since then adds the second.
    expect(counts).toEqual([
      'Обращения: 2',
      'Заявители: 0',
      'Приёмы: 0',
      'Депутатские запросы: 0',
      'Вложенные файлы: 0',
    ]);
    expect(preview).toHaveTextContent(/Будут добавлены изменения из журнала: [1-9]\d* \(последнее/);
    const stored = await getDb().appeals.orderBy('id').toArray();

    await user.click(screen.getByTestId('restore-confirm'));
    const result = await within(panel).findByTestId('restore-result');
    // What came back: the backup's date and laptop, the counts, the journal's changes.
    expect(result).toHaveTextContent(/^Данные восстановленыКопия создана: \d\d\.\d\d\.\d{4}/);
    expect(result).toHaveTextContent('Обращения: 2');
    expect(result).toHaveTextContent(/В том числе изменений после последней копии: [1-9]/);
    expect(result).toHaveTextContent(`Копия прежних данных сохранена: ${main.officeDir}/`);
    expect(await getDb().appeals.orderBy('id').toArray()).toEqual(stored);

    // The data it replaced was backed up first, into the office's folder.
    const office = (await main.platform.listBackups()).folders.find((f) => f.kind === 'office')!;
    const before = office.files.find((f) => f.reason === 'before_restore');
    expect(before?.counts?.['appeals']).toBe(2);
  });
});
