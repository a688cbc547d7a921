import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Template } from '@shared/domain';
import {
  PLACEHOLDERS,
  callName,
  checkTemplatePlaceholders,
  dearWord,
  letterToPlainText,
  parseToken,
  placeholderDef,
  renderTemplate,
  templateExtraFields,
} from '@shared/templates';
import type { TemplateLike } from '@shared/templates';
import { appealFixture } from '../domain/fixtures';
import { fullContext, settingsFixture } from './fixtures';

function template(
  sections: { key?: string; kk: string; ru?: string; optional?: boolean }[],
): TemplateLike {
  return {
    id: null as unknown as string,
    key: null,
    kind: 'custom',
    name: { kk: 'Сынақ', ru: 'Тест' },
    sections: sections.map((s, i) => ({
      key: s.key ?? `s${String(i)}`,
      title: { kk: `Бөлім ${String(i)}`, ru: `Часть ${String(i)}` },
      body: { kk: s.kk, ru: s.ru ?? s.kk },
      optional: s.optional ?? false,
      layout: 'body' as const,
    })),
  };
}

function textOf(t: TemplateLike, ctx = fullContext('kk')): string {
  const result = renderTemplate(t, ctx);
  if (!result.ok) throw new Error(`missing: ${result.missing.join(', ')}`);
  return letterToPlainText(result.letter);
}

