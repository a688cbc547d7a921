import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  fromExcelSerial,
  journalYear,
  parseDateCell,
  parseDateText,
  parseTimeCell,
  toExcelSerial,
} from '@shared/journal/dates';
import { decodeCsvBytes, decodeWindows1251, hasLostLetter } from '@shared/journal/decode';
import {
  detectCollective,
  parseAddress,
  readIin,
  splitPhones,
  tidyName,
} from '@shared/journal/people';
import {
  suggestChannel,
  suggestKind,
  suggestResult,
  suggestTopic,
  forwardedToFrom,
} from '@shared/journal/values';
import { DEFAULT_TOPICS } from '@shared/domain/topics';
import { encode1251 } from '@test/fixtures/journals/build';

describe('dates as offices write them', () => {
  it.each([
    ['05.03.2026', '2026-03-05', null],
    ['5.3.26', '2026-03-05', null],
    ['2026-03-05', '2026-03-05', null],
    ['05.03.2026 14:30', '2026-03-05', '14:30'],
    ['05.03.2026 14:30:12', '2026-03-05', '14:30'],
    ['5 марта 2026', '2026-03-05', null],
    ['5 марта 2026 г.', '2026-03-05', null],
    ['5 наурыз 2026', '2026-03-05', null],
    ['2026 жылғы 5 наурыз', '2026-03-05', null],
    ['05-наурыз, 2026', '2026-03-05', null],
    ['12 желтоқсан 2025 ж.', '2025-12-12', null],
    ['1 мая 2026', '2026-05-01', null],
    ['20260305', '2026-03-05', null],
    ['«05» марта 2026 г.', '2026-03-05', null],
    ['"5" наурыз 2026 ж.', '2026-03-05', null],
    ['05.03.2026.', '2026-03-05', null],
    ['05.03.2026-ж.', '2026-03-05', null],
    ['2026.03.05', '2026-03-05', null],
    ['2026/3/5 9:05', '2026-03-05', '09:05'],
    // One full date among words: the registration's «от», «вх.», a number beside it.
    ['от 05.03.2026', '2026-03-05', null],
    ['вх. 05.03.2026', '2026-03-05', null],
    ['№ 45 от 05.03.2026', '2026-03-05', null],
    ['05.03.2026 № 45-Ж', '2026-03-05', null],
    ['поступило 05.03.2026 14:30', '2026-03-05', '14:30'],
  ])('%s → %s', (text, date, time) => {
    expect(parseDateText(text)).toEqual({ date, time });
  });

  it.each([
    '31.02.2026',
    'вчера',
    '05/2026',
    '5 мартобря 2026',
    '',
    '2026.13.05',
    '05.03.',
    // Two dates in one cell: which is meant is not guessed.
    'от 05.03.2026, повторно 12.03.2026',
    'от 31.02.2026',
    'от 05.03.26',
  ])('%s is not a date', (text) => {
    expect(parseDateText(text)).toBeNull();
  });

  it('reads month-first slash dates when told so', () => {
    expect(parseDateText('3/5/2026', { monthFirst: true })).toEqual({
      date: '2026-03-05',
      time: null,
    });
    expect(parseDateText('3/5/2026')).toEqual({ date: '2026-05-03', time: null });
  });

  it('reads Excel serials of both date systems', () => {
    expect(fromExcelSerial(46086, false)).toEqual({ date: '2026-03-05', time: null });
    expect(fromExcelSerial(46086 - 1462, true)).toEqual({ date: '2026-03-05', time: null });
    expect(fromExcelSerial(46086.6041666667, false)).toEqual({ date: '2026-03-05', time: '14:30' });
    expect(parseDateCell({ t: 'number', v: 44624 }, { date1904: true })).toEqual({
      date: '2026-03-05',
      time: null,
    });
  });

  it('serial ↔ date round-trips for every day 2000–2099, in both systems', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36_524 }), fc.boolean(), (offset, date1904) => {
        const date = new Date(Date.UTC(2000, 0, 1 + offset)).toISOString().slice(0, 10);
        const serial = toExcelSerial(date) - (date1904 ? 1462 : 0);
        expect(fromExcelSerial(serial, date1904)).toEqual({ date, time: null });
      }),
    );
  });

  it('reads a time in its own column', () => {
    expect(parseTimeCell({ t: 'text', v: '9.05' })).toBe('09:05');
    expect(parseTimeCell({ t: 'number', v: 0.5 })).toBe('12:00');
    expect(parseTimeCell({ t: 'date', v: '1899-12-30T14:30:00' })).toBe('14:30');
    expect(parseTimeCell({ t: 'text', v: '25:00' })).toBeNull();
  });
});

