import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { App } from '@renderer/app/App';
import { ErrorBoundary } from '@renderer/app/ErrorBoundary';
import { initI18n, storedLanguage } from '@renderer/i18n';
import { getDb } from '@renderer/db/database';
import { saveSettings } from '@renderer/db/repositories';
import { newId } from '@shared/ids';
import { resetAppDatabase } from '../resetApp';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  window.location.hash = '';
});
afterEach(resetAppDatabase);

async function officeWith(users: { fullName: string; role: 'deputy' | 'assistant' }[]) {
  const ids = users.map(() => newId());
  await saveSettings(
    getDb(),
    { users: users.map((u, i) => ({ ...u, id: ids[i]!, active: true })) },
    { userId: 'setup' },
  );
  return ids;
}

describe('renderer shell', () => {
  it('a fresh database asks who is working, in Kazakh, and records the first user', async () => {
    const i18n = await initI18n();
    render(<App i18n={i18n} />);
    expect(
      await screen.findByRole('heading', { name: 'Tizilim-ге қош келдіңіз' }),
    ).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/Аты-жөніңіз/), 'Айгерім Нұрланқызы');
    await userEvent.click(screen.getByRole('button', { name: 'Жұмысты бастау' }));
    const nav = await screen.findByRole('navigation');
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Бүгін',
      'Тізілім',
      'Өтініш берушілер',
      'Қабылдау',
      'Сауалдар',
      'Мекемелер',
      'Хат үлгілері',
      'Бастамалар',
      'Мәселелер картасы',
      'Есептер',
      'Баптаулар',
    ]);
    const settings = await getDb().settings.get('settings');
    expect(settings?.users.map((u) => [u.fullName, u.role])).toEqual([
      ['Айгерім Нұрланқызы', 'assistant'],
    ]);
    expect(document.documentElement.lang).toBe('kk');
  });

  it('first run refuses an empty name and stores nothing', async () => {
    const i18n = await initI18n();
    render(<App i18n={i18n} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Жұмысты бастау' }));
    expect(await screen.findByText('Аты-жөніңізді жазыңыз')).toBeInTheDocument();
    expect(await getDb().settings.count()).toBe(0);
  });

  it('with several staff members, asks who is at the keyboard', async () => {
    await officeWith([
      { fullName: 'Серік Болатұлы', role: 'deputy' },
      { fullName: 'Айгерім Нұрланқызы', role: 'assistant' },
    ]);
    const i18n = await initI18n('ru');
    render(<App i18n={i18n} />);
    expect(await screen.findByRole('heading', { name: 'Кто работает?' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Айгерім Нұрланқызы/ }));
    expect(
      await screen.findByText('Айгерім Нұрланқызы', { selector: '.current-user strong' }),
    ).toBeInTheDocument();
  });

  it('switches to Russian and remembers the choice', async () => {
    await officeWith([{ fullName: 'Айгерім Нұрланқызы', role: 'assistant' }]);
    const i18n = await initI18n();
    render(<App i18n={i18n} />);
    await userEvent.selectOptions(
      await screen.findByRole('combobox', { name: 'Интерфейс тілі' }),
      'ru',
    );
    expect(await screen.findByRole('link', { name: 'Реестр' })).toBeInTheDocument();
    expect(storedLanguage()).toBe('ru');
    expect(document.documentElement.lang).toBe('ru');
  });

  it('falls back to Kazakh when storage holds something unknown', () => {
    localStorage.setItem('tizilim.lang', 'en');
    expect(storedLanguage()).toBe('kk');
  });

  it('every section in the sidebar opens its own page with a heading', async () => {
    await officeWith([{ fullName: 'Айгерім Нұрланқызы', role: 'assistant' }]);
    const i18n = await initI18n('ru');
    render(<App i18n={i18n} />);
    const nav = await screen.findByRole('navigation');
    for (const name of ['Приём', 'Запросы', 'Организации', 'Шаблоны', 'Инициативы', 'Отчёты']) {
      const link = within(nav).getByRole('link', { name });
      await userEvent.click(link);
      await waitFor(() => expect(link).toHaveAttribute('aria-current', 'page'));
      // The report's preview is the print layout and brings its own h1 along.
      expect((await screen.findAllByRole('heading', { level: 1 })).length).toBeGreaterThan(0);
    }
  });

  it('shows an error screen in the current language instead of a blank page when a screen throws', async () => {
    const i18n = await initI18n('kk');
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    function Broken(): never {
      throw new Error('сынған компонент');
    }
    render(
      <I18nextProvider i18n={i18n}>
        <ErrorBoundary>
          <Broken />
        </ErrorBoundary>
      </I18nextProvider>,
    );
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent('Бір нәрсе дұрыс болмады');
    expect(alert).toHaveTextContent('сынған компонент');
    await act(() => i18n.changeLanguage('ru'));
    expect(within(alert).getByRole('heading')).toHaveTextContent('Что-то пошло не так');
    spy.mockRestore();
  });
});

