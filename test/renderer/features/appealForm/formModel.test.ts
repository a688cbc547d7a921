import { describe, expect, it } from 'vitest';
import type { TizilimDb } from '@renderer/db/database';
import { createApplicant, mergeApplicants } from '@renderer/db/repositories';
import {
  applicantFormToInput,
  compactPhones,
  consentFormFor,
  guessQueryKind,
  newApplicantValues,
} from '@renderer/features/applicants/applicantModel';
import { pickApplicants } from '@renderer/db/queries/applicants';
import { previewDeadlines } from '@renderer/features/appeal/form/deadlinePreview';
import {
  appealFormResolver,
  emptyFormValues,
  formToInput,
  formToPatch,
  valuesFromDraft,
  type AppealFormValues,
} from '@renderer/features/appeal/form/formModel';
import { createKzCalendar } from '@shared/calendar';
import { appealInputSchema } from '@shared/domain';
import { DEFAULT_DEADLINE_RULES, DEFAULT_WORK_HOURS } from '@shared/workflow/deadlines';
import { ctxAt, deleteFreshDbsAfterEach, freshDb } from '@test/renderer/db/helpers';

function filled(overrides: Partial<AppealFormValues> = {}): AppealFormValues {
  return {
    ...emptyFormValues('2026-11-20T10:00', 'aigerim'),
    channel: 'reception',
    anonymous: true,
    subject: 'Ыстық су жоқ',
    text: 'Екі аптадан бері ыстық су жоқ.',
    topic: 'water',
    ...overrides,
  };
}

async function resolve(values: AppealFormValues) {
  return appealFormResolver(values, undefined, {
    fields: {},
    shouldUseNativeValidation: false,
    criteriaMode: 'firstError',
  });
}

describe('form values → AppealInput', () => {
  it('turns what inputs hold into what the schema takes', () => {
    const input = formToInput(
      filled({
        anonymous: false,
        applicantId: '01938a4e-0000-7000-8000-000000000001',
        coApplicantIds: [
          '01938a4e-0000-7000-8000-000000000001',
          '01938a4e-0000-7000-8000-000000000002',
        ],
        collective: true,
        signatories: ' 24 ',
        proposedAction: '',
        assignee: '',
        firstContactAt: '',
        priority: false,
        priorityReason: 'ескі себеп',
      }),
    );
    expect(input).toMatchObject({
      signatories: 24,
      coApplicantIds: ['01938a4e-0000-7000-8000-000000000002'],
      proposedAction: null,
      assignee: null,
      firstContactAt: null,
      priorityReason: null,
    });
    expect(appealInputSchema.safeParse(input).success).toBe(true);
  });

  it('an anonymous appeal has no applicants; signatories count only when collective', () => {
    const input = formToInput(
      filled({ applicantId: '01938a4e-0000-7000-8000-000000000001', signatories: '5' }),
    );
    expect(input.applicantId).toBeNull();
    expect(input.coApplicantIds).toEqual([]);
    expect(input.signatories).toBeNull();
  });

  it('an edit sends only the fields a plain edit may change', () => {
    const patch = formToPatch(filled());
    expect(Object.keys(patch)).not.toContain('status');
    expect(Object.keys(patch)).not.toContain('attachmentIds');
    expect(patch.subject).toBe('Ыстық су жоқ');
  });
});

describe('appealFormResolver', () => {
  it('keeps message codes on the fields (texts are chosen when shown)', async () => {
    const result = await resolve(
      filled({ anonymous: false, channel: '', subject: ' ', collective: true, signatories: '1' }),
    );
    expect(result.errors.channel?.message).toBe('invalid_option');
    expect(result.errors.subject?.message).toBe('required');
    expect(result.errors.signatories?.message).toBe('signatories_required');
    expect(result.errors.applicantId?.message).toBe('applicant_required');
  });

  it('"2,5" people is not a count', async () => {
    const result = await resolve(filled({ collective: true, signatories: '2,5' }));
    expect(result.errors.signatories?.message).toBe('signatories_required');
  });

  it('passes a complete form', async () => {
    const result = await resolve(filled());
    expect(result.errors).toEqual({});
  });
});

describe('drafts of the form', () => {
  it('take what they can from old or damaged data', () => {
    const defaults = emptyFormValues('2026-11-20T10:00', 'aigerim');
    expect(valuesFromDraft(null, defaults)).toEqual(defaults);
    const restored = valuesFromDraft(
      {
        subject: 'Жол',
        channel: 'pigeon',
        kind: 'complaint',
        tags: ['a', 1],
        location: { street: 'Абай', building: 5 },
        priority: 'yes',
      },
      defaults,
    );
    expect(restored).toMatchObject({
      subject: 'Жол',
      channel: '',
      kind: 'complaint',
      tags: [],
      location: { street: 'Абай', building: '' },
      priority: false,
    });
  });
});

