import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@renderer/db/database';
import { transitionAppeal } from '@renderer/db/repositories';
import { messageFor } from '@shared/validation/messages';
import { maxExtensionDate } from '@shared/workflow/deadlines';
import { formatDay } from '@shared/format';
import {
  cal,
  ctx,
  openDialog,
  polyfillDialog,
  renderAt,
  seedAppeal,
  seededOfficeEachTest,
  shiftDay,
  TODAY,
} from './setup';
import { isWorkingDay } from '@shared/calendar';

beforeAll(polyfillDialog);
seededOfficeEachTest();

async function stored(id: string) {
  const appeal = await getDb().appeals.get(id);
  const events = await getDb().events.where('appealId').equals(id).count();
  return { appeal: appeal!, events };
}

async function openAction(name: string) {
  await userEvent.click(await screen.findByRole('button', { name }));
  return within(openDialog());
}

describe('appeal page: workflow dialogs enforce their guards', () => {
  it('decide without a summary is refused on the summary, in Kazakh, and nothing is stored', async () => {
    const appeal = await seedAppeal();
    await renderAt(`/appeals/${appeal.id}`);
    const before = await stored(appeal.id);

    const dialog = await openAction('Шешім қабылдау');
    await userEvent.selectOptions(dialog.getByLabelText(/Нәтижесі/), 'resolved');
    await userEvent.click(dialog.getByRole('button', { name: 'Шешім қабылдау' }));

    const summary = dialog.getByLabelText(/Не істелді және қалай шешілді/);
    expect(summary).toHaveAttribute('aria-invalid', 'true');
    expect(dialog.getByText(messageFor('outcome_summary_required', 'kk'))).toBeInTheDocument();
    expect(summary).toHaveFocus();
    expect(await stored(appeal.id)).toEqual(before);
  });

  it('decide with no outcome chosen asks for one', async () => {
    const appeal = await seedAppeal();
    await renderAt(`/appeals/${appeal.id}`, 'ru');
    const dialog = await openAction('Принять решение');
    await userEvent.type(dialog.getByLabelText(/Что и как сделано/), 'Дано разъяснение');
    await userEvent.click(dialog.getByRole('button', { name: 'Принять решение' }));
    expect(dialog.getByText(messageFor('outcome_required', 'ru'))).toBeInTheDocument();
  });

  it('not_resolved requires a reason category; with it the decision is stored', async () => {
    const appeal = await seedAppeal();
    await renderAt(`/appeals/${appeal.id}`);
    const dialog = await openAction('Шешім қабылдау');
    await userEvent.selectOptions(dialog.getByLabelText(/Нәтижесі/), 'not_resolved');
    await userEvent.type(
      dialog.getByLabelText(/Не істелді және қалай шешілді/),
      'Жөндеуге бюджет қаражаты бөлінбеген',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Шешім қабылдау' }));
    expect(dialog.getByText(messageFor('not_resolved_reason_required', 'kk'))).toBeInTheDocument();
    expect((await stored(appeal.id)).appeal.status).toBe('registered');

    await userEvent.selectOptions(dialog.getByLabelText(/Шешілмеу себебі/), 'needs_budget');
    // The decision date defaults to today.
    expect(dialog.getByLabelText(/Шешім күні/)).toHaveValue(TODAY.split('-').reverse().join('.'));
    await userEvent.click(dialog.getByRole('button', { name: 'Шешім қабылдау' }));
    await waitFor(() => expect(document.querySelector('dialog[open]')).toBeNull());
    const { appeal: after } = await stored(appeal.id);
    expect(after).toMatchObject({
      status: 'decided',
      outcome: 'not_resolved',
      notResolvedReason: 'needs_budget',
      decidedOn: TODAY,
    });
  });

  it('forwarded requires the body it went to', async () => {
    const appeal = await seedAppeal();
    await renderAt(`/appeals/${appeal.id}`);
    const dialog = await openAction('Шешім қабылдау');
    await userEvent.selectOptions(dialog.getByLabelText(/Нәтижесі/), 'forwarded');
    await userEvent.type(dialog.getByLabelText(/Не істелді/), 'Құзыретті органға жолданды');
    await userEvent.click(dialog.getByRole('button', { name: 'Шешім қабылдау' }));
    expect(dialog.getByText(messageFor('forwarded_to_required', 'kk'))).toBeInTheDocument();
    await userEvent.type(dialog.getByLabelText(/Қай органға жолданды/), 'Қалалық ТКШ бөлімі');
    // Enter in a one-line field submits the dialog.
    await userEvent.type(dialog.getByLabelText(/Қай органға жолданды/), '{Enter}');
    await waitFor(async () =>
      expect((await stored(appeal.id)).appeal.forwardedTo).toBe('Қалалық ТКШ бөлімі'),
    );
  });

  it('close is refused until the applicant was informed, and offers to inform them', async () => {
    const appeal = await seedAppeal({}, { preferredChannel: null });
    await transitionAppeal(
      getDb(),
      appeal.id,
      {
        type: 'decide',
        outcome: 'explained',
        outcomeSummary: 'Түсіндірме берілді',
        decidedOn: TODAY,
      },
      ctx,
    );
    await renderAt(`/appeals/${appeal.id}`);
    let dialog = await openAction('Жабу');
    await userEvent.click(dialog.getByRole('button', { name: 'Жабу' }));
    expect(dialog.getByRole('alert')).toHaveTextContent(
      messageFor('applicant_informed_required', 'kk'),
    );
    expect((await stored(appeal.id)).appeal.status).toBe('decided');

    await userEvent.click(dialog.getByRole('button', { name: 'Алдымен өтініш берушіге хабарлау' }));
    dialog = within(openDialog());
    expect(dialog.getByRole('heading')).toHaveTextContent('Өтініш берушіге хабарлау');
    // No preferred channel: the method must be chosen.
    await userEvent.click(dialog.getByRole('button', { name: 'Өтініш берушіге хабарлау' }));
    expect(dialog.getByText(messageFor('informed_via_invalid', 'kk'))).toBeInTheDocument();
    await userEvent.selectOptions(dialog.getByLabelText(/Қалай хабарланды/), 'sms');
    await userEvent.click(dialog.getByRole('button', { name: 'Өтініш берушіге хабарлау' }));
    await waitFor(async () => expect((await stored(appeal.id)).appeal.informedVia).toBe('sms'));
    // The page learns it from the database a moment later; the close dialog checks the
    // appeal the page shows.
    expect(await screen.findByText(/^Хабарланды: /)).toBeInTheDocument();

    dialog = await openAction('Жабу');
    await userEvent.click(dialog.getByRole('button', { name: 'Жабу' }));
    await waitFor(async () => expect((await stored(appeal.id)).appeal.status).toBe('closed'));
  });

  it('reopen needs a reason', async () => {
    const appeal = await seedAppeal();
    for (const action of [
      {
        type: 'decide' as const,
        outcome: 'resolved' as const,
        outcomeSummary: 'Шешілді',
        decidedOn: TODAY,
      },
      { type: 'informApplicant' as const, informedAt: `${TODAY}T00:00`, via: 'phone' as const },
      { type: 'close' as const },
    ]) {
      await transitionAppeal(getDb(), appeal.id, action, ctx);
    }
    await renderAt(`/appeals/${appeal.id}`, 'ru');
    const dialog = await openAction('Открыть повторно');
    await userEvent.click(dialog.getByRole('button', { name: 'Открыть повторно' }));
    expect(dialog.getByText(messageFor('reopen_reason_required', 'ru'))).toBeInTheDocument();
    expect((await stored(appeal.id)).appeal.status).toBe('closed');
    await userEvent.type(
      dialog.getByLabelText(/Причина повторного открытия/),
      'Новые обстоятельства',
    );
    await userEvent.type(
      dialog.getByLabelText(/Причина повторного открытия/),
      '{Control>}{Enter}{/Control}',
    );
    await waitFor(async () => expect((await stored(appeal.id)).appeal.status).toBe('in_progress'));
  });

  it('offers only the actions the status allows', async () => {
    const appeal = await seedAppeal();
    await transitionAppeal(getDb(), appeal.id, { type: 'start' }, ctx);
    await renderAt(`/appeals/${appeal.id}`);
    const bar = await screen.findByRole('region', { name: 'Келесі қадам' });
    await waitFor(() =>
      expect(
        within(bar)
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual(['Органның жауабын күту', 'Шешім қабылдау']),
    );
  });

  it('a refusal follows the interface language when it is switched in the dialog', async () => {
    const appeal = await seedAppeal();
    const { i18n } = await renderAt(`/appeals/${appeal.id}`);
    const dialog = await openAction('Шешім қабылдау');
    await userEvent.type(dialog.getByLabelText(/Не істелді/), 'Мәтін сақталады');
    await userEvent.click(dialog.getByRole('button', { name: 'Шешім қабылдау' }));
    expect(dialog.getByText(messageFor('outcome_required', 'kk'))).toBeInTheDocument();
    await act(() => i18n.changeLanguage('ru'));
    expect(dialog.getByText(messageFor('outcome_required', 'ru'))).toBeInTheDocument();
    expect(dialog.getByLabelText(/Что и как сделано/)).toHaveValue('Мәтін сақталады');
  });
});

describe('appeal page: extension dialog', () => {
  it('refuses a date beyond the legal cap with the law’s wording and stores nothing', async () => {
    const appeal = await seedAppeal();
    const cap = maxExtensionDate(appeal.registeredOn);
    await renderAt(`/appeals/${appeal.id}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Мерзімді ұзарту' }));
    const dialog = within(openDialog());
    expect(dialog.getByText('Заң бойынша ең кеш мерзім').nextSibling).toHaveTextContent(
      /\d{4} жылғы \d+ \S+/,
    );
    const date = dialog.getByLabelText(/Жаңа мерзім/);
    await userEvent.type(date, shiftDay(cap, 1));
    await userEvent.type(dialog.getByLabelText(/Ұзарту негіздемесі/), 'Органның жауабы күтілуде');
    await userEvent.click(dialog.getByRole('button', { name: 'Ұзарту' }));
    expect(dialog.getByText(messageFor('extension_beyond_cap', 'kk'))).toBeInTheDocument();
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect((await stored(appeal.id)).appeal.extendedTo).toBeNull();

    let valid = cap;
    while (!isWorkingDay(cal, valid)) valid = shiftDay(valid, -1);
    await userEvent.clear(date);
    await userEvent.type(date, valid);
    await userEvent.click(dialog.getByRole('button', { name: 'Ұзарту' }));
    await waitFor(async () => expect((await stored(appeal.id)).appeal.decideBy).toBe(valid));
    expect(await screen.findByText(/Ұзартылды, бастапқы мерзім/)).toHaveTextContent(
      formatDay(appeal.decideBy),
    );
  });

  it('requires a reason and a later working day', async () => {
    const appeal = await seedAppeal();
    await renderAt(`/appeals/${appeal.id}`, 'ru');
    await userEvent.click(await screen.findByRole('button', { name: 'Продлить срок' }));
    const dialog = within(openDialog());
    const date = dialog.getByLabelText(/Новый срок/);
    await userEvent.click(dialog.getByRole('button', { name: 'Продлить' }));
    expect(dialog.getByText(messageFor('invalid_date', 'ru'))).toBeInTheDocument();
    await userEvent.type(date, appeal.decideBy);
    await userEvent.click(dialog.getByRole('button', { name: 'Продлить' }));
    expect(dialog.getByText(messageFor('extension_not_later', 'ru'))).toBeInTheDocument();
    let next = shiftDay(appeal.decideBy, 1);
    while (!isWorkingDay(cal, next)) next = shiftDay(next, 1);
    await userEvent.clear(date);
    await userEvent.type(date, next);
    await userEvent.click(dialog.getByRole('button', { name: 'Продлить' }));
    expect(dialog.getByText(messageFor('extension_reason_required', 'ru'))).toBeInTheDocument();
    expect((await stored(appeal.id)).appeal.extendedTo).toBeNull();
  });
});
