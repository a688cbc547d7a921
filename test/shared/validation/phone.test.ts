import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  PHONE_ERROR_CODES,
  formatKzPhone,
  isValidKzPhone,
  normalizeKzPhone,
  phoneSearchKey,
} from '@shared/validation/phone';

describe('normalizeKzPhone', () => {
  it.each([
    ['8 701 234 56 78', '+77012345678'],
    ['+7 (701) 234-56-78', '+77012345678'],
    ['87012345678', '+77012345678'],
    ['7012345678', '+77012345678'],
    ['+77012345678', '+77012345678'],
    ['77012345678', '+77012345678'],
    ['8-701-234-56-78', '+77012345678'],
    ['8 (701) 234 5678', '+77012345678'],
    ['+7 701 234 56 78 ', '+77012345678'],
    ['+7\u00a0701\u00a0234\u00a056\u00a078', '+77012345678'], // non-breaking spaces from Word
    ['8.701.234.56.78', '+77012345678'],
    ['8–701–234–56–78', '+77012345678'], // en dashes
    ['8 10 7 701 234 56 78', '+77012345678'], // old international prefix 8~10
    ['+7 747 123 45 67', '+77471234567'],
    ['+7 750 123 45 67', '+77501234567'],
    ['+7 771 123 45 67', '+77711234567'],
    ['+7 778 123 45 67', '+77781234567'],
    ['+7 705 123 45 67', '+77051234567'],
    ['+7 708 123 45 67', '+77081234567'],
    ['8(7172)123456', '+77172123456'], // Astana landline
    ['8 7172 12 34 56', '+77172123456'],
    ['+7 727 258 12 34', '+77272581234'], // Almaty landline
    ['8 (727) 258-12-34', '+77272581234'],
    ['8 7212 41 12 34', '+77212411234'], // Karaganda
  ])('%j → %s', (input, e164) => {
    expect(normalizeKzPhone(input)).toEqual({ ok: true, e164 });
    expect(isValidKzPhone(input)).toBe(true);
  });

  it.each([
    ['', 'phone_empty'],
    ['   ', 'phone_empty'],
    ['+7 701 abc 56 78', 'phone_letters'],
    ['нет телефона', 'phone_letters'],
    ['8 701 234 56 78 доб. 12', 'phone_letters'],
    ['8 701 234 56 78#', 'phone_chars'],
    ['+7 701 + 234 56 78', 'phone_chars'],
    ['+', 'phone_chars'],
    ['8 701 234 56', 'phone_too_short'],
    ['+7 701 234 56 7', 'phone_too_short'],
    ['701 234', 'phone_too_short'],
    ['1', 'phone_too_short'],
    ['+7', 'phone_too_short'],
    ['8 701 234 56 789', 'phone_too_long'],
    ['+7 701 234 56 78 9', 'phone_too_long'],
    ['+7 701 234 56 78 12345678', 'phone_too_long'],
    ['+7 916 123 45 67', 'phone_not_kz'], // Russian mobile: +7 but region RU
    ['8 916 123 45 67', 'phone_not_kz'],
    ['9161234567', 'phone_not_kz'],
    ['+7 495 123 45 67', 'phone_not_kz'], // Moscow
    ['+996 555 123 456', 'phone_not_kz'], // Kyrgyzstan
    ['+1 202 555 0101', 'phone_not_kz'],
    ['+998 90 123 45 67', 'phone_not_kz'], // Uzbekistan
    ['+7 799 123 45 67', 'phone_invalid'], // +7 7xx block not in use
    ['+7 730 123 45 67', 'phone_invalid'],
    ['+7 600 123 45 67', 'phone_invalid'],
  ] as const)('%j is rejected with %s', (input, code) => {
    expect(normalizeKzPhone(input)).toEqual({ ok: false, code });
    expect(isValidKzPhone(input)).toBe(false);
    expect(phoneSearchKey(input)).toBeNull();
  });

  it('names every error code it returns', () => {
    expect(PHONE_ERROR_CODES).toHaveLength(7);
  });

  it('property: any KZ mobile number written in any common way normalises to one E.164', () => {
    const prefix = fc.constantFrom(
      '700',
      '701',
      '702',
      '705',
      '707',
      '708',
      '747',
      '750',
      '771',
      '775',
      '777',
      '778',
    );
    const rest = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 });
    fc.assert(
      fc.property(prefix, rest, fc.integer({ min: 0, max: 4 }), (p, digits, style) => {
        const r = digits.join('');
        const nsn = `${p}${r}`;
        const written = [
          `8 ${p} ${r.slice(0, 3)} ${r.slice(3, 5)} ${r.slice(5)}`,
          `+7 (${p}) ${r.slice(0, 3)}-${r.slice(3, 5)}-${r.slice(5)}`,
          `8${nsn}`,
          nsn,
          `+7${nsn}`,
        ][style] as string;
        expect(normalizeKzPhone(written)).toEqual({ ok: true, e164: `+7${nsn}` });
        expect(phoneSearchKey(written)).toBe(`7${nsn}`);
      }),
    );
  });

  it('property: never throws', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const result = normalizeKzPhone(s);
        if (result.ok) expect(result.e164).toMatch(/^\+77\d{9}$/);
      }),
    );
  });
});

describe('formatKzPhone', () => {
  it.each([
    ['+77012345678', '+7 701 234 56 78'],
    ['87471234567', '+7 747 123 45 67'],
    ['+77272581234', '+7 727 258 12 34'],
    ['+77172123456', '+7 7172 12 34 56'],
  ])('%s → %s', (e164, display) => {
    expect(formatKzPhone(e164)).toBe(display);
  });

  it('shows anything else as given', () => {
    expect(formatKzPhone(' +79161234567 ')).toBe('+79161234567');
    expect(formatKzPhone('call the office')).toBe('call the office');
  });
});

describe('phoneSearchKey', () => {
  it('gives the same key for every way of writing a number', () => {
    const keys = ['8 701 234 56 78', '+7 (701) 234-56-78', '87012345678', '7012345678'].map(
      phoneSearchKey,
    );
    expect(new Set(keys)).toEqual(new Set(['77012345678']));
  });
});
