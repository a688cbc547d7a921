import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@renderer/db/database';
import { updateReception } from '@renderer/db/repositories';
import { openApp, resetDatabase } from '../settings/officeApp';
import { officeWithReceptions, SUNDAY } from './receptionOffice';

/** The Kazakh field of the place (shown beside the Russian one). */
const placeKk = () =>
  within(screen.getByRole('group', { name: /^Өтетін орны/ })).getByLabelText('Қазақша');

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  vi.useFakeTimers({ now: SUNDAY, toFake: ['Date'] });
});
afterEach(async () => {
  vi.useRealTimers();
  await resetDatabase();
});

describe('planning a reception on its page', { timeout: 40_000 }, () => {
  it('plans from the form, refuses a bad time, ticks preparation, cancels with a reason', async () => {
    await officeWithReceptions([]);
    await openApp('/reception/new?date=2026-12-04');
    const user = userEvent.setup();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Жаңа қабылдау' }),
    ).toBeInTheDocument();
    const date = screen.getByLabelText(/^Күні/);
    expect(date).toHaveValue('04.12.2026');
    expect(date).toHaveFocus();
    // The office's reception address is offered as the place.
    expect(placeKk()).toHaveValue('Астана, Жеңіс даңғылы, 23, 105-кабинет');
    fireEvent.change(screen.getByLabelText(/^Басталуы/), { target: { value: '15:00' } });
    fireEvent.change(screen.getByLabelText(/^Аяқталуы/), { target: { value: '14:00' } });
    await user.selectOptions(screen.getByLabelText(/^Қабылдау түрі/), 'visiting');
    await user.click(screen.getByRole('button', { name: /Жоспарлау/ }));
    expect(
      await screen.findByText('Аяқталу уақыты басталу уақытынан кейін болуы керек'),
    ).toBeInTheDocument();
    expect(await getDb().receptions.count()).toBe(0);

    fireEvent.change(screen.getByLabelText(/^Аяқталуы/), { target: { value: '17:00' } });
    const access = within(screen.getByRole('group', { name: /^Қолжетімділік/ }));
    await user.type(access.getByLabelText('Қазақша'), 'Пандус бар');
    await user.type(access.getByLabelText('Орысша'), 'Есть пандус');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Қабылдау: 2026 жылғы 4 желтоқсан, жұма, 15:00–17:00',
      }),
    ).toBeInTheDocument();
    const [stored] = await getDb().receptions.toArray();
    expect(stored).toMatchObject({
      date: '2026-12-04',
      startTime: '15:00',
      endTime: '17:00',
      format: 'visiting',
      accessibilityNotes: { kk: 'Пандус бар', ru: 'Есть пандус' },
      status: 'planned',
    });
    expect(window.location.hash).toBe(`#/reception/${stored!.id}`);

    // Preparation: each tick is stored at once.
    const preparation = await screen.findByRole('region', { name: 'Қабылдауға дайындық' });
    expect(within(preparation).getByTestId('preparation-progress')).toHaveTextContent('0/9 дайын');
    await user.click(within(preparation).getByRole('checkbox', { name: 'Ауызсу' }));
    await user.click(
      within(preparation).getByRole('checkbox', {
        name: 'Ноутбук толық зарядталған, қуаттағышы қасыңызда',
      }),
    );
    await waitFor(() =>
      expect(within(preparation).getByTestId('preparation-progress')).toHaveTextContent(
        '2/9 дайын',
      ),
    );
    await user.click(within(preparation).getByRole('button', { name: 'Ескертпе: Ауызсу' }));
    await user.keyboard('6 бөтелке{Enter}');
    await waitFor(async () => {
      const r = await getDb().receptions.get(stored!.id);
      expect(r?.checklist.find((s) => s.stepId === 'water')).toEqual({
        stepId: 'water',
        done: true,
        note: '6 бөтелке',
      });
    });
    expect(await within(preparation).findByText('6 бөтелке')).toBeInTheDocument();

    // A plan change after ticks is not a conflict: only the plan itself is compared.
    const place = placeKk();
    await user.clear(place);
    await user.type(place, 'Талдыкөл ауылы, мәдениет үйі');
    await user.click(screen.getByRole('button', { name: /Өзгерістерді сақтау/ }));
    expect(await screen.findByText('Сақталды')).toBeInTheDocument();
    expect((await getDb().receptions.get(stored!.id))?.place.kk).toBe(
      'Талдыкөл ауылы, мәдениет үйі',
    );

    // Someone else moves the reception while this user is typing a note: saving says so,
    // and what was typed stays in the form.
    await user.type(screen.getByLabelText(/^Ескертпелер/), 'Микрофон керек');
    await updateReception(
      getDb(),
      stored!.id,
      { startTime: '16:00' },
      {
        userId: 'marat',
        now: () => SUNDAY,
      },
    );
    await user.click(screen.getByRole('button', { name: /Өзгерістерді сақтау/ }));
    expect(await screen.findByText(/басқа қызметкер өзгертті/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Ескертпелер/)).toHaveValue('Микрофон керек');
    expect((await getDb().receptions.get(stored!.id))?.notes).toBe('');

    expect(screen.getByRole('link', { name: 'Қабылдауды бастау' })).toHaveAttribute(
      'href',
      `#/reception/${stored!.id}/run`,
    );

    await user.click(screen.getByRole('button', { name: 'Қабылдауды болдырмау' }));
    const dialog = await screen.findByRole('dialog', { name: 'Қабылдауды болдырмау' });
    await user.click(within(dialog).getByRole('button', { name: 'Болдырмау' }));
    expect(
      await within(dialog).findByText('Қабылдаудың неліктен болмайтынын жазыңыз'),
    ).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox'), 'Мәдениет үйінде жөндеу жүріп жатыр');
    await user.click(within(dialog).getByRole('button', { name: 'Болдырмау' }));
    expect(
      await screen.findByText('Қабылдау болдырылмады. Себебі: Мәдениет үйінде жөндеу жүріп жатыр'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('reception-status')).toHaveTextContent('Болдырылмады');
    expect(placeKk()).toBeDisabled();
    expect(within(preparation).getByRole('checkbox', { name: 'Ауызсу' })).toBeDisabled();
    expect(screen.queryByRole('link', { name: 'Қабылдауды бастау' })).toBeNull();
  });

  it('shows a held reception read-only with a link to its summary, in Russian', async () => {
    const { receptions } = await officeWithReceptions([{ date: '2026-11-20' }]);
    const reception = receptions[0]!;
    await getDb().receptions.put({ ...reception, status: 'held', version: 2 });
    await openApp(`/reception/${reception.id}`, 'ru');
    expect(await screen.findByText('Приём проведён.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Итоги приёма' })).toHaveAttribute(
      'href',
      `#/reception/${reception.id}/summary`,
    );
    expect(screen.queryByRole('button', { name: /Сохранить изменения/ })).toBeNull();
    expect(
      await screen.findByText('Отмечать пункты можно только у запланированного приёма.'),
    ).toBeInTheDocument();
  });

  it('says so when the reception does not exist', async () => {
    await officeWithReceptions([]);
    await openApp('/reception/01900000-0000-7000-8000-00000000abcd');
    expect(
      await screen.findByText('Қабылдау табылмады: ол жойылған болуы мүмкін.'),
    ).toBeInTheDocument();
  });
});
