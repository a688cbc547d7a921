import {
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
} from 'libphonenumber-js/min';

import type { Lang } from '../i18n/lang';

/**
 * Phone numbers of any country, normalised to E.164. Kazakhstan is the default: a number
 * written the local way (8 701 …, 701 …, 8 7172 …) is read as Kazakh, and Kazakh numbers are
 * stored and shown exactly as before (+7XXXXXXXXXX, `+7 701 234 56 78`).
 *
 * Parsing uses libphonenumber-js with the `min` metadata, which knows every country's calling
 * code and number lengths but not which blocks are in use (with `min`, `isValid()` checks
 * length only). That is the intended strictness: wrongly rejecting a citizen's real number at
 * a reception is worse than accepting a typo in an unused block. Numbers behind +7 are
 * checked here instead, because they are the ones the office types all day: Kazakhstan's
 * national numbering plan (all of it starts with 7, see KZ_NSN) and Russia's (3, 4, 8, 9).
 */

export const PHONE_ERROR_CODES = [
  'phone_empty',
  'phone_letters',
  'phone_chars',
  'phone_too_short',
  'phone_too_long',
  'phone_invalid',
] as const;
export type PhoneErrorCode = (typeof PHONE_ERROR_CODES)[number];

export type PhoneResult =
  { ok: true; e164: string; country: CountryCode | null } | { ok: false; code: PhoneErrorCode };

/**
 * National significant numbers of Kazakhstan (10 digits after +7):
 * 71x/72x geographic landlines (e.g. 7172 Astana, 727 Almaty), 70x, 747 and 77x mobile,
 * 75x fixed-wireless/VoIP, 760–764 satellite, 785 mobile. The 6xx range belongs to
 * Kazakhstan too but is not in use.
 */
const KZ_NSN = /^7(?:[0-2]\d|47|5\d|6[0-4]|7\d|85)\d{7}$/;
/** Russia behind +7: 3xx/4xx/8xx geographic and service numbers, 9xx mobile. */
const RU_NSN = /^[3489]\d{9}$/;

/** Characters people use to write phone numbers besides digits. */
const PHONE_PUNCTUATION = /[\s()\-.‐‑‒–—/]/g;

/** The longest E.164 number has 15 digits. */
const MAX_DIGITS = 15;

/**
 * The number written internationally (`+` and digits), reading local habits of Kazakhstan:
 * the trunk prefix 8, the old international prefix 8~10, 00 as people abroad dial it, and a
 * ten-digit national number written without any prefix.
 */
function international(compact: string): string {
  if (compact.startsWith('+')) return compact;
  if (compact.startsWith('810')) return `+${compact.slice(3)}`;
  if (compact.startsWith('00')) return `+${compact.slice(2)}`;
  if (compact.startsWith('8')) return `+7${compact.slice(1)}`;
  // «77012345678»: the country code without its plus.
  if (compact.startsWith('7') && compact.length >= 11) return `+${compact}`;
  return `+7${compact}`;
}

/** +7: Kazakhstan and Russia share the code; the first national digit tells them apart. */
function zoneSeven(nsn: string): PhoneResult {
  if (nsn.length < 10) return { ok: false, code: 'phone_too_short' };
  if (nsn.length > 10) return { ok: false, code: 'phone_too_long' };
  if (KZ_NSN.test(nsn)) return { ok: true, e164: `+7${nsn}`, country: 'KZ' };
  if (RU_NSN.test(nsn)) return { ok: true, e164: `+7${nsn}`, country: 'RU' };
  return { ok: false, code: 'phone_invalid' };
}

function lengthProblem(number: string): PhoneErrorCode {
  switch (validatePhoneNumberLength(number)) {
    case 'TOO_SHORT':
      return 'phone_too_short';
    case 'TOO_LONG':
      return 'phone_too_long';
    default:
      // INVALID_COUNTRY (no country has this calling code), NOT_A_NUMBER, INVALID_LENGTH
      // (between two lengths the country uses): not a phone number as written.
      return 'phone_invalid';
  }
}

