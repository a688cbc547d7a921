import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '@renderer/i18n';
import type { Conflict } from '@shared/merge';
import { ConflictList, type ConflictDecision } from '@renderer/ui/ConflictList';

const SUBJECT: Conflict = {
  id: 'appeals/a1/subject',
  table: 'appeals',
  recordId: 'a1',
  label: '2026-0001 Ыстық су жоқ',
  kind: 'field',
  path: ['subject'],
  field: 'subject',
  mine: 'Ыстық су жоқ — кеңседе нақтыланды',
  theirs: 'Ыстық су жоқ — қабылдауда нақтыланды',
  base: 'Ыстық су жоқ',
  baseKnown: true,
};
const TAGS: Conflict = {
  ...SUBJECT,
  id: 'appeals/a1/tags',
  path: ['tags'],
  field: 'tags',
  mine: ['жылу', 'су'],
  theirs: [],
  base: null,
  baseKnown: false,
};

function renderList(onDecide: (c: Conflict, d: ConflictDecision) => Promise<void>) {
  render(
    <ConflictList
      conflicts={[SUBJECT, TAGS]}
      texts="exchange.conflicts"
      tableLabel={() => 'Өтініш'}
      fieldLabel={(f) => (f === 'subject' ? 'Тақырыбы' : 'Белгілер')}
      sourceLabel={() => 'жіберген: Қабылдау ноутбугі'}
      onDecide={onDecide}
    />,
  );
}

beforeAll(async () => {
  await initI18n('kk');
});

describe('ConflictList', () => {
  it('shows one record with both fields: this laptop, the package and what it was before', () => {
    renderList(async () => {});
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(
      'Өтініш 2026-0001 Ыстық су жоқ · жіберген: Қабылдау ноутбугі',
    );
    expect(screen.getByText('Ыстық су жоқ — кеңседе нақтыланды')).toBeInTheDocument();
    expect(screen.getByText('Ыстық су жоқ — қабылдауда нақтыланды')).toBeInTheDocument();
    expect(screen.getByText('Ыстық су жоқ')).toBeInTheDocument();
    expect(screen.getByText('жылу, су')).toBeInTheDocument();
    expect(screen.getByText('(бос)')).toBeInTheDocument();
    // Only a text can be typed; a list is kept or taken.
    expect(screen.getAllByRole('button', { name: 'Өзім түзетемін' })).toHaveLength(1);
  });

  it('passes the decision on: keep theirs, or a typed value', async () => {
    const onDecide = vi.fn(async () => {});
    renderList(onDecide);
    const user = userEvent.setup();
    await user.click(screen.getAllByRole('button', { name: 'Келгенін алу' })[1]!);
    expect(onDecide).toHaveBeenLastCalledWith(TAGS, 'theirs');
    await user.click(screen.getByRole('button', { name: 'Өзім түзетемін' }));
    const box = screen.getByLabelText('Дұрыс мәні');
    await user.clear(box);
    await user.type(box, 'Абай 12: ыстық су жоқ');
    await user.click(screen.getByRole('button', { name: 'Сақтау' }));
    expect(onDecide).toHaveBeenLastCalledWith(SUBJECT, { value: 'Абай 12: ыстық су жоқ' });
  });

  it('says so when a decision is refused, and the buttons work again', async () => {
    renderList(async () => {
      throw new Error('invalid_value');
    });
    const user = userEvent.setup();
    const keep = screen.getAllByRole('button', { name: 'Осы ноутбуктағыны қалдыру' })[0]!;
    await user.click(keep);
    expect(await screen.findByRole('alert')).toHaveTextContent('Шешім сақталмады');
    await waitFor(() => expect(keep).toBeEnabled());
  });

  it('says when nothing waits for a decision', () => {
    render(
      <ConflictList
        conflicts={[]}
        texts="exchange.conflicts"
        tableLabel={String}
        fieldLabel={String}
        onDecide={async () => {}}
      />,
    );
    expect(screen.getByText('Шешім күтетін қайшылық жоқ.')).toBeInTheDocument();
  });
});
