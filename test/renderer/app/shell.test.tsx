import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import { ErrorBoundary } from '../../../renderer/src/app/ErrorBoundary';
import { initI18n, storedLanguage } from '../../../renderer/src/i18n';
import { I18nextProvider } from 'react-i18next';

beforeEach(() => {
  localStorage.clear();
  window.location.hash = '';
});

describe('renderer shell', () => {
  it('starts in Kazakh with every section in the sidebar', async () => {
    const i18n = await initI18n();
    render(<App i18n={i18n} />);
    const nav = await screen.findByRole('navigation');
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Тізілім', 'Қабылдау', 'Сауалдар', 'Есептер', 'Баптаулар']);
    expect(document.documentElement.lang).toBe('kk');
  });

  it('switches to Russian and remembers the choice', async () => {
    const i18n = await initI18n();
    render(<App i18n={i18n} />);
    await userEvent.selectOptions(await screen.findByRole('combobox'), 'ru');
    expect(await screen.findByRole('link', { name: 'Реестр' })).toBeInTheDocument();
    expect(storedLanguage()).toBe('ru');
    expect(document.documentElement.lang).toBe('ru');
  });

  it('falls back to Kazakh when storage holds something unknown', () => {
    localStorage.setItem('tizilim.lang', 'en');
    expect(storedLanguage()).toBe('kk');
  });

  it('every section page says what will be there', async () => {
    const i18n = await initI18n('ru');
    render(<App i18n={i18n} />);
    for (const [link, title] of [
      ['Приём', 'Приём граждан'],
      ['Запросы', 'Депутатские запросы'],
      ['Отчёты', 'Публичный отчёт'],
      ['Настройки', 'Настройки'],
      ['Реестр', 'Реестр обращений'],
    ] as const) {
      await userEvent.click(await screen.findByRole('link', { name: link }));
      expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument();
      expect(screen.getByText('В разработке')).toBeInTheDocument();
    }
  });

  it('shows a bilingual-safe error screen instead of a blank page when a screen throws', async () => {
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
