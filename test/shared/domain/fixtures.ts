import { newId } from '@shared/ids';
import type { Appeal } from '@shared/domain/appeal';
import type { Applicant } from '@shared/domain/applicant';
import type { BaseRecord } from '@shared/domain/common';

export const NOW = '2026-03-02T05:15:00.000Z';
export const USER_ID = newId();

export function base(overrides: Partial<BaseRecord> = {}): BaseRecord {
  return {
    id: newId(),
    createdAt: NOW,
    updatedAt: NOW,
    createdBy: USER_ID,
    updatedBy: USER_ID,
    version: 1,
    deletedAt: null,
    ...overrides,
  };
}

const subject = 'Көпқабатты үйде екі аптадан бері ыстық су жоқ';
const text =
  'Абай көшесіндегі 12-үйде екі аптадан бері ыстық су жоқ. Жылу желісі кәсіпорнына бірнеше рет ' +
  'хабарластық, бірақ ешкім келмеді. Үйде қарт адамдар мен жас балалар тұрады, су жылыту үшін ' +
  'электр шәйнекті пайдалануға мәжбүрміз.';

/** A collective complaint about hot water, registered at a reception, written in Kazakh. */
export function appealFixture(overrides: Partial<Appeal> = {}): Appeal {
  return {
    ...base(),
    regNo: '2026-0042',
    receivedAt: '2026-03-02T10:15',
    registeredOn: '2026-03-02',
    channel: 'reception',
    kind: 'complaint',
    collective: true,
    signatories: 48,
    applicantId: newId(),
    coApplicantIds: [newId()],
    subject,
    text,
    expectation:
      'Депутат жылу желісі кәсіпорнына сауал жіберіп, ыстық суды қашан беретінін анықтап берсе екен.',
    topic: 'housing',
    location: {
      locality: 'Қарағанды',
      district: 'Оңтүстік-Шығыс шағын ауданы',
      street: 'Абай көшесі',
      building: '12',
    },
    priority: true,
    priorityReason: 'Өтініш берушілердің арасында мүгедектігі бар адамдар бар',
    proposedAction: 'inquiry',
    assignee: USER_ID,
    status: 'registered',
    outcome: null,
    notResolvedReason: null,
    outcomeSummary: '',
    publicSummary: { kk: '', ru: '' },
    inReport: false,
    reportHighlight: false,
    applicantInformedAt: null,
    informedVia: null,
    firstContactAt: '2026-03-02T10:15',
    decidedOn: null,
    extendedTo: null,
    extensionReason: null,
    decideBy: '2026-03-24',
    acknowledgeBy: '2026-03-05T10:15',
    receptionId: newId(),
    forwardedTo: null,
    tags: ['ыстық су', 'жылу желісі'],
    attachmentIds: [],
    journalNo: null,
    importBatchId: null,
    ...overrides,
  };
}

/** A decided, informed appeal: ready to be closed. */
export function decidedAppealFixture(overrides: Partial<Appeal> = {}): Appeal {
  return appealFixture({
    status: 'decided',
    outcome: 'resolved',
    outcomeSummary: 'Жылу желісі кәсіпорны құбырды 10 наурызда жөндеп, ыстық су берілді.',
    decidedOn: '2026-03-12',
    publicSummary: {
      kk: 'Көпқабатты үйге ыстық су беру қалпына келтірілді.',
      ru: 'В многоквартирном доме восстановлена подача горячей воды.',
    },
    inReport: true,
    ...overrides,
  });
}

export function applicantFixture(overrides: Partial<Applicant> = {}): Applicant {
  return {
    ...base(),
    fullName: 'Сейтқалиева Гүлнар Ерболқызы',
    iin: '850115300001',
    phones: ['+77012345678'],
    email: 'gulnar@example.kz',
    address: {
      locality: 'Қарағанды',
      district: '',
      street: 'Абай көшесі',
      building: '12',
      flat: '34',
    },
    preferredLanguage: 'kk',
    preferredChannel: 'whatsapp',
    vulnerableCategories: ['large_family'],
    consent: { given: true, date: '2026-03-02', form: 'written' },
    anonymisedAt: null,
    importBatchId: null,
    mergedInto: null,
    ...overrides,
  };
}

/** The message codes of a failed parse, as "path: code" lines (empty when it parsed). */
export function issueCodes(result: {
  success: boolean;
  error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
}): string[] {
  if (result.success || !result.error) return [];
  return result.error.issues.map(
    (issue) => `${issue.path.map(String).join('.')}: ${issue.message}`,
  );
}
