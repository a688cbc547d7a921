import { describe, expect, it } from 'vitest';

import { DATE_FORMS, formatLetterDate, weekdayName } from '@shared/templates';

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