describe('people as offices write them', () => {
  it('splits phones out of an address, keeping house and flat numbers and postcodes', () => {
    expect(splitPhones('г. Алматы, ул. Абая 12-45, 8 701 234 56 78')).toEqual({
      phones: ['+77012345678'],
      invalid: [],
      rest: 'г. Алматы, ул. Абая 12-45',
    });
    expect(splitPhones('050000, Абай к-сі 5, тел. 87771234567, 8 (727) 250-11-22').phones).toEqual([
      '+77771234567',
      '+77272501122',
    ]);
    expect(splitPhones('Шаляпина 17, 8 701 12')).toMatchObject({
      phones: [],
      invalid: ['8 701 12'],
    });
  });

  it('never drops a number: every digit run is a phone, an invalid phone, or stays in the text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'ул. Абая',
            '12-45',
            '8 701 234 56 78',
            'тел.',
            '050000',
            '8 701 12',
            'кв. 5',
            ',',
          ),
          { maxLength: 8 },
        ),
        (parts) => {
          const text = parts.join(' ');
          const { phones, invalid, rest } = splitPhones(text);
          const digits = (s: string) => s.replace(/\D/g, '');
          const kept = phones.length + invalid.length > 0 || digits(rest) === digits(text);
          expect(kept).toBe(true);
          for (const p of phones) expect(p).toMatch(/^\+7\d{10}$/);
        },
      ),
    );
  });

  it.each([
    [
      'г. Алматы, ул. Абая 12-45',
      { locality: 'Алматы', district: '', street: 'Абая', building: '12', flat: '45' },
    ],
    [
      'мкр. Самал-2, д. 5, кв. 12',
      { locality: '', district: 'Самал-2', street: '', building: '5', flat: '12' },
    ],
    [
      'Қарағанды қ., Бұқар жырау даңғылы 45-12',
      {
        locality: 'Қарағанды',
        district: '',
        street: 'Бұқар жырау даңғылы',
        building: '45',
        flat: '12',
      },
    ],
    [
      'Майқұдық ш/а, 12-үй, 40-пәтер',
      { locality: '', district: 'Майқұдық', street: '', building: '12', flat: '40' },
    ],
    [
      'Астана, ул. Мира 7',
      { locality: 'Астана', district: '', street: 'Мира', building: '7', flat: '' },
    ],
    [
      'Астана, Мәңгілік Ел 10',
      { locality: 'Астана', district: '', street: 'Мәңгілік Ел', building: '10', flat: '' },
    ],
    [
      'Павлодар, Ленина 5-3',
      { locality: 'Павлодар', district: '', street: 'Ленина', building: '5', flat: '3' },
    ],
    [
      // Two paragraphs of a Word cell (or Alt+Enter in Excel): the line break parts as a comma.
      'Астана қ.\nАбай көшесі, 10-үй, 5-пәтер',
      { locality: 'Астана', district: '', street: 'Абай', building: '10', flat: '5' },
    ],
  ])('%s', (text, parts) => {
    expect(parseAddress(text)).toEqual(parts);
  });

  it('takes no place out of a street written apart from its number', () => {
    expect(parseAddress('Абая, 12').locality).toBe('');
    expect(parseAddress('Абая, 12').building).toBe('12');
  });

  it('tidies names typed in capitals, and puts back the zero Excel drops from an IIN', () => {
    expect(tidyName('  АХМЕТОВА   АЙГҮЛ ')).toBe('Ахметова Айгүл');
    expect(tidyName('Иванов И.И.')).toBe('Иванов И.И.');
    expect(readIin({ t: 'number', v: 61211600012 })).toEqual({
      iin: '061211600012',
      invalid: null,
    });
    expect(readIin({ t: 'text', v: '123' })).toEqual({ iin: null, invalid: '123' });
  });

  it.each([
    ['45 тұрғын қол қойды', 45],
    ['подписали 30 жителей', 30],
    ['коллективное, 12 подписей', 12],
    ['Жители дома (32 подписи)', 32],
  ])('«%s» is collective, %i signatories', (text, n) => {
    expect(detectCollective([text])).toEqual({ collective: true, signatories: n });
  });

  it('«коллективное» without a count, and a plain note', () => {
    expect(detectCollective(['коллективное'])).toEqual({ collective: true, signatories: null });
    expect(detectCollective(['позвонить после 18:00'])).toBeNull();
  });
});