describe('renderTemplate', () => {
  it('fills placeholders with dates in the letter’s language', () => {
    const t = template([
      {
        kk: 'Сіздің {{appeal.registeredOn|of}} № {{appeal.regNo}} өтінішіңіз, мерзімі {{appeal.decideBy|to}} дейін.',
        ru: 'Ваше обращение от {{appeal.registeredOn}} № {{appeal.regNo}}, срок до {{appeal.decideBy}}.',
      },
    ]);
    expect(textOf(t, fullContext('kk'))).toBe(
      'Сіздің 2026 жылғы 2 наурыздағы № 2026-0042 өтінішіңіз, мерзімі 2026 жылғы 24 наурызға дейін.',
    );
    expect(textOf(t, fullContext('ru'))).toBe(
      'Ваше обращение от 2 марта 2026 г. № 2026-0042, срок до 24 марта 2026 г.',
    );
  });

  it('takes localized settings in the letter’s language', () => {
    const t = template([{ kk: '{{deputy.fullName}}, {{deputy.position}}; {{maslikhat.name}}' }]);
    expect(textOf(t, fullContext('ru'))).toBe(
      'Серикбаев Аскар Болатович, Депутат Карагандинского городского маслихата; Карагандинский городской маслихат',
    );
    expect(textOf(t, fullContext('kk'))).toContain('Серікбаев Асқар Болатұлы');
  });

  it('reports every missing value instead of printing it empty', () => {
    const t = template([
      {
        kk: '{{applicant.fullName}} {{appeal.extendedTo}} {{extra.answer}} {{applicant.fullName}}',
      },
    ]);
    const ctx = fullContext('kk', { applicant: null, extra: {} });
    ctx.appeal = appealFixture({ extendedTo: null });
    expect(renderTemplate(t, ctx)).toEqual({
      ok: false,
      missing: ['applicant.fullName', 'appeal.extendedTo', 'extra.answer'],
    });
  });

  it('does not double the full stop after a value that ends with one', () => {
    const t = template([{ kk: 'Срок до {{appeal.decideBy}}. Ответ: {{extra.answer}}.' }]);
    expect(textOf(t, fullContext('ru', { extra: { answer: 'Сделано.' } }))).toBe(
      'Срок до 24 марта 2026 г. Ответ: Сделано.',
    );
  });

  it('fills missing values with examples in brackets for a preview', () => {
    const t = template([
      { kk: '{{inquiry.number}}; {{extra.answer}}; {{extra.roomNo}}; {{appeal.regNo}}' },
    ]);
    const ctx = fullContext('ru', { inquiry: undefined, extra: {}, sample: true });
    expect(textOf(t, ctx)).toBe('[12-04/118]; [Конкретный ответ]; [roomNo]; 2026-0042');
  });

  it('counts a value of spaces as missing', () => {
    const t = template([{ kk: 'Жауап: {{extra.answer}}' }]);
    const result = renderTemplate(t, fullContext('kk', { extra: { answer: '   ' } }));
    expect(result).toEqual({ ok: false, missing: ['extra.answer'] });
  });

  it('reports a missing value in the letter’s language only', () => {
    const settings = settingsFixture();
    settings.deputy.fullName.kk = '';
    const t = template([{ kk: '{{deputy.fullName}}', ru: '{{deputy.fullName}}' }]);
    expect(renderTemplate(t, fullContext('kk', { settings })).ok).toBe(false);
    expect(renderTemplate(t, fullContext('ru', { settings })).ok).toBe(true);
  });

  it('drops an optional section whose placeholders have no value', () => {
    const t = template([
      { key: 'answer', kk: 'Жауап: {{extra.answer}}' },
      { key: 'further', kk: 'Алда: {{extra.furtherActions}}', optional: true },
      { key: 'end', kk: 'Соңы' },
    ]);
    const result = renderTemplate(t, fullContext('kk', { extra: { answer: 'Иә' } }));
    expect(result.ok && result.letter.sections.map((s) => s.key)).toEqual(['answer', 'end']);
  });

  it('keeps an optional section that has its values', () => {
    const t = template([{ key: 'further', kk: 'Алда: {{extra.furtherActions}}', optional: true }]);
    expect(textOf(t, fullContext('kk', { extra: { furtherActions: 'Жөндеу' } }))).toBe(
      'Алда: Жөндеу',
    );
  });

  it('drops the line of an optional placeholder without a value', () => {
    const t = template([{ kk: 'Тел.: {{deputy.phone}}\nПошта: {{deputy.email?}}\nСоңы' }]);
    const settings = settingsFixture();
    settings.contacts.email = null;
    expect(textOf(t, fullContext('kk', { settings }))).toBe('Тел.: +7 7212 12 34 56\nСоңы');
    expect(textOf(t, fullContext('kk'))).toBe(
      'Тел.: +7 7212 12 34 56\nПошта: deputy12@example.kz\nСоңы'.replace('deputy12', 'deputat12'),
    );
  });

  it('numbers a list typed line by line, ignoring numbers and dashes the user typed', () => {
    const t = template([{ kk: '{{extra.questions|numbered}}' }]);
    const ctx = fullContext('kk', { extra: { questions: '1) Қашан?\n\n- Кім?\n  Неге?  ' } });
    expect(textOf(t, ctx)).toBe('1. Қашан?\n2. Кім?\n3. Неге?');
  });

  it('lists the appeals of an inquiry with their numbers and dates', () => {
    const t = template([{ kk: '{{appeals.list}} ({{appeals.count}})' }]);
    expect(textOf(t, fullContext('kk'))).toBe(
      '№ 2026-0042 (02.03.2026), № 2026-0047 (05.03.2026) (2)',
    );
    expect(textOf(t, fullContext('ru', { appeals: [] }))).toBe('№ 2026-0042 (02.03.2026) (1)');
  });

  it('resolves a forwarded-to agency id through the agency passed in, and refuses a bare id', () => {
    const ctx = fullContext('ru');
    const agency = ctx.agency;
    if (!agency) throw new Error('fixture');
    ctx.appeal = appealFixture({ forwardedTo: agency.id });
    const t = template([{ kk: '{{appeal.forwardedTo}}' }]);
    expect(textOf(t, ctx)).toBe('Отдел жилищно-коммунального хозяйства города Караганды');
    expect(renderTemplate(t, { ...ctx, agency: null })).toEqual({
      ok: false,
      missing: ['appeal.forwardedTo'],
    });
  });

  it('writes reception times per language', () => {
    const t = template([{ kk: '{{reception.time}}, {{reception.weekday}}' }]);
    expect(textOf(t, fullContext('kk'))).toBe('10:00–12:00, жұма');
    expect(textOf(t, fullContext('ru'))).toBe('с 10:00 до 12:00, пятница');
    const ctx = fullContext('ru');
    if (!ctx.reception) throw new Error('fixture');
    ctx.reception = { ...ctx.reception, endTime: null };
    expect(textOf(t, ctx)).toBe('в 10:00, пятница');
  });

  it('lists the parts missing from an agency’s answer', () => {
    const t = template([{ kk: '{{previous.missingParts|numbered}}' }]);
    expect(textOf(t, fullContext('ru'))).toBe(
      '1. Разъяснение дальнейших действий\n2. Заключение и контактное лицо',
    );
  });

  it('leaves out an empty section and keeps line breaks inside one', () => {
    const t = template([{ kk: '   ' }, { kk: 'Бірінші\nекінші' }]);
    const result = renderTemplate(t, fullContext('kk'));
    expect(result.ok && result.letter.sections).toEqual([
      { key: 's1', title: 'Бөлім 1', text: 'Бірінші\nекінші', layout: 'body' },
    ]);
  });

  it('renders every placeholder for the full context in both languages', () => {
    const t = template([{ kk: PLACEHOLDERS.map((p) => `{{${p.key}}}`).join('\n') }]);
    for (const lang of ['kk', 'ru'] as const) {
      const ctx = fullContext(lang);
      ctx.appeal = appealFixture({ ...ctx.appeal, outcomeSummary: 'Су берілді' });
      ctx.inquiry = { ...ctx.previousInquiry!, status: 'sent' };
      const result = renderTemplate(t, ctx);
      expect(result.ok ? [] : result.missing).toEqual([]);
    }
  });

  it('prints a value as typed, even one that looks like a placeholder', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (answer, name) => {
        fc.pre(answer.trim() !== '' && name.trim() !== '');
        const t = template([{ kk: 'А: {{extra.answer}}|{{extra.contactPerson}}' }]);
        const result = renderTemplate(
          t,
          fullContext('kk', { extra: { answer, contactPerson: name } }),
        );
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const single = `${answer.trim()}|${name.trim()}`;
        // Only line ends are trimmed; the values themselves come through whole.
        expect(result.letter.sections.map((s) => s.text).join('\n\n')).toBe(
          `А: ${single}`
            .split('\n')
            .map((l) => l.trimEnd())
            .join('\n')
            .replace(/\n{3,}/g, '\n\n')
            .trim(),
        );
      }),
    );
  });

  it('never throws and never leaves a known placeholder in the text', () => {
    const pieces = fc.constantFrom(
      '{{appeal.regNo}}',
      '{{extra.x}}',
      '{{ today|of }}',
      '{{deputy.email?}}',
      '{{',
      '}}',
      '{{nope}}',
      'мәтін',
      '\n',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), fc.boolean(), (parts, optional) => {
        const body = parts.join('');
        const t = template([{ kk: body, optional }]);
        const result = renderTemplate(t, fullContext('kk', { extra: { x: 'икс' } }));
        if (!result.ok) return;
        const text = letterToPlainText(result.letter);
        expect(text).not.toMatch(/\{\{\s*(appeal\.regNo|extra\.x|today|deputy\.email)/);
      }),
    );
  });
});

