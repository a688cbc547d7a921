import { describe, expect, it } from 'vitest';

import {
  normalizeAddress,
  normalizeForSearch,
  normalizePersonName,
  personNameKey,
  tokenize,
} from '@shared/validation/text';

describe('normalizeForSearch', () => {
  it.each([
    ['Ёлка', 'елка'],
    ['ЁЖИК В ТУМАНЕ', 'ежик в тумане'],
    ['Біздің үйде ыстық су жоқ', 'біздің үйде ыстық су жоқ'],
    ['ӘҒҚҢӨҰҮҺІ', 'әғқңөұүһі'],
    ['  Нет   горячей\tводы\nв доме №5  ', 'нет горячей воды в доме №5'],
    ['2026–0042', '2026-0042'], // en dash typed by Word
    ['Сайлаушылармен əрекеттесу', 'сайлаушылармен әрекеттесу'], // Latin schwa from old fonts
    ['ƏКІМДІК', 'әкімдік'],
    ['Istanbul', 'istanbul'], // no Turkish dotless i, whatever the machine's locale
  ])('%j → %j', (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });

  it('composes decomposed letters (NFC) before folding', () => {
    expect(normalizeForSearch('Е\u0308лка')).toBe('елка'); // Ё as E + combining diaeresis
    expect(normalizeForSearch('И\u0306')).toBe('й');
  });

  it('keeps Latin look-alikes in Cyrillic words as they are', () => {
    // "вода" with a Latin "o": not guessed.
    expect(normalizeForSearch('вOда')).toBe('вoда');
    expect(normalizeForSearch('вOда')).not.toBe('вода');
  });
});

describe('tokenize', () => {
  it('splits a Kazakh sentence into words', () => {
    expect(tokenize('Біздің үйде ыстық су жоқ')).toEqual(['біздің', 'үйде', 'ыстық', 'су', 'жоқ']);
  });

  it('splits a Russian sentence, drops one-letter words, keeps numbers', () => {
    expect(tokenize('Нет горячей воды в доме №5')).toEqual(['нет', 'горячей', 'воды', 'доме', '5']);
  });

  it('keeps registry numbers, building numbers and phone fragments whole', () => {
    expect(tokenize('Өтініш 2026-0042 бойынша, үй 12/3, тел. 234-56-78')).toEqual([
      'өтініш',
      '2026-0042',
      'бойынша',
      'үй',
      '12/3',
      'тел',
      '234-56-78',
    ]);
  });

  it('keeps letter-suffixed house numbers and splits hyphenated words', () => {
    expect(tokenize('ул. Абая, д. 5а; Усть-Каменогорск')).toEqual([
      'ул',
      'абая',
      '5а',
      'усть',
      'каменогорск',
    ]);
  });

  it('returns unique tokens in order of first appearance, normalised', () => {
    expect(tokenize('Ёлка ёлка ЕЛКА, вода! Вода?')).toEqual(['елка', 'вода']);
  });

  it('returns nothing for punctuation and empty input', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' — ; , . ! ')).toEqual([]);
    expect(tokenize('а и в с к')).toEqual([]);
  });
});

describe('normalizePersonName', () => {
  it('ignores case, ё, extra spaces, punctuation and word order', () => {
    const key = normalizePersonName('Сейтқалиева  Гүлнар Ерболқызы');
    expect(key).toBe(normalizePersonName('гүлнар ерболқызы СЕЙТҚАЛИЕВА'));
    expect(key).toBe(normalizePersonName('Сейтқалиева, Гүлнар Ерболқызы.'));
    expect(normalizePersonName('Семёнов Пётр')).toBe(normalizePersonName('Петр Семенов'));
  });

  it('keeps Kazakh letters distinct and hyphenated names whole', () => {
    expect(normalizePersonName('Қасым')).not.toBe(normalizePersonName('Касым'));
    expect(normalizePersonName('Нұр-Әли Смағұлов')).toBe('нұр-әли смағұлов');
    expect(normalizePersonName(' -Иван- ')).toBe('иван');
  });

  it('returns an empty key for an empty name', () => {
    expect(normalizePersonName('  ')).toBe('');
  });
});

describe('personNameKey (the duplicate-applicant check)', () => {
  it('offers «Толегенова» as a possible duplicate of «Төлегенова»', () => {
    const key = personNameKey('Төлегенова Жанар Серікқызы');
    expect(personNameKey('Толегенова Жанар Серикқызы')).toBe(key);
    expect(personNameKey('Серікова Жанар Төлегенқызы')).not.toBe(key);
    expect(personNameKey('Серікқызы Жанар Толегенова')).toBe(key);
  });

  it('meets the same person in a passport’s Latin, with doubled letters or no hyphen', () => {
    expect(personNameKey('Kassymov Yerlan')).toBe(personNameKey('Қасымов Ерлан'));
    expect(personNameKey('Tolegenova Zhanar')).toBe(personNameKey('Төлегенова Жанар'));
    expect(personNameKey('Нұрәли Смағұлов')).toBe(personNameKey('Нұр-Әли Смағұлов'));
    expect(personNameKey('Семёнов Пётр')).toBe(personNameKey('Semyonov Pyotr'));
  });

  it('keeps different people apart and an empty name empty', () => {
    expect(personNameKey('Қасымов Ерлан')).not.toBe(personNameKey('Қасымов Ержан'));
    expect(personNameKey('Иванов И.')).not.toBe(personNameKey('Иванов Иван'));
    expect(personNameKey('  ')).toBe('');
  });

  it('keeps normalizePersonName exact for the callers that look words up as typed', () => {
    expect(normalizePersonName('Төлегенова')).not.toBe(normalizePersonName('Толегенова'));
    expect(personNameKey('Төлегенова')).toBe(personNameKey('Толегенова'));
  });
});

describe('normalizeAddress', () => {
  it('drops kinds of place in Russian and Kazakh, however abbreviated', () => {
    expect(normalizeAddress('г. Алматы, ул. Абая, д. 5, кв. 12')).toBe('алматы абая 5 12');
    expect(normalizeAddress('Алматы қаласы, Абай көшесі, 5 үй, 12 пәтер')).toBe('алматы абай 5 12');
    expect(normalizeAddress('Алматы, Самал-2 шағын ауданы, 5')).toBe('алматы самал-2 5');
    expect(normalizeAddress('мкр. Самал-2, дом №5')).toBe('самал-2 5');
  });

  it('joins a building letter to its number', () => {
    expect(normalizeAddress('ул. Абая, 5 А')).toBe(normalizeAddress('улица Абая 5а'));
  });

  it('builds a key from parts, using the district only when there is no street', () => {
    const withStreet = normalizeAddress({
      locality: 'Алматы',
      district: 'Бостандық ауданы',
      street: 'ул. Абая',
      building: '5',
      flat: '12',
    });
    expect(withStreet).toBe('алматы абая 5 12');
    expect(
      normalizeAddress({ locality: 'г. Алматы', street: 'Абая', building: 'д. 5', flat: 'кв 12' }),
    ).toBe(withStreet);
    expect(
      normalizeAddress({ locality: 'Ақтөбе', district: 'мкр Батыс-2', street: '', building: '7' }),
    ).toBe('ақтөбе батыс-2 7');
    expect(normalizeAddress({ locality: null, street: undefined })).toBe('');
  });
});
