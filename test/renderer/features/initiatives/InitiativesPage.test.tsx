import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toKzLocalDate } from '@shared/calendar/zone';
import { getDb } from '@renderer/db/database';
import { createInitiative, createPlanItem } from '@renderer/db/repositories';
import { listPlanItems } from '@renderer/db/queries/initiatives';
import { nextQuarterOf } from '@renderer/features/initiatives/quarters';
import { office, polyfillDialog, renderAt, resetDb } from '../applicants/render';

/** A public text's Kazakh field (the pair sits under one legend: «Атауы», «Нәтижесі»…). */
function kazakhField(dialog: HTMLElement, legend: string | RegExp): HTMLElement {
  return within(within(dialog).getByRole('group', { name: legend })).getByLabelText('Қазақша');
}

beforeEach(polyfillDialog);
afterEach(resetDb);

describe('initiatives page', () => {
  it('records an initiative through the dialog and lists it with its labels', async () => {
    await office();
    await renderAt('/initiatives');
    const user = userEvent.setup();
    expect(await screen.findByText(/Әзірге бастама жоқ/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Жаңа бастама/ }));
    const dialog = await screen.findByRole('dialog');
    // Saving without a title is refused in Kazakh.
    await user.click(within(dialog).getByRole('button', { name: 'Сақтау' }));
    expect(await within(dialog).findByText('Бұл өрісті толтырыңыз')).toBeInTheDocument();

    await user.type(kazakhField(dialog, /^Атауы/), 'Кенесары көшесін жарықтандыру');
    await user.selectOptions(within(dialog).getByLabelText('Қайда енгізілді'), 'budget');
    fireEvent.change(within(dialog).getByLabelText('Енгізілген күні'), {
      target: { value: '2026-08-15' },
    });
    await user.selectOptions(within(dialog).getByLabelText('Мәртебесі'), 'adopted');
    await user.type(kazakhField(dialog, 'Нәтижесі'), 'Бюджетке 120 млн теңге енгізілді');
    const summary = kazakhField(dialog, 'Есепке арналған қысқаша мәтін');
    await user.type(summary, 'Хабарласу: +7 701 123 45 67');
    expect(within(dialog).getByRole('status')).toHaveTextContent('телефон нөмірі');
    await user.clear(summary);
    await user.type(summary, 'Көшеге 40 шам орнатылады.');
    expect(within(dialog).queryByRole('status')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Сақтау' }));

    const table = await screen.findByRole('table');
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('15.08.2026');
    expect(row).toHaveTextContent('Кенесары көшесін жарықтандыру');
    expect(row).toHaveTextContent('Бюджет');
    expect(row).toHaveTextContent('Қабылданды');
    expect(row).toHaveTextContent('Көшеге 40 шам орнатылады.');
    const [stored] = await getDb().initiatives.toArray();
    expect(stored).toMatchObject({
      target: 'budget',
      status: 'adopted',
      inReport: true,
      version: 1,
    });

    // The in-report switch writes through the repository.
    await user.click(within(row).getByRole('switch'));
    await waitFor(async () => {
      expect((await getDb().initiatives.get(stored!.id))?.inReport).toBe(false);
    });
  });

  it('asks for the date of a submitted initiative and deletes after confirmation (ru)', async () => {
    const ctx = await office();
    await createInitiative(
      getDb(),
      {
        title: 'Ремонт остановок',
        status: 'submitted',
        submittedOn: '2026-07-05',
        target: 'akimat',
      },
      ctx,
    );
    await renderAt('/initiatives', 'ru');
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', { name: 'Изменить инициативу «Ремонт остановок»' }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Дата внесения'), { target: { value: '' } });
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    expect(await within(dialog).findByText('Заполните это поле')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Отмена' }));

    await user.click(screen.getByRole('button', { name: 'Удалить инициативу «Ремонт остановок»' }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm).toHaveTextContent('будет убрана из списка и из отчётов');
    await user.click(within(confirm).getByRole('button', { name: 'Удалить' }));
    expect(await screen.findByText(/Инициатив пока нет/)).toBeInTheDocument();
    expect((await getDb().initiatives.toArray())[0]?.deletedAt).not.toBeNull();
  });

  it('plans the next quarter by default, adds priorities and reorders them from the keyboard', async () => {
    const ctx = await office();
    const next = nextQuarterOf(toKzLocalDate(new Date()));
    await createPlanItem(
      getDb(),
      { year: next.year, quarter: next.quarter, title: 'Аулаларды абаттандыру' },
      ctx,
    );
    await renderAt('/initiatives?tab=plan');
    const user = userEvent.setup();
    expect(await screen.findByRole('tab', { name: 'Тоқсан жоспары' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByLabelText('Жыл')).toHaveValue(String(next.year));
    expect(screen.getByLabelText('Тоқсан')).toHaveValue(String(next.quarter));

    await user.click(screen.getByRole('button', { name: /Жаңа басымдық/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(kazakhField(dialog, /^Басымдық/), 'Жылу маусымына дайындық');
    await user.type(
      kazakhField(dialog, 'Негізгі әрекеттер'),
      '- Жылу желілерін тексеру{enter}- Тұрғындармен кездесу',
    );
    await user.keyboard('{Control>}{Enter}{/Control}');

    const list = await screen.findByRole('list', { name: 'Тоқсан басымдықтары' });
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(2));
    const items = () =>
      [...list.querySelectorAll<HTMLElement>(':scope > li')].map(
        (li) => li.querySelector('.plan-title')?.textContent,
      );
    expect(items()).toEqual(['Аулаларды абаттандыру', 'Жылу маусымына дайындық']);
    expect(list).toHaveTextContent('Тұрғындармен кездесу');

    const second = list.querySelectorAll<HTMLElement>(':scope > li')[1]!;
    second.focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await waitFor(() =>
      expect(items()).toEqual(['Жылу маусымына дайындық', 'Аулаларды абаттандыру']),
    );
    const stored = await listPlanItems(getDb(), next.year, next.quarter);
    expect(stored.map((p) => [p.title.kk, p.order])).toEqual([
      ['Жылу маусымына дайындық', 0],
      ['Аулаларды абаттандыру', 1],
    ]);
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Жылу маусымына'));

    // Another quarter from the picker has its own (empty) plan.
    await user.selectOptions(screen.getByLabelText('Тоқсан'), String((next.quarter % 4) + 1));
    expect(await screen.findByText(/Бұл тоқсанға әлі басымдық жоқ/)).toBeInTheDocument();
  });
});
