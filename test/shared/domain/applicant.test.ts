import { describe, expect, it } from 'vitest';

import {
  applicantInputSchema,
  applicantSchema,
  iinSchema,
  nullablePhoneInputSchema,
} from '@shared/domain/applicant';
import { applicantFixture, issueCodes, NOW } from './fixtures';

describe('applicantInputSchema', () => {
  it('normalises phones written in any format to unique E.164 numbers', () => {
    const parsed = applicantInputSchema.parse({
      fullName: '  Иванов Пётр Сергеевич ',
      phones: ['8 701 234 56 78', '+7 (747) 123-45-67', '87012345678', '8(7172)123456'],
    });
    expect(parsed.fullName).toBe('Иванов Пётр Сергеевич');
    expect(parsed.phones).toEqual(['+77012345678', '+77471234567', '+77172123456']);
  });

  it('fills defaults', () => {
    expect(applicantInputSchema.parse({ fullName: 'Әлиев Бақыт' })).toEqual({
      fullName: 'Әлиев Бақыт',
      phones: [],
      iin: null,
      email: null,
      address: { locality: '', district: '', street: '', building: '', flat: '' },
      preferredLanguage: 'kk',
      preferredChannel: null,
      vulnerableCategories: [],
      consent: null,
    });
  });

  it('reports each bad phone with its own code at its index', () => {
    const result = applicantInputSchema.safeParse({
      fullName: 'Әлиев Бақыт',
      phones: ['+7 701 234 56 78', '+7 799 123 45 67', '8 701 23', 'нет'],
    });
    expect(issueCodes(result)).toEqual([
      'phones.1: phone_invalid',
      'phones.2: phone_too_short',
      'phones.3: phone_letters',
    ]);
  });

  it('validates the IIN with the reason, and treats an empty one as not given', () => {
    expect(applicantInputSchema.parse({ fullName: 'А Б', iin: ' ' }).iin).toBeNull();
    expect(applicantInputSchema.parse({ fullName: 'А Б', iin: ' 061211600012 ' }).iin).toBe(
      '061211600012',
    );
    expect(
      issueCodes(applicantInputSchema.safeParse({ fullName: 'А Б', iin: '061211600013' })),
    ).toEqual(['iin: iin_checksum']);
    expect(issueCodes(iinSchema.safeParse('0612116'))).toEqual([': iin_length']);
  });

  it('validates e-mail and treats an empty one as not given', () => {
    expect(applicantInputSchema.parse({ fullName: 'А Б', email: '  ' }).email).toBeNull();
    expect(applicantInputSchema.parse({ fullName: 'А Б', email: ' a@b.kz ' }).email).toBe('a@b.kz');
    expect(issueCodes(applicantInputSchema.safeParse({ fullName: 'А Б', email: 'a@' }))).toEqual([
      'email: invalid_email',
    ]);
  });

  it('requires a name and valid enums', () => {
    expect(
      issueCodes(
        applicantInputSchema.safeParse({
          fullName: ' ',
          preferredLanguage: 'en',
          vulnerableCategories: ['pensioner', 'student'],
          consent: { given: true, date: '2026-02-30', form: 'sms' },
        }),
      ).sort(),
    ).toEqual(
      [
        'fullName: required',
        'preferredLanguage: invalid_option',
        'vulnerableCategories.1: invalid_option',
        'consent.date: invalid_date',
        'consent.form: invalid_option',
      ].sort(),
    );
  });
});

describe('nullablePhoneInputSchema', () => {
  it('turns empty input into null and normalises the rest', () => {
    expect(nullablePhoneInputSchema.parse(null)).toBeNull();
    expect(nullablePhoneInputSchema.parse('  ')).toBeNull();
    expect(nullablePhoneInputSchema.parse('8 701 234 56 78')).toBe('+77012345678');
    expect(issueCodes(nullablePhoneInputSchema.safeParse('123'))).toEqual([': phone_too_short']);
  });
});

describe('applicantSchema', () => {
  it('parses a stored applicant', () => {
    const applicant = applicantFixture();
    expect(applicantSchema.parse(applicant)).toEqual(applicant);
  });

  it('accepts only valid E.164 phones in storage, of any country', () => {
    expect(
      issueCodes(applicantSchema.safeParse(applicantFixture({ phones: ['87012345678'] }))),
    ).toEqual(['phones.0: phone_e164']);
    expect(
      issueCodes(applicantSchema.safeParse(applicantFixture({ phones: ['+77991234567'] }))),
    ).toEqual(['phones.0: phone_e164']);
    expect(
      issueCodes(
        applicantSchema.safeParse(applicantFixture({ phones: ['+79161234567', '+998901234567'] })),
      ),
    ).toEqual([]);
  });

  it('allows an empty name only after anonymisation', () => {
    expect(issueCodes(applicantSchema.safeParse(applicantFixture({ fullName: '' })))).toEqual([
      'fullName: required',
    ]);
    const anonymised = applicantFixture({
      fullName: '',
      iin: null,
      phones: [],
      email: null,
      anonymisedAt: NOW,
    });
    expect(applicantSchema.safeParse(anonymised).success).toBe(true);
  });

  it('cannot be merged into itself', () => {
    const applicant = applicantFixture();
    expect(
      issueCodes(applicantSchema.safeParse({ ...applicant, mergedInto: applicant.id })),
    ).toEqual(['mergedInto: merge_into_self']);
  });
});
