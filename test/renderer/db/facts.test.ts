import { describe, expect, it } from 'vitest';
import {
  addVisitor,
  correctAppealDecision,
  createAgency,
  createAppeal,
  createApplicant,
  createInitiative,
  createInquiry,
  createReception,
  describeRepositoryError,
  recordAnnouncement,
  recordInquiryResponse,
  registerIntake,
  sendInquiry,
  transitionAppeal,
  updateAppeal,
  updateApplicant,
  updateReception,
  type ReceptionPlan,
} from '@renderer/db/repositories';
import { appealHistory } from '@renderer/db/queries/appeals';
import type { TizilimDb } from '@renderer/db/database';
import {
  ctxAt,
  deleteFreshDbsAfterEach,
  freshDb,
  FRIDAY_MORNING,
  kazakhAppeal,
  rejection,
  rowsOf,
  russianAppeal,
  WRITTEN_CONSENT,
} from './helpers';

/**
 * Nothing wrong gets in (issue 17): every repository path refuses a date that is not a fact
 * and personal data kept without consent — on the field, in Kazakh and Russian, with every
 * table as it was.
 */

let db: TizilimDb;
deleteFreshDbsAfterEach();

const ALL = [
  'appeals',
  'applicants',
  'events',
  'counters',
  'registryRows',
  'inquiries',
  'receptions',
  'initiatives',
] as const;
const everything = () => rowsOf(db, ...ALL);

/** The refusal's fields in both languages, and proof that nothing was written. */
async function refusedOnField(write: () => Promise<unknown>, path: string, code: string) {
  const before = await everything();
  const error = await rejection(write());
  expect(error.issues[0]).toEqual({ path, code });
  expect(describeRepositoryError(error, 'kk').fields[path]).toMatch(/\p{L}{3}/u);
  expect(describeRepositoryError(error, 'ru').fields[path]).toMatch(/[а-яё]{3}/);
  expect(await everything()).toEqual(before);
  return error;
}

const TOMORROW = '2026-11-21T09:00';

describe('appeal dates', () => {
  it('refuses an appeal received tomorrow or before 2000, naming the field', async () => {
    db = freshDb();
    const future = await refusedOnField(
      () => createAppeal(db, kazakhAppeal({ receivedAt: TOMORROW }), ctxAt()),
      'receivedAt',
      'date_future_received',
    );
    expect(describeRepositoryError(future, 'ru').fields.receivedAt).toBe(
      'Дата поступления обращения не может быть в будущем',
    );
    await refusedOnField(
      () => createAppeal(db, kazakhAppeal({ receivedAt: '1999-12-31T10:00' }), ctxAt()),
      'receivedAt',
      'date_early_received',
    );
    // No number was used up: the next appeal is the first of its year.
    expect((await createAppeal(db, kazakhAppeal(), ctxAt())).regNo).toBe('2026-0001');
  });

  it('accepts a slow laptop clock: a time a few minutes ahead is not the future', async () => {
    db = freshDb();
    const appeal = await createAppeal(
      db,
      kazakhAppeal({ receivedAt: '2026-11-20T10:03' }),
      ctxAt(FRIDAY_MORNING),
    );
    expect(appeal.receivedAt).toBe('2026-11-20T10:03');
  });

  it('refuses an edit that moves the receipt into the future or after the decision', async () => {
    db = freshDb();
    const appeal = await createAppeal(db, kazakhAppeal(), ctxAt());
    await refusedOnField(
      () => updateAppeal(db, appeal.id, { receivedAt: TOMORROW }, ctxAt()),
      'receivedAt',
      'date_future_received',
    );
    await refusedOnField(
      () => updateAppeal(db, appeal.id, { firstContactAt: '2026-11-20T09:00' }, ctxAt()),
      'firstContactAt',
      'first_contact_before_received',
    );
    await transitionAppeal(
      db,
      appeal.id,
      {
        type: 'decide',
        outcome: 'explained',
        outcomeSummary: 'Түсіндірілді',
        decidedOn: '2026-11-20',
      },
      ctxAt(),
    );
    const later = ctxAt(new Date('2026-11-25T05:00:00Z'));
    await refusedOnField(
      () => updateAppeal(db, appeal.id, { receivedAt: '2026-11-23T09:00' }, later),
      'decidedOn',
      'decided_before_received',
    );
  });
});

