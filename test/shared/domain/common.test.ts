import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  BASE_FIELDS,
  baseRecordSchema,
  daysInMonth,
  isLocalDate,
  isLocalDateTime,
  isLocalTime,
  isoDateTimeSchema,
  localDateSchema,
  localDateTimeSchema,
  newBaseFields,
  nullableEmailSchema,
  nullableText,
  plainText,
  requiredText,
  userIdSchema,
} from '@shared/domain/common';
import { bilingualText } from '@shared/domain/bilingual';
import { DEFAULT_TOPICS, topicLabel, topicSchema } from '@shared/domain/topics';
import { idSchema, newId } from '@shared/ids';
import { isLang } from '@shared/i18n/lang';
import { issueCodes, NOW } from './fixtures';

describe('ids', () => {
  it('makes UUIDv7 ids that sort in creation order', () => {
    const ids = Array.from({ length: 200 }, () => newId());
    for (const id of ids) expect(idSchema.safeParse(id).success).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('rejects other UUID versions and junk', () => {
    expect(issueCodes(idSchema.safeParse('3b241101-e2bb-4255-8caf-4136c566a962'))).toEqual([
      ': invalid_id',
    ]);
    expect(idSchema.safeParse('appeal-1').success).toBe(false);
  });
});

describe('calendar dates and local date-times', () => {
  it.each([
    ['2026-03-02', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2026-02-29', false],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-3-2', false],
    ['0000-01-01', false],
    ['2026-03-02T10:00', false],
  ])('date %s → %s', (value, ok) => {
    expect(isLocalDate(value)).toBe(ok);
    expect(localDateSchema.safeParse(value).success).toBe(ok);
  });

  it.each([
    ['2026-03-02T10:15', true],
    ['2026-03-02T10:15:59', true],
    ['2026-03-02T00:00', true],
    ['2026-03-02T23:59', true],
    ['2026-03-02T24:00', false],
    ['2026-03-02T10:60', false],
    ['2026-03-02T10:15:60', false],
    ['2026-03-02 10:15', false],
    ['2026-03-02T10:15Z', false],
    ['2026-03-02T10:15:00.000Z', false],
    ['2026-02-30T10:15', false],
    ['2026-03-02', false],
  ])('date-time %s → %s', (value, ok) => {
    expect(isLocalDateTime(value)).toBe(ok);
    expect(localDateTimeSchema.safeParse(value).success).toBe(ok);
  });

  it('reports the codes of each kind', () => {
    expect(issueCodes(localDateSchema.safeParse('2026-02-30'))).toEqual([': invalid_date']);
    expect(issueCodes(localDateSchema.safeParse(20260302))).toEqual([': invalid_date']);
    expect(issueCodes(localDateTimeSchema.safeParse('x'))).toEqual([': invalid_datetime']);
    expect(isLocalTime('9:00')).toBe(false);
    expect(isLocalTime('09:00')).toBe(true);
  });

  it('property: every real day is a valid date and matches daysInMonth', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2100-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const day = date.toISOString().slice(0, 10);
          expect(isLocalDate(day)).toBe(true);
          const [y, m] = day.split('-').map(Number) as [number, number];
          expect(isLocalDate(`${day.slice(0, 8)}${String(daysInMonth(y, m) + 1)}`)).toBe(false);
        },
      ),
    );
  });

  it('accepts UTC timestamps from toISOString only', () => {
    expect(isoDateTimeSchema.safeParse(new Date().toISOString()).success).toBe(true);
    expect(isoDateTimeSchema.safeParse('2026-03-02T10:15:00+05:00').success).toBe(false);
    expect(issueCodes(isoDateTimeSchema.safeParse('2026-03-02'))).toEqual([': invalid_timestamp']);
  });
});

