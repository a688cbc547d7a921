import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ASSISTANT, openApp, resetDatabase, seedOffice, storedSettings } from './officeApp';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(resetDatabase);

/** The person's row, once the list (a live query) shows them; the notice comes first. */
async function rowOf(name: string) {
  const cell = await screen.findByText(name, { selector: 'td strong' });
  return cell.closest('tr')!;
}

describe('settings: staff', { timeout: 30_000 }, () => {
  it('adds, renames, changes the role of and deactivates a staff member, never deleting', async () => {
    await seedOffice();
    await openApp('/settings/staff');
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText(/^Аты-жөні/), 'Дәурен Сапарұлы');
    await user.selectOptions(screen.getByLabelText('Қызметі'), 'staff');
    await user.click(screen.getByRole('button', { name: 'Қосу' }));
    expect(await screen.findByText('Дәурен Сапарұлы тізімге қосылды')).toBeInTheDocument();
    expect(
      await within(await rowOf('Дәурен Сапарұлы')).findByText('Мәслихат аппаратының қызметкері'),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Дәурен Сапарұлы: өзгерту' }));
    const dialog = await screen.findByRole('dialog', { name: 'Қызметкердің деректерін өзгерту' });
    const name = within(dialog).getByLabelText(/^Аты-жөні/);
    await user.clear(name);
    await user.type(name, 'Дәурен Сапарұлы Қасымов');
    await user.selectOptions(within(dialog).getByLabelText('Қызметі'), 'assistant');
    await user.click(within(dialog).getByRole('button', { name: 'Сақтау' }));
    const renamed = await screen.findByText('Дәурен Сапарұлы Қасымов', { selector: 'td strong' });
    expect(
      await within(renamed.closest('tr')!).findByText('Депутаттың көмекшісі'),
    ).toBeInTheDocument();

    await user.click(
      screen.getByRole('button', { name: 'Дәурен Сапарұлы Қасымов: белсенділігін тоқтату' }),
    );
    expect(
      await screen.findByText('Дәурен Сапарұлы Қасымов белсенді емес деп белгіленді'),
    ).toBeInTheDocument();
    expect(
      await within(await rowOf('Дәурен Сапарұлы Қасымов')).findByText('Белсенді емес'),
    ).toBeInTheDocument();

    const stored = await storedSettings();
    expect(stored.users.map((u) => [u.fullName, u.role, u.active])).toEqual([
      [ASSISTANT, 'assistant', true],
      ['Дәурен Сапарұлы Қасымов', 'assistant', false],
    ]);

    await user.click(
      screen.getByRole('button', { name: 'Дәурен Сапарұлы Қасымов: қайта белсендіру' }),
    );
    expect(
      await screen.findByText('Дәурен Сапарұлы Қасымов қайта белсендірілді'),
    ).toBeInTheDocument();
    expect((await storedSettings()).users.every((u) => u.active)).toBe(true);
  });

  it('the current user cannot deactivate themselves and is marked', async () => {
    await seedOffice({ users: [] });
    await openApp('/settings/staff', 'ru');
    const button = await screen.findByRole('button', { name: `Деактивировать: ${ASSISTANT}` });
    expect(button).toBeDisabled();
    expect(within(await rowOf(ASSISTANT)).getByText('это вы')).toBeInTheDocument();
  });

  it('a name is required, in the user’s language', async () => {
    await seedOffice();
    await openApp('/settings/staff', 'ru');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Добавить' }));
    expect(await screen.findByText('Заполните это поле')).toBeInTheDocument();
    expect((await storedSettings()).users).toHaveLength(1);
  });
});
