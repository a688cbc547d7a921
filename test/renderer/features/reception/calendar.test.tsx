import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@renderer/db/database';
import { cancelReception } from '@renderer/db/repositories';
import { openApp, resetDatabase } from '../settings/officeApp';
import { officeWithReceptions, SUNDAY } from './receptionOffice';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  vi.useFakeTimers({ now: SUNDAY, toFake: ['Date'] });
});
afterEach(async () => {
  vi.useRealTimers();
  await resetDatabase();
});

function calendarTitle() {
  return screen.getByRole('heading', { level: 2, name: /2026|2027/ });
}

describe('reception plan: month calendar and warnings', { timeout: 30_000 }, () => {
  it('warns about the coming months without a reception, in Kazakh', async () => {
    const { receptions } = await officeWithReceptions([
      { date: '2026-11-27' },
      { date: '2027-01-15', startTime: '15:00', endTime: null },
    ]);
    await cancelReception(getDb(), receptions[1]!.id, 'Депутат іссапарда', {
      userId: 'aigerim',
      now: () => SUNDAY,
    });
    await openApp('/reception');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Азаматтарды қабылдау' }),
    ).toBeInTheDocument();
    const warning = await screen.findByTestId('months-missing');
    // January's only reception was cancelled: it does not count.
    expect(warning).toHaveTextContent(
      'Желтоқсан, қаңтар айларына азаматтарды қабылдау жоспарланбаған.',
    );
    expect(
      within(warning).getByRole('link', { name: 'Желтоқсан айына жоспарлау' }),
    ).toHaveAttribute('href', '#/reception/new?date=2026-12-01');
    // 1 January 2027 is a Friday, so the suggestion is that day.
    expect(within(warning).getByRole('link', { name: 'Қаңтар айына жоспарлау' })).toHaveAttribute(
      'href',
      '#/reception/new?date=2027-01-01',
    );

    expect(calendarTitle()).toHaveTextContent('Қараша 2026');
    const chips = await screen.findAllByTestId('calendar-reception');
    expect(chips).toHaveLength(1);
    expect(chips[0]).toHaveTextContent('10:00–13:00Жоспарланған');
    expect(chips[0]?.closest('td')).toHaveAttribute('data-day', '2026-11-27');
    expect(screen.queryByTestId('month-empty')).toBeNull();

    const upcoming = screen.getByTestId('upcoming-receptions');
    expect(upcoming).toHaveTextContent('2026 жылғы 27 қараша, жұма');
    expect(upcoming).toHaveTextContent('Әлі хабарланбаған');
    expect(upcoming).toHaveTextContent('Дайындық: 0/9');
    expect(screen.getByTestId('past-receptions')).toHaveTextContent('Депутат іссапарда');

    const user = userEvent.setup();
    await user.keyboard('{PageDown}');
    await waitFor(() => expect(calendarTitle()).toHaveTextContent('Желтоқсан 2026'));
    expect(screen.getByTestId('month-empty')).toHaveTextContent(
      'Бұл айға қабылдау жоспарланбаған.',
    );
    expect(screen.queryAllByTestId('calendar-reception')).toHaveLength(0);
    await user.keyboard('{PageDown}');
    await waitFor(() => expect(calendarTitle()).toHaveTextContent('Қаңтар 2027'));
    // The cancelled reception is shown, struck out, and the month still counts as empty.
    expect(screen.getAllByTestId('calendar-reception')[0]).toHaveClass('cancelled');
    expect(screen.getByTestId('month-empty')).toBeInTheDocument();
    await user.keyboard('{PageUp}{PageUp}{PageUp}');
    await waitFor(() => expect(calendarTitle()).toHaveTextContent('Қазан 2026'));
    await user.click(screen.getByRole('button', { name: 'Осы айға оралу' }));
    await waitFor(() => expect(calendarTitle()).toHaveTextContent('Қараша 2026'));

    await user.keyboard('n');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Жаңа қабылдау' }),
    ).toBeInTheDocument();
  });

  it('no warning when every coming month has one; Russian texts', async () => {
    const { receptions } = await officeWithReceptions([
      { date: '2026-11-27' },
      { date: '2026-12-11' },
      { date: '2027-01-15' },
      { date: '2026-11-10' },
    ]);
    await openApp('/reception', 'ru');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Приём граждан' }),
    ).toBeInTheDocument();
    await screen.findByTestId('upcoming-receptions');
    expect(screen.queryByTestId('months-missing')).toBeNull();
    expect(screen.getByTestId('upcoming-receptions')).toHaveTextContent(
      '27 ноября 2026 г., пятница',
    );
    expect(calendarTitle()).toHaveTextContent('Ноябрь 2026');
    // A past reception never marked held asks for its summary.
    const past = screen.getByTestId('past-receptions');
    expect(past).toHaveTextContent('10 ноября 2026 г., вторник');
    expect(within(past).getByRole('link', { name: 'Не отмечен проведённым' })).toHaveAttribute(
      'href',
      `#/reception/${receptions[3]!.id}/summary`,
    );
    expect(past).not.toHaveTextContent('Ещё не объявлен');
  });

  it('names the months in Russian with «и»', async () => {
    await officeWithReceptions([]);
    await openApp('/reception', 'ru');
    expect(await screen.findByTestId('months-missing')).toHaveTextContent(
      'На ноябрь, декабрь и январь не запланировано ни одного приёма граждан.',
    );
    expect(screen.getByText('Предстоящих приёмов нет.')).toBeInTheDocument();
  });
});
