import { WRITTEN_CONSENT } from '@test/renderer/db/helpers';
import { render } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { App } from '@renderer/app/App';
import { getDb } from '@renderer/db/database';
import {
  createAppeal,
  createApplicant,
  saveSettings,
  type WriteContext,
} from '@renderer/db/repositories';
import { initI18n } from '@renderer/i18n';
import { setPlatform } from '@renderer/platform';
import { createKzCalendar, isWorkingDay } from '@shared/calendar';
import { formatDay, parseDay } from '@shared/calendar/dates';
import { toKzLocalDate } from '@shared/calendar/zone';
import type { Appeal, AppealInput } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { resetAppDatabase as resetDb } from '../../resetApp';

/**
 * jsdom has <dialog> without its behaviour: a minimal modal that sets `open` and fires
 * `close`, enough for the app's Dialog (Escape is covered by the end-to-end tests).
 */
export function polyfillDialog() {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & Record<string, unknown>;
  if (typeof proto.showModal === 'function' && 'open' in proto) return;
  Object.defineProperty(proto, 'open', {
    configurable: true,
    get(this: HTMLDialogElement) {
      return this.hasAttribute('open');
    },
  });
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

export const USER_ID = 'aigerim';
export const ctx: WriteContext = { userId: USER_ID };
export const cal = createKzCalendar();
export const TODAY = toKzLocalDate(new Date());

export function shiftDay(day: string, days: number): string {
  return formatDay(parseDay(day) + days);
}

/** A working day a few working days before today, so "today" is a valid decision date. */
export function recentWorkingDay(back = 2): string {
  let day = TODAY;
  for (let n = 0; n < back;) {
    day = shiftDay(day, -1);
    if (isWorkingDay(cal, day)) n += 1;
  }
  return day;
}

export async function seedOffice() {
  await saveSettings(
    getDb(),
    {
      users: [{ id: USER_ID, fullName: 'Айгерім Нұрланқызы', role: 'assistant', active: true }],
      deputy: {
        fullName: { kk: 'Серік Болатұлы Ахметов', ru: 'Ахметов Серик Болатович' },
        position: { kk: '', ru: '' },
      },
      okrugNumber: 7,
    },
    ctx,
  );
}

export async function seedAppeal(
  overrides: Partial<AppealInput> = {},
  applicant: { preferredChannel?: 'phone' | null; preferredLanguage?: Lang } = {},
): Promise<Appeal> {
  const person = await createApplicant(
    getDb(),
    {
      consent: WRITTEN_CONSENT,
      fullName: 'Сейітқали Гүлнар',
      phones: ['87012345678'],
      preferredChannel:
        applicant.preferredChannel === undefined ? 'phone' : applicant.preferredChannel,
      preferredLanguage: applicant.preferredLanguage ?? 'kk',
    },
    ctx,
  );
  return createAppeal(
    getDb(),
    {
      receivedAt: `${recentWorkingDay()}T10:00`,
      channel: 'reception',
      kind: 'complaint',
      applicantId: person.id,
      subject: 'Ыстық су жоқ',
      text: 'Екі аптадан бері ыстық су жоқ.',
      topic: 'heating_gas',
      ...overrides,
    },
    ctx,
  );
}

/** Renders the whole app at a route, as the user would reach it. */
export async function renderAt(route: string, lang: Lang = 'kk') {
  window.location.hash = `#${route}`;
  const i18n = await initI18n(lang);
  const view = render(<App i18n={i18n} />);
  return { i18n, ...view };
}

export function openDialog(): HTMLDialogElement {
  const dialog = document.querySelector<HTMLDialogElement>('dialog[open]');
  if (!dialog) throw new Error('no dialog is open');
  return dialog;
}

export { resetDb };

/**
 * Call once at the top of a screen test: before each test, empty browser storage and the
 * seeded office; after it, no platform stub, no print-ready flag and an empty database, so
 * nothing one test set up leaks into the next.
 */
export function seededOfficeEachTest(): void {
  beforeEach(async () => {
    localStorage.clear();
    sessionStorage.clear();
    await seedOffice();
  });
  afterEach(async () => {
    setPlatform(undefined);
    delete window.__tizilimPrintReady;
    await resetDb();
  });
}
