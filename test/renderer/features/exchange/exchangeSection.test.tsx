import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettingsData } from '@shared/domain';
import { getDb } from '@renderer/db/database';
import {
  applyPackage,
  createAppeal,
  exchangeStatus,
  getDevice,
  makeThisTheOfficeLaptop,
  openPackage,
  renameDevice,
  saveSettings,
  writePackage,
} from '@renderer/db/repositories';
import { setPlatform, type SaveFileRequest } from '@renderer/platform';
import { recordSavedFiles } from '../settings/savedFiles';
import { setBackupController } from '@renderer/backup/useBackups';
import { openApp, resetDatabase, seedOffice } from '../settings/officeApp';
import {
  ctxAt,
  deleteFreshDbsAfterEach,
  freshDb,
  kazakhAppeal,
  russianAppeal,
} from '../../db/helpers';

/**
 * Settings › Exchange on the reception laptop: it joins the office with the office laptop's
 * package (chosen as a file), answers with a receipt, and sends its own package back.
 */
deleteFreshDbsAfterEach();

const PASSWORD = 'Сәуір-2026 кеңсе';
const KK_NO_PASSWORD = 'Резервтік көшірмелердің құпиясөзін енгізіңіз.';
let saved: SaveFileRequest[];

beforeEach(() => {
  localStorage.clear();
  saved = recordSavedFiles();
});

afterEach(async () => {
  setPlatform(undefined);
  setBackupController(null);
  await resetDatabase();
});

/** The office laptop with two appeals, and its first package, written for any new laptop. */
async function officePackage() {
  const office = freshDb();
  await renameDevice(office, 'Кеңсе ноутбугі');
  await saveSettings(office, defaultSettingsData(), ctxAt());
  await makeThisTheOfficeLaptop(office, ctxAt());
  await createAppeal(office, kazakhAppeal(), ctxAt());
  await createAppeal(office, russianAppeal(), ctxAt());
  const written = await writePackage(
    office,
    {
      to: null,
      locks: { password: PASSWORD },
      appVersion: '0.1.0',
      keyOptions: { iterations: 1_000 },
    },
    ctxAt(),
  );
  const file = new File([written.bytes as Uint8Array<ArrayBuffer>], written.fileName, {
    type: 'application/octet-stream',
  });
  return { office, file };
}