describe('the database cannot be opened', () => {
  it('says so and what to do (free space, reload) in kk and ru, not "something went wrong"', async () => {
    const i18n = await initI18n('kk');
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    // What Dexie throws when Chromium cannot open its backing store on a full disk.
    const failure = Object.assign(new Error('Internal error opening backing store'), {
      name: 'OpenFailedError',
      inner: new DOMException('Internal error opening backing store', 'UnknownError'),
    });
    function Unopenable(): never {
      throw failure;
    }
    render(
      <I18nextProvider i18n={i18n}>
        <ErrorBoundary>
          <Unopenable />
        </ErrorBoundary>
      </I18nextProvider>,
    );
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent('Тізілім дерекқоры ашылмады');
    expect(alert).toHaveTextContent('кемінде 1 ГБ орын босатып');
    await act(() => i18n.changeLanguage('ru'));
    expect(within(alert).getByRole('heading')).toHaveTextContent('Не удалось открыть базу реестра');
    expect(alert).toHaveTextContent('Освободите на диске не меньше 1 ГБ');
    expect(alert).toHaveTextContent('OpenFailedError');
    spy.mockRestore();
  });
});

describe('print pages', () => {
  it('render without asking who is working (Electron prints them in a fresh hidden window)', async () => {
    await officeWith([
      { fullName: 'Серік Болатұлы', role: 'deputy' },
      { fullName: 'Айгерім Нұрланқызы', role: 'assistant' },
    ]);
    window.location.hash = '#/print/receipt/no-such-appeal';
    const i18n = await initI18n('kk');
    render(<App i18n={i18n} />);
    // The print page itself answers (here: the appeal does not exist), not the user picker.
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Кім жұмыс істейді?' })).toBeNull();
  });
});

describe('a one-person office', () => {
  it('keeps the person at the keyboard when a colleague is added', async () => {
    const [only] = await officeWith([{ fullName: 'Айгерім Нұрланқызы', role: 'assistant' }]);
    const i18n = await initI18n('kk');
    render(<App i18n={i18n} />);
    expect(
      await screen.findByText('Айгерім Нұрланқызы', { selector: '.current-user strong' }),
    ).toBeInTheDocument();
    const settings = (await getDb().settings.get('settings'))!;
    await act(() =>
      saveSettings(
        getDb(),
        {
          ...settings,
          users: [
            ...settings.users,
            { id: newId(), fullName: 'Серік Болатұлы', role: 'deputy', active: true },
          ],
        },
        { userId: only! },
      ),
    );
    // The staff list shows the colleague once the session has the new settings; only then is
    // "nobody asked who is working" a fact rather than a race.
    window.location.hash = '#/settings/staff';
    expect(await screen.findByText('Серік Болатұлы')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Кім жұмыс істейді?' })).toBeNull();
    expect(
      screen.getByText('Айгерім Нұрланқызы', { selector: '.current-user strong' }),
    ).toBeInTheDocument();
  });
});
