import { getDb } from '@renderer/db/database';
import { createReception, type ReceptionPlan } from '@renderer/db/repositories';
import type { SettingsInput } from '@shared/domain';
import { seedOffice } from '../settings/officeApp';

/** Sunday 22 November 2026, 10:00 in Astana. */
export const SUNDAY = new Date('2026-11-22T05:00:00Z');

export const OFFICE_SETTINGS: Partial<SettingsInput> = {
  deputy: {
    fullName: { kk: 'Асқар Болатұлы Серікбаев', ru: 'Серикбаев Аскар Болатович' },
    position: {
      kk: 'Астана қалалық мәслихатының депутаты',
      ru: 'Депутат маслихата города Астаны',
    },
  },
  okrugNumber: 7,
  receptionAddress: {
    kk: 'Астана, Жеңіс даңғылы, 23, 105-кабинет',
    ru: 'Астана, пр. Жеңіс, 23, кабинет 105',
  },
  contacts: { phone: '+77172551234', email: null, telegram: '', website: '', other: '' },
};

export const PLAN: ReceptionPlan = {
  date: '2026-11-27',
  startTime: '10:00',
  endTime: '13:00',
  place: {
    kk: 'Сарыарқа ауданы әкімдігі, Жеңіс даңғылы 23, 105-кабинет',
    ru: 'Акимат района Сарыарка, проспект Женис 23, кабинет 105',
  },
  format: 'in_person',
  accessibilityNotes: {
    kk: 'Бірінші қабат, кіреберісте пандус бар',
    ru: 'Первый этаж, у входа есть пандус',
  },
};

export async function officeWithReceptions(
  plans: readonly Partial<ReceptionPlan>[],
  settings: Partial<SettingsInput> = OFFICE_SETTINGS,
) {
  const userId = await seedOffice(settings);
  const ctx = { userId, now: () => SUNDAY };
  const receptions = [];
  for (const plan of plans)
    receptions.push(await createReception(getDb(), { ...PLAN, ...plan }, ctx));
  return { userId, ctx, receptions };
}
