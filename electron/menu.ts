/**
 * The packaged app's own menu, in Kazakh or Russian: what an office worker needs (quit,
 * the editing commands with their shortcuts, zoom, full screen, window) and nothing a
 * visitor at the reception desk should be one shortcut away from — no DevTools, no forced
 * reload. In development Electron's default menu (with DevTools) stays.
 *
 * The language follows the system's preferred languages: Russian when Russian comes before
 * Kazakh, Kazakh (the app's default) otherwise. The language chosen inside the app lives in
 * the renderer; following it exactly would need a channel to tell the main process.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

export type MenuLang = 'kk' | 'ru';

const LABELS = {
  kk: {
    file: 'Файл',
    quit: 'Шығу',
    edit: 'Өңдеу',
    undo: 'Болдырмау',
    redo: 'Қайтару',
    cut: 'Қиып алу',
    copy: 'Көшіру',
    paste: 'Қою',
    selectAll: 'Барлығын таңдау',
    view: 'Көрініс',
    reload: 'Қайта жүктеу',
    resetZoom: 'Бастапқы өлшем',
    zoomIn: 'Үлкейту',
    zoomOut: 'Кішірейту',
    fullScreen: 'Толық экран',
    window: 'Терезе',
    minimize: 'Жиыру',
    close: 'Жабу',
    about: 'Tizilim туралы',
    hide: 'Tizilim-ді жасыру',
    hideOthers: 'Басқаларын жасыру',
    unhide: 'Барлығын көрсету',
  },
  ru: {
    file: 'Файл',
    quit: 'Выход',
    edit: 'Правка',
    undo: 'Отменить',
    redo: 'Повторить',
    cut: 'Вырезать',
    copy: 'Копировать',
    paste: 'Вставить',
    selectAll: 'Выделить всё',
    view: 'Вид',
    reload: 'Перезагрузить',
    resetZoom: 'Исходный размер',
    zoomIn: 'Увеличить',
    zoomOut: 'Уменьшить',
    fullScreen: 'Во весь экран',
    window: 'Окно',
    minimize: 'Свернуть',
    close: 'Закрыть',
    about: 'О программе Tizilim',
    hide: 'Скрыть Tizilim',
    hideOthers: 'Скрыть остальные',
    unhide: 'Показать все',
  },
} as const satisfies Record<MenuLang, Record<string, string>>;

/** Kazakh or Russian, whichever comes first among the system's preferred languages. */
export function menuLanguage(preferred: readonly string[]): MenuLang {
  for (const tag of preferred) {
    const language = tag.toLowerCase().split(/[-_]/)[0];
    if (language === 'kk' || language === 'ru') return language;
  }
  return 'kk';
}

/** The menu template; roles give the standard shortcuts (Ctrl+C, Ctrl+V, Ctrl+Q…). */
export function appMenuTemplate(lang: MenuLang, platform: string): MenuItemConstructorOptions[] {
  const t = LABELS[lang];
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    {
      label: t.view,
      submenu: [
        { role: 'reload', label: t.reload },
        { type: 'separator' },
        { role: 'resetZoom', label: t.resetZoom },
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t.fullScreen },
      ],
    },
    {
      label: t.window,
      submenu: [
        { role: 'minimize', label: t.minimize },
        { role: 'close', label: t.close },
      ],
    },
  ];
  if (mac) {
    return [
      {
        label: 'Tizilim',
        submenu: [
          { role: 'about', label: t.about },
          { type: 'separator' },
          { role: 'hide', label: t.hide },
          { role: 'hideOthers', label: t.hideOthers },
          { role: 'unhide', label: t.unhide },
          { type: 'separator' },
          { role: 'quit', label: t.quit },
        ],
      },
      ...template,
    ];
  }
  return [{ label: t.file, submenu: [{ role: 'quit', label: t.quit }] }, ...template];
}

/** Every role of a template, submenus included (for tests and for the DevTools guard). */
export function menuRoles(template: readonly MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.role === undefined ? [] : [item.role]),
    ...(Array.isArray(item.submenu) ? menuRoles(item.submenu) : []),
  ]);
}

/** In the packaged app, replaces Electron's default menu (which opens DevTools) with ours. */
export function installAppMenu(options: {
  isPackaged: boolean;
  preferredLanguages: readonly string[];
  platform: string;
}): void {
  if (!options.isPackaged) return;
  const template = appMenuTemplate(menuLanguage(options.preferredLanguages), options.platform);
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