describe('consent', () => {
  it('refuses an appeal of a person whose data is kept without consent, then takes it once recorded', async () => {
    db = freshDb();
    const person = await createApplicant(
      db,
      { fullName: 'Сейітқали Гүлнар', phones: ['87012345678'] },
      ctxAt(),
    );
    await refusedOnField(
      () => createAppeal(db, kazakhAppeal({ applicantId: person.id }), ctxAt()),
      'applicantId',
      'consent_required',
    );
    const co = await createApplicant(db, { fullName: 'Иванов Пётр' }, ctxAt());
    await updateApplicant(db, person.id, { consent: WRITTEN_CONSENT }, ctxAt());
    await refusedOnField(
      () =>
        createAppeal(
          db,
          kazakhAppeal({
            applicantId: person.id,
            coApplicantIds: [co.id],
            collective: true,
            signatories: 2,
          }),
          ctxAt(),
        ),
      'coApplicantIds.0',
      'consent_required',
    );
    const appeal = await createAppeal(db, kazakhAppeal({ applicantId: person.id }), ctxAt());
    // Linking the person without consent later is refused too.
    await refusedOnField(
      () => updateAppeal(db, appeal.id, { applicantId: co.id }, ctxAt()),
      'applicantId',
      'consent_required',
    );
    // An anonymous appeal keeps no personal data and needs none.
    expect((await createAppeal(db, russianAppeal(), ctxAt())).applicantId).toBeNull();
  });

  it('refuses a consent dated in the future', async () => {
    db = freshDb();
    await refusedOnField(
      () =>
        createApplicant(
          db,
          { fullName: 'Сейітқали Гүлнар', consent: { ...WRITTEN_CONSENT, date: '2026-12-01' } },
          ctxAt(),
        ),
      'consent.date',
      'date_future_consent',
    );
    const person = await createApplicant(db, { fullName: 'Сейітқали Гүлнар' }, ctxAt());
    await refusedOnField(
      () =>
        updateApplicant(
          db,
          person.id,
          { consent: { ...WRITTEN_CONSENT, date: '1999-01-01' } },
          ctxAt(),
        ),
      'consent.date',
      'date_early_consent',
    );
  });
});

describe('the decision can be corrected, with the correction in the history', () => {
  it('corrects a mistyped decision date and outcome with a reason; refuses a future date', async () => {
    db = freshDb();
    const { id } = await createAppeal(db, kazakhAppeal(), ctxAt());
    const monday = ctxAt(new Date('2026-11-23T05:00:00Z'));
    await transitionAppeal(
      db,
      id,
      {
        type: 'decide',
        outcome: 'resolved',
        outcomeSummary: 'Су берілді',
        decidedOn: '2026-11-23',
      },
      monday,
    );
    await refusedOnField(
      () =>
        correctAppealDecision(
          db,
          id,
          { decidedOn: '2027-01-15', reason: 'Күні қате жазылған' },
          monday,
        ),
      'decidedOn',
      'date_future_decided',
    );
    await refusedOnField(
      () => correctAppealDecision(db, id, { decidedOn: '2026-11-20', reason: ' ' }, monday),
      'reason',
      'correction_reason_required',
    );
    const { appeal } = await correctAppealDecision(
      db,
      id,
      { decidedOn: '2026-11-20', outcome: 'explained', reason: 'Шешім жұмада қабылданған' },
      monday,
    );
    expect(appeal).toMatchObject({
      status: 'decided',
      decidedOn: '2026-11-20',
      outcome: 'explained',
    });
    const last = (await appealHistory(db, id)).at(-1);
    expect(last).toMatchObject({
      type: 'fieldChanged',
      note: 'Шешім жұмада қабылданған',
      data: {
        correction: 'decision',
        changes: [
          { field: 'decidedOn', from: '2026-11-23', to: '2026-11-20' },
          { field: 'outcome', from: 'resolved', to: 'explained' },
        ],
      },
    });
    const notDecided = await createAppeal(db, russianAppeal(), ctxAt());
    const error = await rejection(
      correctAppealDecision(db, notDecided.id, { outcome: 'resolved', reason: 'Қате' }, monday),
    );
    expect(error.detail).toBe('correction_not_decided');
  });
});

