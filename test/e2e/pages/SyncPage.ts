import type { Locator, Page } from 'playwright-core';

/** Page model of Settings › Sync (`#/settings/sync`) and the sidebar's sync status. */
export class SyncPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string) {
    await this.page.goto(`${baseUrl}#/settings/sync`);
    await this.form.waitFor();
  }

  get form(): Locator {
    return this.page.locator('form.sync-form');
  }

  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** The answer of "test connection" or "save". */
  get answer(): Locator {
    return this.page.locator('.sync-answer');
  }

  /** The status link in the sidebar. */
  get sidebarStatus(): Locator {
    return this.page.locator('aside .sync-status');
  }

  get conflicts(): Locator {
    return this.page.locator('.conflict-record');
  }

  get quarantineRows(): Locator {
    return this.page.locator('.sync-quarantine tbody tr');
  }

  async fill(
    values: { server: string; database: string; user: string; password: string },
    lang: 'kk' | 'ru',
  ) {
    const labels =
      lang === 'kk'
        ? {
            server: 'Сервер мекенжайы',
            database: 'Кеңсе дерекқоры',
            user: 'Пайдаланушы',
            password: 'Құпиясөз',
          }
        : {
            server: 'Адрес сервера',
            database: 'База данных офиса',
            user: 'Пользователь',
            password: 'Пароль',
          };
    await this.field(labels.server).fill(values.server);
    await this.field(labels.database).fill(values.database);
    await this.field(labels.user).fill(values.user);
    await this.field(labels.password).fill(values.password);
  }
}
