import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake } from './fakeElectron';
import { appMenuTemplate, installAppMenu, menuLanguage, menuRoles } from '@electron/menu';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

beforeEach(() => fake.reset());

function labels(template: readonly MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.label === undefined ? [] : [item.label]),
    ...(Array.isArray(item.submenu) ? labels(item.submenu) : []),
  ]);
}

describe('the packaged app’s menu', () => {
  it.each(['win32', 'linux', 'darwin'])(
    'has no DevTools and no forced reload on %s',
    (platform) => {
      for (const lang of ['kk', 'ru'] as const) {
        const roles = menuRoles(appMenuTemplate(lang, platform));
        expect(roles).not.toContain('toggleDevTools');
        expect(roles).not.toContain('forceReload');
        expect(roles).toEqual(
          expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit']),
        );
      }
    },
  );

  it('speaks Kazakh and Russian, every item labelled', () => {
    const kk = labels(appMenuTemplate('kk', 'win32'));
    const ru = labels(appMenuTemplate('ru', 'win32'));
    expect(kk).toEqual(expect.arrayContaining(['Өңдеу', 'Көшіру', 'Қою', 'Шығу', 'Көрініс']));
    expect(ru).toEqual(
      expect.arrayContaining(['Правка', 'Копировать', 'Вставить', 'Выход', 'Вид']),
    );
    const items = (template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      template.flatMap((item) => [
        item,
        ...(Array.isArray(item.submenu) ? items(item.submenu) : []),
      ]);
    for (const item of items(appMenuTemplate('kk', 'darwin'))) {
      if (item.type !== 'separator') expect(item.label, JSON.stringify(item)).toBeTruthy();
    }
  });

  it('follows the system’s first Kazakh or Russian language, Kazakh by default', () => {
    expect(menuLanguage(['ru-RU', 'kk-KZ'])).toBe('ru');
    expect(menuLanguage(['en-US', 'kk_KZ', 'ru-RU'])).toBe('kk');
    expect(menuLanguage(['en-US'])).toBe('kk');
    expect(menuLanguage([])).toBe('kk');
  });

  it('is installed in the packaged app only', () => {
    installAppMenu({ isPackaged: false, preferredLanguages: ['ru'], platform: 'win32' });
    expect(fake.Menu.setApplicationMenu).not.toHaveBeenCalled();
    installAppMenu({ isPackaged: true, preferredLanguages: ['ru'], platform: 'win32' });
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(labels(fake.Menu.application?.template as MenuItemConstructorOptions[])).toContain(
      'Правка',
    );
  });
});
