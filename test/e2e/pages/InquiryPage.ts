import type { Locator, Page } from 'playwright-core';

/** Page model of the inquiry screens (`#/inquiries/...`) and their dialogs. */
export class InquiryPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.locator('main h1');
  }

  get status(): Locator {
    return this.page.locator('.inquiry-header .inquiry-status');
  }

  get dialog(): Locator {
    return this.page.locator('dialog[open]');
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  dialogButton(name: string): Locator {
    return this.dialog.getByRole('button', { name, exact: true });
  }

  /** A form control by its visible label (a required field's asterisk is ignored). */
  field(label: string): Locator {
    return this.page.getByLabel(labelPattern(label));
  }

  dialogField(label: string): Locator {
    return this.dialog.getByLabel(labelPattern(label));
  }

  extra(name: string): Locator {
    return this.page.locator(`textarea[data-extra="${name}"]`);
  }

  get letter(): Locator {
    return this.page.locator('.inq-letter-paper .inq-letter');
  }

  get answerCard(): Locator {
    return this.page.locator('.answer-card');
  }

  async dialogClosed() {
    await this.page.locator('dialog[open]').waitFor({ state: 'detached' });
  }
}

function labelPattern(label: string): RegExp {
  return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*)?$`);
}
