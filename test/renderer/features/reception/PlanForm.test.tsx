import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { PlanForm, type PlanFormValues } from '@renderer/features/reception/PlanForm';
import { initI18n } from '@renderer/i18n';
import { createKzCalendar } from '@shared/calendar';

const STORED: PlanFormValues = {
  date: '2026-12-04',
  startTime: '15:00',
  endTime: '17:00',
  place: {
    kk: 'Астана, Жеңіс даңғылы, 23, 105-кабинет',
    ru: 'Астана, проспект Женис, 23, кабинет 105',
  },
  format: 'in_person',
  accessibilityNotes: { kk: 'Пандус бар', ru: 'Есть пандус' },
  notes: '',
};

async function renderForm(defaults: PlanFormValues, onSave: PlanFormOnSave) {
  const i18n = await initI18n('kk');
  const ui = (values: PlanFormValues) => (
    <I18nextProvider i18n={i18n}>
      <PlanForm
        defaults={values}
        readOnly={false}
        isNew={false}
        today="2026-11-20"
        onSave={onSave}
      />
    </I18nextProvider>
  );
  const view = render(ui(defaults));
  return { rerender: (values: PlanFormValues) => view.rerender(ui(values)) };
}

type PlanFormOnSave = Parameters<typeof PlanForm>[0]['onSave'];

/** The Kazakh field of the place, which the form shows beside the Russian one. */
const place = () =>
  within(screen.getByRole('group', { name: /^Өтетін орны/ })).getByLabelText('Қазақша');
const notes = () => screen.getByLabelText(/^Ескертпелер/);

describe('reception plan form', () => {
  it('after a save, the plan from before it never comes back, and typing goes on from the stored plan', async () => {
    const stored = { ...STORED, place: { ...STORED.place, kk: 'Талдыкөл ауылы, мәдениет үйі' } };
    const onSave = vi.fn<PlanFormOnSave>().mockResolvedValueOnce(stored);
    // The stored reception reaches the form through a live query, a moment after the
    // save: until the test rerenders, the form still gets the plan from before it.
    const { rerender } = await renderForm(STORED, onSave);
    const user = userEvent.setup();
    await user.clear(place());
    await user.type(place(), 'Талдыкөл ауылы, мәдениет үйі');
    await user.click(screen.getByRole('button', { name: /^Өзгерістерді сақтау/ }));
    expect(await screen.findByRole('status')).toHaveTextContent('Сақталды');
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({ place: stored.place, endTime: '17:00' }),
      STORED,
    );

    rerender(STORED);
    expect(place()).toHaveValue('Талдыкөл ауылы, мәдениет үйі');
    await user.type(notes(), 'Микрофон керек');
    rerender(stored);
    expect(place()).toHaveValue('Талдыкөл ауылы, мәдениет үйі');
    expect(notes()).toHaveValue('Микрофон керек');

    // The next save compares with the stored plan, not with the one before the first save.
    onSave.mockResolvedValueOnce({ ...stored, notes: 'Микрофон керек' });
    await user.click(screen.getByRole('button', { name: /^Өзгерістерді сақтау/ }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(2));
    expect(onSave).toHaveBeenLastCalledWith(
      expect.objectContaining({ notes: 'Микрофон керек' }),
      stored,
    );
  });

  it('shows a change stored elsewhere while nothing is being typed', async () => {
    const { rerender } = await renderForm(STORED, vi.fn<PlanFormOnSave>());
    rerender({ ...STORED, startTime: '16:00' });
    await waitFor(() => expect(screen.getByLabelText(/^Басталуы/)).toHaveValue('16:00'));
  });

  it('warns when the day is a weekend or a holiday of Kazakhstan, in kk and ru, and saves if meant', async () => {
    for (const lang of ['kk', 'ru'] as const) {
      const i18n = await initI18n(lang);
      const onSave = vi.fn<PlanFormOnSave>().mockResolvedValue(undefined);
      const view = render(
        <I18nextProvider i18n={i18n}>
          <PlanForm
            defaults={STORED}
            readOnly={false}
            isNew={false}
            today="2026-11-20"
            calendar={createKzCalendar()}
            onSave={onSave}
          />
        </I18nextProvider>,
      );
      const user = userEvent.setup();
      const date = screen.getByLabelText(lang === 'kk' ? /^Күні/ : /^Дата/);
      // The stored working-day date is not warned about.
      expect(document.querySelector('.reception-day-off')).toBeNull();
      await user.clear(date);
      await user.type(date, '05.12.2026');
      const warning = await screen.findByText(
        lang === 'kk' ? /демалыс \(сенбі\)/ : /выходной \(суббота\)/,
      );
      expect(warning).toHaveClass('reception-day-off');
      await user.clear(date);
      await user.type(date, '16.12.2026');
      expect(
        await screen.findByText(
          lang === 'kk' ? /еңбек күнтізбесі бойынша мереке/ : /праздничный или выходной/,
        ),
      ).toBeInTheDocument();
      await user.clear(date);
      await user.type(date, '07.12.2026');
      await waitFor(() => expect(document.querySelector('.reception-day-off')).toBeNull());
      // A warning, not a refusal: the day off is saved when it is meant.
      await user.clear(date);
      await user.type(date, '05.12.2026');
      await user.keyboard('{Control>}{Enter}{/Control}');
      await waitFor(() =>
        expect(onSave).toHaveBeenCalledWith(
          expect.objectContaining({ date: '2026-12-05' }),
          STORED,
        ),
      );
      view.unmount();
    }
  });
});
