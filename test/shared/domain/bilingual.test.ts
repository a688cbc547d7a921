import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appealSchema,
  asBilingual,
  bilingualText,
  bothTexts,
  missingLangs,
  receptionInputSchema,
  requiredBilingualText,
  textFor,
  toBilingual,
} from '@shared/domain';
import { guessTextLanguage } from '@shared/report/textLanguage';
import { appealFixture } from './fixtures';

const KAZAKH = [
  'Қабанбай батыр даңғылындағы аулада жаңа балалар алаңы орнатылды.',
  'Тұрғындардың өтініші бойынша аулаға қоқыс контейнерлері қойылды.',
  'Бірінші қабат, кіреберісте пандус бар',
];
const RUSSIAN = [
  'Проведён ремонт дороги по улице Қабанбай батыра в микрорайоне Құрылысшы.',
  'Во дворе на улице Жубанова установлена детская площадка.',
  'Школа № 45, актовый зал на первом этаже',
];

describe('a single-language text of an earlier version becomes a pair', () => {
  it.each(KAZAKH)('Kazakh stays Kazakh: %s', (text) => {
    expect(toBilingual(text)).toEqual({ kk: text, ru: '' });
    expect(toBilingual(text, 'ru')).toEqual({ kk: text, ru: '' });
  });

  it.each(RUSSIAN)('Russian moves to Russian: %s', (text) => {
    expect(toBilingual(text)).toEqual({ kk: '', ru: text });
  });

  it('a text too short to tell goes to the fallback language; blank stays blank', () => {
    expect(toBilingual('Жол жөнделді')).toEqual({ kk: 'Жол жөнделді', ru: '' });
    expect(toBilingual('Двор', 'ru')).toEqual({ kk: '', ru: 'Двор' });
    expect(toBilingual('   ')).toEqual({ kk: '', ru: '' });
  });

  it('never loses or changes the text, and never writes it twice (any string)', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('kk' as const, 'ru' as const), (text, fallback) => {
        const pair = toBilingual(text, fallback);
        if (text.trim() === '') {
          expect(pair).toEqual({ kk: '', ru: '' });
          return;
        }
        // Exactly one side holds the text, verbatim, and it is the guessed side if any.
        expect([pair.kk, pair.ru].filter((s) => s !== '')).toEqual([text]);
        const side = pair.kk === text ? 'kk' : 'ru';
        expect(side).toBe(guessTextLanguage(text) ?? fallback);
      }),
    );
  });

  it('sentences made of words of one language land in that language', () => {
    const words = (list: readonly string[]) =>
      fc.array(fc.constantFrom(...list), { minLength: 4, maxLength: 12 }).map((w) => w.join(' '));
    const kk = words(['және', 'жол', 'аулада', 'тұрғындар', 'жөнделді', 'мектеп', 'үшін', 'қажет']);
    const ru = words(['и', 'ремонт', 'двора', 'жителей', 'установлена', 'дороги', 'для', 'улице']);
    fc.assert(
      fc.property(kk, (text) => {
        expect(toBilingual(text, 'ru').kk).toBe(text);
      }),
    );
    fc.assert(
      fc.property(ru, (text) => {
        expect(toBilingual(text, 'kk').ru).toBe(text);
      }),
    );
  });

  it('asBilingual reads either shape and fills a missing language', () => {
    expect(asBilingual({ kk: 'Алаң салынды' })).toEqual({ kk: 'Алаң салынды', ru: '' });
    expect(asBilingual(null)).toEqual({ kk: '', ru: '' });
    expect(asBilingual(42)).toEqual({ kk: '', ru: '' });
  });
});

describe('the schemas', () => {
  it('a version-1 appeal with one string still parses, into its language', () => {
    const stored = { ...appealFixture(), publicSummary: RUSSIAN[1] } as unknown;
    const parsed = appealSchema.parse(stored);
    expect(parsed.publicSummary).toEqual({ kk: '', ru: RUSSIAN[1] });
    expect(parsed.reportHighlight).toBe(false);
  });

  it('trims each language and names the language of an error', () => {
    expect(bilingualText(10).parse({ kk: '  Алаң  ', ru: ' Двор ' })).toEqual({
      kk: 'Алаң',
      ru: 'Двор',
    });
    const tooLong = bilingualText(10).safeParse({ kk: '', ru: 'Очень длинный текст' });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.path).toEqual(['ru']);
    expect(tooLong.error?.issues[0]?.message).toBe('too_long');
  });

  it('a place needs at least one language; bad input is refused as a whole', () => {
    expect(requiredBilingualText(50).safeParse({ kk: ' ', ru: '' }).success).toBe(false);
    expect(requiredBilingualText(50).parse({ kk: '', ru: 'Школа № 45' })).toEqual({
      kk: '',
      ru: 'Школа № 45',
    });
    const reception = receptionInputSchema.safeParse({
      date: '2026-12-04',
      startTime: '10:00',
      place: { kk: '', ru: '' },
    });
    expect(reception.success).toBe(false);
    expect(reception.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([
      'place.kk',
      'required',
    ]);
  });
});

describe('reading a pair', () => {
  it('lists the missing translation, and screens fall back to the other language', () => {
    expect(missingLangs({ kk: 'Алаң салынды', ru: '' })).toEqual(['ru']);
    expect(missingLangs({ kk: '', ru: 'Площадка построена' })).toEqual(['kk']);
    expect(missingLangs({ kk: '', ru: '' })).toEqual([]);
    expect(missingLangs({ kk: 'а', ru: 'б' })).toEqual([]);
    expect(textFor({ kk: '', ru: 'Школа № 45' }, 'kk')).toBe('Школа № 45');
    expect(textFor({ kk: '№ 45 мектеп', ru: 'Школа № 45' }, 'ru')).toBe('Школа № 45');
    expect(bothTexts({ kk: '№ 45 мектеп', ru: 'Школа № 45' })).toBe('№ 45 мектеп / Школа № 45');
    expect(bothTexts({ kk: '', ru: 'Школа № 45' })).toBe('Школа № 45');
  });
});
