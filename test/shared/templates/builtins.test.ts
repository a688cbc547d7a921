import { describe, expect, it } from 'vitest';

import { templateSchema } from '@shared/domain';
import {
  BUILT_IN_TEMPLATES,
  BUILT_IN_TEMPLATE_KEYS,
  builtInTemplate,
  checkTemplatePlaceholders,
  isBuiltInTemplateId,
  letterToPlainText,
  renderTemplate,
  templateExtraFields,
} from '@shared/templates';
import { fullContext } from './fixtures';

describe('built-in templates', () => {
  it('exist for every key, valid, read-only, with stable ids', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.key)).toEqual([...BUILT_IN_TEMPLATE_KEYS]);
    for (const t of BUILT_IN_TEMPLATES) {
      expect(templateSchema.safeParse(t).success, t.key ?? '').toBe(true);
      expect(t.builtIn).toBe(true);
      expect(isBuiltInTemplateId(t.id)).toBe(true);
      expect(checkTemplatePlaceholders(t)).toEqual({ unknown: [] });
    }
    expect(builtInTemplate('reply').id).toBe('0192f000-0000-7000-8000-000000000003');
    expect(isBuiltInTemplateId('0192f000-0000-7000-8000-000000000099')).toBe(false);
    expect(() => builtInTemplate('nope' as never)).toThrow();
  });

  it('have every section in both languages and ask for the same extra fields in each', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      for (const s of t.sections) {
        expect(
          s.title.kk && s.title.ru && s.body.kk && s.body.ru,
          `${t.key}/${s.key}`,
        ).toBeTruthy();
      }
      expect(templateExtraFields(t, 'kk'), t.key ?? '').toEqual(templateExtraFields(t, 'ru'));
    }
  });

  for (const t of BUILT_IN_TEMPLATES) {
    for (const lang of ['kk', 'ru'] as const) {
      it(`${t.key ?? ''} renders in ${lang} with no placeholder left`, () => {
        const result = renderTemplate(t, fullContext(lang));
        expect(result.ok ? [] : result.missing).toEqual([]);
        if (!result.ok) return;
        const text = letterToPlainText(result.letter);
        expect(text).not.toContain('{{');
        expect(text).not.toContain('}}');
        expect(text).not.toMatch(/\.\.|\s,|\(\s*\)|undefined|null/);
        expect(result.letter.title).toBe(t.name[lang]);
      });
    }
  }

  it('reply follows the five-part structure', () => {
    const reply = builtInTemplate('reply');
    expect(reply.sections.map((s) => s.key)).toEqual([
      'addressee',
      'greeting',
      'reference',
      'receipt',
      'answer',
      'furtherActions',
      'conclusion',
    ]);
    const result = renderTemplate(reply, fullContext('kk'));
    expect(result.ok && letterToPlainText(result.letter)).toContain(
      'Сіздің 2026 жылғы 2 наурыздағы № 2026-0042',
    );
    const ru = renderTemplate(reply, fullContext('ru'));
    expect(ru.ok && letterToPlainText(ru.letter)).toContain('Уважаемая Гүлнар Ерболқызы!');
  });

  it('reply leaves out further actions when there are none, and needs an answer', () => {
    const reply = builtInTemplate('reply');
    const ctx = fullContext('ru', {
      extra: { answer: 'Вода подана.', contactPerson: 'Алиева Д.' },
    });
    const result = renderTemplate(reply, ctx);
    expect(result.ok && result.letter.sections.map((s) => s.key)).not.toContain('furtherActions');
    expect(renderTemplate(reply, fullContext('ru', { extra: {} }))).toEqual({
      ok: false,
      missing: ['extra.answer', 'extra.contactPerson'],
    });
  });

  it('inquiry asks for the answer by the due date and numbers the questions', () => {
    const result = renderTemplate(builtInTemplate('inquiry'), fullContext('kk'));
    const text = result.ok ? letterToPlainText(result.letter) : '';
    expect(text).toContain('2026 жылғы 25 наурызға дейін');
    expect(text).toContain('1. Ыстық су қашан беріледі?\n2. Кінәлілер жауапқа тартыла ма?');
    expect(text).toContain('Негіздеме: № 2026-0042 (02.03.2026), № 2026-0047 (05.03.2026).');
    const own = renderTemplate(
      builtInTemplate('inquiry'),
      fullContext('ru', { appeals: [], appeal: undefined }),
    );
    expect(own.ok && own.letter.sections.map((s) => s.key)).not.toContain('basis');
  });

  it('repeat inquiry names the earlier inquiry and the parts its answer missed', () => {
    const result = renderTemplate(builtInTemplate('inquiry-repeat'), fullContext('ru'));
    const text = result.ok ? letterToPlainText(result.letter) : '';
    expect(text).toContain('запрос от 4 марта 2026 г. № 12-04/118');
    expect(text).toContain('1. Разъяснение дальнейших действий\n2. Заключение и контактное лицо');
  });

  it('announcement leaves out accessibility when there is none', () => {
    const ctx = fullContext('kk');
    if (!ctx.reception) throw new Error('fixture');
    ctx.reception = { ...ctx.reception, accessibilityNotes: { kk: '', ru: '' } };
    const result = renderTemplate(builtInTemplate('announcement'), ctx);
    expect(result.ok && result.letter.sections.map((s) => s.key)).not.toContain('accessibility');
  });
});
