import { describe, expect, it } from 'vitest';
import {
  announcementFile,
  announcementTemplate,
  bothLanguages,
  buildAnnouncements,
  joinWhere,
  missingFields,
  splitWhere,
} from '@renderer/features/reception/announcement';
import {
  defaultSettingsData,
  newBaseFields,
  receptionSchema,
  settingsSchema,
  type Template,
} from '@shared/domain';
import { newId } from '@shared/ids';
import { builtInTemplate } from '@shared/templates';

const NAMES = {
  kk: {
    telegram: 'Telegram',
    whatsapp: 'WhatsApp',
    website: 'сайт',
    board: 'хабарландыру тақтасы',
  },
  ru: { telegram: 'Telegram', whatsapp: 'WhatsApp', website: 'сайт', board: 'доска объявлений' },
} as const;

const NOW = '2026-11-22T05:00:00.000Z';

function reception() {
  return receptionSchema.parse({
    ...newBaseFields({ id: newId(), now: NOW, userId: 'aigerim' }),
    date: '2026-12-04',
    startTime: '15:00',
    endTime: null,
    place: { kk: 'Талдыкөл ауылы, мәдениет үйі', ru: 'село Талдыколь, дом культуры' },
    format: 'visiting',
  });
}

function settings(phone: string | null) {
  return settingsSchema.parse({
    ...defaultSettingsData(),
    ...newBaseFields({ id: 'settings', now: NOW, userId: 'setup' }),
    id: 'settings',
    deputy: {
      fullName: { kk: 'Гүлнар Ерболқызы Сәрсенова', ru: 'Сарсенова Гульнар Ерболовна' },
      position: { kk: 'Аудандық мәслихат депутаты', ru: 'Депутат районного маслихата' },
    },
    contacts: { phone, email: null, telegram: '', website: '', other: '' },
  });
}

describe('reception announcement texts', () => {
  it('builds the full and the short text in both languages', () => {
    const texts = buildAnnouncements(reception(), settings('+77019876543'), '2026-11-22');
    for (const kind of ['full', 'short'] as const) {
      for (const lang of ['kk', 'ru'] as const) expect(texts[kind][lang].ok).toBe(true);
    }
    const full = texts.full.ru.ok ? texts.full.ru.text : '';
    expect(full).toContain('в 15:00');
    expect(full).toContain('Выездной приём');
    // No accessibility notes, no accessibility line.
    expect(full).not.toContain('Доступность:');
    expect(missingFields(texts, 'kk')).toEqual([]);
  });

  it('gives the place and the accessibility notes in each announcement’s own language only', () => {
    const withNotes = receptionSchema.parse({
      ...reception(),
      accessibilityNotes: {
        kk: 'Бірінші қабат, кіреберісте пандус бар',
        ru: 'Первый этаж, у входа пандус',
      },
    });
    const texts = buildAnnouncements(withNotes, settings('+77019876543'), '2026-11-22');
    for (const kind of ['full', 'short'] as const) {
      const ru = texts[kind].ru.ok ? texts[kind].ru.text : '';
      const kk = texts[kind].kk.ok ? texts[kind].kk.text : '';
      expect(ru, kind).toContain('село Талдыколь, дом культуры');
      expect(ru, kind).not.toContain('Талдыкөл ауылы');
      expect(ru, kind).not.toContain('пандус бар');
      expect(kk, kind).toContain('Талдыкөл ауылы, мәдениет үйі');
      expect(kk, kind).not.toContain('дом культуры');
      expect(kk, kind).not.toContain('у входа пандус');
    }
    const fullRu = texts.full.ru.ok ? texts.full.ru.text : '';
    expect(fullRu).toContain('Доступность: Первый этаж, у входа пандус');
  });

  it('names what is missing, once, in the user language', () => {
    const texts = buildAnnouncements(reception(), settings(null), '2026-11-22');
    expect(texts.full.kk).toEqual({ ok: false, missing: ['deputy.phone'] });
    expect(missingFields(texts, 'ru')).toEqual(['Телефон приёмной']);
    expect(missingFields(texts, 'kk')).toEqual(['Кеңсе телефоны']);
  });

  it("uses the office's newest own copy of a built-in announcement", () => {
    const builtIn = builtInTemplate('announcement-short');
    const copy = (updatedAt: string, text: string, deletedAt: string | null = null): Template => ({
      ...builtIn,
      ...newBaseFields({ id: newId(), now: updatedAt, userId: 'aigerim' }),
      deletedAt,
      builtIn: false,
      key: null,
      copiedFromId: builtIn.id,
      sections: [{ ...builtIn.sections[0]!, body: { kk: text, ru: text } }],
    });
    const older = copy('2026-10-01T00:00:00.000Z', 'Ескі: {{reception.place}}');
    const newer = copy('2026-11-01T00:00:00.000Z', 'Жаңа: {{reception.place}}');
    const removed = copy('2026-11-15T00:00:00.000Z', 'Жойылған', '2026-11-16T00:00:00.000Z');
    expect(announcementTemplate('short', [older, newer, removed])).toBe(newer);
    expect(announcementTemplate('full', [older, newer])).toBe(builtInTemplate('announcement'));
    const texts = buildAnnouncements(reception(), settings(null), '2026-11-22', [older, newer]);
    expect(texts.short.kk).toEqual({ ok: true, text: 'Жаңа: Талдыкөл ауылы, мәдениет үйі' });
  });

  it('joins both languages and writes a .txt Windows reads', () => {
    expect(bothLanguages('Сәлем', 'Привет')).toBe('Сәлем\n\n* * *\n\nПривет');
    const bytes = announcementFile('Бір\nЕкі');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe('Бір\r\nЕкі\r\n');
  });

  it('records channels as text and reads them back in either language', () => {
    expect(joinWhere(['telegram', 'board'], ' мектеп ', NAMES.kk)).toBe(
      'Telegram, хабарландыру тақтасы, мектеп',
    );
    expect(joinWhere([], '', NAMES.ru)).toBe('');
    expect(splitWhere('Telegram, хабарландыру тақтасы, мектеп', NAMES)).toEqual({
      channels: ['telegram', 'board'],
      other: 'мектеп',
    });
    expect(splitWhere('Доска объявлений,  Сайт , акимат села, школа', NAMES)).toEqual({
      channels: ['website', 'board'],
      other: 'акимат села, школа',
    });
    expect(splitWhere('', NAMES)).toEqual({ channels: [], other: '' });
  });
});
