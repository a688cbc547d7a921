import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storedLanguage } from '@renderer/i18n';
import { openApp, resetDatabase, seedOffice, storedSettings } from './officeApp';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(resetDatabase);

describe('settings: work hours and language', { timeout: 30_000 }, () => {
  it('saves the working hours and refuses an end before the start', async () => {
    await seedOffice();
    await openApp('/settings/general');
    const user = userEvent.setup();
    const end = await screen.findByLabelText('Жұмыстың аяқталуы');
    await user.clear(end);
    await user.type(end, '08:00');
    await user.click(screen.getByRole('button', { name: 'Сақтау' }));
    expect(
      await screen.findByText('Аяқталу уақыты басталу уақытынан кейін болуы керек'),
    ).toBeInTheDocument();
    await user.clear(end);
    await user.type(end, '17:30');
    await user.click(screen.getByRole('button', { name: 'Сақтау' }));
    expect(await screen.findByText('Өзгерістер сақталды')).toBeInTheDocument();
    expect((await storedSettings()).workHours).toEqual({ start: '09:00', end: '17:30' });
    expect(screen.getByText(/аяқталғаннан кейін \(сағат 17:30\)/)).toBeInTheDocument();
  });

  it('switches the interface language at once, keeps it and saves it', async () => {
    await seedOffice();
    await openApp('/settings/general');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'Русский язык' }));
    expect(await screen.findByRole('heading', { name: 'Настройки' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Русский язык' })).toBeChecked();
    expect(storedLanguage()).toBe('ru');
    expect(document.documentElement.lang).toBe('ru');
    await waitFor(async () => expect((await storedSettings()).language).toBe('ru'));
  });
});
