import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { NotFoundPage } from '@renderer/ui/NotFoundPage';

function renderAt(element: ReactNode) {
  const router = createMemoryRouter(
    [
      { path: '/agencies/:id', element },
      { path: '/agencies', element: <h1>Мекемелер тізімі</h1> },
    ],
    { initialEntries: ['/agencies/joq'] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

describe('NotFoundPage', () => {
  it('names the missing record as the page title and leads back to its list', async () => {
    const router = renderAt(
      <NotFoundPage title="Мекеме табылмады" backTo="/agencies" backLabel="Мекемелер" />,
    );
    const title = screen.getByRole('heading', { level: 1, name: 'Мекеме табылмады' });
    expect(title.closest('section')).toHaveAccessibleName('Мекеме табылмады');
    const back = screen.getByRole('link', { name: 'Мекемелер' });
    expect(back).toHaveClass('button');
    await userEvent.setup().click(back);
    expect(router.state.location.pathname).toBe('/agencies');
    expect(await screen.findByRole('heading', { name: 'Мекемелер тізімі' })).toBeInTheDocument();
  });

  it('in Russian, with the text it is given', () => {
    renderAt(<NotFoundPage title="Запрос не найден" backTo="/agencies" backLabel="Запросы" />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Запрос не найден');
    expect(screen.getByRole('link', { name: 'Запросы' })).toHaveAttribute('href', '/agencies');
  });

  it('says why the record may be missing when it is given a body', () => {
    renderAt(
      <NotFoundPage
        title="Қабылдаулар"
        body="Қабылдау табылмады: ол жойылған болуы мүмкін."
        backTo="/agencies"
        backLabel="Тізімге оралу"
      />,
    );
    expect(screen.getByText('Қабылдау табылмады: ол жойылған болуы мүмкін.')).toHaveClass('lead');
    expect(screen.getByRole('link', { name: 'Тізімге оралу' })).toHaveClass('button');
  });
});
