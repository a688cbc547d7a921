import type { Lang } from '../i18n/lang';
import type { Settings, TemplateKind } from '../domain';
import { formatKzPhone } from '../validation/phone';
import { formatLetterDate } from '../format';

/** Kinds printed as letters (letterhead, outgoing number, signature); the rest are notices. */
const LETTER_KINDS: readonly TemplateKind[] = [
  'inquiry',
  'reply',
  'forwarding',
  'extension',
  'custom',
];

export function isLetterKind(kind: TemplateKind): boolean {
  return LETTER_KINDS.includes(kind);
}

/** What surrounds the text of a letter: the deputy's letterhead and signature block. */
export interface LetterFrame {
  /** Maslikhat name, then the deputy's position (bold lines at the top). */
  letterhead: string[];
  /** Reception address, phone, e-mail on one line; '' when none is set. */
  contacts: string;
  /** «№ 12-04/118» and the date, or blanks to fill in by hand on a draft. */
  outgoing: { number: string; date: string };
  signature: { position: string; name: string };
}

export interface OutgoingRef {
  number?: string | null;
  date?: string | null;
}

export function letterFrame(
  settings: Settings,
  lang: Lang,
  outgoing: OutgoingRef = {},
): LetterFrame {
  const contacts = [
    settings.receptionAddress[lang],
    settings.contacts.phone ? formatKzPhone(settings.contacts.phone) : '',
    settings.contacts.email ?? '',
  ]
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return {
    letterhead: [settings.maslikhat.name[lang], settings.deputy.position[lang]]
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    contacts: contacts.join(' · '),
    outgoing: {
      number: outgoing.number ? `№ ${outgoing.number}` : '№ ________',
      date: outgoing.date ? formatLetterDate(outgoing.date, lang) : '«___» ____________ 20___',
    },
    signature: {
      position: settings.deputy.position[lang].trim(),
      name: settings.deputy.fullName[lang].trim(),
    },
  };
}
