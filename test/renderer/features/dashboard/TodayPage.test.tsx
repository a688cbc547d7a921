import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@renderer/db/database';
import type { WriteContext } from '@renderer/db/repositories';
import { openApp, resetDatabase, seedOffice } from '../settings/officeApp';
import { addReception, EXPECTED, fillTodayOffice, TODAY_INSTANT } from './todayOffice';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  // Only the clock is fixed; timers stay real so the database and the UI run as usual.
  vi.useFakeTimers({ now: TODAY_INSTANT, toFake: ['Date'] });
});
afterEach(async () => {
  vi.useRealTimers();
  await resetDatabase();
});

async function seededOffice(): Promise<WriteContext> {
  const userId = await seedOffice();
  const ctx = { userId, now: () => TODAY_INSTANT };
  await fillTodayOffice(getDb(), ctx);
  return ctx;
}

function card(testId: string) {
  return screen.getByTestId(testId);
}

describe('Today view', { timeout: 30_000 }, () => {
  it('counts what is due, in Kazakh, each count linking to its registry list', async () => {
    await seededOffice();
    await openApp('/today');
    expect(await screen.findByText('2026 жылғы 20 қараша, жұма')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Бүгін' })).toBeInTheDocument();
    await waitFor(() => expect(card('today-overdue')).toHaveTextContent(/^1/));
    const expectCard = (id: string, value: number, href: string) => {
      expect(card(id).querySelector('.today-stat-value')).toHaveTextContent(String(value));
      expect(card(id)).toHaveAttribute('href', href);
    };
    expectCard('today-overdue', EXPECTED.overdue, '#/registry?view=overdue');
    expectCard('today-due-today', EXPECTED.dueToday, '#/registry?view=due_today');
    expectCard('today-due-soon', EXPECTED.dueSoon, '#/registry?deadline=due_soon');
    expectCard('today-not-contacted', EXPECTED.notContacted, '#/registry?view=not_contacted');
    expectCard('today-not-informed', EXPECTED.notInformed, '#/registry?view=not_informed');
    expectCard('today-waiting-agency', EXPECTED.waitingAgency, '#/registry?view=waiting_agency');
    expectCard('today-mine', EXPECTED.mine, '#/registry?view=mine');
    await waitFor(() =>
      expect(card('today-agencies-late').querySelector('.today-stat-value')).toHaveTextContent(
        String(EXPECTED.agenciesLate),
      ),
    );
    expect(card('today-not-contacted')).toHaveTextContent('72 сағат ішінде хабарласу керек');
    expect(card('today-not-contacted')).toHaveTextContent('оның ішінде мерзімі өткені: 1');
    expect(card('today-mine')).toHaveTextContent('барлық ашық өтініштер: 7');

    const urgent = screen.getByRole('region', { name: 'Ең шұғыл өтініштер' });
    const lines = within(urgent).getAllByRole('listitem');
    expect(lines.map((li) => li.querySelector('.today-subject')?.textContent)).toEqual([
      'Жылу жоқ',
      'Лифт істемейді',
      'Жол шұңқыры',
    ]);
    expect(lines[0]).toHaveTextContent('7 жұмыс күні кешікті');
    expect(lines[1]).toHaveTextContent('Мерзімі бүгін бітеді');
    expect(lines[2]).toHaveTextContent('2 жұмыс күні қалды');

    const contact = screen.getByRole('region', { name: 'Алғашқы байланыс (72 сағат)' });
    expect(
      within(contact)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '2026-0004басымАулада жарық жоқмерзімі өтті: 19.11.2026 09:00',
      '2026-0005Қоқыс шығарылмайды21.11.2026 09:30 дейін',
    ]);
    const inform = screen.getByRole('region', { name: 'Нәтижесін хабарлау' });
    expect(inform).toHaveTextContent('мерзімі өтті: 19.11.2026');

    await userEvent.click(card('today-overdue'));
    expect(window.location.hash).toBe('#/registry?view=overdue');
  });

  it('warns when no reception is planned this month, until one is', async () => {
    const ctx = await seededOffice();
    await addReception(getDb(), ctx, '2026-10-28', 'held');
    await addReception(getDb(), ctx, '2026-11-25', 'cancelled');
    await openApp('/today', 'ru');
    const warning = await screen.findByRole('alert');
    expect(warning).toHaveTextContent('На ноябрь не запланировано ни одного приёма граждан.');
    expect(within(warning).getByRole('link', { name: 'Запланировать приём' })).toHaveAttribute(
      'href',
      '#/reception',
    );
    await addReception(getDb(), ctx, '2026-11-27');
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it('an empty office says there is nothing urgent, in Russian', async () => {
    await seedOffice();
    await openApp('/today', 'ru');
    expect(
      await screen.findByText('Нет просроченных обращений и обращений с близким сроком.'),
    ).toBeInTheDocument();
    expect(screen.getByText('20 ноября 2026 г., пятница')).toBeInTheDocument();
    expect(card('today-overdue').querySelector('.today-stat-value')).toHaveTextContent('0');
    expect(card('today-overdue')).toHaveClass('zero');
  });
});
