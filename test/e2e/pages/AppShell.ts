import type { Locator, Page } from 'playwright-core';

/** Page model of the app's frame: sidebar navigation and the language switcher. */
export class AppShell {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, route = '/registry') {
    await this.page.goto(`${baseUrl}#${route}`);
    await this.navigation.waitFor();
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
