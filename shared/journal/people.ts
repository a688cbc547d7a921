import type { PersonAddress } from '../domain/applicant';
import { iinError } from '../validation/iin';
import { normalizeKzPhone } from '../validation/phone';
import type { SheetCell } from './model';
import { cellText } from './model';

export interface PhoneParts {
  /** Valid numbers, E.164. */
  phones: string[];
  /** Numbers written in the cell that are not valid phones: kept for the appeal's notes. */
  invalid: string[];
  /** What is left of the cell once the numbers are taken out. */
  rest: string;
}

/** Runs of digits with the separators people put into phone numbers. */
const PHONE_RUN = /\+?\d[\d\s\-‐–().]{4,}\d/g;
/** Words that mark a phone: «тел.», «т.», «моб.», «ұялы», «сот.». */
const PHONE_MARK =
  /(?:^|[\s,;(])(?:тел(?:ефон)?|т|моб(?:ильный)?|сот(?:овый)?|ұялы|байланыс|ph|tel)\s*[.:]?\s*$/iu;

/**
 * Phones out of a cell that may also hold an address («Абай к-сі 12-5, 8 701 234 56 78»).
 * A run of at least 10 digits is a phone; a shorter one (5–9 digits) only right after a
 * phone word («тел. 56-78-90») — so postcodes and house numbers stay in the address.
 */
export function splitPhones(text: string): PhoneParts {
  const phones: string[] = [];
  const invalid: string[] = [];
  let rest = '';
  let last = 0;
  for (const m of text.matchAll(PHONE_RUN)) {
    const run = m[0].replace(/[\s.)]+$/, '');
    const digits = run.replace(/\D/g, '');
    const before = text.slice(0, m.index);
    const marked = PHONE_MARK.test(before);
    // «8 701 12»: written as a phone (8 or +7, then groups) even if digits are missing.
    const phoneShaped = /^(?:\+?7|8)[\s\-(]/.test(run) && digits.length >= 6;
    if (digits.length < 10 && !(marked && digits.length >= 5) && !phoneShaped) continue;
    // A run glued to a house number by a dash or slash («12/3», «д.5-12») is an address.
    if (digits.length < 10 && !phoneShaped && /[\d/]$/.test(before.trimEnd())) continue;
    const result = normalizeKzPhone(run);
    const several = result.ok ? null : severalPhones(run);
    if (result.ok) {
      if (!phones.includes(result.e164)) phones.push(result.e164);
    } else if (several !== null) {
      for (const p of several) if (!phones.includes(p)) phones.push(p);
    } else {
      invalid.push(run.trim());
    }
    rest += before.slice(last).replace(PHONE_MARK, ' ');
    last = m.index + run.length;
  }
  rest += text.slice(last);
  return { phones, invalid, rest: tidy(rest) };
}

/**
 * Two or more whole phones written one after another with only spaces between them
 * («87011234567 87071234567», «8 701 123 45 67 8 707 123 45 67»): each part up to a space
 * must be a complete valid number by itself, else the run is not split (and is reported).
 */
function severalPhones(run: string): string[] | null {
  const parts = run.trim().split(/\s+/);
  const out: string[] = [];
  let from = 0;
  while (from < parts.length) {
    let found = -1;
    let e164 = '';
    // The shortest prefix of the remaining parts that is a valid phone.
    for (let to = from + 1; to <= parts.length; to++) {
      const piece = parts.slice(from, to).join(' ');
      const digits = piece.replace(/\D/g, '').length;
      if (digits > 12) break;
      if (digits < 10) continue;
      const result = normalizeKzPhone(piece);
      if (result.ok) {
        found = to;
        e164 = result.e164;
        break;
      }
    }
    if (found < 0) return null;
    out.push(e164);
    from = found;
  }
  return out.length >= 2 ? out : null;
}

/** Leftover separators and phone words trimmed from what remains of a cell. */
function tidy(text: string): string {
  return text
    .replace(/(?:^|[\s,;])(?:тел(?:ефон)?|моб|сот|ұялы)\s*[.:]?(?=[\s,;]|$)/giu, ' ')
    .replace(/\s*[,;]\s*([,;]\s*)+/g, ', ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.\-–]+|[\s,;:\-–]+$/g, '')
    .trim();
}

/**
 * «Marker then name» or «name then marker». An abbreviation needs its dot («г.», «ул.»),
 * a whole word needs a space after it: «Улан» is not «ул. ан», «Астана» is not «а. стана».
 */
function marked(before: string, after: string): RegExp {
  return new RegExp(String.raw`^(?:(?:${before})\s*(.+)|(.+?)\s*(?:${after}))$`, 'iu');
}
const LOCALITY = marked(
  String.raw`(?:г|гор|с|пос|п|а|қ)\.|(?:город|село|посёлок|поселок|ауыл[ыі]?)\s`,
  String.raw`\s(?:қаласы|ауылы|кенті|селосы|ауылдық округі)|\sқ\.`,
);
const DISTRICT = marked(
  String.raw`(?:мкр|мкрн|р-н)\.?\s?|(?:микрорайон|район)\s|ш\/а\s?`,
  String.raw`\s(?:шағын\s*ауданы|ш\/а|мкр\.?|ауданы|район)`,
);
const STREET = marked(
  String.raw`(?:ул|пр|пр-т|просп|пер|б-р|көш|даң)\.\s?|(?:улица|проспект|переулок|бульвар|пр-т|б-р)\s`,
  String.raw`\s(?:көшесі|көш\.|к-сі|даңғылы|даң\.|тұйығы|ул\.|улица|пр\.|проспект)`,
);
const BUILDING = marked(
  String.raw`(?:д|уч)\.\s?№?\s?|(?:дом|үй|участок)\s№?\s?`,
  String.raw`\s?[-–]?\s?(?:үй|үйі)`,
);
const FLAT = marked(
  String.raw`(?:кв|п)\.\s?№?\s?|(?:квартира|пәтер)\s№?\s?`,
  String.raw`\s?[-–]?\s?(?:пәтер|пәтері)`,
);

/**
 * An address typed in one cell, in its parts (split at commas, semicolons and line breaks).
 * Parts are found by their words (г., ул., көшесі, мкр, д., кв., үй, пәтер); «Абая 12-45»
 * is street, building 12, flat 45; what is not recognised stays in the street, so nothing
 * typed is lost.
 */
export function parseAddress(text: string): PersonAddress {
  const out: PersonAddress = { locality: '', district: '', street: '', building: '', flat: '' };
  const unknown: string[] = [];
  const parts = text
    // A line break (a new paragraph in a Word cell, Alt+Enter in Excel) parts as a comma does.
    .split(/[,;\r\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (const part of parts) {
    let m: RegExpExecArray | null;
    if ((m = FLAT.exec(part)) && /\d/.test(m[1] ?? m[2] ?? '')) {
      out.flat ||= (m[1] ?? m[2] ?? '').trim();
    } else if ((m = BUILDING.exec(part)) && /\d/.test(m[1] ?? m[2] ?? '')) {
      const value = (m[1] ?? m[2] ?? '').trim();
      const split = /^(\d+[\p{L}]?(?:\/\d+)?)\s*[-–]\s*(\d+)$/u.exec(value);
      if (split && !out.flat) {
        out.building ||= split[1]!;
        out.flat = split[2]!;
      } else {
        out.building ||= value;
      }
    } else if ((m = STREET.exec(part))) {
      const value = (m[1] ?? m[2] ?? '').trim();
      placeStreet(out, value);
    } else if ((m = DISTRICT.exec(part))) {
      out.district ||= (m[1] ?? m[2] ?? '').trim();
    } else if ((m = LOCALITY.exec(part))) {
      out.locality ||= (m[1] ?? m[2] ?? '').trim();
    } else if (/^\d+[\p{L}]?(?:\/\d+)?(?:\s*[-–]\s*\d+)?$/u.test(part) && out.street !== '') {
      placeStreet(out, `${out.street} ${part}`, true);
    } else {
      unknown.push(part);
    }
  }
  // «Астана, Мәңгілік Ел 10»: an unmarked place first, then an unmarked street with its number.
  if (
    unknown.length >= 2 &&
    out.locality === '' &&
    out.street === '' &&
    !/\d/.test(unknown[0]!) &&
    /\p{L}.*\d|\d.*\p{L}/u.test(unknown[1]!)
  ) {
    out.locality = unknown.shift()!;
  }
  if (unknown.length > 0) {
    // Unmarked words: a street with its number if it has one («Абая 12-45»), else a place.
    const rest = unknown.join(', ');
    if (out.street === '' && /\d/.test(rest)) placeStreet(out, rest);
    else if (out.locality === '' && unknown.length === 1 && !/\d/.test(rest) && out.street !== '')
      out.locality = rest;
    else if (out.street === '') out.street = rest;
    else out.street = `${out.street}, ${rest}`;
  }
  return clip(out);
}

/** «Абая 12-45» → street «Абая», building 12, flat 45 (unless already given). */
function placeStreet(out: PersonAddress, value: string, replace = false): void {
  const m = /^(.*?\p{L}.*?)\s+(\d+[\p{L}]?(?:\/\d+)?)(?:\s*[-–/]\s*(\d+))?$/u.exec(value);
  if (m && out.building === '') {
    out.street = replace || out.street === '' ? m[1]!.trim() : out.street;
    out.building = m[2]!;
    if (m[3] && out.flat === '') out.flat = m[3];
    return;
  }
  if (replace) out.street = value;
  else out.street ||= value;
}

function clip(a: PersonAddress): PersonAddress {
  return {
    locality: a.locality.slice(0, 200),
    district: a.district.slice(0, 200),
    street: a.street.slice(0, 200),
    building: a.building.slice(0, 50),
    flat: a.flat.slice(0, 50),
  };
}

/** «ИВАНОВ ИВАН» → «Иванов Иван»; names typed normally are left as they are. */
export function tidyName(raw: string): string {
  const s = raw
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;.]+|[\s,;]+$/g, '')
    .trim();
  if (s === '' || s !== s.toUpperCase() || !/\p{Lu}{3}/u.test(s)) return s;
  return s
    .toLowerCase()
    .replace(
      /(^|[\s\-(])(\p{L})/gu,
      (_, sep: string, letter: string) => sep + letter.toUpperCase(),
    );
}

/**
 * A name cell that also holds the address and phone («Иванов И.И., ул. Абая 5-12, 87012345678»
 * or on separate lines): the name is the first line or the part before the first comma.
 */
export function splitNameAddress(text: string): { name: string; address: string } {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length > 1) return { name: lines[0]!, address: lines.slice(1).join(', ') };
  const comma = text.indexOf(',');
  if (comma < 0) return { name: text.trim(), address: '' };
  return { name: text.slice(0, comma).trim(), address: text.slice(comma + 1).trim() };
}

/** Words that say many people signed: a count near them is the number of signatories. */
const SIGNER_WORDS = String.raw`(?:тұрғын\p{L}*|адам\p{L}*|жител\p{L}*|подпис\p{L}*|подписан\p{L}*|қол\s+қой\p{L}*|человек\p{L}*|чел\.?|отбасы\p{L}*|семей|семьи|граждан\p{L}*|азамат\p{L}*|собственник\p{L}*|пайдаланушы\p{L}*)`;
const COUNT_BEFORE = new RegExp(String.raw`(\d{1,4})\s*(?:\p{L}+\s+){0,2}?${SIGNER_WORDS}`, 'iu');
const COUNT_AFTER = new RegExp(
  String.raw`(?:подпис\p{L}*|қол\s+қойған\p{L}*|подписали|подписавших)\s*[:\-–]?\s*(\d{1,4})`,
  'iu',
);
const COLLECTIVE_WORD =
  /коллектив\p{L}*|ұжымдық|жители\s+(?:дома|улицы|села|микрорайона|мкр)|тұрғындары|тұрғындар\s+атынан|от\s+имени\s+жителей/iu;

/**
 * A collective appeal read from free text (notes, the name column, the text): «45 тұрғын
 * қол қойды», «подписали 30 жителей», «коллективное». Signatories are null when the text
 * says collective but gives no count.
 */
export function detectCollective(
  texts: readonly string[],
): { collective: true; signatories: number | null } | null {
  for (const text of texts) {
    const before = COUNT_BEFORE.exec(text);
    const after = COUNT_AFTER.exec(text);
    const n = Number((before ?? after)?.[1] ?? NaN);
    if (Number.isInteger(n) && n >= 2 && n <= 100_000) return { collective: true, signatories: n };
  }
  for (const text of texts) {
    if (COLLECTIVE_WORD.test(text)) return { collective: true, signatories: null };
  }
  return null;
}

/**
 * An IIN from a cell: spaces taken out, and the leading zero Excel drops when the IIN was
 * stored as a number (people born 2000–2009) put back.
 */
export function readIin(cell: SheetCell | null): { iin: string | null; invalid: string | null } {
  if (cell === null) return { iin: null, invalid: null };
  let s = cell.t === 'number' ? String(Math.round(cell.v)) : cellText(cell).replace(/[\s-]/g, '');
  if (s === '') return { iin: null, invalid: null };
  if (/^\d{11}$/.test(s)) s = `0${s}`;
  return iinError(s) === null
    ? { iin: s, invalid: null }
    : { iin: null, invalid: cellText(cell).trim() };
}

/** Kazakh letters besides the Russian alphabet: a text with them is Kazakh. */
export function looksKazakh(text: string): boolean {
  return /[әғқңөұүһі]/iu.test(text);
}