/** Any valid number of any country, as E.164; Kazakhstan's local ways of writing are read. */
export function normalizePhone(input: string): PhoneResult {
  const s = input.normalize('NFKC').trim();
  if (s === '') return { ok: false, code: 'phone_empty' };
  if (/\p{L}/u.test(s)) return { ok: false, code: 'phone_letters' };
  const compact = s.replace(PHONE_PUNCTUATION, '');
  if (!/^\+?\d+$/.test(compact)) return { ok: false, code: 'phone_chars' };
  // Far too long for any number: do not let the parser guess a shorter one inside it.
  if (compact.replace('+', '').length > MAX_DIGITS) return { ok: false, code: 'phone_too_long' };

  const number = international(compact);
  if (number.startsWith('+7')) return zoneSeven(number.slice(2));
  const digits = number.slice(1);
  if (digits.length > MAX_DIGITS) return { ok: false, code: 'phone_too_long' };
  const parsed = parsePhoneNumberFromString(number);
  if (!parsed?.isValid()) return { ok: false, code: lengthProblem(number) };
  return { ok: true, e164: parsed.number, country: parsed.country ?? null };
}

/**
 * The former name, from when only Kazakhstan numbers were accepted; it now reads any
 * country like `normalizePhone`. Kept so callers move over one by one.
 */
export const normalizeKzPhone = normalizePhone;

export function isValidPhone(input: string): boolean {
  return normalizePhone(input).ok;
}

/** The country of a stored number (ISO 3166 code), or null when it is not a valid number. */
export function phoneCountry(e164: string): CountryCode | null {
  const result = normalizePhone(e164);
  return result.ok ? result.country : null;
}

function formatKazakh(nsn: string): string {
  const isLandline = nsn.startsWith('71') || nsn.startsWith('72');
  if (isLandline && !nsn.startsWith('727')) {
    return `+7 ${nsn.slice(0, 4)} ${nsn.slice(4, 6)} ${nsn.slice(6, 8)} ${nsn.slice(8)}`;
  }
  return `+7 ${nsn.slice(0, 3)} ${nsn.slice(3, 6)} ${nsn.slice(6, 8)} ${nsn.slice(8)}`;
}

/**
 * Display form without the country's name: `+7 701 234 56 78` for mobile numbers and Almaty,
 * `+7 7172 12 34 56` for landlines with a four-digit area code, the international grouping
 * for other countries (`+998 90 123 45 67`). Anything that is not a valid number is returned
 * trimmed but otherwise as given, so a display never hides what was stored.
 */
export function formatKzPhone(e164: string): string {
  const result = normalizePhone(e164);
  if (!result.ok) return e164.trim();
  if (result.country === 'KZ') return formatKazakh(result.e164.slice(2));
  return parsePhoneNumberFromString(result.e164)?.formatInternational() ?? result.e164;
}

const regionNames = new Map<Lang, Intl.DisplayNames | null>();

/** The country's name in Kazakh or Russian (Intl), or its ISO code where Intl has none. */
export function countryName(country: CountryCode, lang: Lang): string {
  let names = regionNames.get(lang);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
    } catch {
      names = null;
    }
    regionNames.set(lang, names);
  }
  return names?.of(country) ?? country;
}

/**
 * Display form with the country: Kazakhstan's numbers as `formatKzPhone` gives them, other
 * countries' followed by the country's name — `+998 90 123 45 67 (Өзбекстан)`.
 */
export function formatPhone(e164: string, lang: Lang): string {
  const display = formatKzPhone(e164);
  const country = phoneCountry(e164);
  return country === null || country === 'KZ'
    ? display
    : `${display} (${countryName(country, lang)})`;
}

/**
 * The search key of a phone: the digits of its E.164 form (`77012345678` for a Kazakh
 * number), the same for every way of writing it; null when the input is not a valid number.
 * Partial input (the last digits someone remembers) is not a key: match it as a substring of
 * stored keys instead.
 */
export function phoneSearchKey(input: string): string | null {
  const result = normalizePhone(input);
  return result.ok ? result.e164.slice(1) : null;
}
