import type { Locator, Page } from 'playwright-core';

export type TodayCard =
  | 'overdue'
  | 'due-today'
  | 'due-soon'
  | 'not-contacted'
  | 'not-informed'
  | 'waiting-agency'
  | 'agencies-late'
  | 'mine';

/** Page model of the Today view (`#/today`). */
export class TodayPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string) {
    await this.page.goto(`${baseUrl}#/today`);
    await this.page.locator('.today-stats').waitFor();
  }

  card(name: TodayCard): Locator {
    return this.page.getByTestId(`today-${name}`);
  }

  async count(name: TodayCard): Promise<number> {
    const text = await this.card(name).locator('.today-stat-value').textContent();
    return Number((text ?? '').replace(/\D/g, ''));
  }

  get receptionWarning(): Locator {
    return this.page.locator('.today-reception-warning');
  }

  list(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }
}
