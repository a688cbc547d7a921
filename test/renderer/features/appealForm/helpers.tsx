import { render, screen } from '@testing-library/react';
import { App } from '@renderer/app/App';
import { getDb } from '@renderer/db/database';
import { saveSettings } from '@renderer/db/repositories';
import { initI18n } from '@renderer/i18n';
import { newId } from '@shared/ids';

/** jsdom has <dialog> but not its modal methods; enough of them for the shared Dialog. */
export function polyfillDialog() {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & Record<string, unknown>;
  proto.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close ??= function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

export const ASSISTANT = 'Айгерім Нұрланқызы';

/** An office with one assistant, so the app opens straight into the screens. */
export async function office(): Promise<{ userId: string }> {
  const userId = newId();
  await saveSettings(
    getDb(),
    { users: [{ id: userId, fullName: ASSISTANT, role: 'assistant', active: true }] },
    { userId: 'setup' },
  );
  return { userId };
}

/** Renders the whole app on a route and waits for the form. */
export async function openForm(
  lang: 'kk' | 'ru' = 'kk',
  route = '/appeals/new',
  ready: string = lang === 'kk' ? 'Тіркеу' : 'Зарегистрировать',
) {
  window.location.hash = `#${route}`;
  const i18n = await initI18n(lang);
  const view = render(<App i18n={i18n} />);
  await screen.findByRole('button', { name: ready });
  return { i18n, ...view };
}

export function resetBrowserState() {
  localStorage.clear();
  sessionStorage.clear();
  window.location.hash = '';
}

export { resetAppDatabase as resetDb } from '../../resetApp';

/** The control labelled `label`, ignoring the « *» of required fields. */
export function control(label: string): HTMLElement {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return screen.getByLabelText(new RegExp(`^${escaped}( \\*)?$`));
}
