import type { Locator, Page } from 'playwright-core';

export type SettingsSection = 'profile' | 'staff' | 'topics' | 'calendar' | 'deadlines' | 'general';

/** Page model of the settings screens (`#/settings/<section>`). */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string, section: SettingsSection, query = '') {
    await this.page.goto(`${baseUrl}#/settings/${section}${query}`);
    await this.tabs.waitFor();
  }

  get tabs(): Locator {
    return this.page.locator('nav.settings-tabs');
  }

  tab(name: string): Locator {
    return this.tabs.getByRole('link', { name, exact: true });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** The "saved" / "unsaved" / error line next to the Save button. */
  get saveStatus(): Locator {
    return this.page.locator('.settings-save-status');
  }

  /** The confirmation or error under a list (staff, topics, calendar). */
  get notice(): Locator {
    return this.page.locator('.settings-notice');
  }

  staffRow(name: string): Locator {
    return this.page.locator('.settings-table tbody tr', {
      has: this.page.locator('td strong', { hasText: name }),
    });
  }

  /** Dates ('YYYY-MM-DD') in the calendar's list of weekday days off. */
  async daysOff(): Promise<string[]> {
    return this.page
      .locator('.calendar-list ul')
      .first()
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-day') ?? ''));
  }
}
