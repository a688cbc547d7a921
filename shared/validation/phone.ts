import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/min';

/**
 * Kazakhstan phone numbers, normalised to E.164 (+7XXXXXXXXXX).
 *
 * Parsing uses libphonenumber-js with the `min` metadata: it knows the +7 split between
 * Russia and Kazakhstan (KZ numbers start with 7 after the country code) and the local
 * dialling habits (trunk prefix 8, international prefix 8~10), which is all we need from it.
 * It does not know which 7xx blocks exist, and the `max` metadata's list is stricter than
 * reality on the ground (it rejects 750–759, for instance), so the number ranges are checked
 * here against the national numbering plan instead. Wrongly rejecting a citizen's real number
 * at a reception is worse than accepting a typo in an unused block.
 */

export const PHONE_ERROR_CODES = [
  'phone_empty',
  'phone_letters',
  'phone_chars',
  'phone_too_short',
  'phone_too_long',
  'phone_not_kz',
  'phone_invalid',
] as const;
export type PhoneErrorCode = (typeof PHONE_ERROR_CODES)[number];

export type PhoneResult = { ok: true; e164: string } | { ok: false; code: PhoneErrorCode };

/**
 * National significant numbers of Kazakhstan (10 digits after +7):
 * 71x/72x geographic landlines (e.g. 7172 Astana, 727 Almaty), 70x, 747 and 77x mobile,
 * 75x fixed-wireless/VoIP, 760–764 satellite, 785 mobile.
 */
const KZ_NSN = /^7(?:[0-2]\d|47|5\d|6[0-4]|7\d|85)\d{7}$/;

/** Characters people use to write phone numbers besides digits. */
const PHONE_PUNCTUATION = /[\s()\-.‐‑‒–—/]/g;

export function normalizeKzPhone(input: string): PhoneResult {
  const s = input.normalize('NFKC').trim();
  if (s === '') return { ok: false, code: 'phone_empty' };
  if (/\p{L}/u.test(s)) return { ok: false, code: 'phone_letters' };
  const compact = s.replace(PHONE_PUNCTUATION, '');
  if (!/^\+?\d+$/.test(compact)) return { ok: false, code: 'phone_chars' };
  // Far too long for any number: do not let the parser guess a shorter one inside it.
  if (compact.replace('+', '').length > 15) return { ok: false, code: 'phone_too_long' };

  const parsed = parsePhoneNumberFromString(compact, 'KZ');
  if (!parsed) {
    return {
      ok: false,
      code:
        validatePhoneNumberLength(compact, 'KZ') === 'TOO_LONG'
          ? 'phone_too_long'
          : 'phone_too_short',
    };
  }
  if (parsed.countryCallingCode !== '7') return { ok: false, code: 'phone_not_kz' };
  const nsn: string = parsed.nationalNumber;
  if (nsn.length < 10) return { ok: false, code: 'phone_too_short' };
  if (nsn.length > 10) return { ok: false, code: 'phone_too_long' };
  if (parsed.country !== undefined && parsed.country !== 'KZ') {
    return { ok: false, code: 'phone_not_kz' };
  }
  if (!KZ_NSN.test(nsn)) return { ok: false, code: 'phone_invalid' };
  return { ok: true, e164: `+7${nsn}` };
}

export function isValidKzPhone(input: string): boolean {
  return normalizeKzPhone(input).ok;
}

/**
 * Display form: `+7 701 234 56 78` for mobile numbers and Almaty, `+7 7172 12 34 56` for
 * landlines with a four-digit area code. Anything that is not a Kazakhstan number is
 * returned trimmed but otherwise as given, so a display never hides what was stored.
 */
export function formatKzPhone(e164: string): string {
  const result = normalizeKzPhone(e164);
  if (!result.ok) return e164.trim();
  const n = result.e164.slice(2);
  const isLandline = n.startsWith('71') || n.startsWith('72');
  if (isLandline && !n.startsWith('727')) {
    return `+7 ${n.slice(0, 4)} ${n.slice(4, 6)} ${n.slice(6, 8)} ${n.slice(8)}`;
  }
  return `+7 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6, 8)} ${n.slice(8)}`;
}

/**
 * The search key of a phone: its 11 digits `7XXXXXXXXXX`, the same for every way of writing
 * the number; null when the input is not a valid Kazakhstan number. Partial input (the last
 * digits someone remembers) is not a key: match it as a substring of stored keys instead.
 */
export function phoneSearchKey(input: string): string | null {
  const result = normalizeKzPhone(input);
  return result.ok ? result.e164.slice(1) : null;
}
