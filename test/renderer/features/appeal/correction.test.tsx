import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@renderer/db/database';
import { transitionAppeal } from '@renderer/db/repositories';
import { messageFor } from '@shared/validation/messages';
import {
  ctx,
  openDialog,
  polyfillDialog,
  recentWorkingDay,
  renderAt,
  seedAppeal,
  seededOfficeEachTest,
  shiftDay,
  TODAY,
} from './setup';

beforeAll(polyfillDialog);
seededOfficeEachTest();

async function stored(id: string) {
  const appeal = await getDb().appeals.get(id);
  const events = await getDb().events.where('appealId').equals(id).toArray();
  return { appeal: appeal!, events };
}

async function decided() {
  const appeal = await seedAppeal();
  await transitionAppeal(
    getDb(),
    appeal.id,
    { type: 'decide', outcome: 'resolved', outcomeSummary: 'Су берілді', decidedOn: TODAY },
    ctx,
  );
  return appeal;
}

describe('appeal page: correcting a recorded decision', () => {
  it('refuses a decision date in the future on the date field, in Kazakh, storing nothing', async () => {
    const appeal = await decided();
    await renderAt(`/appeals/${appeal.id}`);
    const before = await stored(appeal.id);
    await userEvent.click(await screen.findByRole('button', { name: 'Шешімді түзету' }));
    const dialog = within(openDialog());
    const date = dialog.getByLabelText(/Шешім күні/);
    expect(date).toHaveValue(TODAY.split('-').reverse().join('.'));
    fireEvent.change(date, { target: { value: shiftDay(TODAY, 3) } });
    await userEvent.type(dialog.getByLabelText(/Түзету себебі/), 'Күні қате енгізілген');
    await userEvent.click(dialog.getByRole('button', { name: 'Түзетуді сақтау' }));
    expect(await dialog.findByText(messageFor('date_future_decided', 'kk'))).toBeInTheDocument();
    expect(date).toHaveFocus();
    expect(await stored(appeal.id)).toEqual(before);
  });

  it('asks for the reason, then stores the corrected date and outcome with the history', async () => {
    const appeal = await decided();
    await renderAt(`/appeals/${appeal.id}`, 'ru');
    await userEvent.click(await screen.findByRole('button', { name: 'Исправить решение' }));
    const dialog = within(openDialog());
    const day = recentWorkingDay(1);
    fireEvent.change(dialog.getByLabelText(/Дата решения/), { target: { value: day } });
    await userEvent.selectOptions(dialog.getByLabelText(/Результат/), 'explained');
    await userEvent.click(dialog.getByRole('button', { name: 'Сохранить исправление' }));
    expect(
      await dialog.findByText(messageFor('correction_reason_required', 'ru')),
    ).toBeInTheDocument();
    expect((await stored(appeal.id)).appeal.decidedOn).toBe(TODAY);
    await userEvent.type(dialog.getByLabelText(/Причина исправления/), 'Решение принято накануне');
    await userEvent.click(dialog.getByRole('button', { name: 'Сохранить исправление' }));
    await waitFor(() => expect(document.querySelector('dialog[open]')).toBeNull());
    const { appeal: after, events } = await stored(appeal.id);
    expect(after).toMatchObject({ status: 'decided', decidedOn: day, outcome: 'explained' });
    expect(events.at(-1)).toMatchObject({
      type: 'fieldChanged',
      note: 'Решение принято накануне',
      data: { correction: 'decision' },
    });
  });
});
