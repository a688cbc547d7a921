import type { Locator, Page } from 'playwright-core';
import type { BilingualText } from '@shared/domain';
import { LANGS } from '@shared/i18n/lang';

export interface ReceptionPlanInput {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm */
  startTime: string;
  endTime?: string;
  /** Typed in both languages (the form has a Kazakh and a Russian field). */
  place: BilingualText;
  format?: 'in_person' | 'online' | 'visiting';
  accessibilityNotes?: BilingualText;
}

export type AnnouncementChannel = 'telegram' | 'whatsapp' | 'website' | 'board';

/**
 * Page model of reception planning: the list with the month calendar (`#/reception`) and a
 * reception's plan (`#/reception/new`, `#/reception/:id`). Selectors do not depend on the
 * interface language, so specs in Kazakh or Russian can share it.
 */
export class ReceptionPlanPage {
  constructor(readonly page: Page) {}

  async gotoList(baseUrl: string) {
    await this.page.goto(`${baseUrl}#/reception`);
    await this.calendar.waitFor();
  }

  async gotoReception(baseUrl: string, id: string) {
    await this.page.goto(`${baseUrl}#/reception/${id}`);
    await this.form.waitFor();
  }

  /** The id in the address of the reception shown, or null on the "new" form. */
  receptionId(): string | null {
    return /#\/reception\/([0-9a-f-]{36})/.exec(this.page.url())?.[1] ?? null;
  }

  /**
   * Plans a reception through the form (from wherever the browser is) and waits until it is
   * stored and its page is shown. Returns its id.
   */
  async planReception(plan: ReceptionPlanInput): Promise<string> {
    const base = this.page.url().split('#')[0];
    await this.page.goto(`${base}#/reception/new`);
    await this.form.waitFor();
    await this.field('date').fill(plan.date);
    await this.field('startTime').fill(plan.startTime);
    await this.field('endTime').fill(plan.endTime ?? '');
    for (const lang of LANGS) await this.field(`place.${lang}`).fill(plan.place[lang]);
    if (plan.format) await this.field('format').selectOption(plan.format);
    const notes = plan.accessibilityNotes;
    if (notes !== undefined) {
      for (const lang of LANGS) await this.field(`accessibilityNotes.${lang}`).fill(notes[lang]);
    }
    await this.saveButton.click();
    await this.page.waitForURL(/#\/reception\/[0-9a-f-]{36}$/);
    await this.announcement.waitFor();
    const id = this.receptionId();
    if (!id) throw new Error('the reception was not stored');
    return id;
  }

  get form(): Locator {
    return this.page.locator('form.reception-plan-form');
  }

  field(name: string): Locator {
    return this.form.locator(`[name="${name}"]`);
  }

  get saveButton(): Locator {
    return this.form.locator('button[type=submit]');
  }

  get status(): Locator {
    return this.page.getByTestId('reception-status');
  }

  /* ---------- announcement ---------- */

  get announcement(): Locator {
    return this.page.locator('section.reception-announcement');
  }

  /** The generated texts ('full' for website and notice board, 'short' for messengers). */
  async generateAnnouncement(kind: 'full' | 'short' = 'full'): Promise<{ kk: string; ru: string }> {
    await this.announcement.locator(`input[name="announcement-kind"][value="${kind}"]`).check();
    const kk = this.announcement.getByTestId('announcement-kk');
    const ru = this.announcement.getByTestId('announcement-ru');
    await kk.waitFor();
    return { kk: (await kk.textContent()) ?? '', ru: (await ru.textContent()) ?? '' };
  }

  /** The line that says whether and where the reception was announced. */
  get announcementRecord(): Locator {
    return this.announcement.getByTestId('announcement-record');
  }

  async recordAnnouncement(record: {
    on?: string;
    channels: readonly AnnouncementChannel[];
    other?: string;
  }) {
    await this.announcementRecord.locator('button').click();
    const dialog = this.page.locator('dialog[open]');
    if (record.on) await dialog.locator('input[name=on]').fill(record.on);
    for (const channel of ['telegram', 'whatsapp', 'website', 'board'] as const) {
      await dialog
        .locator(`input[type=checkbox][name=${channel}]`)
        .setChecked(record.channels.includes(channel));
    }
    if (record.other !== undefined) await dialog.locator('input[name=other]').fill(record.other);
    await dialog.locator('button[type=submit]').click();
    await dialog.waitFor({ state: 'detached' });
  }

  /* ---------- preparation ---------- */

  get preparation(): Locator {
    return this.page.locator('section.reception-preparation');
  }

  preparationStep(text: string): Locator {
    return this.preparation.getByRole('checkbox', { name: text, exact: true });
  }

  /** The progress once every tick has been stored (while a write is on its way, says so). */
  async preparationProgress(): Promise<string> {
    const text = (await this.preparation.getByTestId('preparation-progress').textContent()) ?? '';
    const busy = await this.preparation.getAttribute('aria-busy');
    return busy === 'true' ? `${text} (saving)` : text;
  }

  /* ---------- list and calendar ---------- */

  get calendar(): Locator {
    return this.page.locator('section.reception-calendar');
  }

  async calendarTitle(): Promise<string> {
    return (await this.calendar.locator('h2').textContent()) ?? '';
  }

  /** Receptions shown on the calendar's month, as `{day, text}`. */
  async calendarReceptions(): Promise<{ day: string; text: string }[]> {
    const chips = this.calendar.getByTestId('calendar-reception');
    const result: { day: string; text: string }[] = [];
    for (const chip of await chips.all()) {
      const day = await chip.evaluate((el) => el.closest('td')?.getAttribute('data-day') ?? '');
      result.push({ day, text: (await chip.textContent()) ?? '' });
    }
    return result;
  }

  async nextMonth() {
    const before = await this.calendarTitle();
    await this.page.keyboard.press('PageDown');
    await this.page.waitForFunction(
      (title) => document.querySelector('.reception-calendar h2')?.textContent !== title,
      before,
    );
  }

  async previousMonth() {
    const before = await this.calendarTitle();
    await this.page.keyboard.press('PageUp');
    await this.page.waitForFunction(
      (title) => document.querySelector('.reception-calendar h2')?.textContent !== title,
      before,
    );
  }

  /** The notice on the calendar when the shown month has no reception. */
  get monthEmptyWarning(): Locator {
    return this.calendar.getByTestId('month-empty');
  }

  /** The notice above the calendar naming this month and the next ones without a reception. */
  get monthsMissingWarning(): Locator {
    return this.page.getByTestId('months-missing');
  }

  get upcoming(): Locator {
    return this.page.getByTestId('upcoming-receptions');
  }
}
