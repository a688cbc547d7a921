import type { Reception, Settings, Template } from '@shared/domain';
import { LANGS, type Lang } from '@shared/i18n/lang';
import {
  builtInTemplate,
  letterToPlainText,
  placeholderDef,
  renderTemplate,
  type TemplateLike,
} from '@shared/templates';

/**
 * The reception announcement, built with the template engine of shared/templates: the full
 * text for the website and the notice board ('announcement'), the short one for Telegram
 * and WhatsApp ('announcement-short'), each in Kazakh and Russian.
 */
export const ANNOUNCEMENT_KINDS = ['full', 'short'] as const;
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number];

const TEMPLATE_KEY = { full: 'announcement', short: 'announcement-short' } as const;

export type AnnouncementText = { ok: true; text: string } | { ok: false; missing: string[] };
export type Announcements = Record<AnnouncementKind, Record<Lang, AnnouncementText>>;

/**
 * The template to use for a kind: the office's newest own copy of the built-in, if it made
 * one (Templates section), else the built-in itself.
 */
export function announcementTemplate(
  kind: AnnouncementKind,
  own: readonly Template[],
): TemplateLike {
  const builtIn = builtInTemplate(TEMPLATE_KEY[kind]);
  const copies = own
    .filter(
      (t) =>
        !t.builtIn &&
        t.deletedAt === null &&
        t.kind === 'announcement' &&
        t.copiedFromId === builtIn.id,
    )
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return copies[0] ?? builtIn;
}

export function buildAnnouncements(
  reception: Reception,
  settings: Settings,
  today: string,
  own: readonly Template[] = [],
): Announcements {
  const result = {} as Announcements;
  for (const kind of ANNOUNCEMENT_KINDS) {
    const template = announcementTemplate(kind, own);
    const byLang = {} as Record<Lang, AnnouncementText>;
    for (const lang of LANGS) {
      const rendered = renderTemplate(template, { lang, today, settings, reception });
      byLang[lang] = rendered.ok
        ? { ok: true, text: letterToPlainText(rendered.letter) }
        : { ok: false, missing: rendered.missing };
    }
    result[kind] = byLang;
  }
  return result;
}

/** What is missing for any text, as the settings screen names it, in the user's language. */
export function missingFields(announcements: Announcements, lang: Lang): string[] {
  const keys = new Set<string>();
  for (const kind of ANNOUNCEMENT_KINDS) {
    for (const l of LANGS) {
      const text = announcements[kind][l];
      if (!text.ok) text.missing.forEach((key) => keys.add(key));
    }
  }
  return [...keys].map((key) => placeholderDef(key)?.label[lang] ?? key);
}

/** Both languages in one message, Kazakh first, as offices post them. */
export function bothLanguages(kk: string, ru: string): string {
  return `${kk}\n\n* * *\n\n${ru}`;
}

/** The .txt file: UTF-8 with a byte-order mark, so old Windows Notepad shows Kazakh letters. */
export function announcementFile(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new TextEncoder().encode(`\uFEFF${text.replace(/\n/g, '\r\n')}\r\n`);
  const data = new Uint8Array(new ArrayBuffer(bytes.length));
  data.set(bytes);
  return data;
}

/** The channels offered when recording where the announcement went. */
export const ANNOUNCEMENT_CHANNELS = ['telegram', 'whatsapp', 'website', 'board'] as const;
export type AnnouncementChannel = (typeof ANNOUNCEMENT_CHANNELS)[number];

/**
 * `announcedWhere` is stored as text ("Telegram, WhatsApp, сайт, мектеп") in the language it
 * was written in; to edit it again, known channel names (in either language) tick their box
 * and the rest goes back to the free-text field.
 */
export function splitWhere(
  where: string,
  names: Record<Lang, Record<AnnouncementChannel, string>>,
): { channels: AnnouncementChannel[]; other: string } {
  const channels = new Set<AnnouncementChannel>();
  const other: string[] = [];
  for (const part of where.split(',').map((p) => p.trim())) {
    if (part === '') continue;
    const channel = ANNOUNCEMENT_CHANNELS.find((c) =>
      LANGS.some((l) => names[l][c].toLowerCase() === part.toLowerCase()),
    );
    if (channel) channels.add(channel);
    else other.push(part);
  }
  return {
    channels: ANNOUNCEMENT_CHANNELS.filter((c) => channels.has(c)),
    other: other.join(', '),
  };
}

export function joinWhere(
  channels: readonly AnnouncementChannel[],
  other: string,
  names: Record<AnnouncementChannel, string>,
): string {
  return [...channels.map((c) => names[c]), other.trim()].filter(Boolean).join(', ');
}
