import { render, screen } from '@testing-library/react';
import { App } from '@renderer/app/App';
import { getDb } from '@renderer/db/database';
import { saveSettings, type WriteContext } from '@renderer/db/repositories';
import { initI18n } from '@renderer/i18n';
import { newId } from '@shared/ids';
import { resetAppDatabase } from '../../resetApp';

/** jsdom has no modal dialogs; the app's Dialog only needs showModal/close to toggle `open`. */
export function polyfillDialog() {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & {
    showModal: () => void;
    close: () => void;
  };
  if (typeof proto.showModal !== 'function' || !proto.showModal.name.includes('fake')) {
    proto.showModal = function fakeShowModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    proto.close = function fakeClose(this: HTMLDialogElement) {
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
  }
}

/** An office with one staff member, so the app opens straight into its screens. */
export async function office(): Promise<WriteContext> {
  const userId = newId();
  await saveSettings(
    getDb(),
    { users: [{ id: userId, fullName: 'Айгерім Нұрланқызы', role: 'assistant', active: true }] },
    { userId: 'setup' },
  );
  return { userId, now: () => new Date('2026-11-20T05:00:00Z') };
}

export async function renderAt(route: string, lang: 'kk' | 'ru' = 'kk') {
  window.location.hash = `#${route}`;
  const i18n = await initI18n(lang);
  const result = render(<App i18n={i18n} />);
  await screen.findByRole('navigation');
  return { ...result, i18n };
}

export async function resetDb() {
  localStorage.clear();
  sessionStorage.clear();
  window.location.hash = '';
  await resetAppDatabase();
}