describe('new applicant form', () => {
  it('is prefilled from what was searched for', () => {
    const options = { today: '2026-11-20', lang: 'ru' as const, channel: 'phone' as const };
    expect(newApplicantValues('8 701 234 56 78', options).phones).toEqual(['8 701 234 56 78']);
    expect(newApplicantValues('061211600012', options).iin).toBe('061211600012');
    const named = newApplicantValues('  Иванова Мария ', options);
    expect(named).toMatchObject({
      fullName: 'Иванова Мария',
      preferredLanguage: 'ru',
      consentForm: 'oral',
      consentDate: '2026-11-20',
    });
    expect(guessQueryKind('701')).toBe('name');
  });

  it('records consent only when given, and drops empty phone boxes', () => {
    const values = {
      ...newApplicantValues('Иванова Мария', { today: '2026-11-20', lang: 'kk', channel: '' }),
      phones: ['', '87012345678', ' '],
    };
    expect(applicantFormToInput(values)).toMatchObject({ consent: null, iin: null, email: null });
    expect(applicantFormToInput(values).phones).toEqual(['87012345678']);
    expect(applicantFormToInput({ ...values, consentGiven: true }).consent).toEqual({
      given: true,
      date: '2026-11-20',
      form: 'electronic',
    });
    expect(compactPhones(['', ' '])).toEqual(['']);
    expect(consentFormFor('reception')).toBe('written');
  });
});

describe('pickApplicants', () => {
  let db: TizilimDb;
  deleteFreshDbsAfterEach();

  async function people() {
    db = freshDb();
    const ctx = ctxAt();
    const gulnar = await createApplicant(
      db,
      { fullName: 'Сейітқали Гүлнар Асқарқызы', phones: ['87012345678'], iin: '061211600012' },
      ctx,
    );
    const ivan = await createApplicant(
      db,
      { fullName: 'Иванов Иван Иванович', phones: ['+7 747 555 66 77'] },
      ctx,
    );
    const twin = await createApplicant(
      db,
      { fullName: 'Сейітқали Гүлнар', phones: ['87010000000'] },
      ctx,
    );
    return { gulnar, ivan, twin, ctx };
  }

  const names = (list: { fullName: string }[]) => list.map((a) => a.fullName);

  it('finds by the beginnings of name words, in any order and case', async () => {
    await people();
    expect(names(await pickApplicants(db, 'гүл сейіт'))).toEqual([
      'Сейітқали Гүлнар',
      'Сейітқали Гүлнар Асқарқызы',
    ]);
    expect(names(await pickApplicants(db, 'ИВАН'))).toEqual(['Иванов Иван Иванович']);
    expect(await pickApplicants(db, 'и')).toEqual([]);
  });

  it('finds by phone in any format, by its last digits, and by IIN', async () => {
    await people();
    for (const q of ['+7 (701) 234-56-78', '87012345678', '8 701 234', '701 234 5', '2345678']) {
      expect(names(await pickApplicants(db, q)), q).toEqual(['Сейітқали Гүлнар Асқарқызы']);
    }
    expect(names(await pickApplicants(db, '0612116'))).toEqual(['Сейітқали Гүлнар Асқарқызы']);
    expect(names(await pickApplicants(db, '8 747 555'))).toEqual(['Иванов Иван Иванович']);
  });

  it('does not offer people merged into someone else', async () => {
    const { gulnar, twin, ctx } = await people();
    await mergeApplicants(db, { keepId: gulnar.id, mergeId: twin.id }, ctx);
    expect(names(await pickApplicants(db, 'сейітқали'))).toEqual(['Сейітқали Гүлнар Асқарқызы']);
  });
});

describe('previewDeadlines', () => {
  const calendar = createKzCalendar();
  const rules = { workHours: DEFAULT_WORK_HOURS, deadlines: DEFAULT_DEADLINE_RULES };

  it('is what the repository will store', () => {
    expect(previewDeadlines(calendar, '2026-11-20T10:00', rules)).toEqual({
      registeredOn: '2026-11-20',
      decideBy: '2026-12-11',
      acknowledgeBy: '2026-11-23T10:00',
      postponed: false,
    });
    expect(previewDeadlines(calendar, '2026-11-21T10:00', rules)?.postponed).toBe(true);
  });

  it('is nothing while the time is incomplete, and the stored dates while unchanged', () => {
    expect(previewDeadlines(calendar, '2026-11-', rules)).toBeNull();
    const stored = {
      receivedAt: '2026-11-20T10:00',
      registeredOn: '2026-11-20',
      decideBy: '2027-01-20',
      acknowledgeBy: '2026-11-23T10:00',
    };
    expect(previewDeadlines(calendar, '2026-11-20T10:00', rules, stored)?.decideBy).toBe(
      '2027-01-20',
    );
  });
});
