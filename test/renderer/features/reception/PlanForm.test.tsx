import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { PlanForm, type PlanFormValues } from '@renderer/features/reception/PlanForm';
import { initI18n } from '@renderer/i18n';

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
});
