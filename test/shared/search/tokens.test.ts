import { describe, expect, it } from 'vitest';

import {
  OfficeSearch,
  SearchCollection,
  indexWords,
  parseNumber,
  parseQuery,
  phoneDigits,
  queryWords,
  searchCollection,
} from '@shared/search';

describe('words of a text', () => {
  it('splits Kazakh and Russian sentences, drops one-letter words, keeps numbers', () => {
    expect(indexWords('Біздің үйде ыстық су жоқ')).toEqual([
      'біздің',
      'үйде',
      'ыстық',
      'су',
      'жоқ',
    ]);
    expect(indexWords('Нет горячей воды в доме №5')).toEqual([
      'нет',
      'горячей',
      'воды',
      'доме',
      '5',
    ]);
  });

  it('keeps registry numbers, building numbers and phone fragments whole', () => {
    expect(indexWords('Өтініш 2026-0042 бойынша, үй 12/3, тел. 234–56–78')).toEqual([
      'өтініш',
      '2026-0042',
      'бойынша',
      'үй',
      '12/3',
      'тел',
      '234-56-78',
    ]);
  });

  it('writes hyphenated names together too, and keeps apostrophes inside words', () => {
    expect(indexWords('Нұр-Әли, Усть—Каменогорск')).toEqual([
      'нұр',
      'әли',
      'нұрәли',
      'усть',
      'каменогорск',
      'устькаменогорск',
    ]);
    expect(indexWords("To’legenova s'ag'yn ʼbas' 'жоқ'")).toEqual([
      "to'legenova",
      "s'ag'yn",
      'bas',
      'жоқ',
    ]);
  });

  it('normalises the words that need it: ё, the Latin schwa, decomposed letters', () => {
    expect(indexWords('«Ёлка» Сайлаушылармен əрекеттесу И\u0306ошкар')).toEqual([
      'елка',
      'сайлаушылармен',
      'әрекеттесу',
      'йошкар',
    ]);
    expect(indexWords('ÇAĞDAŞ İzbasar ʁa')).toEqual(['çağdaş', 'izbasar', 'ʁa']);
    expect(indexWords('中文 数据')).toEqual(['中文', '数据']);
  });

  it('keeps a query’s one-letter words, once each', () => {
    expect(queryWords('Иванов И. иванов')).toEqual(['иванов', 'и']);
  });
});

describe('numbers', () => {
  it('reads a number as key, canon, sequence and year', () => {
    expect(parseNumber('2026-0042')).toEqual({
      key: '2026-0042',
      canon: '2026-42',
      sequence: '42',
      year: 2026,
    });
    expect(parseNumber('Ж 015/2')).toEqual({
      key: 'ж-015-2',
      canon: 'ж-15-2',
      sequence: '2',
      year: null,
    });
    expect(parseNumber('№ 0000')).toEqual({ key: '0000', canon: '0', sequence: '0', year: null });
    expect(parseNumber('1850-12').year).toBeNull();
    expect(parseNumber('—')).toEqual({ key: '', canon: '', sequence: null, year: null });
  });

  it('reads a phone dialled with 8 as +7', () => {
    expect(phoneDigits('8 (701) 234-56-78')).toBe('77012345678');
    expect(phoneDigits('+7 701 234 56 78')).toBe('77012345678');
    expect(phoneDigits('+49 151 2345 6789')).toBe('4915123456789');
  });

  it('takes a query of digits and phone punctuation as one number', () => {
    const [one, ...rest] = parseQuery('+7 (701) 234-56-78');
    expect(rest).toEqual([]);
    expect(one!.word.digits).toBe('77012345678');
    expect(parseQuery('2026 42')[0]!.word.numberCanon).toBe('2026-42');
    expect(parseQuery('  ')).toEqual([]);
    expect(parseQuery('«»')).toEqual([]);
  });

  it('takes «Ж-17» as a number or its words, «Нұр-Әли» as two words', () => {
    const [chunk] = parseQuery('Ж-17');
    expect(chunk!.word.numberKey).toBe('ж-17');
    expect(chunk!.parts.map((p) => p.exact)).toEqual(['ж', '17']);
    expect(parseQuery('Нұр-Әли').map((c) => c.word.exact)).toEqual(['нұр', 'әли']);
    expect(parseQuery('су су').length).toBe(1);
  });
});

describe('the dictionary as words keep coming', () => {
  it('finds words added after the first search, before, between and after the known ones', () => {
    const collection = new SearchCollection();
    collection.put({ id: 'a', texts: ['жол көше'] });
    expect(searchCollection(collection, 'жол')?.ids).toEqual(['a']);
    collection.put({ id: 'b', texts: ['аула жолақ мұнара'] });
    collection.put({ id: 'c', texts: ['ыстық'] });
    const find = (q: string) => searchCollection(collection, q)?.ids ?? [];
    expect(find('аула')).toEqual(['b']);
    expect(find('жол')).toEqual(['a', 'b']);
    expect(find('мұнара')).toEqual(['b']);
    expect(find('ыстық')).toEqual(['c']);
    expect(collection.has('b')).toBe(true);
    expect(collection.remove('nobody')).toBe(false);
  });

  it('keeps agencies current through changes and slices', async () => {
    const agency = {
      id: 'g',
      name: { kk: 'Білім басқармасы', ru: 'Управление образования' },
      shortName: { kk: '', ru: '' },
      headName: 'Ахметов Б.',
      address: '',
      email: 'bilim@gov.kz',
      deletedAt: null,
    };
    const search = await OfficeSearch.buildInSlices(
      { agencies: [agency] },
      { pause: () => Promise.resolve() },
    );
    expect(search.searchAgencies('образование')?.ids).toEqual(['g']);
    expect(search.searchAgencies('bilim')?.ids).toEqual(['g']);
    search.apply([
      {
        table: 'agencies',
        op: 'put',
        record: { ...agency, name: { kk: 'Денсаулық', ru: 'Здравоохранение' } },
      },
    ]);
    expect(search.searchAgencies('образование')?.ids).toEqual([]);
    expect(search.searchAgencies('денсаулык')?.ids).toEqual(['g']);
  });
});