describe('text fields, one schema per length limit', () => {
  it('fields with the same limit share a schema; each limit keeps its own', () => {
    expect(plainText(200)).toBe(plainText(200));
    expect(requiredText(200)).toBe(requiredText(200));
    expect(nullableText(100)).toBe(nullableText(100));
    expect(bilingualText(1_000)).toBe(bilingualText(1_000));
    expect(plainText(200)).not.toBe(requiredText(200));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), (a, b) => {
        const text = 'ә'.repeat(a);
        // Asked in either order, a limit answers for itself, not for the one asked before.
        expect(plainText(b).safeParse(text).success).toBe(a <= b);
        expect(requiredText(b).safeParse(text).success).toBe(a <= b);
        expect(nullableText(b).safeParse(text).success).toBe(a <= b);
        expect(bilingualText(b).safeParse({ kk: text, ru: '' }).success).toBe(a <= b);
      }),
    );
    expect(requiredText(5).safeParse('  ').success).toBe(false);
    expect(nullableText(5).parse('  ')).toBeNull();
  });
});

describe('base fields', () => {
  it('stamps a new record', () => {
    const fields = newBaseFields({ id: newId(), now: NOW, userId: 'system' });
    expect(baseRecordSchema.parse(fields)).toEqual(fields);
    expect(Object.keys(fields).sort()).toEqual([...BASE_FIELDS].sort());
    expect(fields).toMatchObject({ version: 1, deletedAt: null, createdAt: NOW, updatedAt: NOW });
  });

  it('rejects version 0 and an empty user', () => {
    const fields = newBaseFields({ id: newId(), now: NOW, userId: 'u' });
    expect(
      issueCodes(baseRecordSchema.safeParse({ ...fields, version: 0, createdBy: ' ' })).sort(),
    ).toEqual(['createdBy: required', 'version: positive_int']);
    expect(userIdSchema.safeParse('x'.repeat(101)).success).toBe(false);
  });

  it('treats an empty e-mail as none', () => {
    expect(nullableEmailSchema.parse(null)).toBeNull();
    expect(nullableEmailSchema.parse('')).toBeNull();
    expect(issueCodes(nullableEmailSchema.safeParse('not an email'))).toEqual([': invalid_email']);
  });
});

describe('topics and languages', () => {
  it('has the default taxonomy in both languages', () => {
    expect(DEFAULT_TOPICS.map((t) => t.id)).toEqual([
      'housing',
      'water',
      'heating_gas',
      'roads_transport',
      'improvement',
      'land_construction',
      'social_support',
      'health',
      'education',
      'employment',
      'ecology_waste',
      'public_safety',
      'other',
    ]);
    for (const topic of DEFAULT_TOPICS) expect(topicSchema.parse(topic)).toEqual(topic);
    expect(DEFAULT_TOPICS[0].kk).toContain('ТКШ');
    expect(DEFAULT_TOPICS[0].ru).toContain('ЖКХ');
    expect(topicLabel(DEFAULT_TOPICS, 'improvement', 'kk')).toBe('Абаттандыру және көгалдандыру');
    expect(topicLabel(DEFAULT_TOPICS, 'improvement', 'ru')).toBe('Благоустройство и озеленение');
    expect(topicLabel(DEFAULT_TOPICS, 'gone', 'ru')).toBe('gone');
  });

  it('rejects topic ids that are not slugs', () => {
    expect(issueCodes(topicSchema.safeParse({ id: 'Су', kk: 'Су', ru: 'Вода' }))).toEqual([
      'id: topic_id_invalid',
    ]);
  });

  it('recognises the two languages', () => {
    expect(isLang('kk')).toBe(true);
    expect(isLang('ru')).toBe(true);
    expect(isLang('en')).toBe(false);
  });
});

describe('shared/domain index', () => {
  it('re-exports every entity module', async () => {
    const domain = await import('@shared/domain');
    for (const name of [
      'appealSchema',
      'appealInputSchema',
      'applicantSchema',
      'eventSchema',
      'inquirySchema',
      'agencySchema',
      'receptionSchema',
      'checklistTemplateSchema',
      'templateSchema',
      'initiativeSchema',
      'planItemSchema',
      'settingsSchema',
      'draftSchema',
      'attachmentSchema',
      'counterSchema',
      'enumLabels',
      'DEFAULT_TOPICS',
      'localDateSchema',
      'localDateTimeSchema',
      'APPEAL_CHANNELS',
    ]) {
      expect(domain, name).toHaveProperty(name);
    }
  });
});
