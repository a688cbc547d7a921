import { render } from '@testing-library/react';
import { App } from '@renderer/app/App';
import { getDb } from '@renderer/db/database';
import { saveSettings } from '@renderer/db/repositories';
import { initI18n } from '@renderer/i18n';
import type { SettingsInput } from '@shared/domain';
import { newId } from '@shared/ids';

export const ASSISTANT = 'Айгерім Нұрланқызы';

/** jsdom has no modal dialogs; the app's Dialog only needs showModal/close to toggle `open`. */
export function polyfillDialog() {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & {
    showModal: () => void;
    close: () => void;
  };
  if (typeof proto.showModal === 'function') return;
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

/**
 * An office whose first staff member is the one at the keyboard (chosen at start, as the
 * session remembers it for the window).
 */
export async function seedOffice(settings: Partial<SettingsInput> = {}) {
  const userId = newId();
  await saveSettings(
    getDb(),
    {
      ...settings,
      users: [
        { id: userId, fullName: ASSISTANT, role: 'assistant', active: true },
        ...(settings.users ?? []),
      ],
    },
    { userId: 'setup' },
  );
  sessionStorage.setItem('tizilim.user', userId);
  return userId;
}

/** Renders the whole app at `route`, as the office would see it. */
export async function openApp(route: string, lang: 'kk' | 'ru' = 'kk') {
  polyfillDialog();
  window.location.hash = `#${route}`;
  const i18n = await initI18n(lang);
  const view = render(<App i18n={i18n} />);
  return { i18n, view };
}

export async function storedSettings() {
  const settings = await getDb().settings.get('settings');
  if (!settings) throw new Error('no settings stored');
  return settings;
}

export { resetAppDatabase as resetDatabase } from '../../resetApp';