describe('values as offices write them', () => {
  it('suggests channels, kinds, results and topics in kk and ru', () => {
    expect(suggestChannel('Жеке қабылдау')).toBe('reception');
    expect(suggestChannel('e-Otinish')).toBe('eotinish');
    expect(suggestChannel('Письменно')).toBe('letter');
    expect(suggestKind('Шағым')).toBe('complaint');
    expect(suggestResult('Разъяснено')).toEqual({ status: 'decided', outcome: 'explained' });
    expect(suggestResult('Бақылауда')).toEqual({ status: 'in_progress', outcome: null });
    expect(suggestResult('Частично решено')).toMatchObject({ outcome: 'partially_resolved' });
    expect(suggestResult('Не решено')).toMatchObject({
      outcome: 'not_resolved',
      notResolvedReason: 'other',
    });
    expect(suggestResult('абракадабра')).toBeNull();
    expect(suggestTopic('ЖКХ', DEFAULT_TOPICS)).toBe('housing');
    expect(suggestTopic('Су', DEFAULT_TOPICS)).toBe('water');
    expect(forwardedToFrom('Направлено по компетенции в ГУ ЖКХ')).toBe('ГУ ЖКХ');
  });
});

describe('CSV text', () => {
  it('tells UTF-8 (with and without BOM) from Windows-1251, like the platform decoder', () => {
    const text = 'Дата;ФИО;Содержание\n05.03.2026;Иванов Пётр;Нет воды №5';
    expect(decodeCsvBytes(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsvBytes(new TextEncoder().encode(`\uFEFF${text}`))).toEqual({
      text,
      encoding: 'utf-8-bom',
    });
    const cp = encode1251(text);
    expect(decodeCsvBytes(cp)).toEqual({ text, encoding: 'windows-1251' });
    expect(decodeWindows1251(cp)).toBe(new TextDecoder('windows-1251').decode(cp));
  });

  it('flags a Kazakh letter lost as «?»', () => {
    const lost = new TextDecoder('windows-1251').decode(encode1251('Қайратұлы Нұржан'));
    expect(lost).toBe('?айрат?лы Н?ржан');
    expect(hasLostLetter(lost)).toBe(true);
    expect(hasLostLetter('Когда дадут воду? Ответа нет')).toBe(false);
  });
});

describe('dates written without their year', () => {
  it('take the journal’s year when it is known, and only then', () => {
    const year = { year: 2024 };
    expect(parseDateText('12.03', year)).toMatchObject({ date: '2024-03-12', time: null });
    expect(parseDateText('12/03', year)?.date).toBe('2024-03-12');
    expect(parseDateText('12.03 10:30', year)).toMatchObject({ date: '2024-03-12', time: '10:30' });
    expect(parseDateText('3/12', { ...year, monthFirst: true })?.date).toBe('2024-03-12');
    expect(parseDateText('5 марта', year)?.date).toBe('2024-03-05');
    expect(parseDateText('5 наурыз', year)?.date).toBe('2024-03-05');
    // A year written wins over the journal's.
    expect(parseDateText('5 марта 2023', year)?.date).toBe('2023-03-05');
    expect(parseDateText('12.03.23', year)?.date).toBe('2023-03-12');
    // Not a day and a month: not read.
    expect(parseDateText('31.02', year)).toBeNull();
    expect(parseDateText('12.13', year)).toBeNull();
    // No year known: as before, not guessed.
    expect(parseDateText('12.03')).toBeNull();
    expect(parseDateText('5 марта')).toBeNull();
  });

  it('find the journal’s year in its sheet name or title, and only one', () => {
    expect(journalYear('Наурыз 2024', [])).toBe(2024);
    expect(journalYear('Лист1', ['Журнал регистрации обращений граждан за 2024 год', ''])).toBe(
      2024,
    );
    expect(journalYear('2024', ['2024 жылғы өтініштер журналы'])).toBe(2024);
    expect(journalYear('Лист1', ['Обращения 2023–2024 гг.'])).toBeNull();
    expect(journalYear('Лист1', ['Депутат по округу № 14', 'тел. 20245'])).toBeNull();
    expect(journalYear('Лист1', [])).toBeNull();
  });
});
