import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getDb } from '@renderer/db/database';
import { searchIndexOf } from '@renderer/db/searchIndex';
import { openApp } from '../settings/officeApp';
import { officeWithThreeAppeals as threeAppeals, registryPageTests } from './registryOffice';

registryPageTests();
const officeWithThreeAppeals = () => threeAppeals('Төлегенова Жанар Серікқызы', true);

const regNos = () =>
  [...document.querySelectorAll('.registry-row .col-regNo')].map((cell) => cell.textContent);
const type = (text: string) =>
  fireEvent.change(screen.getByRole('searchbox', { name: /іздеу/i }), {
    target: { value: text },
  });

describe('registry query', { timeout: 30_000 }, () => {
  it('answers a search in the keystroke’s own render once the index holds every change', async () => {
    await officeWithThreeAppeals();
    await openApp('/registry');
    await waitFor(() => expect(regNos()).toHaveLength(3));
    // Every row is in memory (the views count them), not only the first page.
    await waitFor(() => expect(document.querySelector('.view-count')).not.toBeNull());
    await searchIndexOf(getDb()).ready();
    await waitFor(() => expect(searchIndexOf(getDb()).settled()).not.toBeNull());

    type('Tolegenova');
    // No task in between: the count, the URL and the busy mark are as they will stay.
    expect(document.querySelector('.registry-total')).toHaveTextContent(/^2 /);
    expect(document.querySelector('.registry-table-wrap')).not.toHaveAttribute('aria-busy');
    expect(window.location.hash).toBe('#/registry?q=Tolegenova');
    await waitFor(() => expect(regNos()).toEqual(['2026-0003', '2026-0001']));

    type('');
    expect(document.querySelector('.registry-total')).toHaveTextContent(/^3 /);
    expect(window.location.hash).toBe('#/registry');
    await waitFor(() => expect(regNos()).toEqual(['2026-0003', '2026-0002', '2026-0001']));
  });

  it('keeps the query in the URL: Back from an appeal and a link to a view bring theirs', async () => {
    await officeWithThreeAppeals();
    await openApp('/registry');
    await waitFor(() => expect(regNos()).toHaveLength(3));
    // Every row is in memory (the views count them), not only the first page.
    await waitFor(() => expect(document.querySelector('.view-count')).not.toBeNull());
    await searchIndexOf(getDb()).ready();

    type('горяч');
    await waitFor(() => expect(regNos()).toEqual(['2026-0002']));
    expect(window.location.hash).toBe(`#/registry?q=${encodeURIComponent('горяч')}`);
    const grid = screen.getByRole('grid');
    act(() => grid.focus());
    fireEvent.keyDown(grid, { key: 'Enter' });
    await waitFor(() => expect(document.querySelector('.registry-page')).toBeNull());

    act(() => window.history.back());
    await waitFor(() => expect(regNos()).toEqual(['2026-0002']));
    expect(screen.getByRole('searchbox', { name: /іздеу/i })).toHaveValue('горяч');

    // A link into the registry (the Today screen's cards) replaces the query.
    act(() => {
      window.location.hash = '#/registry?view=not_contacted';
    });
    await waitFor(() => expect(screen.getByRole('searchbox', { name: /іздеу/i })).toHaveValue(''));
    expect(document.querySelector('.view-tab.active')?.getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(regNos()).toEqual(['2026-0003', '2026-0001']));
  });
});
