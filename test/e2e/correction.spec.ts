import { describe, expect, it } from 'vitest';
import { formatDay as dayFromNumber, parseDay } from '@shared/calendar/dates';
import { toKzLocalDate } from '@shared/calendar/zone';
import { messageFor } from '@shared/validation/messages';
import { transitionAppeal } from '@renderer/db/repositories';
import { baseUrl, screenshot } from './harness';
import { astanaOfficeSettings, GULNAR, HOT_WATER_COMPLAINT, officeWithAppeal } from './offices';
import { openSeededApp, useBrowser } from './seed';

const TODAY = toKzLocalDate(new Date());
const shift = (day: string, days: number) => dayFromNumber(parseDay(day) + days);

describe('correcting a recorded decision (issue 17)', () => {
  const session = useBrowser();

  it('refuses a future decision date at the field and keeps the correction in the history, kk and ru', async () => {
    const received = shift(TODAY, -3);
    const { dump, appealId } = await officeWithAppeal(
      GULNAR,
      {
        ...HOT_WATER_COMPLAINT,
        receivedAt: `${received}T10:00`,
        subject: 'Ыстық су жоқ',
        text: 'Абай көшесі 12-үйде екі аптадан бері ыстық су жоқ.',
      },
      {
        settings: astanaOfficeSettings(),
        more: async ({ db, ctx }, appeal) => {
          await transitionAppeal(
            db,
            appeal.id,
            { type: 'decide', outcome: 'resolved', outcomeSummary: 'Су берілді', decidedOn: TODAY },
            ctx,
          );
        },
      },
    );
    const { page, errors } = await openSeededApp(session.browser, dump, {
      contexts: session.contexts,
    });
    await page.goto(`${baseUrl()}#/appeals/${appealId}`);
    await page.getByRole('button', { name: 'Шешімді түзету' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('input[name="decidedOn"]').fill(shift(TODAY, 2));
    await dialog.locator('textarea[name="reason"]').fill('Күні қате енгізілген');
    await dialog.getByRole('button', { name: 'Түзетуді сақтау' }).click();
    await dialog.getByText(messageFor('date_future_decided', 'kk')).waitFor();
    await screenshot(page, 'appeal-correction-refused-kk');

    // The dialog's own language switch (the page behind a modal dialog is inert).
    await dialog.locator('.action-form-lang select').selectOption('ru');
    await dialog.getByText(messageFor('date_future_decided', 'ru')).waitFor();
    await screenshot(page, 'appeal-correction-refused-ru');
    await dialog.locator('input[name="decidedOn"]').fill(shift(TODAY, -1));
    await dialog.getByRole('button', { name: 'Сохранить исправление' }).click();
    await page
      .locator('dialog[open]')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await expect
      .poll(() => page.locator('.decision-facts').textContent())
      .toContain(shift(TODAY, -1).split('-').reverse().join('.'));
    await screenshot(page, 'appeal-corrected-ru');
    expect(errors).toEqual([]);
  });
});
