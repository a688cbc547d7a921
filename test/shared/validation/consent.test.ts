import { describe, expect, it } from 'vitest';

import { CONSENT_FORMS, labelOf, RECORDED_CONSENT_FORMS } from '@shared/domain';
import {
  appealHoldsPersonalData,
  applicantsMissingConsent,
  checkAppealConsent,
  checkConsentChoice,
  consentOf,
  hasConsent,
  holdsPersonalData,
} from '@shared/validation/consent';
import { messageFor } from '@shared/validation/messages';
import { applicantFixture } from '../domain/fixtures';

const NOW = new Date('2026-12-04T09:30:00.000Z');
const visitor = {
  fullName: 'Серікова Айгүл Маратқызы',
  phones: ['+77012345678'],
  iin: null,
  email: null,
  address: {
    locality: 'Астана',
    district: '',
    street: 'Кенесары көшесі',
    building: '40',
    flat: '',
  },
};

describe('holdsPersonalData', () => {
  it.each([
    [{ fullName: 'Серікова Айгүл' }, true],
    [{ iin: '061211600012' }, true],
    [{ phones: ['+77012345678'] }, true],
    [{ email: 'aigul@mail.kz' }, true],
    [{ address: { street: 'Абай көшесі' } }, true],
    [{ address: { flat: '12' } }, true],
    // A place alone identifies nobody; neither does a language or a category.
    [{ fullName: ' ', address: { locality: 'Астана', district: 'Есіл ауданы' } }, false],
    [{ fullName: '', phones: [], iin: null, email: null }, false],
    [{ ...visitor, anonymisedAt: '2026-12-01T10:00:00.000Z' }, false],
  ] as const)('%j → %s', (person, expected) => {
    expect(holdsPersonalData(person)).toBe(expected);
  });

  it('is false for no person at all', () => {
    expect(holdsPersonalData(null)).toBe(false);
  });
});

describe('checkConsentChoice: the form and the intake', () => {
  it('asks for an explicit choice when data would be stored with the box left unticked', () => {
    expect(checkConsentChoice({ person: visitor, choice: null }, NOW)).toEqual([
      { path: 'consent', code: 'consent_choice_required' },
    ]);
  });

  it('accepts recorded consent, and a known applicant whose consent is on file', () => {
    expect(
      checkConsentChoice(
        { person: visitor, choice: { kind: 'given', date: '2026-12-04', form: 'written' } },
        NOW,
      ),
    ).toEqual([]);
    expect(
      checkConsentChoice(
        {
          person: visitor,
          onFile: { given: true, date: '2025-03-01', form: 'oral' },
          choice: null,
        },
        NOW,
      ),
    ).toEqual([]);
  });

  it('refuses a refusal that still carries the person’s data', () => {
    expect(checkConsentChoice({ person: visitor, choice: { kind: 'refused' } }, NOW)).toEqual([
      { path: 'consent', code: 'consent_refused_personal_data' },
    ]);
  });

  it('registers without personal data when the person refuses and nothing identifies them', () => {
    expect(
      checkConsentChoice(
        {
          person: { fullName: '', phones: [], address: { locality: 'Астана' } },
          choice: { kind: 'refused' },
        },
        NOW,
      ),
    ).toEqual([]);
    expect(consentOf({ kind: 'refused' })).toBeNull();
    expect(checkConsentChoice({ person: null, choice: null }, NOW)).toEqual([]);
  });

  it('checks the consent date as a fact and the form against the list', () => {
    expect(
      checkConsentChoice(
        { person: visitor, choice: { kind: 'given', date: '2027-01-10', form: 'written' } },
        NOW,
      ),
    ).toEqual([{ path: 'consent.date', code: 'date_future_consent' }]);
    expect(
      checkConsentChoice(
        // A form from a newer app or a typo in a hand-edited file.
        { person: visitor, choice: { kind: 'given', date: '2026-12-01', form: 'sms' as 'oral' } },
        NOW,
      ),
    ).toEqual([{ path: 'consent.form', code: 'invalid_option' }]);
  });

  it('says what to do in both languages', () => {
    expect(messageFor('consent_choice_required', 'kk')).toMatch(/жеке деректерсіз тіркеуді/);
    expect(messageFor('consent_choice_required', 'ru')).toMatch(/без персональных данных/);
    expect(messageFor('consent_refused_personal_data', 'ru')).toMatch(/^Человек не дал согласия/);
    expect(messageFor('consent_required', 'kk')).toMatch(/келісімі жазылмаған/);
  });
});

describe('appeals and their applicants', () => {
  const withConsent = applicantFixture();
  const without = applicantFixture({ consent: null });
  const refusedRecord = applicantFixture({
    consent: { given: false, date: '2026-03-02', form: 'oral' },
  });
  const anonymised = applicantFixture({
    consent: null,
    fullName: '',
    iin: null,
    phones: [],
    email: null,
    address: { locality: 'Қарағанды', district: '', street: '', building: '', flat: '' },
    anonymisedAt: '2026-05-01T10:00:00.000Z',
  });
  const byId = new Map([withConsent, without, refusedRecord, anonymised].map((a) => [a.id, a]));

  it('needs consent from every applicant whose data the appeal stores', () => {
    expect(
      checkAppealConsent(
        { applicantId: without.id, coApplicantIds: [withConsent.id, refusedRecord.id] },
        byId,
      ),
    ).toEqual([
      { path: 'applicantId', code: 'consent_required' },
      { path: 'coApplicantIds.1', code: 'consent_required' },
    ]);
    expect(
      checkAppealConsent({ applicantId: withConsent.id, coApplicantIds: [anonymised.id] }, byId),
    ).toEqual([]);
    expect(checkAppealConsent({ applicantId: null, coApplicantIds: [] }, byId)).toEqual([]);
  });

  it('tells whether an appeal holds personal data, with a map or a lookup function', () => {
    expect(appealHoldsPersonalData({ applicantId: withConsent.id, coApplicantIds: [] }, byId)).toBe(
      true,
    );
    expect(
      appealHoldsPersonalData({ applicantId: anonymised.id, coApplicantIds: [] }, (id) =>
        byId.get(id),
      ),
    ).toBe(false);
    expect(appealHoldsPersonalData({ applicantId: null, coApplicantIds: [] }, byId)).toBe(false);
  });

  it('lists the live applicants missing consent (for the import report)', () => {
    const deleted = applicantFixture({ consent: null, deletedAt: '2026-04-01T10:00:00.000Z' });
    expect(
      applicantsMissingConsent([withConsent, without, refusedRecord, anonymised, deleted]),
    ).toEqual([without.id, refusedRecord.id]);
    expect(hasConsent(refusedRecord)).toBe(false);
  });

  it('has a label for every consent form, «from the paper journal» included', () => {
    expect(RECORDED_CONSENT_FORMS).toContain('paper_journal');
    expect(CONSENT_FORMS).not.toContain('paper_journal');
    expect(labelOf('consentForm', 'paper_journal', 'kk')).toBe('Қағаз журналдан');
    expect(labelOf('consentForm', 'paper_journal', 'ru')).toBe('Из бумажного журнала');
  });
});
