import type { Appeal, AppealInput, ApplicantInput, SettingsInput } from '@shared/domain';
import { createAppeal, createApplicant } from '@renderer/db/repositories';
import { buildOffice, type Office, type TableDump } from './seed';

/**
 * The Astana okrug-7 deputy's office most specs print letters and reports for. Specs that
 * need a different spelling of the deputy's name or other contacts say only what differs.
 */
export function astanaOfficeSettings(
  changes: { deputyKk?: string; contacts?: Partial<SettingsInput['contacts']> } = {},
) {
  return {
    deputy: {
      fullName: { kk: changes.deputyKk ?? 'Серік Болатұлы Ахметов', ru: 'Ахметов Серик Болатович' },
      position: {
        kk: 'Астана қалалық мәслихатының депутаты',
        ru: 'Депутат маслихата города Астаны',
      },
    },
    maslikhat: {
      level: 'republican_city' as const,
      name: { kk: 'Астана қалалық мәслихаты', ru: 'Маслихат города Астаны' },
    },
    okrugNumber: 7,
    receptionAddress: {
      kk: 'Астана қ., Бейбітшілік көшесі, 11, 204-кабинет',
      ru: 'г. Астана, ул. Бейбитшилик, 11, кабинет 204',
    },
    contacts: {
      phone: '+77172555123',
      email: 'deputy7@maslihat-astana.kz',
      telegram: '@deputat7_astana',
      website: '',
      other: '',
      ...changes.contacts,
    },
  };
}

/** Гүлнар of Абай street 12, flat 45: the applicant the letter and inquiry specs write for. */
export const GULNAR = {
  fullName: 'Сейітқали Гүлнар Маратқызы',
  phones: ['87012345678'],
  address: { locality: 'Астана', street: 'Абай көшесі', building: '12', flat: '45' },
  preferredLanguage: 'kk',
} satisfies ApplicantInput;

/** Her complaint about hot water at Абай street 12, without the dates and words each spec sets. */
export const HOT_WATER_COMPLAINT = {
  channel: 'reception',
  kind: 'complaint',
  topic: 'heating_gas',
  location: { locality: 'Астана', district: 'Сарыарқа', street: 'Абай көшесі', building: '12' },
} satisfies Partial<AppealInput>;

export interface OfficeWithAppeal {
  dump: TableDump;
  appealId: string;
  regNo: string;
}

/**
 * That office with one applicant and their appeal, written on the real clock by the app's
 * repositories; `more` adds whatever the spec needs around the appeal.
 */
export async function officeWithAppeal(
  applicant: ApplicantInput,
  appeal: Omit<AppealInput, 'applicantId'>,
  options: {
    settings: Partial<SettingsInput>;
    more?: (office: Office, appeal: Appeal) => Promise<void>;
  },
): Promise<OfficeWithAppeal> {
  let created: Appeal | undefined;
  const dump = await buildOffice(
    async (office) => {
      // Consent is on record before an appeal keeps a person's data.
      const person = await createApplicant(
        office.db,
        { consent: { given: true, date: '2026-11-20', form: 'written' }, ...applicant },
        office.ctx,
      );
      created = await createAppeal(office.db, { ...appeal, applicantId: person.id }, office.ctx);
      if (options.more) await options.more(office, created);
    },
    { settings: options.settings, now: new Date() },
  );
  if (!created) throw new Error('officeWithAppeal: the appeal was not created');
  return { dump, appealId: created.id, regNo: created.regNo };
}
