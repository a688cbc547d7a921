import type { Locator, Page } from 'playwright-core';

/** Page model of the registry (home screen). */
export class RegistryPage {
  constructor(readonly page: Page) {}

  get search(): Locator {
    return this.page.locator('.registry-search');
  }

  get grid(): Locator {
    return this.page.locator('.registry-table[role=grid]');
  }

  rows(): Locator {
    return this.page.locator('.registry-row');
  }

  /** The registry numbers of the rows on screen, top to bottom. */
  async regNos(): Promise<string[]> {
    return this.page.locator('.registry-row .col-regNo').allTextContents();
  }

  /** Waits until the typed search has been applied and answered. */
  async settled() {
    await this.page.locator('.registry-table-wrap:not([aria-busy])').waitFor();
  }

  async searchFor(text: string) {
    await this.search.fill(text);
  }

  viewTab(name: RegExp | string): Locator {
    return this.page.locator('.registry-views button', { hasText: name });
  }

  async openFilters() {
    const details = this.page.locator('.registry-filters');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await details.locator('summary').click();
    }
  }

  filter(label: string): Locator {
    return this.page
      .locator('.registry-filters .filter', { hasText: label })
      .locator('select, input');
  }
}
