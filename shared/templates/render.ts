import type { TemplateSection } from '../domain';
import { isDateForm, formatLetterDate } from '../format';
import type { DateForm } from '../format';
import {
  isKnownPlaceholder,
  placeholderDef,
  placeholderType,
  resolvePlaceholder,
} from './placeholders';
import type {
  RenderResult,
  RenderedLetter,
  RenderedSection,
  TemplateContext,
  TemplateLike,
} from './types';

/**
 * `{{key}}`, `{{key|form}}`, `{{key?}}`: a key, an optional form (a date form of
 * `DATE_FORMS`, or `numbered` for a list typed line by line), and `?` for a value that may
 * be absent — the line holding it is then left out. Anything else between double braces is
 * an unknown placeholder.
 */
const TOKEN = /\{\{([^{}]*)\}\}/g;
const PARTS = /^\s*([a-zA-Z][\w]*(?:\.[a-zA-Z][\w]*)*)\s*(?:\|\s*([a-zA-Z]+)\s*)?(\?)?\s*$/;

export interface PlaceholderToken {
  /** As written, braces included. */
  raw: string;
  key: string;
  form: string | null;
  optional: boolean;
}

/** The placeholder written inside braces, or null when it is not one we understand. */
export function parseToken(inner: string): Omit<PlaceholderToken, 'raw'> | null {
  const m = PARTS.exec(inner);
  if (!m) return null;
  const key = m[1] ?? '';
  const form = m[2] ?? null;
  const type = placeholderType(key);
  if (type === null || !isKnownPlaceholder(key)) return null;
  if (form !== null) {
    const fits = type === 'date' ? isDateForm(form) : form === 'numbered';
    if (!fits) return null;
  }
  return { key, form, optional: m[3] === '?' };
}

/** Every `{{…}}` in a text, in order. */
export function scanTokens(text: string): { known: PlaceholderToken[]; unknown: string[] } {
  const known: PlaceholderToken[] = [];
  const unknown: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const parsed = parseToken(m[1] ?? '');
    if (parsed) known.push({ raw: m[0], ...parsed });
    else unknown.push(m[0]);
  }
  return { known, unknown };
}

/** Unknown placeholders of a template in either language; a template with any is not saved. */
export function checkTemplatePlaceholders(template: {
  sections: readonly Pick<TemplateSection, 'title' | 'body'>[];
}): { unknown: string[] } {
  const unknown = new Set<string>();
  for (const section of template.sections) {
    for (const text of [section.body.kk, section.body.ru]) {
      for (const raw of scanTokens(text).unknown) unknown.add(raw);
    }
  }
  return { unknown: [...unknown] };
}

/** The `extra.*` names a template asks the user to type, in order of first use. */
export function templateExtraFields(template: TemplateLike, lang: TemplateContext['lang']) {
  const names = new Set<string>();
  for (const section of template.sections) {
    for (const token of scanTokens(section.body[lang]).known) {
      if (token.key.startsWith('extra.')) names.add(token.key.slice('extra.'.length));
    }
  }
  return [...names];
}

function numbered(value: string): string {
  return value
    .split('\n')
    .map((line) => line.trim().replace(/^(\d+[.)]|[-–—•*])\s*/, ''))
    .filter((line) => line !== '')
    .map((line, i) => `${String(i + 1)}. ${line}`)
    .join('\n');
}

function valueText(token: Omit<PlaceholderToken, 'raw'>, ctx: TemplateContext): string | null {
  const value = resolvePlaceholder(token.key, ctx);
  if (value === null) {
    if (!ctx.sample) return null;
    const def = placeholderDef(token.key);
    const example = def?.example[ctx.lang] ?? '';
    return `[${example !== '' && example !== '…' ? example : (def?.label[ctx.lang] ?? token.key.slice('extra.'.length))}]`;
  }
  if (value.type === 'date') {
    const form: DateForm = token.form !== null && isDateForm(token.form) ? token.form : 'plain';
    return formatLetterDate(value.day, ctx.lang, form);
  }
  return token.form === 'numbered' ? numbered(value.text) : value.text;
}

interface SectionOutcome {
  text: string;
  missing: string[];
}

/**
 * One pass over the body, so a value that itself contains `{{…}}` is printed as typed and
 * never read as a placeholder. A line whose optional placeholder has no value is dropped.
 */
function renderBody(body: string, ctx: TemplateContext): SectionOutcome {
  const missing: string[] = [];
  const lines: string[] = [];
  for (const line of body.split('\n')) {
    let dropLine = false;
    const rendered = line.replace(TOKEN, (raw: string, inner: string, offset: number) => {
      const token = parseToken(inner);
      // Unknown placeholders are refused on save; a stored one is shown as written.
      if (!token) return raw;
      const value = valueText(token, ctx);
      // «20 ноября 2026 г.» or a typed sentence before the template's own full stop.
      if (value !== null && value.endsWith('.') && line[offset + raw.length] === '.') {
        return value.slice(0, -1);
      }
      if (value !== null) return value;
      if (token.optional) dropLine = true;
      else missing.push(token.key);
      return '';
    });
    if (!dropLine) lines.push(rendered.trimEnd());
  }
  return {
    text: lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    missing,
  };
}

export function renderTemplate(template: TemplateLike, ctx: TemplateContext): RenderResult {
  const missing = new Set<string>();
  const sections: RenderedSection[] = [];
  for (const section of template.sections) {
    const body = section.body[ctx.lang];
    if (body.trim() === '') continue;
    const outcome = renderBody(body, ctx);
    if (outcome.missing.length > 0) {
      if (section.optional) continue;
      for (const key of outcome.missing) missing.add(key);
      continue;
    }
    if (outcome.text === '') continue;
    sections.push({
      key: section.key,
      title: section.title[ctx.lang],
      text: outcome.text,
      layout: section.layout,
    });
  }
  if (missing.size > 0) return { ok: false, missing: [...missing] };
  const letter: RenderedLetter = {
    templateId: template.id,
    templateKey: template.key,
    kind: template.kind,
    lang: ctx.lang,
    title: template.name[ctx.lang],
    sections,
  };
  return { ok: true, letter };
}

/**
 * The letter as plain text for a chat or an e-mail: sections separated by a blank line,
 * the addressee block first as it is in the letter.
 */
export function letterToPlainText(letter: RenderedLetter): string {
  return letter.sections.map((section) => section.text).join('\n\n');
}
