import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { ImportProgressStep } from '@renderer/db/repositories/dataExport';
import {
  ImportProgressDialog,
  useImportEta,
  type ImportState,
} from '@renderer/features/settings/ImportProgress';
import { initI18n } from '@renderer/i18n';
import { polyfillDialog } from './officeApp';

polyfillDialog();

/** The dialog fed steps by hand, on a clock the test moves. */
async function harness(lang: 'kk' | 'ru') {
  const i18n = await initI18n(lang);
  let clock = 0;
  let feed: (step: ImportProgressStep) => void = () => undefined;
  function Host() {
    const [state, setState] = useState<ImportState | null>(null);
    const eta = useImportEta(() => clock);
    feed = (step) => setState(eta.track(step));
    return <ImportProgressDialog state={state} />;
  }
  render(
    <I18nextProvider i18n={i18n}>
      <Host />
    </I18nextProvider>,
  );
  return {
    step: (step: ImportProgressStep, at: number) => {
      clock = at;
      act(() => feed(step));
    },
  };
}

// Numbers are grouped with narrow no-break spaces; compared here as plain spaces.
const text = () => (screen.getByRole('status').textContent ?? '').replace(/\s/g, ' ');

describe('the import progress dialog', () => {
  it('shows the steps, the share done and, once measured, about how many minutes are left (kk)', async () => {
    const { step } = await harness('kk');
    step({ phase: 'validate', done: 0, total: 100_000 }, 0);
    expect(screen.getByRole('dialog', { name: 'Деректер импорты' })).toBeTruthy();
    expect(text()).toContain('Файлды тексеру — орындалуда');
    expect(text()).toContain('Қалған уақыт есептелуде…');
    step({ phase: 'validate', done: 2_000, total: 100_000 }, 1_000);
    expect(text()).not.toContain('мин қалды');
    // 2,000 records a second: 20,000 done after 10 s, 80,000 left ≈ 40 s → about 1 min.
    for (let s = 2; s <= 10; s++)
      step({ phase: 'validate', done: s * 2_000, total: 100_000 }, s * 1_000);
    expect(text()).toContain('Жазбалар: 20 000 / 100 000');
    expect(text()).toContain('20%');
    expect(text()).toContain('шамамен 1 мин қалды');
    step({ phase: 'validate', done: 100_000, total: 100_000 }, 50_000);
    expect(text()).toContain('Жазбалар арасындағы байланыстар тексерілуде…');
    expect(text()).not.toContain('мин қалды');
    step({ phase: 'backup', done: 0, total: 1 }, 51_000);
    expect(text()).toContain('Файлды тексеру — дайын');
    expect(text()).toContain('Сақтық көшірме жасалуда…');
  });

  it('starts the estimate over for the writing, and speaks Russian (ru)', async () => {
    const { step } = await harness('ru');
    step({ phase: 'write', done: 0, total: 600_000 }, 0);
    expect(screen.getByRole('dialog', { name: 'Импорт данных' })).toBeTruthy();
    expect(text()).toContain('Оставшееся время оценивается…');
    // 1,000 records a second: 600 s of work → 10 min, then less as it goes.
    for (let s = 1; s <= 30; s++)
      step({ phase: 'write', done: s * 1_000, total: 600_000 }, s * 1_000);
    expect(text()).toContain('Записей: 30 000 из 600 000');
    expect(text()).toContain('осталось около 10 мин');
    for (let s = 31; s <= 540; s += 30)
      step({ phase: 'write', done: s * 1_000, total: 600_000 }, s * 1_000);
    expect(text()).toContain('осталось около 1 мин');
    expect(text()).toContain('Проверка файла — готово');
    expect(text()).toContain('Сохранение записей — выполняется');
  });
});
