import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { SyncConflict } from '@shared/sync';
import { ConflictList } from '@renderer/ui/ConflictList';
import { initI18n } from '@renderer/i18n';

/**
 * The conflict list as the live sync shows it (`texts="sync.conflicts"`; the exchange
 * packages' wording is in ConflictList.test.tsx): both values and the one before, and the
 * choice handed to `onDecide`.
 */
const conflict = (field: string, mine: unknown, theirs: unknown): SyncConflict => ({
  id: `appeals/a1/${field}`,
  table: 'appeals',
  recordId: 'a1',
  label: '2026-0003 · Жол жөндеу',
  kind: 'field',
  path: [field],
  field,
  mine,
  theirs,
  base: 'Жол жөндеу қажет',
  baseKnown: true,
});

async function renderList(lang: 'kk' | 'ru', onDecide = vi.fn(async () => undefined)) {
  const i18n = await initI18n(lang);
  render(
    <I18nextProvider i18n={i18n}>
      <ConflictList
        conflicts={[
          conflict('subject', 'Ремонт дороги на улице Абая', 'Жол жөндеу: Абай көшесі'),
          conflict('phones', ['+77011234567'], ['+77017654321']),
        ]}
        texts="sync.conflicts"
        tableLabel={() => (lang === 'kk' ? 'Өтініш' : 'Обращение')}
        fieldLabel={(f) => f}
        onDecide={onDecide}
      />
    </I18nextProvider>,
  );
  return onDecide;
}

describe('ConflictList', () => {
  it('shows mine, theirs and before, once per record, and passes "keep mine" / "keep theirs"', async () => {
    const onDecide = await renderList('ru');
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(1);
    const subject = screen.getByText('subject').closest('li')!;
    expect(within(subject).getByText('Ремонт дороги на улице Абая')).toBeInTheDocument();
    expect(within(subject).getByText('Жол жөндеу: Абай көшесі')).toBeInTheDocument();
    expect(within(subject).getByText('Жол жөндеу қажет')).toBeInTheDocument();
    await userEvent.click(within(subject).getByRole('button', { name: 'Взять их' }));
    expect(onDecide).toHaveBeenCalledWith(expect.objectContaining({ field: 'subject' }), 'theirs');
    const phones = screen.getByText('phones').closest('li')!;
    // A list reads as its items, the same as on the exchange screen.
    expect(within(phones).getByText('+77011234567')).toBeInTheDocument();
    // Lists cannot be typed over: only mine or theirs.
    expect(within(phones).queryByRole('button', { name: 'Исправить' })).toBeNull();
    await userEvent.click(within(phones).getByRole('button', { name: 'Оставить моё' }));
    expect(onDecide).toHaveBeenLastCalledWith(expect.objectContaining({ field: 'phones' }), 'mine');
  });

  it('edits a value by hand in Kazakh, and keeps the form when the decision is refused', async () => {
    const onDecide = vi.fn(async () => {
      throw new Error('validation');
    });
    await renderList('kk', onDecide);
    const subject = screen.getByText('subject').closest('li')!;
    await userEvent.click(within(subject).getByRole('button', { name: 'Түзету' }));
    const box = within(subject).getByLabelText('Жаңа мән');
    await userEvent.clear(box);
    await userEvent.type(box, 'Абай көшесіндегі жолды жөндеу');
    await userEvent.click(within(subject).getByRole('button', { name: 'Осыны сақтау' }));
    expect(onDecide).toHaveBeenCalledWith(expect.objectContaining({ field: 'subject' }), {
      value: 'Абай көшесіндегі жолды жөндеу',
    });
    await waitFor(() =>
      expect(within(subject).getByRole('alert')).toHaveTextContent(
        'Шешімді сақтау мүмкін болмады: мән жазба ережелеріне сай емес.',
      ),
    );
    expect(within(subject).getByLabelText('Жаңа мән')).toHaveValue('Абай көшесіндегі жолды жөндеу');
  });
});
