/** The demo office's settings: its deputy, maslikhat, okrug and contacts. */
import { DEFAULT_TOPICS, SETTINGS_ID, type Settings, defaultSettingsData } from '../../domain';
import { demoPlaceGlossary } from '../places';

/** The one office the demo data belongs to: an Astana city maslikhat deputy. */
export function officeSettings(base: {
  users: Settings['users'];
  now: string;
  userId: string;
}): Settings {
  return {
    ...defaultSettingsData(),
    id: SETTINGS_ID,
    createdAt: base.now,
    updatedAt: base.now,
    createdBy: base.userId,
    updatedBy: base.userId,
    version: 1,
    deletedAt: null,
    deputy: {
      fullName: { kk: 'Ерлан Серікұлы Қасымов', ru: 'Касымов Ерлан Серикович' },
      position: {
        kk: 'Астана қалалық мәслихатының депутаты',
        ru: 'Депутат маслихата города Астаны',
      },
    },
    maslikhat: {
      level: 'republican_city',
      name: { kk: 'Астана қалалық мәслихаты', ru: 'Маслихат города Астаны' },
    },
    okrugNumber: 14,
    okrugDescription: {
      kk: 'Сарыарқа және Алматы аудандарының бір бөлігі',
      ru: 'Часть районов Сарыарка и Алматы',
    },
    receptionAddress: {
      kk: 'Астана қ., Сарыарқа ауданы, Бөгенбай батыр даңғылы, 42, 3-қабат',
      ru: 'г. Астана, район Сарыарка, проспект Богенбай батыра, 42, 3 этаж',
    },
    contacts: {
      phone: '+77172554014',
      email: 'okrug14@maslihat-astana.kz',
      telegram: '@deputat_okrug14',
      website: '',
      other: '',
    },
    users: base.users,
    topics: DEFAULT_TOPICS.map((t) => ({ ...t })),
    report: { ...defaultSettingsData().report, placeNames: demoPlaceGlossary() },
  };
}
