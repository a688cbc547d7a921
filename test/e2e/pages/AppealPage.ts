import type { Locator, Page } from 'playwright-core';
import type { Lang } from '@shared/i18n/lang';
import type { ActionType } from '@shared/workflow/status';

/** Page model of one appeal (`#/appeals/:id`), its dialogs and its printouts. */
export class AppealPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, id: string, query = '') {
    await this.page.goto(`${baseUrl}#/appeals/${id}${query}`);
    await this.heading.waitFor();
  }

  get heading(): Locator {
    return this.page.locator('.appeal-header h1');
  }

  get status(): Locator {
    return this.page.locator('.appeal-header .status-badge');
  }

  get outcome(): Locator {
    return this.page.locator('.appeal-header .outcome-badge');
  }

  get registeredBanner(): Locator {
    return this.page.locator('.registered-banner');
  }

  actionButton(action: ActionType): Locator {
    return this.page.locator(`.appeal-actions button[data-action="${action}"]`);
  }

  async actions(): Promise<string[]> {
    return this.page
      .locator('.appeal-actions button[data-action]')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-action') ?? ''));
  }

  /** The open modal dialog. */
  get dialog(): Locator {
    return this.page.locator('dialog[open]');
  }

  get dialogTitle(): Locator {
    return this.dialog.locator('.dialog-title');
  }

  /** A control of the open dialog by its form name. */
  control(name: string): Locator {
    return this.dialog.locator(`[name="${name}"]`);
  }

  /** The error shown on a control of the open dialog. */
  fieldError(name: string): Locator {
    return this.dialog
      .locator('.field', { has: this.page.locator(`[name="${name}"]`) })
      .locator('.field-error');
  }

  get dialogAlert(): Locator {
    return this.dialog.locator('.notice.error');
  }

  get submit(): Locator {
    return this.dialog.locator('button[type=submit]');
  }

  async openAction(action: ActionType) {
    await this.actionButton(action).click();
    await this.dialog.waitFor();
  }

  get dialogLanguage(): Locator {
    return this.dialog.locator('.language-switcher select');
  }

  get extendButton(): Locator {
    return this.page.locator('[data-testid="decision-deadline"] button');
  }

  get decisionDeadline(): Locator {
    return this.page.locator('[data-testid="decision-deadline"]');
  }

  get firstContact(): Locator {
    return this.page.locator('[data-testid="first-contact"]');
  }

  get noteBox(): Locator {
    return this.page.locator('.note-form textarea');
  }

  timeline(): Locator {
    return this.page.locator('.appeal-page .timeline > li');
  }

  async timelineTitles(): Promise<string[]> {
    return this.page.locator('.appeal-page .timeline-title').allTextContents();
  }

  /** The public summary in one language (the card has a Kazakh and a Russian textarea). */
  publicSummary(lang: Lang): Locator {
    return this.page.locator(`textarea[name="publicSummary.${lang}"]`);
  }

  /** «Include in the report»: the first switch of the public summary card. */
  get inReportSwitch(): Locator {
    return this.page.locator('#appeal-public-title ~ form .switch input[role=switch]').nth(0);
  }

  /** «Show first among its topic's examples»: the second switch, open once included. */
  get highlightSwitch(): Locator {
    return this.page.locator('#appeal-public-title ~ form .switch input[role=switch]').nth(1);
  }

  /** Waits until the dialog has closed (the action was stored). */
  async dialogClosed() {
    await this.page.locator('dialog[open]').waitFor({ state: 'detached' });
  }
}
