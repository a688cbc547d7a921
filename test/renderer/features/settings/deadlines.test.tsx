import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_RULES } from '@shared/workflow/deadlines';
import { openApp, resetDatabase, seedOffice, storedSettings } from './officeApp';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(resetDatabase);

describe('settings: deadline rules', { timeout: 30_000 }, () => {
  it('every rule is editable, explained, with its legal basis', async () => {
    await seedOffice();
    await openApp('/settings/deadlines');
    for (const [label, value] of [
      ['Алғашқы байланыс', 72],
      ['Құзыретті органға жолдау', 3],
      ['Өтінішті қарау мерзімі', 15],
      ['Ұзартудың шекті мерзімі', 2],
      ['Ұзарту туралы хабарлау', 3],
      ['Нәтижесін өтініш берушіге хабарлау', 3],
      ['Органның депутаттық сауалға жауабы', 15],
    ] as const) {
      expect(await screen.findByLabelText(label)).toHaveValue(value);
    }
    expect(
      screen.getAllByText(/Әкімшілік рәсімдік-процестік кодексінің \(ӘРПК\) 76-бабы/),
    ).toHaveLength(3);
    expect(screen.getByText(/\(ӘРПК\) 65-бабы/)).toBeInTheDocument();
    expect(screen.getByText(/72 сағат ішінде жауап беру/)).toBeInTheDocument();
  });

  it('saves a changed rule and restores the defaults', async () => {
    await seedOffice();
    await openApp('/settings/deadlines', 'ru');
    const user = userEvent.setup();
    const decide = await screen.findByLabelText('Срок рассмотрения обращения');
    await user.clear(decide);
    await user.type(decide, '10');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByText('Изменения сохранены')).toBeInTheDocument();
    expect((await storedSettings()).deadlines.decideWorkingDays).toBe(10);
    expect(screen.getAllByText('По умолчанию: 15')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Восстановить значения по умолчанию' }));
    await waitFor(async () =>
      expect((await storedSettings()).deadlines).toEqual(DEFAULT_DEADLINE_RULES),
    );
    // The screen follows the stored settings through a live query, a moment later.
    await waitFor(() => {
      expect(screen.getByLabelText('Срок рассмотрения обращения')).toHaveValue(15);
      expect(
        screen.getByRole('button', { name: 'Восстановить значения по умолчанию' }),
      ).toBeDisabled();
    });
  });

  it.each([
    ['kk', 'Өтінішті қарау мерзімі', 'Сақтау', '1 мен 120 аралығындағы бүтін санды енгізіңіз'],
    ['ru', 'Срок рассмотрения обращения', 'Сохранить', 'Введите целое число от 1 до 120'],
  ] as const)('refuses values out of range (%s)', async (lang, label, save, message) => {
    await seedOffice();
    await openApp('/settings/deadlines', lang);
    const user = userEvent.setup();
    const input = await screen.findByLabelText(label);
    await user.clear(input);
    await user.type(input, '0');
    await user.click(screen.getByRole('button', { name: save }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    await user.clear(input);
    await user.click(screen.getByRole('button', { name: save }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect((await storedSettings()).deadlines.decideWorkingDays).toBe(15);
  });
});
