import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type * as SearchModule from '@renderer/db/queries/registry';
import { holdBack } from '@test/renderer/holdBack';
import { openApp } from '../settings/officeApp';
import { officeWithThreeAppeals as threeAppeals, registryPageTests } from './registryOffice';

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

registryPageTests(() => holdBack.open());
const officeWithThreeAppeals = () => threeAppeals('Сейітқали Гүлнар Маратқызы');

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
