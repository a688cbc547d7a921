import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { initI18n } from '@renderer/i18n';
import { DateInput } from '@renderer/ui/DateInput';

interface Values {
  day: string;
  start: string;
  at: string;
}

async function renderForm(lang: 'kk' | 'ru', defaults: Values) {
  const i18n = await initI18n(lang);
  let form: UseFormReturn<Values> | undefined;
  function Form() {
    form = useForm<Values>({ defaultValues: defaults });
    return (
      <form>
        <label htmlFor="day">Күні</label>
        <DateInput id="day" {...form.register('day')} />
        <label htmlFor="start">Басталуы</label>
        <DateInput id="start" kind="time" {...form.register('start')} />
        <label htmlFor="at">Келіп түскен</label>
        <DateInput id="at" kind="datetime" {...form.register('at')} />
      </form>
    );
  }
  render(
    <I18nextProvider i18n={i18n}>
      <Form />
    </I18nextProvider>,
  );
  return () => form!;
}

describe('DateInput: dd.mm.yyyy and 24-hour whatever the OS locale', () => {
  it('shows the form’s values as dd.mm.yyyy and HH:MM, with the hint in the user’s language', async () => {
    await renderForm('ru', { day: '2026-12-04', start: '15:00', at: '2026-11-20T09:05' });
    expect(screen.getByLabelText('Күні')).toHaveValue('04.12.2026');
    expect(screen.getByLabelText('Басталуы')).toHaveValue('15:00');
    expect(screen.getByLabelText('Келіп түскен')).toHaveValue('20.11.2026 09:05');
    expect(screen.getByLabelText('Күні')).toHaveAttribute('placeholder', 'дд.мм.гггг');
    expect(screen.getByLabelText('Күні')).toHaveAttribute('type', 'text');
  });

  it('gives the form the app’s own form for what is typed, and keeps the typing as it is', async () => {
    const form = await renderForm('kk', { day: '', start: '', at: '' });
    const user = userEvent.setup();
    const day = screen.getByLabelText('Күні');
    await user.type(day, '05122026');
    expect(form().getValues('day')).toBe('2026-12-05');
    expect(day).toHaveValue('05122026');
    await user.tab();
    expect(day).toHaveValue('05.12.2026');
    await user.type(screen.getByLabelText('Басталуы'), '930');
    expect(form().getValues('start')).toBe('09:30');
    await user.type(screen.getByLabelText('Келіп түскен'), '20.11.2026 17:45');
    expect(form().getValues('at')).toBe('2026-11-20T17:45');
    // Not a date: passed on as typed, so the form's rule names the field.
    await user.clear(day);
    await user.type(day, '31.02.2026');
    expect(form().getValues('day')).toBe('31.02.2026');
    expect(day).toHaveAttribute('placeholder', 'кк.аа.жжжж');
  });

  it('follows reset and setValue, and opens the system calendar with Alt+↓', async () => {
    const form = await renderForm('kk', { day: '2026-12-04', start: '10:00', at: '' });
    act(() => form().reset({ day: '2027-01-15', start: '08:00', at: '' }));
    expect(screen.getByLabelText('Күні')).toHaveValue('15.01.2027');
    act(() => form().setValue('start', '18:30'));
    expect(screen.getByLabelText('Басталуы')).toHaveValue('18:30');

    const showPicker = vi.fn();
    HTMLInputElement.prototype.showPicker = showPicker;
    const day = screen.getByLabelText('Күні');
    fireEvent.keyDown(day, { key: 'ArrowDown', altKey: true });
    expect(showPicker).toHaveBeenCalledOnce();
    // The calendar's choice comes back in our form.
    const picker = document.querySelector<HTMLInputElement>('.date-input-picker')!;
    fireEvent.change(picker, { target: { value: '2027-02-01' } });
    expect(day).toHaveValue('01.02.2027');
    expect(form().getValues('day')).toBe('2027-02-01');
  });
});
