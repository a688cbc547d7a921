import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@renderer/db/database';
import { fillTheDisk } from '../../diskFull';
import { control, office, openForm, polyfillDialog, resetBrowserState, resetDb } from './helpers';

/**
 * The appeal form on a full disk: the real repository and Dexie, with every IndexedDB write
 * failing as the browser fails it. The save is shown as not saved, with what to do, and
 * everything typed stays in the form; once space is freed the same form registers.
 */
let disk: ReturnType<typeof fillTheDisk> | null = null;
beforeAll(polyfillDialog);
beforeEach(resetBrowserState);
afterEach(async () => {
  disk?.free();
  disk = null;
  await resetDb();
});
vi.setConfig({ testTimeout: 20_000 });

const SUBJECT = 'Аулада балалар алаңы сынған';
const TEXT = 'Жамбыл көшесі 7-үйдің ауласындағы әткеншек екі айдан бері сынық тұр.';

describe('appeal form on a full disk', () => {
  it('says the appeal was not saved and why, keeps the text, and registers after space is freed', async () => {
    await office();
    await openForm('ru');
    const u = userEvent.setup({ delay: null });
    await u.selectOptions(control('Канал поступления'), 'email');
    await u.click(control('Анонимное обращение (заявитель неизвестен)'));
    await u.click(control('Краткое содержание'));
    await u.paste(SUBJECT);
    await u.click(control('Суть проблемы (словами заявителя)'));
    await u.paste(TEXT);
    await u.selectOptions(control('Тема'), 'improvement');

    disk = fillTheDisk();
    await u.click(screen.getByRole('button', { name: 'Зарегистрировать' }));
    expect(await screen.findByText('Обращение не сохранено')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Не сохранено: на диске нет свободного места. Освободите место и сохраните ещё раз — введённое осталось в форме',
      ),
    ).toBeInTheDocument();
    expect(control('Краткое содержание')).toHaveValue(SUBJECT);
    expect(control('Суть проблемы (словами заявителя)')).toHaveValue(TEXT);
    expect(window.location.hash).toBe('#/appeals/new');

    disk.free();
    expect(await getDb().appeals.count()).toBe(0);
    await u.click(screen.getByRole('button', { name: 'Зарегистрировать' }));
    await waitFor(() => expect(window.location.hash).toMatch(/registered=1/));
    const stored = await getDb().appeals.toArray();
    expect(stored.map((a) => [a.subject, a.text])).toEqual([[SUBJECT, TEXT]]);
  });
});
