import type { Locator, Page } from 'playwright-core';

/** Page model of `/reception/:id/run` (queue and guided intake) and its summary page. */
export class ReceptionRunPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, receptionId: string) {
    await this.page.goto(`${baseUrl}#/reception/${receptionId}/run`);
    await this.page.locator('.reception-run').waitFor();
  }

  get addForm(): Locator {
    return this.page.locator('form.add-visitor');
  }

  /** Adds a visitor with the mouse-free form: name, phone, categories by their labels. */
  async addVisitor(name: string, phone = '', categories: string[] = []) {
    await this.addForm.locator('input').nth(0).fill(name);
    await this.addForm.locator('input').nth(1).fill(phone);
    for (const label of categories) await this.addForm.getByLabel(label).check();
    const before = await this.visitors.count();
    await this.addForm.locator('button[type=submit]').click();
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=visitor]').length === n,
      before + 1,
    );
  }

  get visitors(): Locator {
    return this.page.getByTestId('visitor');
  }

  /** Names of the waiting visitors in the order they will be called. */
  async waitingOrder(): Promise<string[]> {
    return this.page.locator('.queue-list.waiting .visitor-name').allTextContents();
  }

  get intakeTitle(): Locator {
    return this.page.locator('#intake-title');
  }

  /** Waits until the intake shown is this visitor's. */
  async waitForIntakeOf(name: string) {
    await this.intakeTitle.filter({ hasText: name }).waitFor();
  }

  get text(): Locator {
    return this.page.locator('#intake-text');
  }

  field(label: string | RegExp): Locator {
    return this.page.locator('.intake-form').getByLabel(label);
  }

  get saved(): Locator {
    return this.page.getByTestId('intake-saved');
  }

  /** Waits until the draft holds a text of exactly this many characters. */
  async waitForDraftChars(n: number) {
    await this.page
      .locator(`[data-testid=intake-saved][data-saved-chars="${String(n)}"]`)
      .waitFor();
  }

  get done(): Locator {
    return this.page.getByTestId('intake-done');
  }

  get regNo(): Locator {
    return this.page.getByTestId('intake-regno');
  }

  /** The visitor's choice about their personal data (an explicit one is required). */
  async chooseConsent(choice: 'given' | 'refused') {
    await this.page.locator(`input[name="intake-consent"][value="${choice}"]`).check();
  }

  async finish(): Promise<string> {
    await this.page.keyboard.press('Control+Enter');
    await this.done.waitFor();
    return (await this.regNo.textContent()) ?? '';
  }
}
