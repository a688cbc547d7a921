import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@renderer/db/database';
import { setPlatform, type SaveFileRequest } from '@renderer/platform';
import { openApp, resetDatabase } from '../settings/officeApp';
import { OFFICE_SETTINGS, officeWithReceptions, SUNDAY } from './receptionOffice';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  vi.useFakeTimers({ now: SUNDAY, toFake: ['Date'] });
});
afterEach(async () => {
  vi.useRealTimers();
  setPlatform(undefined);
  await resetDatabase();
});

describe('reception announcement', { timeout: 30_000 }, () => {
  it('is generated in Kazakh and Russian, copied, saved as .txt and recorded', async () => {
    const saved: SaveFileRequest[] = [];
    setPlatform({
      kind: 'browser',
      saveFile: async (request) => {
        saved.push(request);
        return { saved: true };
      },
      printToPdf: async () => ({ saved: false }),
    });
    const { receptions } = await officeWithReceptions([{}]);
    const id = receptions[0]!.id;
    await openApp(`/reception/${id}`);
    const user = userEvent.setup();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });

    const kk = await screen.findByTestId('announcement-kk');
    const ru = screen.getByTestId('announcement-ru');
    for (const part of [
      'Асқар Болатұлы Серікбаев',
      'жұма',
      '10:00–13:00',
      'Сарыарқа ауданы әкімдігі, Жеңіс даңғылы 23, 105-кабинет',
      'Бетпе-бет',
      'Бірінші қабат, кіреберісте пандус бар',
      'Мүмкіндігі шектеулі азаматтар, зейнеткерлер, көпбалалы отбасылардың өкілдері және ардагерлер кезексіз қабылданады.',
      '+7 7172 55 12 34',
      'Қабылдау бөлмесінің мекенжайы: Астана, Жеңіс даңғылы, 23, 105-кабинет',
    ]) {
      expect(kk).toHaveTextContent(part);
    }
    for (const part of [
      'Серикбаев Аскар Болатович',
      'пятница',
      'с 10:00 до 13:00',
      'Очно',
      'пенсионеры',
      'ветераны принимаются вне очереди',
      'Адрес приёмной: Астана, пр. Жеңіс, 23, кабинет 105',
    ]) {
      expect(ru).toHaveTextContent(part);
    }
    expect(screen.getByTestId('announcement-record')).toHaveTextContent(
      'Қабылдау әлі хабарланбаған.',
    );

    // The short text for messengers.
    await user.click(screen.getByRole('radio', { name: 'Қысқа: Telegram, WhatsApp' }));
    await waitFor(() =>
      expect(screen.getByTestId('announcement-kk')).not.toHaveTextContent('ХАБАРЛАНДЫРУ'),
    );
    const shortKk = screen.getByTestId('announcement-kk').textContent!;
    const shortRu = screen.getByTestId('announcement-ru').textContent!;
    expect(shortKk).toContain('азаматтарды қабылдайды');
    expect(shortKk).toContain('ардагерлер кезексіз қабылданады');
    expect(shortRu).toContain('проводит приём граждан');
    expect(shortRu).toContain('ветераны принимаются вне очереди');

    await user.click(screen.getByRole('button', { name: 'Екі тілде көшіру' }));
    expect(writeText).toHaveBeenCalledWith(`${shortKk}\n\n* * *\n\n${shortRu}`);
    expect(await screen.findByText('Алмасу буферіне көшірілді')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '.txt файлға сақтау' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.fileName).toBe('qabyldau-habarlandyru-2026-11-27.txt');
    const text = new TextDecoder().decode(saved[0]!.data);
    expect(text.startsWith('\uFEFF')).toBe(false); // TextDecoder drops the BOM it reads
    expect(saved[0]!.data.slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(text).toContain(shortKk.split('\n')[0]!);
    expect(text).toContain('\r\n\r\n* * *\r\n\r\n');

    // Record where and when it was announced.
    await user.click(screen.getByRole('button', { name: 'Хабарланғанын белгілеу' }));
    const dialog = await screen.findByRole('dialog', { name: 'Қашан және қайда хабарланды' });
    expect(within(dialog).getByLabelText(/Хабарланған күні/)).toHaveValue('22.11.2026');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Telegram' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'хабарландыру тақтасы' }));
    await user.type(within(dialog).getByLabelText(/Басқа жерде/), 'мектеп');
    await user.click(within(dialog).getByRole('button', { name: 'Сақтау' }));
    await waitFor(() =>
      expect(screen.getByTestId('announcement-record')).toHaveTextContent(
        'Хабарланды: 22.11.2026 — Telegram, хабарландыру тақтасы, мектеп',
      ),
    );
    const stored = await getDb().receptions.get(id);
    expect(stored).toMatchObject({
      announcedOn: '2026-11-22',
      announcedWhere: 'Telegram, хабарландыру тақтасы, мектеп',
    });
    // Recording the announcement ticks the preparation step.
    expect(stored?.checklist.find((s) => s.stepId === 'announce')?.done).toBe(true);

    // Editing again starts from what was recorded; an empty place is refused with a reason.
    await user.click(screen.getByRole('button', { name: 'Өзгерту' }));
    const again = await screen.findByRole('dialog', { name: 'Қашан және қайда хабарланды' });
    expect(within(again).getByRole('checkbox', { name: 'Telegram' })).toBeChecked();
    expect(within(again).getByRole('checkbox', { name: 'WhatsApp' })).not.toBeChecked();
    expect(within(again).getByLabelText(/Басқа жерде/)).toHaveValue('мектеп');
    await user.click(within(again).getByRole('checkbox', { name: 'Telegram' }));
    await user.click(within(again).getByRole('checkbox', { name: 'хабарландыру тақтасы' }));
    await user.clear(within(again).getByLabelText(/Басқа жерде/));
    await user.click(within(again).getByRole('button', { name: 'Сақтау' }));
    expect(
      await within(again).findByText('Хабарландыру қай жерде жарияланғанын көрсетіңіз'),
    ).toBeInTheDocument();
    expect((await getDb().receptions.get(id))?.announcedWhere).toBe(
      'Telegram, хабарландыру тақтасы, мектеп',
    );
  });

  it('says what to fill in Settings when the office phone is missing', async () => {
    const { receptions } = await officeWithReceptions([{}], {
      ...OFFICE_SETTINGS,
      contacts: { phone: null, email: null, telegram: '', website: '', other: '' },
    });
    await openApp(`/reception/${receptions[0]!.id}`, 'ru');
    expect(
      await screen.findByText(/Для объявления заполните в настройках: Телефон приёмной\./),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Открыть настройки' })).toHaveAttribute(
      'href',
      '#/settings/profile',
    );
    expect(screen.getByRole('button', { name: 'Копировать на двух языках' })).toBeDisabled();
  });
});
