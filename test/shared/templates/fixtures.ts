import { newId } from '@shared/ids';
import { defaultSettingsData, SETTINGS_ID } from '@shared/domain';
import type { Agency, Inquiry, Reception, Settings } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import type { TemplateContext } from '@shared/templates';
import { appealFixture, applicantFixture, base } from '../domain/fixtures';

export function settingsFixture(): Settings {
  return {
    ...base({ id: SETTINGS_ID }),
    ...defaultSettingsData(),
    id: SETTINGS_ID,
    deputy: {
      fullName: { kk: 'Серікбаев Асқар Болатұлы', ru: 'Серикбаев Аскар Болатович' },
      position: {
        kk: 'Қарағанды қалалық мәслихатының депутаты',
        ru: 'Депутат Карагандинского городского маслихата',
      },
    },
    maslikhat: {
      level: 'city',
      name: { kk: 'Қарағанды қалалық мәслихаты', ru: 'Карагандинский городской маслихат' },
    },
    okrugNumber: 12,
    receptionAddress: {
      kk: 'Қарағанды, Бұқар жырау даңғылы, 35, 104-кабинет',
      ru: 'Караганда, пр. Бухар жырау, 35, кабинет 104',
    },
    contacts: {
      phone: '+77212123456',
      email: 'deputat12@example.kz',
      telegram: '@deputat12',
      website: '',
      other: '',
    },
  };
}

export function agencyFixture(): Agency {
  return {
    ...base(),
    name: {
      kk: 'Қарағанды қаласының тұрғын үй-коммуналдық шаруашылығы бөлімі',
      ru: 'Отдел жилищно-коммунального хозяйства города Караганды',
    },
    shortName: { kk: 'ТҮКШ бөлімі', ru: 'Отдел ЖКХ' },
    kind: 'akimat_department',
    parentId: null,
    headName: 'Жұмабеков Ерлан Сәкенұлы',
    headPosition: { kk: 'Бөлім басшысы', ru: 'Руководитель отдела' },
    address: 'Қарағанды, Әлиханов көшесі, 13',
    phone: '8 7212 41 00 00',
    email: 'zhkh@example.kz',
    website: '',
    notes: '',
    retired: false,
  };
}

export function inquiryFixture(overrides: Partial<Inquiry> = {}): Inquiry {
  return {
    ...base(),
    outgoingNo: '12-04/118',
    outgoingDate: '2026-03-04',
    agencyId: null,
    addressee:
      'Қарағанды қаласының тұрғын үй-коммуналдық шаруашылығы бөлімінің басшысы\nЕ.С. Жұмабековке',
    appealIds: [],
    subject: 'Абай көшесі, 12-үйге ыстық су беру туралы',
    body: '',
    templateId: null,
    language: 'kk',
    dueDate: '2026-03-25',
    status: 'sent',
    response: null,
    repeatOfId: null,
    assignee: null,
    notes: '',
    extra: {},
    ...overrides,
  };
}

export function receptionFixture(overrides: Partial<Reception> = {}): Reception {
  return {
    ...base(),
    date: '2026-12-04',
    startTime: '10:00',
    endTime: '12:00',
    place: { kk: 'Қарағанды, № 45 мектеп, акт залы', ru: 'Караганда, школа № 45, актовый зал' },
    format: 'in_person',
    announcedOn: null,
    announcedWhere: '',
    accessibilityNotes: {
      kk: 'Бірінші қабат, кіреберісте пандус бар',
      ru: 'Первый этаж, у входа есть пандус',
    },
    status: 'planned',
    cancelReason: null,
    checklistTemplateId: null,
    checklist: [],
    queue: [],
    notes: '',
    ...overrides,
  };
}

/** Everything every built-in template needs, for one language. */
export function fullContext(lang: Lang, overrides: Partial<TemplateContext> = {}): TemplateContext {
  const appeal = appealFixture({
    forwardedTo: 'Қарағанды қаласының тұрғын үй инспекциясы',
    extendedTo: '2026-04-21',
    extensionReason: 'Жылу желісі кәсіпорнынан қосымша ақпарат сұралды',
  });
  const previous = inquiryFixture({
    status: 'answered',
    response: {
      receivedOn: '2026-03-20',
      theirNo: '3Т-1520',
      theirDate: '2026-03-19',
      summary: 'Жөндеу жоспарланған',
      attachmentIds: [],
      check: {
        reference: true,
        receipt: true,
        answer: true,
        furtherActions: false,
        conclusion: false,
      },
    },
  });
  return {
    lang,
    today: '2026-11-22',
    settings: settingsFixture(),
    appeal,
    applicant: applicantFixture(),
    appeals: [appeal, appealFixture({ regNo: '2026-0047', receivedAt: '2026-03-05T09:00' })],
    inquiry: inquiryFixture({ repeatOfId: newId(), outgoingNo: null, outgoingDate: null }),
    previousInquiry: previous,
    agency: agencyFixture(),
    reception: receptionFixture(),
    extra: {
      problem: 'Абай көшесіндегі 12-үйде екі аптадан бері ыстық су жоқ.',
      questions: 'Ыстық су қашан беріледі?\nКінәлілер жауапқа тартыла ма?',
      answer: 'Жылу желісі кәсіпорны құбырды жөндеді, ыстық су 10 наурызда берілді.',
      furtherActions: 'Кәсіпорын жазда құбырды толық ауыстыруды жоспарлап отыр.',
      contactPerson: 'Әлиева Дана, депутаттың көмекшісі',
    },
    ...overrides,
  };
}