describe('checkTemplatePlaceholders', () => {
  it('accepts known placeholders, forms, optional marks and any extra.* name', () => {
    const t = template([
      {
        kk: '{{appeal.regNo}} {{ appeal.receivedOn | of }} {{deputy.email?}} {{extra.roomNumber}}',
        ru: '{{extra.questions|numbered}} {{today|short}}',
      },
    ]);
    expect(checkTemplatePlaceholders(t)).toEqual({ unknown: [] });
  });

  it('reports unknown keys, unknown forms and malformed placeholders in either language', () => {
    const t = template([
      {
        kk: '{{appeal.number}} {{appeal.regNo|of}} {{today|genitive}}',
        ru: '{{ }} {{extra.}} {{appeal.number}} {{extra.answer|of}}',
      },
    ]);
    expect(checkTemplatePlaceholders(t).unknown).toEqual([
      '{{appeal.number}}',
      '{{appeal.regNo|of}}',
      '{{today|genitive}}',
      '{{ }}',
      '{{extra.}}',
      '{{extra.answer|of}}',
    ]);
  });
});

describe('placeholders', () => {
  it('have a label and an example in both languages', () => {
    for (const p of PLACEHOLDERS) {
      expect(p.label.kk, p.key).not.toBe('');
      expect(p.label.ru, p.key).not.toBe('');
      expect(p.example.kk, p.key).not.toBe('');
      expect(parseToken(p.key)?.key).toBe(p.key);
    }
    expect(new Set(PLACEHOLDERS.map((p) => p.key)).size).toBe(PLACEHOLDERS.length);
  });

  it('give labels for the usual extra fields and none for others', () => {
    expect(placeholderDef('extra.answer')?.label.kk).toBe('Нақты жауап');
    expect(placeholderDef('appeal.regNo')?.group).toBe('appeal');
    expect(placeholderDef('extra.roomNumber')).toBeUndefined();
  });

  it('list the extra fields a template asks for, once each, in order', () => {
    const t = template([
      { kk: '{{extra.answer}} {{extra.problem}}', ru: '{{extra.reason}}' },
      { kk: '{{extra.answer}} {{appeal.regNo}}' },
    ]);
    expect(templateExtraFields(t, 'kk')).toEqual(['answer', 'problem']);
    expect(templateExtraFields(t, 'ru')).toEqual(['reason', 'answer']);
  });
});

