import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@renderer/db/database';
import { RepositoryError } from '@renderer/db/repositories';
import type * as Attachments from '@renderer/db/repositories/attachments';
import { control, office, openForm, polyfillDialog, resetBrowserState, resetDb } from './helpers';

/** The next save fails with this error (the real repository runs otherwise). */
const failure = vi.hoisted(() => ({ next: null as unknown }));

vi.mock('@renderer/db/repositories/attachments', async (importOriginal) => {
  const actual = await importOriginal<typeof Attachments>();
  return {
    ...actual,
    createAppealWithAttachments: (
      ...args: Parameters<typeof actual.createAppealWithAttachments>
    ) => {
      const error = failure.next;
      failure.next = null;
      return error ? Promise.reject(error) : actual.createAppealWithAttachments(...args);
    },
  };
});

beforeAll(polyfillDialog);
beforeEach(resetBrowserState);
afterEach(resetDb);
vi.setConfig({ testTimeout: 20_000 });

const SUBJECT = 'Көшеде шам жанбайды';
const TEXT = 'Сәтпаев көшесінде бір айдан бері кешкі шамдар жанбайды.';

async function fillForm() {
  const u = userEvent.setup({ delay: null });
  await u.selectOptions(control('Келіп түсу тәсілі'), 'email');
  await u.click(control('Жасырын өтініш (өтініш беруші белгісіз)'));
  await u.type(control('Қысқаша мазмұны'), SUBJECT);
  await u.type(control('Мәселе (өтініш берушінің сөзімен)'), TEXT);
  await u.selectOptions(control('Тақырып'), 'improvement');
  return u;
}

describe('appeal form: a refused save', () => {
  it('shows a field issue on its field, focuses it, and keeps everything typed', async () => {
    await office();
    await openForm('kk');
    const u = await fillForm();
    failure.next = new RepositoryError('validation', null, [{ path: 'subject', code: 'too_long' }]);
    await u.click(screen.getByRole('button', { name: 'Тіркеу' }));

    const subject = control('Қысқаша мазмұны');
    await waitFor(() => expect(subject).toHaveAccessibleDescription('Мәтін тым ұзын'));
    await waitFor(() => expect(subject).toHaveFocus());
    expect(screen.getByText('Өтініш сақталмады')).toBeInTheDocument();
    expect(screen.getByText('Белгіленген өрістерді тексеріңіз')).toBeInTheDocument();
    expect(subject).toHaveValue(SUBJECT);
    expect(control('Мәселе (өтініш берушінің сөзімен)')).toHaveValue(TEXT);
    expect(await getDb().appeals.count()).toBe(0);
    // The draft is kept while the appeal is not saved.
    await waitFor(async () => expect(await getDb().drafts.count()).toBe(1));

    // The next attempt goes through.
    await u.click(screen.getByRole('button', { name: 'Тіркеу' }));
    await waitFor(() => expect(window.location.hash).toMatch(/registered=1/));
    expect(await getDb().appeals.count()).toBe(1);
    expect(await getDb().drafts.count()).toBe(0);
  });

  it('shows a general reason in the user’s language when no field is to blame', async () => {
    await office();
    await openForm('ru');
    const u = userEvent.setup({ delay: null });
    await u.selectOptions(control('Канал поступления'), 'email');
    await u.click(control('Анонимное обращение (заявитель неизвестен)'));
    await u.type(control('Краткое содержание'), SUBJECT);
    await u.type(control('Суть проблемы (словами заявителя)'), TEXT);
    await u.selectOptions(control('Тема'), 'improvement');
    failure.next = new RepositoryError('conflict', 'edit_conflict');
    await u.click(screen.getByRole('button', { name: 'Зарегистрировать' }));
    expect(await screen.findByText('Обращение не сохранено')).toBeInTheDocument();
    expect(screen.getByText(/Эту запись уже изменил другой сотрудник/)).toBeInTheDocument();
    await waitFor(() => expect(document.querySelector('.save-error')).toHaveFocus());
    expect(control('Краткое содержание')).toHaveValue(SUBJECT);
  });

  it('reports a failure of the database itself without losing the text', async () => {
    await office();
    await openForm('kk');
    const u = await fillForm();
    failure.next = new Error('QuotaExceededError');
    await u.click(screen.getByRole('button', { name: 'Тіркеу' }));
    expect(
      await screen.findByText(/Дерекқорға жазу мүмкін болмады \(QuotaExceededError\)/),
    ).toBeInTheDocument();
    expect(control('Қысқаша мазмұны')).toHaveValue(SUBJECT);
    expect(screen.getByRole('button', { name: 'Тіркеу' })).toBeEnabled();
  });
});
