import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  PHONE_ERROR_CODES,
  formatKzPhone,
  formatPhone,
  isValidPhone,
  normalizePhone,
  phoneCountry,
  phoneSearchKey,
} from '@shared/validation/phone';
import { messageFor } from '@shared/validation/messages';

describe('normalizePhone: Kazakhstan, the default', () => {
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
    expect(normalizePhone(input)).toEqual({ ok: true, e164, country: 'KZ' });
    expect(isValidPhone(input)).toBe(true);
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
    // A Kazakh number one digit short is short, not "another country's number".
    ['8 701 234 567', 'phone_too_short'],
    ['8701234567', 'phone_too_short'],
    ['+7 747 123 456', 'phone_too_short'],
    ['8 (7172) 12345', 'phone_too_short'],
    ['701 234', 'phone_too_short'],
    ['1', 'phone_too_short'],
    ['+7', 'phone_too_short'],
    ['+998 90 123', 'phone_too_short'],
    ['+49', 'phone_too_short'],
    ['8 701 234 56 789', 'phone_too_long'],
    ['+7 701 234 56 78 9', 'phone_too_long'],
    ['+7 701 234 56 78 12345678', 'phone_too_long'],
    ['+998 90 123 45 678', 'phone_too_long'],
    ['+7 799 123 45 67', 'phone_invalid'], // +7 7xx block not in use
    ['+7 730 123 45 67', 'phone_invalid'],
    ['+7 600 123 45 67', 'phone_invalid'], // Kazakhstan's 6xx range is not in use
    ['+7 123 456 78 90', 'phone_invalid'], // neither Kazakhstan nor Russia
    ['+999 123 456 789', 'phone_invalid'], // no country has the code 999
  ] as const)('%j is rejected with %s', (input, code) => {
    expect(normalizePhone(input)).toEqual({ ok: false, code });
    expect(isValidPhone(input)).toBe(false);
    expect(phoneSearchKey(input)).toBeNull();
  });

  it('names every error code it returns, each with a kk and ru message', () => {
    expect(PHONE_ERROR_CODES).toHaveLength(6);
    expect(messageFor('phone_too_short', 'kk')).toBe('Телефон нөмірінде цифрлар жетіспейді');
    expect(messageFor('phone_too_short', 'ru')).toBe('В номере телефона не хватает цифр');
    expect(messageFor('phone_invalid', 'ru')).toMatch(/^Это не номер телефона/);
    expect(messageFor('phone_invalid', 'kk')).toMatch(/^Бұл телефон нөмірі емес/);
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
        expect(normalizePhone(written)).toEqual({ ok: true, e164: `+7${nsn}`, country: 'KZ' });
        expect(phoneSearchKey(written)).toBe(`7${nsn}`);
      }),
    );
  });

  it('property: never throws', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const result = normalizePhone(s);
        if (result.ok) {
          expect(result.e164).toMatch(/^\+[1-9]\d{6,14}$/);
          // Idempotent: the stored form reads back as itself.
          expect(normalizePhone(result.e164)).toEqual(result);
        }
      }),
    );
  });
});

describe('normalizePhone: other countries', () => {
  it.each([
    ['+7 916 123 45 67', '+79161234567', 'RU'], // Russian mobile behind the shared +7
    ['8 916 123 45 67', '+79161234567', 'RU'],
    ['9161234567', '+79161234567', 'RU'],
    ['+7 (495) 123-45-67', '+74951234567', 'RU'], // Moscow
    ['+998 90 123 45 67', '+998901234567', 'UZ'],
    ['00998901234567', '+998901234567', 'UZ'],
    ['8 10 998 90 123 45 67', '+998901234567', 'UZ'],
    ['+996 555 123 456', '+996555123456', 'KG'],
    ['+49 1511 2345678', '+4915112345678', 'DE'],
    ['+49 30 123456', '+4930123456', 'DE'],
    ['+1 202 555 0101', '+12025550101', 'US'],
    ['+90 532 123 45 67', '+905321234567', 'TR'],
    ['+86 138 1234 5678', '+8613812345678', 'CN'],
    ['+380 50 123 4567', '+380501234567', 'UA'],
  ] as const)('%j → %s (%s)', (input, e164, country) => {
    expect(normalizePhone(input)).toEqual({ ok: true, e164, country });
    expect(phoneCountry(e164)).toBe(country);
    expect(phoneSearchKey(input)).toBe(e164.slice(1));
  });
});

describe('formatPhone', () => {
  it('shows Kazakh numbers as before and others with their country, in kk and ru', () => {
    expect(formatPhone('+77012345678', 'kk')).toBe('+7 701 234 56 78');
    expect(formatPhone('+998901234567', 'kk')).toBe('+998 90 123 45 67 (Өзбекстан)');
    expect(formatPhone('+998901234567', 'ru')).toBe('+998 90 123 45 67 (Узбекистан)');
    expect(formatPhone('+79161234567', 'ru')).toBe('+7 916 123 45 67 (Россия)');
    expect(formatPhone('+79161234567', 'kk')).toBe('+7 916 123 45 67 (Ресей)');
    expect(formatPhone('not a phone', 'ru')).toBe('not a phone');
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

  it('groups other countries’ numbers internationally and shows anything else as given', () => {
    expect(formatKzPhone(' +79161234567 ')).toBe('+7 916 123 45 67');
    expect(formatKzPhone('+4915112345678')).toBe('+49 1511 2345678');
    expect(formatKzPhone(' call the office ')).toBe('call the office');
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
