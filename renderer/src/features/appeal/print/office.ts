import { labelOf, type Settings } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { formatKzPhone } from '@shared/validation/phone';

/** A text in the document's language, or in the other one when that is all the office has. */
function pick(text: { kk: string; ru: string }, lang: Lang): string {
  const other: Lang = lang === 'kk' ? 'ru' : 'kk';
  return text[lang].trim() || text[other].trim();
}

export interface OfficeHeader {
  maslikhat: string;
  deputyName: string;
  position: string;
  okrugNumber: number | null;
  receptionAddress: string;
  phone: string;
  email: string;
  telegram: string;
  website: string;
  other: string;
}

/** The deputy's office as letterheads and receipts show it, in one language. */
export function officeHeader(settings: Settings, lang: Lang): OfficeHeader {
  const { contacts } = settings;
  return {
    maslikhat:
      pick(settings.maslikhat.name, lang) ||
      labelOf('maslikhatLevel', settings.maslikhat.level, lang),
    deputyName: pick(settings.deputy.fullName, lang),
    position: pick(settings.deputy.position, lang),
    okrugNumber: settings.okrugNumber,
    receptionAddress: pick(settings.receptionAddress, lang),
    phone: contacts.phone ? formatKzPhone(contacts.phone) : '',
    email: contacts.email ?? '',
    telegram: contacts.telegram.trim(),
    website: contacts.website.trim(),
    other: contacts.other.trim(),
  };
}