describe('Settings › Exchange', () => {
  it('a new laptop refuses a wrong password, previews the office package, takes it after a backup, and writes the receipt', async () => {
    const { office, file } = await officePackage();
    await seedOffice();
    const db = getDb();
    await renameDevice(db, 'Қабылдау ноутбугі');
    const user = userEvent.setup();
    await openApp('/settings/exchange');

    await screen.findByRole('heading', { name: 'Осы ноутбук' });
    expect(
      screen.getByText('Кеңсе ноутбугі әлі таңдалмаған: әр ноутбук нөмірді өзі береді'),
    ).toBeInTheDocument();
    expect(screen.getByText('Әзірге ешбір ноутбукпен алмасқан жоқсыз.')).toBeInTheDocument();
    const receive = screen.getByRole('region', { name: 'Буманы қабылдау' });
    const input = within(receive).getByTestId('exchange-file');

    // No password typed: nothing is opened.
    await user.upload(input, file);
    expect(await within(receive).findByRole('alert')).toHaveTextContent(KK_NO_PASSWORD);
    const password = screen.getByLabelText('Резервтік көшірмелердің құпиясөзі');
    await user.type(password, 'Наурыз-2026 кеңсе');
    await user.upload(input, file);
    await waitFor(() =>
      expect(within(receive).getByRole('alert')).toHaveTextContent(
        'Құпиясөз бұл буманы ашпайды. Кеңсенің резервтік көшірмелер құпиясөзін енгізіңіз. Деректер өзгерген жоқ.',
      ),
    );
    expect(await db.appeals.count()).toBe(0);

    await user.clear(password);
    await user.type(password, PASSWORD);
    await user.upload(input, file);
    await within(receive).findByRole('heading', { name: 'Бумада не бар' });
    expect(receive).toHaveTextContent(/Жіберген: Кеңсе ноутбугі, № 1, \d\d\.\d\d\.\d{4} \d\d:\d\d/);
    expect(within(receive).getByText('Бүкіл тізілім')).toBeInTheDocument();
    expect(within(receive).getByRole('heading', { name: 'Жаңа өтініштер: 2' })).toBeInTheDocument();
    const listed = within(receive)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(listed).toEqual(
      expect.arrayContaining(['2026-0001 Ыстық су жоқ', '2026-0002 Ремонт дороги во дворе']),
    );
    // Only a preview so far.
    expect(await db.appeals.count()).toBe(0);

    await user.click(within(receive).getByRole('button', { name: 'Қабылдау' }));
    // A package for any new laptop: nothing to confirm, so no receipt is offered.
    await within(receive).findByText('Бума қабылданды: 2 жаңа өтініш, 0 өзгерген өтініш.');
    expect(within(receive).queryByRole('button', { name: 'Түбіртек жасау' })).toBeNull();
    expect((await db.appeals.toArray()).map((a) => a.regNo).sort()).toEqual([
      '2026-0001',
      '2026-0002',
    ]);
    // The data it replaced was handed over as a file first (no backup password in a browser).
    expect(saved.map((s) => s.fileName)).toEqual([
      expect.stringMatching(/^tizilim-before-import-.+\.json$/),
    ]);
    // Now a member of the office's numbering, with the office laptop listed.
    await screen.findByText('Кеңсенің басқа ноутбугі: нөмірлерді кеңседен алған блоктан береді');
    expect(within(screen.getByRole('table')).getAllByRole('row')[1]).toHaveTextContent(
      /^Кеңсе ноутбугі/,
    );

    // The office's next package is addressed to this laptop: taken, it is answered by a receipt.
    const reception = await getDevice(db);
    await createAppeal(office, kazakhAppeal({ subject: 'Аулада жарық жоқ' }), ctxAt());
    const next = await writePackage(
      office,
      {
        to: { deviceId: reception.id, name: reception.name },
        locks: { password: PASSWORD },
        appVersion: '0.1.0',
        keyOptions: { iterations: 1_000 },
      },
      ctxAt(),
    );
    await user.upload(
      input,
      new File([next.bytes as Uint8Array<ArrayBuffer>], next.fileName, {
        type: 'application/octet-stream',
      }),
    );
    await within(receive).findByRole('heading', { name: 'Жаңа өтініштер: 1' });
    await user.click(within(receive).getByRole('button', { name: 'Қабылдау' }));
    await within(receive).findByText(
      'Бума қабылданды: 1 жаңа өтініш, 0 өзгерген өтініш. Жіберушіге түбіртек жасап беріңіз.',
    );
    expect(await db.appeals.count()).toBe(3);
    await waitFor(() =>
      expect(within(screen.getByRole('table')).getAllByRole('row')[1]).toHaveTextContent(
        new RegExp(
          `^Кеңсе ноутбугіжоқ№ ${next.envelope.seq}, \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\dжоқ$`,
        ),
      ),
    );

    await user.click(within(receive).getByRole('button', { name: 'Түбіртек жасау' }));
    const written = await within(receive).findByText(/^«.+» түбіртегі сақталды\./);
    expect(written).toHaveTextContent('Оны мына ноутбукта жүктеңіз: Кеңсе ноутбугі.');
    expect(saved).toHaveLength(3);
    const receipt = saved[2]!;
    expect(written).toHaveTextContent(receipt.fileName);

    // The office laptop loads the receipt: it knows the reception laptop has that package.
    const opened = await openPackage(office, receipt.data, { password: PASSWORD });
    expect(opened.envelope).toMatchObject({ kind: 'receipt', ack: next.envelope.seq });
    await applyPackage(office, opened, ctxAt());
    const officeView = await exchangeStatus(office);
    expect(officeView.peers.find((p) => p.deviceId === reception.id)).toMatchObject({
      name: 'Қабылдау ноутбугі',
      ackedSeq: next.envelope.seq,
    });
  });

  it('renames the laptop, refuses to send without the password, and sends a package in Russian', async () => {
    await seedOffice();
    const db = getDb();
    await createAppeal(db, russianAppeal({ subject: 'Нет отопления' }), ctxAt());
    const user = userEvent.setup();
    await openApp('/settings/exchange', 'ru');

    const name = await screen.findByLabelText('Название');
    await user.clear(name);
    await user.type(name, 'Ноутбук приёмной');
    await user.click(screen.getByRole('button', { name: 'Сохранить название' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Название ноутбука сохранено: другие ноутбуки увидят его в следующем пакете',
    );
    expect((await getDevice(db)).name).toBe('Ноутбук приёмной');

    const send = screen.getByRole('button', { name: 'Создать пакет' });
    await user.click(send);
    expect(await screen.findByRole('alert')).toHaveTextContent('Введите пароль резервных копий.');
    expect(saved).toEqual([]);

    await user.click(
      screen.getByRole('button', { name: 'Сделать этот ноутбук ноутбуком приёмной' }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Теперь этот ноутбук ведёт серию номеров приёмной',
    );
    await screen.findByText('Ноутбук приёмной: выдаёт регистрационные номера');
    expect((await exchangeStatus(db)).isIssuer).toBe(true);

    await user.type(screen.getByLabelText('Пароль резервных копий'), PASSWORD);
    await user.click(send);
    const done = await screen.findByText(/^Пакет «.+» сохранён/);
    expect(saved).toHaveLength(1);
    expect(done).toHaveTextContent(saved[0]!.fileName);
    expect(done).toHaveTextContent(
      /^Пакет «.+» сохранён: обращений — 1, записей истории — \d+\. Примите его на ноутбуке «новый ноутбук приёмной»\.$/,
    );
  });
});
