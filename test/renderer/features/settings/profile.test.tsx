import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@renderer/db/database';
import { saveSettings } from '@renderer/db/repositories';
import { openApp, resetDatabase, seedOffice, storedSettings } from './officeApp';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(resetDatabase);

describe('settings: deputy profile', { timeout: 30_000 }, () => {
  it('/settings opens the profile tab; all sections are tabs', async () => {
    await seedOffice();
    await openApp('/settings');
    expect(await screen.findByLabelText('Аты-жөні (қазақша)')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/settings/profile');
    const tabs = screen.getByRole('navigation', { name: 'Баптаулар бөлімдері' });
    expect([...tabs.querySelectorAll('a')].map((a) => a.textContent)).toEqual([
      'Депутат профилі',
      'Қызметкерлер',
      'Тақырыптар',
      'Жер атаулары',
      'Жұмыс күнтізбесі',
      'Мерзімдер',
      'Чек-парақтар',
      'Жұмыс уақыты және тіл',
      'Деректер',
      'Алмасу',
      'Синхрондау',
    ]);
  });

  it('saves the profile in both languages; the phone is normalised', async () => {
    await seedOffice();
    await openApp('/settings/profile');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Аты-жөні (қазақша)'), 'Серік Болатұлы Ахметов');
    await user.type(screen.getByLabelText('Аты-жөні (орысша)'), 'Ахметов Серик Болатович');
    await user.type(
      screen.getByLabelText('Лауазымы (қазақша)'),
      'Алматы қалалық мәслихатының депутаты',
    );
    await user.selectOptions(screen.getByLabelText('Мәслихат деңгейі'), 'republican_city');
    await user.type(screen.getByLabelText('Мәслихаттың атауы (орысша)'), 'Маслихат города Алматы');
    await user.type(screen.getByLabelText('Округ нөмірі'), '12');
    await user.type(
      screen.getByLabelText('Азаматтарды қабылдау мекенжайы (қазақша)'),
      'Абай даңғылы, 10',
    );
    await user.type(screen.getByLabelText('Телефон'), '8 (701) 234-56-78');
    await user.type(screen.getByLabelText('Электрондық пошта'), 'deputy@example.kz');
    await user.type(screen.getByLabelText('Telegram'), '@akhmetov_deputy');
    expect(screen.getByRole('status')).toHaveTextContent('Сақталмаған өзгерістер бар');
    await user.click(screen.getByRole('button', { name: 'Сақтау' }));

    expect(await screen.findByText('Өзгерістер сақталды')).toBeInTheDocument();
    const stored = await storedSettings();
    expect(stored.deputy.fullName).toEqual({
      kk: 'Серік Болатұлы Ахметов',
      ru: 'Ахметов Серик Болатович',
    });
    expect(stored.maslikhat).toEqual({
      level: 'republican_city',
      name: { kk: '', ru: 'Маслихат города Алматы' },
    });
    expect(stored.okrugNumber).toBe(12);
    expect(stored.receptionAddress.kk).toBe('Абай даңғылы, 10');
    expect(stored.contacts).toMatchObject({
      phone: '+77012345678',
      email: 'deputy@example.kz',
      telegram: '@akhmetov_deputy',
    });
    expect(screen.getByLabelText('Телефон')).toHaveValue('+7 701 234 56 78');
  });

  it.each([
    [
      'kk',
      {
        phone: 'Телефон',
        email: 'Электрондық пошта',
        okrug: 'Округ нөмірі',
        save: 'Сақтау',
      },
      [
        'Телефон нөмірінде әріп болмауы керек',
        'Электрондық пошта мекенжайы дұрыс емес',
        'Оң бүтін сан енгізіңіз',
        'Сақталмады: белгіленген өрістерді түзетіңіз',
      ],
    ],
    [
      'ru',
      {
        phone: 'Телефон',
        email: 'Электронная почта',
        okrug: 'Номер округа',
        save: 'Сохранить',
      },
      [
        'В номере телефона не должно быть букв',
        'Неверный адрес электронной почты',
        'Введите целое положительное число',
        'Не сохранено: исправьте отмеченные поля',
      ],
    ],
  ] as const)(
    'explains invalid fields in %s and stores nothing',
    async (lang, labels, messages) => {
      await seedOffice();
      await openApp('/settings/profile', lang);
      const user = userEvent.setup();
      const before = (await storedSettings()).version;
      await user.type(await screen.findByLabelText(labels.phone), '8 701 ABC');
      await user.type(screen.getByLabelText(labels.email), 'deputy@');
      await user.type(screen.getByLabelText(labels.okrug), '0');
      await user.click(screen.getByRole('button', { name: labels.save }));
      for (const message of messages) expect(await screen.findByText(message)).toBeInTheDocument();
      expect(screen.getByLabelText(labels.email)).toHaveAttribute('aria-invalid', 'true');
      expect((await storedSettings()).version).toBe(before);
    },
  );

  it('refuses to overwrite a change saved meanwhile by someone else', async () => {
    await seedOffice();
    await openApp('/settings/profile');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Аты-жөні (қазақша)'), 'Серік');
    // Another window saves the settings while this form is being edited.
    await saveSettings(
      getDb(),
      { ...(await storedSettings()), okrugDescription: { kk: 'Бостандық ауданы', ru: '' } },
      { userId: 'other' },
    );
    await user.click(screen.getByRole('button', { name: 'Сақтау' }));
    expect(
      await screen.findByText(/Бұл жазбаны сізден бұрын басқа қызметкер өзгертті/),
    ).toBeInTheDocument();
    const stored = await storedSettings();
    expect(stored.deputy.fullName.kk).toBe('');
    expect(stored.okrugDescription.kk).toBe('Бостандық ауданы');
  });

  it('keeps a change made meanwhile to another section', async () => {
    await seedOffice();
    await openApp('/settings/profile');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Аты-жөні (қазақша)'), 'Серік');
    const current = await storedSettings();
    await saveSettings(
      getDb(),
      { ...current, deadlines: { ...current.deadlines, decideWorkingDays: 10 } },
      { userId: 'other' },
    );
    await user.click(screen.getByRole('button', { name: 'Сақтау' }));
    expect(await screen.findByText('Өзгерістер сақталды')).toBeInTheDocument();
    const stored = await storedSettings();
    expect(stored.deputy.fullName.kk).toBe('Серік');
    expect(stored.deadlines.decideWorkingDays).toBe(10);
  });

  it('an untouched form follows changes saved elsewhere', async () => {
    await seedOffice();
    await openApp('/settings/profile');
    const input = await screen.findByLabelText('Аты-жөні (орысша)');
    await saveSettings(
      getDb(),
      {
        ...(await storedSettings()),
        deputy: { fullName: { kk: '', ru: 'Ахметов С.' }, position: { kk: '', ru: '' } },
      },
      { userId: 'other' },
    );
    await waitFor(() => expect(input).toHaveValue('Ахметов С.'));
  });
});
