import type { TFunction } from 'i18next';
import type { Applicant, PersonAddress } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { formatPhone } from '@shared/validation/phone';

/** The IIN with only its last four digits visible: the first six are the birth date. */
export function maskIin(iin: string): string {
  return `${'•'.repeat(Math.max(0, iin.length - 4))}${iin.slice(-4)}`;
}

/** Phones as people read them; another country's number says which country. */
/**
 * A phone as the screens a visitor may see show it: the country code and the last two
 * digits, the rest hidden — «+7 ••• ••• •• 78», «+998 •• ••• •• 67 (Өзбекстан)».
 */
export function maskPhone(display: string): string {
  const prefix = /^\+\d+\s?/.exec(display)?.[0] ?? '';
  const lastTwo = display.search(/\d\D*\d\D*$/);
  if (lastTwo <= prefix.length) return display;
  return `${prefix}${display.slice(prefix.length, lastTwo).replace(/\d/g, '•')}${display.slice(lastTwo)}`;
}

/** A phone as formatPhone shows it, masked (the country code and the last two digits). */
export function maskedPhone(phone: string, lang: Lang): string {
  return maskPhone(formatPhone(phone, lang));
}

export function formatPhones(phones: readonly string[], lang: Lang): string {
  return phones.map((p) => formatPhone(p, lang)).join(', ');
}

/** The parts of an address as written: «Абай көшесі», «12-үй», «34-пәтер» / «д. 12», «кв. 34». */
export function addressParts(address: PersonAddress, t: TFunction): string[] {
  return [
    address.locality,
    address.district,
    address.street,
    address.building && t('applicants.address.building', { value: address.building }),
    address.flat && t('applicants.address.flat', { value: address.flat }),
  ]
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** «Астана, Сарыарқа, Абай көшесі, 12-үй, 34-пәтер» / «Астана, Сарыарқа, Абай, д. 12, кв. 34». */
export function formatAddress(address: PersonAddress, t: TFunction): string {
  return addressParts(address, t).join(', ');
}

/** The name to show; an anonymised applicant has none and is shown as such. */
export function displayName(applicant: Pick<Applicant, 'fullName' | 'anonymisedAt'>, t: TFunction) {
  return applicant.anonymisedAt !== null || applicant.fullName === ''
    ? t('applicants.anonymisedName')
    : applicant.fullName;
}