describe('inquiries', () => {
  async function office() {
    db = freshDb();
    const agency = await createAgency(
      db,
      { name: { kk: '«Астана-Жылу» АҚ', ru: 'АО «Астана-Жылу»' }, kind: 'utility', headName: '' },
      ctxAt(),
    );
    const appeal = await createAppeal(db, kazakhAppeal(), ctxAt());
    const inquiry = await createInquiry(
      db,
      {
        agencyId: agency.id,
        addressee: '',
        appealIds: [appeal.id],
        subject: 'Ыстық су туралы',
        body: 'Құрметті басшы! ...',
        language: 'kk',
      },
      ctxAt(),
    );
    return { inquiry };
  }

  it('refuses an inquiry sent before the appeal it is about arrived', async () => {
    const { inquiry } = await office();
    await refusedOnField(
      () => sendInquiry(db, inquiry.id, { outgoingDate: '2026-11-19' }, ctxAt()),
      'outgoingDate',
      'inquiry_before_appeal',
    );
  });

  it('refuses an answer dated before sending or received in the future', async () => {
    const { inquiry } = await office();
    await sendInquiry(db, inquiry.id, { outgoingDate: '2026-11-20' }, ctxAt());
    const later = ctxAt(new Date('2026-11-27T05:00:00Z'));
    const check = {
      reference: true,
      receipt: true,
      answer: true,
      furtherActions: true,
      conclusion: true,
    };
    await refusedOnField(
      () => recordInquiryResponse(db, inquiry.id, { receivedOn: '2026-11-19', check }, [], later),
      'receivedOn',
      'response_before_sent',
    );
    await refusedOnField(
      () => recordInquiryResponse(db, inquiry.id, { receivedOn: '2026-11-28', check }, [], later),
      'receivedOn',
      'date_future_answerReceived',
    );
  });
});

describe('receptions and initiatives', () => {
  const PLAN: ReceptionPlan = {
    date: '2026-11-27',
    startTime: '10:00',
    endTime: '13:00',
    place: 'Сарыарқа ауданы әкімдігі, 105-кабинет',
    format: 'in_person',
    accessibilityNotes: '',
  };

  it('cannot be started before its day: no visitor joins the queue earlier', async () => {
    db = freshDb();
    const reception = await createReception(db, PLAN, ctxAt());
    const before = await everything();
    const error = await rejection(addVisitor(db, reception.id, { name: 'Әлиев Нұрлан' }, ctxAt()));
    expect(error.detail).toBe('reception_not_started');
    expect(describeRepositoryError(error, 'kk').message).toContain('Қабылдау күні әлі келмеді');
    expect(await everything()).toEqual(before);
    const onTheDay = ctxAt(new Date('2026-11-27T05:00:00Z'));
    const { entry } = await addVisitor(db, reception.id, { name: 'Әлиев Нұрлан' }, onTheDay);
    expect(entry.arrivedAt).toBe('2026-11-27T10:00');
  });

  it('refuses a reception before 2000, an announcement in the future, a day moved before the announcement', async () => {
    db = freshDb();
    await refusedOnField(
      () => createReception(db, { ...PLAN, date: '1999-11-27' }, ctxAt()),
      'date',
      'date_early_receptionDate',
    );
    const reception = await createReception(db, PLAN, ctxAt());
    await refusedOnField(
      () => recordAnnouncement(db, reception.id, { on: '2026-11-25', where: 'Telegram' }, ctxAt()),
      'on',
      'date_future_announced',
    );
    const announced = await recordAnnouncement(
      db,
      reception.id,
      { on: '2026-11-20', where: 'Telegram' },
      ctxAt(),
    );
    await refusedOnField(
      () => updateReception(db, announced.id, { date: '2026-11-19' }, ctxAt()),
      'date',
      'announced_after_reception',
    );
  });

  it('refuses an initiative submitted in the future', async () => {
    db = freshDb();
    await refusedOnField(
      () =>
        createInitiative(
          db,
          {
            title: 'Кенесары көшесін жарықтандыру',
            target: 'budget',
            status: 'submitted',
            submittedOn: '2026-12-15',
            topic: 'improvement',
          },
          ctxAt(),
        ),
      'submittedOn',
      'date_future_submitted',
    );
  });
});