describe('applicant.address', () => {
  it('writes the flat as each language reads it', () => {
    const t = template([{ kk: '{{applicant.address}}' }]);
    expect(textOf(t, fullContext('kk'))).toBe('Қарағанды, Абай көшесі, 12, 34-пәтер');
    expect(textOf(t, fullContext('ru'))).toBe('Қарағанды, Абай көшесі, 12, кв. 34');
    const office = fullContext('ru');
    office.applicant = {
      ...office.applicant!,
      address: { ...office.applicant!.address, flat: 'офис 3' },
    };
    expect(textOf(t, office)).toBe('Қарағанды, Абай көшесі, 12, офис 3');
  });
});

describe('callName', () => {
  it('keeps name and patronymic of a surname-first full name', () => {
    expect(callName('Сейтқалиева Гүлнар Ерболқызы')).toBe('Гүлнар Ерболқызы');
    expect(callName('Серикбаев Аскар Болатович')).toBe('Аскар Болатович');
    expect(callName('Гүлнар Сейтқалиева')).toBe('Гүлнар Сейтқалиева');
    expect(callName(' Ким Сон Ир ')).toBe('Ким Сон Ир');
  });
});

describe('dearWord', () => {
  it('chooses the Russian greeting from the name', () => {
    expect(dearWord('Омарова Айгуль Сериковна', 'ru')).toBe('Уважаемая');
    expect(dearWord('Серикбаев Аскар Болатович', 'ru')).toBe('Уважаемый');
    expect(dearWord('Сейтқалиева Гүлнар Ерболқызы', 'ru')).toBe('Уважаемая');
    expect(dearWord('Нұрлан Болатұлы', 'ru')).toBe('Уважаемый');
    expect(dearWord('Иванова Мария', 'ru')).toBe('Уважаемая');
    expect(dearWord('Петров Иван', 'ru')).toBe('Уважаемый');
    expect(dearWord('Ким Сон', 'ru')).toBe('Уважаемый(-ая)');
    expect(dearWord('Ким Сон', 'kk')).toBe('Құрметті');
  });
});

describe('letterToPlainText', () => {
  it('separates sections with a blank line', () => {
    const t: Pick<Template, 'id' | 'key' | 'kind' | 'name' | 'sections'> = template([
      { kk: 'Бір' },
      { kk: 'Екі\nҮш' },
    ]);
    expect(textOf(t)).toBe('Бір\n\nЕкі\nҮш');
  });
});
