import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { format } from 'date-fns';
import { kk as kkLocale, ru as ruLocale } from 'date-fns/locale';
import { dayNumberFromParts, formatDay as calendarDay } from '@shared/calendar/dates';
import {
  DATE_FORMS,
  formatDay,
  formatDayLong,
  formatDayMonth,
  formatDayTime,
  formatDayWithWeekday,
  formatLetterDate,
  formatTimestamp,
  formatUntil,
  monthName,
  monthWord,
  plural,
  weekdayName,
  weekdaysShort,
} from '@shared/format';

describe('formatLetterDate', () => {
  it('writes Kazakh dates with the inflected month', () => {
    expect(formatLetterDate('2026-11-20', 'kk')).toBe('2026 жылғы 20 қараша');
    expect(formatLetterDate('2026-11-20', 'kk', 'of')).toBe('2026 жылғы 20 қарашадағы');
    expect(formatLetterDate('2026-11-20', 'kk', 'to')).toBe('2026 жылғы 20 қарашаға');
    expect(formatLetterDate('2026-11-20', 'kk', 'on')).toBe('2026 жылғы 20 қарашада');
    expect(formatLetterDate('2026-11-20', 'kk', 'from')).toBe('2026 жылғы 20 қарашадан');
  });

  it('follows vowel harmony and the last consonant of each month', () => {
    expect(formatLetterDate('2026-04-03', 'kk', 'of')).toBe('2026 жылғы 3 сәуірдегі');
    expect(formatLetterDate('2026-09-01', 'kk', 'to')).toBe('2026 жылғы 1 қыркүйекке');
    expect(formatLetterDate('2026-06-30', 'kk', 'from')).toBe('2026 жылғы 30 маусымнан');
    expect(formatLetterDate('2026-07-06', 'kk', 'of')).toBe('2026 жылғы 6 шілдедегі');
    expect(formatLetterDate('2026-12-16', 'kk', 'on')).toBe('2026 жылғы 16 желтоқсанда');
  });

  it('writes Russian dates with the genitive month in every form', () => {
    for (const form of DATE_FORMS.filter((f) => f !== 'short')) {
      expect(formatLetterDate('2026-11-20', 'ru', form)).toBe('20 ноября 2026 г.');
    }
    expect(formatLetterDate('2026-01-02', 'ru')).toBe('2 января 2026 г.');
  });

  it('writes the short form the same in both languages', () => {
    expect(formatLetterDate('2026-03-04', 'kk', 'short')).toBe('04.03.2026');
    expect(formatLetterDate('2026-03-04', 'ru', 'short')).toBe('04.03.2026');
  });

  it('names every month of the year in every Kazakh form', () => {
    for (let month = 1; month <= 12; month += 1) {
      const day = `2026-${String(month).padStart(2, '0')}-15`;
      for (const form of DATE_FORMS) {
        expect(formatLetterDate(day, 'kk', form)).toMatch(/^(2026 жылғы 15 \S+|15\.\d\d\.2026)$/u);
      }
    }
  });
});

describe('weekdayName', () => {
  it('names the day of the week in each language', () => {
    expect(weekdayName('2026-12-04', 'kk')).toBe('жұма');
    expect(weekdayName('2026-12-04', 'ru')).toBe('пятница');
    expect(weekdayName('2026-11-22', 'kk')).toBe('жексенбі');
    expect(weekdayName('2026-11-23', 'ru')).toBe('понедельник');
  });
});

describe('screen dates agree with what date-fns printed before (kk and ru locales)', () => {
  const LOCALES = { kk: kkLocale, ru: ruLocale } as const;
  const asDate = (day: string) => {
    const [y, m, d] = day.split('-').map(Number);
    return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  };
  const dayArb = fc
    .integer({ min: dayNumberFromParts(2000, 1, 1), max: dayNumberFromParts(2100, 12, 31) })
    .map((n) => calendarDay(n));

  it.each(['kk', 'ru'] as const)('long dates, month names and weekdays in %s', (lang) => {
    const locale = LOCALES[lang];
    fc.assert(
      fc.property(dayArb, (day) => {
        const date = asDate(day);
        const long = lang === 'kk' ? "yyyy 'жылғы' d MMMM" : "d MMMM yyyy 'г.'";
        expect(formatDayLong(day, lang)).toBe(format(date, long, { locale }));
        expect(formatDayWithWeekday(day, lang)).toBe(format(date, `${long}, EEEE`, { locale }));
        expect(formatDayMonth(day, lang)).toBe(format(date, 'd MMMM', { locale }));
        expect(monthWord(date.getMonth() + 1, lang)).toBe(format(date, 'LLLL', { locale }));
      }),
    );
    // 2024-01-01 was a Monday.
    expect(weekdaysShort(lang)).toEqual(
      Array.from({ length: 7 }, (_, i) => format(new Date(2024, 0, 1 + i), 'EEEEEE', { locale })),
    );
  });

  it('has a dash for a missing date and short forms with zeros', () => {
    expect(formatDay(null)).toBe('—');
    expect(formatDayLong(undefined, 'kk')).toBe('—');
    expect(formatDayTime('2026-03-04T09:05')).toBe('04.03.2026 09:05');
    expect(formatDayTime(null)).toBe('—');
    expect(formatTimestamp('2026-03-04T20:30:00.000Z')).toBe('05.03.2026 01:30');
    expect(monthName(11, 'kk')).toBe('Қараша');
    expect(monthName(7, 'ru')).toBe('Июль');
  });

  it('says "until" with the Kazakh dative and the Russian genitive', () => {
    expect(formatUntil('2026-12-11', 'kk')).toBe('2026 жылғы 11 желтоқсанға дейін');
    expect(formatUntil('2027-04-02', 'kk')).toBe('2027 жылғы 2 сәуірге дейін');
    expect(formatUntil('2026-09-01', 'kk')).toBe('2026 жылғы 1 қыркүйекке дейін');
    expect(formatUntil('2026-12-11', 'ru')).toBe('до 11 декабря 2026 г.');
  });
});

describe('plural', () => {
  const hours = { one: 'часа', many: 'часов', other: 'часов' };
  it('follows the Russian rules (1, 21 — one; 2–4 — few; 5–20 — many)', () => {
    expect(plural(1, 'ru', hours)).toBe('часа');
    expect(plural(21, 'ru', hours)).toBe('часа');
    expect(plural(72, 'ru', hours)).toBe('часов');
    expect(plural(11, 'ru', hours)).toBe('часов');
    expect(plural(3, 'ru', { one: 'день', few: 'дня', many: 'дней', other: 'дня' })).toBe('дня');
  });
  it('has one form after a number in Kazakh', () => {
    expect(plural(1, 'kk', { one: 'сағат', other: 'сағат' })).toBe('сағат');
    expect(plural(5, 'kk', { one: 'x', other: 'сағат' })).toBe('сағат');
  });
});
