import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, resetDatabase, seedOffice, storedSettings } from './officeApp';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(resetDatabase);

/** domain.md: the days off of 2026 that fall on weekdays. */
const DAYS_OFF_2026 = [
  '2026-01-01',
  '2026-01-02',
  '2026-01-07',
  '2026-03-09',
  '2026-03-23',
  '2026-03-24',
  '2026-03-25',
  '2026-05-01',
  '2026-05-07',
  '2026-05-11',
  '2026-05-27',
  '2026-07-06',
  '2026-08-31',
  '2026-10-26',
  '2026-12-16',
];

function listedDays(lang: 'kk' | 'ru' = 'kk'): string[] {
  const list = screen.getByRole('list', {
    name:
      lang === 'kk'
        ? 'Жұмыс күндеріне түсетін демалыс күндері'
        : 'Выходные дни, выпадающие на будни',
  });
  return [...list.querySelectorAll('li')].map((li) => li.getAttribute('data-day') ?? '');
}

function setDate(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('settings: working-day calendar', { timeout: 30_000 }, () => {
  it('shows the 2026 days off of domain.md with their kinds, in Kazakh', async () => {
    await seedOffice();
    await openApp('/settings/calendar?year=2026');
    expect(await screen.findByRole('heading', { name: '2026' })).toBeInTheDocument();
    expect(listedDays()).toEqual(DAYS_OFF_2026);
    const list = screen.getByRole('list', { name: 'Жұмыс күндеріне түсетін демалыс күндері' });
    const item = (day: string) => within(list.querySelector(`[data-day="${day}"]`) as HTMLElement);
    expect(item('2026-01-01').getByText('1 қаңтар, бейсенбі')).toBeInTheDocument();
    expect(item('2026-01-01').getByText('Жаңа жыл')).toBeInTheDocument();
    expect(
      item('2026-03-09').getByText(
        'Халықаралық әйелдер күні (08.03.2026 демалыс күніне түсті) · Ауыстырылған демалыс күні',
      ),
    ).toBeInTheDocument();
    expect(
      item('2026-05-27').getByText('Құрбан айт (бірінші күні) · Діни мереке'),
    ).toBeInTheDocument();
    expect(screen.getByText(/2026 жылы 246 жұмыс күні/)).toBeInTheDocument();
  });

  it('in Russian, with the month grid', async () => {
    await seedOffice();
    await openApp('/settings/calendar?year=2026', 'ru');
    expect(await screen.findByText('9 марта, понедельник')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Международный женский день (выпал на выходной 08.03.2026) · Перенесённый выходной',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/В 2026 году 246 рабочих дней/)).toBeInTheDocument();
    expect(screen.getByTitle('16.12.2026 — Праздничный день')).toBeInTheDocument();
    expect(screen.getByTitle('27.05.2026 — Религиозный праздник')).toBeInTheDocument();
  });

  it('an added transfer changes the days off at once, and can be removed', async () => {
    await seedOffice();
    await openApp('/settings/calendar?year=2026');
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: '2026' });

    setDate('Демалыс күнін қосу (ауыстыру)', '2026-01-05');
    await user.click(screen.getByRole('button', { name: 'Демалыс ету' }));
    expect(await screen.findByText('05.01.2026 демалыс күні болып қосылды')).toBeInTheDocument();
    await waitFor(() => expect(listedDays()).toContain('2026-01-05'));
    expect(listedDays()).toHaveLength(16);
    expect(
      screen.getByTitle('05.01.2026 — Үкімет шешімімен ауыстырылған демалыс'),
    ).toBeInTheDocument();
    expect((await storedSettings()).calendar['2026']?.extraDaysOff).toEqual(['2026-01-05']);

    // A working Saturday in return.
    setDate('Жұмыс күнін қосу', '2026-01-10');
    await user.click(screen.getByRole('button', { name: 'Жұмыс күні ету' }));
    expect(await screen.findByText('10.01.2026 жұмыс күні болып белгіленді')).toBeInTheDocument();
    // The notice can come before the grid has re-read the settings.
    expect(
      await screen.findByTitle('10.01.2026 — Ауыстыру бойынша жұмыс күні'),
    ).toBeInTheDocument();
    expect(await screen.findByText(/2026 жылы 246 жұмыс күні/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '05.01.2026: алып тастау' }));
    await waitFor(() => expect(listedDays()).toEqual(DAYS_OFF_2026));
    expect((await storedSettings()).calendar['2026']).toEqual({
      extraDaysOff: [],
      extraWorkingDays: ['2026-01-10'],
      religiousDaysOff: [],
    });
  });

  it('a different Kurban Ait date replaces the expected one, and can be reset', async () => {
    await seedOffice();
    await openApp('/settings/calendar?year=2026');
    const user = userEvent.setup();
    expect(await screen.findByLabelText('Құрбан айттың бірінші күні')).toHaveValue('27.05.2026');
    setDate('Құрбан айттың бірінші күні', '2026-05-26');
    await user.click(screen.getByRole('button', { name: 'Сақтау' }));
    await waitFor(() => expect(listedDays()).toContain('2026-05-26'));
    expect(listedDays()).not.toContain('2026-05-27');
    await user.click(await screen.findByRole('button', { name: 'Күтілетін күнді қайтару' }));
    await waitFor(() => expect(listedDays()).toEqual(DAYS_OFF_2026));
  });

  it('explains days that cannot be added', async () => {
    await seedOffice();
    await openApp('/settings/calendar?year=2026', 'ru');
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: '2026' });
    setDate('Добавить выходной (перенос)', '2027-01-05');
    await user.click(screen.getByRole('button', { name: 'Сделать выходным' }));
    expect(await screen.findByText('Дата не относится к этому году')).toBeInTheDocument();
    setDate('Добавить выходной (перенос)', '2026-01-07');
    await user.click(screen.getByRole('button', { name: 'Сделать выходным' }));
    expect(await screen.findByText('Этот день и так выходной')).toBeInTheDocument();
    setDate('Добавить рабочий день', '2026-01-08');
    await user.click(screen.getByRole('button', { name: 'Сделать рабочим' }));
    expect(await screen.findByText('Этот день и так рабочий')).toBeInTheDocument();
    expect((await storedSettings()).calendar).toEqual({});
  });

  it('moves between years', async () => {
    await seedOffice();
    await openApp('/settings/calendar?year=2026');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Алдыңғы жыл' }));
    expect(await screen.findByRole('heading', { name: '2025' })).toBeInTheDocument();
    // domain.md: 2025 days off on weekdays, with the 3 January transfer.
    expect(listedDays()).toEqual([
      '2025-01-01',
      '2025-01-02',
      '2025-01-03',
      '2025-01-07',
      '2025-03-10',
      '2025-03-21',
      '2025-03-24',
      '2025-03-25',
      '2025-05-01',
      '2025-05-07',
      '2025-05-09',
      '2025-06-06',
      '2025-07-07',
      '2025-09-01',
      '2025-10-27',
      '2025-12-16',
    ]);
    expect(window.location.hash).toBe('#/settings/calendar?year=2025');
  });
});