describe('the reception intake', () => {
  async function visitor() {
    db = freshDb();
    const day = ctxAt(new Date('2026-11-27T05:00:00Z'));
    const reception = await createReception(
      db,
      {
        date: '2026-11-27',
        startTime: '10:00',
        endTime: '13:00',
        place: 'Сарыарқа ауданы әкімдігі',
        format: 'in_person',
        accessibilityNotes: '',
      },
      ctxAt(),
    );
    const { entry } = await addVisitor(db, reception.id, { name: 'Сәрсенбаева Гүлнар' }, day);
    const input = {
      receptionId: reception.id,
      entryId: entry.id,
      applicant: { create: { fullName: 'Сәрсенбаева Гүлнар', phones: ['87015551234'] } },
      text: 'Үйдің шатыры ағып тұр, ҚТҮ жауап бермеді.',
      topic: 'housing_utilities',
    };
    return { day, input };
  }

  it('asks for a choice when nothing was ticked, and refuses data with a refusal', async () => {
    const { day, input } = await visitor();
    const error = await refusedOnField(
      () => registerIntake(db, input, day),
      'consent',
      'consent_choice_required',
    );
    expect(describeRepositoryError(error, 'ru').fields.consent).toContain(
      'регистрацию обращения без персональных данных',
    );
    await refusedOnField(
      () => registerIntake(db, { ...input, consent: { kind: 'refused' } }, day),
      'consent',
      'consent_refused_personal_data',
    );
  });

  it('registers with the consent given, stored on the new applicant', async () => {
    const { day, input } = await visitor();
    const { applicant } = await registerIntake(
      db,
      { ...input, consent: { kind: 'given', date: '2026-11-27', form: 'written' } },
      day,
    );
    expect(applicant?.consent).toEqual({ given: true, date: '2026-11-27', form: 'written' });
  });

  it('registers without personal data when the person refuses, and says so in the history', async () => {
    const { day, input } = await visitor();
    const { appeal, applicant } = await registerIntake(
      db,
      { ...input, applicant: null, consent: { kind: 'refused' } },
      day,
    );
    expect(applicant).toBeNull();
    expect(appeal.applicantId).toBeNull();
    expect(await db.applicants.count()).toBe(0);
    const note = (await appealHistory(db, appeal.id)).find((e) => e.type === 'noteAdded');
    expect(note?.data).toMatchObject({ withoutPersonalData: true });
  });

  it('records the consent a returning visitor gives now', async () => {
    const { day, input } = await visitor();
    const known = await createApplicant(db, { fullName: 'Сәрсенбаева Гүлнар' }, ctxAt());
    await refusedOnField(
      () => registerIntake(db, { ...input, applicant: { existingId: known.id } }, day),
      'consent',
      'consent_choice_required',
    );
    const { applicant } = await registerIntake(
      db,
      {
        ...input,
        applicant: { existingId: known.id },
        consent: { kind: 'given', date: '2026-11-27', form: 'written' },
      },
      day,
    );
    expect(applicant).toMatchObject({ id: known.id, version: 2, consent: { given: true } });
  });
});
