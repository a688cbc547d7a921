/**
 * Text normalisation for search and duplicate detection in Kazakh and Russian.
 *
 * Kazakh letters (ә ғ қ ң ө ұ ү һ і) are kept: folding them to Russian look-alikes would
 * merge different words (қыз / кыз are not the same to a Kazakh reader, and an office that
 * types Kazakh expects exact matches). The single exception is the Latin schwa ə (U+0259),
 * which old fonts and PDF copies put in place of Cyrillic ә (U+04D9) in whole documents;
 * it is a Kazakh letter in the wrong code point, not a typo. Other Latin look-alikes
 * (a, e, o, p, c, x typed in a Cyrillic word) are left alone: guessing would corrupt real
 * Latin words, and they are rare in typed text.
 */

import { skeletonOfText } from '../search/fold';

const DASHES = /[‐‑‒–—―−]/g;

/** One canonical form for substring search: NFC, lower case, ё → е, one space between words. */
export function normalizeForSearch(s: string): string {
  return (
    s
      .normalize('NFC')
      // Locale-independent lowering: kk and ru have no special casing rules, and a Turkish
      // locale on the machine must not turn I into ı.
      .toLowerCase()
      .replace(/ё/g, 'е')
      .replace(/ə/g, 'ә')
      .replace(DASHES, '-')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * Numbers joined by dashes or slashes stay one token (registry numbers `2026-0042`,
 * building numbers `12/3`, phone fragments `234-56-78`); everything else splits into runs
 * of letters and digits (house numbers like `5а` stay whole).
 */
const TOKEN = /\d+(?:[-/]\d+)+|[\p{L}\p{M}\p{N}]+/gu;

/**
 * Search words of a kk/ru text: normalised, unique, in order of first appearance.
 * One-letter words are dropped (prepositions and conjunctions like «в», «и», «с»), but
 * numbers of any length are kept: «үй №5», «мектеп 7» are how people find an address.
 */
export function tokenize(s: string): string[] {
  const seen = new Set<string>();
  for (const match of normalizeForSearch(s).matchAll(TOKEN)) {
    const token = match[0];
    if (token.length >= 2 || /^\d+$/.test(token)) seen.add(token);
  }
  return [...seen];
}

/**
 * A key for finding the same person written differently: case, ё, spacing, punctuation and
 * the ORDER of the name parts are ignored ("Иванов Иван" = "иван иванов"), because offices
 * write surname-first and given-name-first interchangeably. Initials are not expanded:
 * "Иванов И." does not match "Иванов Иван" — that is a human's call, not a key's.
 * Kazakh letters are kept here (callers look the first part up among stored search words);
 * `personNameKey` is the same key with the search's folding, for the duplicate check.
 */
export function normalizePersonName(fullName: string): string {
  return normalizeForSearch(fullName)
    .split(/[^\p{L}\p{M}\p{N}-]+/u)
    .map((part) => part.replace(/^-+|-+$/g, ''))
    .filter((part) => part !== '')
    .sort()
    .join(' ');
}

/**
 * The key of a person's name for the duplicate-applicant check: like `normalizePersonName`
 * (order of the parts, case, punctuation ignored), and with the search's folding and
 * transliteration (shared/search/fold.ts), so the same person typed on a Russian keyboard,
 * in a passport's Latin, with a doubled letter or with the hyphen of a double name left out
 * gives the same key: «Толегенова Жанар»,
 * «Төлегенова Жанар» and «Tolegenova Zhanar» are offered as possible duplicates. The key
 * widens what is offered, never what is merged: a person decides.
 */
export function personNameKey(fullName: string): string {
  // «Нұр-Әли» and «Нұрәли» are one name.
  return skeletonOfText(fullName.replace(DASHES, '').replace(/-/g, '')).sort().join(' ');
}

export interface AddressParts {
  locality?: string | null;
  district?: string | null;
  street?: string | null;
  building?: string | null;
  flat?: string | null;
}

/**
 * Words that only say what kind of place a name is (street, avenue, microdistrict, house,
 * flat, city, village, district) in kk and ru, abbreviated or not. They are written in
 * every possible way, so they are dropped from address keys.
 */
const ADDRESS_TYPE_WORDS = new Set([
  // ru
  'г',
  'гор',
  'город',
  'с',
  'село',
  'п',
  'пос',
  'поселок',
  'р-н',
  'район',
  'мкр',
  'мкрн',
  'микрорайон',
  'ул',
  'улица',
  'пр',
  'пр-т',
  'просп',
  'проспект',
  'пер',
  'переулок',
  'б-р',
  'бульвар',
  'ш',
  'шоссе',
  'д',
  'дом',
  'корп',
  'корпус',
  'к',
  'кв',
  'квартира',
  // kk
  'қ',
  'қаласы',
  'ауылы',
  'кенті',
  'ауданы',
  'ш/а',
  'көш',
  'көшесі',
  'даңғылы',
  'даң',
  'тұйығы',
  'жолы',
  'үй',
  'үйі',
  'пәтер',
  'пәтері',
]);

function normalizeAddressPart(part: string | null | undefined): string {
  if (!part) return '';
  return (
    normalizeForSearch(part)
      .replace(/№/g, ' ')
      .replace(/шағын\s+аудан[ыі]?/gu, ' ')
      // "5 а" and "5а" are the same building.
      .replace(/(\d)\s+(\p{L})(?![\p{L}])/gu, '$1$2')
      .split(/[\s,.;:()«»"']+/u)
      .filter((word) => word !== '' && !ADDRESS_TYPE_WORDS.has(word))
      .join(' ')
  );
}

/**
 * A comparable key of an address, for duplicate detection. The district is used only when
 * the street is empty: in towns people give either the street or the microdistrict
 * ("мкр Самал-2, д. 5"), and a district written by one person but not another must not
 * make the same flat look like two.
 */
export function normalizeAddress(address: string | AddressParts): string {
  if (typeof address === 'string') return normalizeAddressPart(address);
  const street = normalizeAddressPart(address.street);
  const parts = [
    normalizeAddressPart(address.locality),
    street !== '' ? street : normalizeAddressPart(address.district),
    normalizeAddressPart(address.building),
    normalizeAddressPart(address.flat),
  ];
  return parts.filter((part) => part !== '').join(' ');
}
