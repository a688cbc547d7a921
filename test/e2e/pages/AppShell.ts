import type { Locator, Page } from 'playwright-core';

/** Page model of the app's frame: sidebar navigation and the language switcher. */
export class AppShell {
  constructor(readonly page: Page) {}

  /** Opens the app; on a fresh profile answers the first-run questions as `userName`. */
  async open(baseUrl: string, route = '/registry', userName = 'Айгерім Нұрланқызы') {
    await this.page.goto(`${baseUrl}#${route}`);
    const firstRun = this.page.locator('.gate form');
    await Promise.race([this.navigation.waitFor(), firstRun.waitFor()]);
    if (await firstRun.isVisible()) {
      await firstRun.locator('input').first().fill(userName);
      await firstRun.locator('button[type=submit]').click();
      await this.navigation.waitFor();
    }
  }

  get navigation(): Locator {
    return this.page.locator('aside nav');
  }

  navLink(name: string): Locator {
    return this.navigation.getByRole('link', { name, exact: true });
  }

  get languageSelect(): Locator {
    return this.page.locator('.language-switcher select');
  }

  async switchLanguage(lang: 'kk' | 'ru') {
    await this.languageSelect.selectOption(lang);
  }

  heading(): Locator {
    return this.page.locator('main h1');
  }

  async navLabels(): Promise<string[]> {
    return this.navigation.getByRole('link').allTextContents();
  }
}
