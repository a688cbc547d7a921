import { WRITTEN_CONSENT } from '@test/renderer/db/helpers';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@renderer/db/database';
import { createAppeal, createApplicant } from '@renderer/db/repositories';
import type * as SearchModule from '@renderer/db/queries/registry';
import { holdBack } from '@test/renderer/holdBack';
import { openApp, resetDatabase, seedOffice } from '../settings/officeApp';

// The search is held back until the test lets it answer: the index never answers at once
// (as while it is being built or takes in a change), and its answer waits.
vi.mock('@renderer/db/queries/registry', async (importOriginal) => {
  const real = await importOriginal<typeof SearchModule>();
  const held = (await import('@test/renderer/holdBack')).holdBack;
  return {
    ...real,
    searchSettled: () => undefined,
    resolveSearch: async (...args: Parameters<typeof real.resolveSearch>) => {
      const ids = await real.resolveSearch(...args);
      await held.wait();
      return ids;
    },
  };
});

const NOW = new Date('2026-11-20T05:00:00Z');

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  // jsdom lays nothing out; the virtual table renders the rows that fit its height.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
});
afterEach(async () => {
  holdBack.open();
  vi.restoreAllMocks();
  vi.useRealTimers();
  await resetDatabase();
});

async function officeWithThreeAppeals() {
  const userId = await seedOffice();
  const ctx = { userId, now: () => NOW };
  const db = getDb();
  const person = await createApplicant(
    db,
    { consent: WRITTEN_CONSENT, fullName: 'Сейітқали Гүлнар Маратқызы', phones: ['87012345678'] },
    ctx,
  );
  const subjects = ['Шатыр ағып тұр', 'Нет горячей воды', 'Аулада жарық жоқ'];
  for (const [i, subject] of subjects.entries()) {
    await createAppeal(
      db,
      {
        channel: 'reception',
        topic: 'housing',
        receivedAt: `2026-11-1${String(i + 1)}T10:00`,
        applicantId: person.id,
        subject,
        text: `${subject}. Абай көшесі, 12.`,
        location: { locality: 'Астана', district: '', street: 'Абай', building: '12' },
      },
      ctx,
    );
  }
}

const activeRegNo = () =>
  document.querySelector('.registry-row.active .col-regNo')?.textContent ?? null;

describe('registry page while a search is being answered', { timeout: 30_000 }, () => {
  it('keeps the table, the selected row and the keyboard focus until the answer comes', async () => {
    await officeWithThreeAppeals();
    await openApp('/registry');
    await waitFor(() => expect(document.querySelectorAll('.registry-row')).toHaveLength(3));
    const user = userEvent.setup();

    holdBack.close();
    const search = screen.getByRole('searchbox', { name: /іздеу/i });
    await user.click(search);
    await user.keyboard('абай');
    // The first search has not answered: the rows stay, and the table says it is busy.
    await waitFor(() =>
      expect(document.querySelector('.registry-table-wrap')).toHaveAttribute('aria-busy', 'true'),
    );
    expect(document.querySelectorAll('.registry-row')).toHaveLength(3);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const grid = screen.getByRole('grid');
    expect(grid).toHaveFocus();
    expect(activeRegNo()).toBe('2026-0002');

    holdBack.open();
    await waitFor(() =>
      expect(document.querySelector('.registry-table-wrap')).not.toHaveAttribute('aria-busy'),
    );
    expect(screen.getByRole('grid')).toHaveFocus();
    expect(activeRegNo()).toBe('2026-0002');
  });

  it('drops the selection when the answer no longer holds the selected row', async () => {
    await officeWithThreeAppeals();
    await openApp('/registry');
    await waitFor(() => expect(document.querySelectorAll('.registry-row')).toHaveLength(3));
    const user = userEvent.setup();
    const search = screen.getByRole('searchbox', { name: /іздеу/i });
    await user.click(search);
    await user.keyboard('{ArrowDown}');
    expect(activeRegNo()).toBe('2026-0003');

    await user.click(search);
    await user.keyboard('горяч');
    await waitFor(() => expect(document.querySelectorAll('.registry-row')).toHaveLength(1));
    expect(activeRegNo()).toBeNull();
    await user.keyboard('{ArrowDown}');
    expect(activeRegNo()).toBe('2026-0002');
  });
});
