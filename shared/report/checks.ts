// The two checks on the report's printed texts: personal data (which blocks the export) and
// the language a text reads as (which only warns). The personal-data check and the language
// guesses do not depend on the report's language, so they run once for a report in both.

import { parseRegNo } from '../domain';
import type { Lang } from '../i18n/lang';
import { NameIndex, PII_KINDS, PlaceWords, findPersonalData } from './pii';
import { guessTextLanguage } from './textLanguage';
import type {
  BlockedItem,
  OtherLanguageField,
  OtherLanguageItem,
  PiiKind,
  QuarterlyReport,
  ReportInput,
} from './types';

type BlockedField = BlockedItem['fields'][number];

/**
 * What the check knows of the people of a report's data: their names indexed, and the kinds
 * found in each text checked against that index so far (a report's summaries repeat, and so
 * do the texts of the reports of the same data); and the data's places (`placeNames`): a
 * street of the data said as a place is not a person.
 */
interface KnownPeople {
  /** The names indexed, in order: the applicants', then the visitors' (see `peopleNames`). */
  readonly names: readonly string[];
  /** The places, each once, in order (see `placeNames`). */
  readonly placeList: readonly string[];
  readonly index: NameIndex;
  readonly places: PlaceWords;
  readonly found: Map<string, PiiKind[]>;
}

/**
 * The last index made for each applicants list. The report screen builds the report again
 * from the same records when the quarter, the language or the annex changes; indexing tens
 * of thousands of names is a quarter of a report's time. Kept only while the list itself is
 * kept, and used only when the names and places are still the same, in the same order (an
 * input changed in place is indexed again: a stale index would let a new name through).
 */
const known = new WeakMap<ReportInput['applicants'], KnownPeople>();

/** The names the check looks for: applicants', then visitors' at receptions. */
function peopleNames(data: ReportInput): string[] {
  // (A blank name has no words: the index leaves it out.)
  const names = data.applicants.map((applicant) => applicant.fullName);
  // Visitors say their names at the queue; they are people of the data too.
  for (const reception of data.receptions) {
    for (const visitor of reception.queue) {
      if (visitor.name.trim() !== '') names.push(visitor.name);
    }
  }
  return names;
}

/**
 * The places of the data, each once: appeals' streets, districts and localities («ул.
 * Жубанова», «Карабай»), and the okrug as the deputy describes it («улицы Абая, Жубанова…»).
 */
function placeNames(data: ReportInput): string[] {
  const seen = new Set<string>();
  const { kk, ru } = data.settings.okrugDescription;
  for (const text of [kk, ru]) if (text.trim() !== '') seen.add(text);
  const { appeals } = data;
  for (let i = 0; i < appeals.length; i++) {
    const { street, district, locality } = appeals[i]!.location;
    if (street !== '') seen.add(street);
    if (district !== '') seen.add(district);
    if (locality !== '') seen.add(locality);
  }
  return [...seen];
}

/** The index of the data's people: the one made before when the names are the same. */
export function knownPeople(data: ReportInput): KnownPeople {
  const names = peopleNames(data);
  const placeList = placeNames(data);
  const last = known.get(data.applicants);
  let index: NameIndex;
  if (last !== undefined && sameNames(last.names, names)) {
    if (sameNames(last.placeList, placeList)) return last;
    // Other places (the appeals changed): the names need not be indexed again, but the
    // texts' verdicts are found again.
    index = last.index;
  } else {
    index = new NameIndex();
    // (An index, not an iterator: see computeReportStats.)
    for (let i = 0; i < names.length; i++) index.add(names[i]!);
  }
  const places = new PlaceWords();
  for (let i = 0; i < placeList.length; i++) places.add(placeList[i]!);
  const people = { names, placeList, index, places, found: new Map<string, PiiKind[]>() };
  known.set(data.applicants, people);
  return people;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Scans every public text the report prints and keeps the list of what blocks it. */
export class PiiCheck {
  private readonly names: NameIndex;
  private readonly places: PlaceWords;
  private readonly items = new Map<string, BlockedItem>();
  /** The kinds found in each text checked so far: summaries repeat, the check need not. */
  private readonly found: Map<string, PiiKind[]>;

  constructor(data: ReportInput) {
    ({ index: this.names, places: this.places, found: this.found } = knownPeople(data));
  }

  /**
   * The text if it is clean, else null (and the record is listed as blocking). `title` is
   * the record's title, shown on the fix-it list only when it is clean itself.
   */
  clean(
    source: BlockedItem['source'],
    id: string,
    regNo: string | null,
    field: BlockedField,
    text: string,
    title: string | null = null,
  ): string | null {
    let kinds = this.found.get(text);
    if (kinds === undefined) {
      kinds = findPersonalData(text, this.names, this.places);
      this.found.set(text, kinds);
    }
    if (kinds.length === 0) return text;
    const key = `${source}:${id}`;
    const item = this.items.get(key) ?? {
      source,
      id,
      regNo,
      title,
      fields: [],
      kinds: [],
    };
    if (field === 'title') item.title = null;
    if (!item.fields.includes(field)) item.fields.push(field);
    item.kinds = mergeKinds(item.kinds, kinds);
    this.items.set(key, item);
    return null;
  }

  blocked(): QuarterlyReport['blocked'] {
    if (this.items.size === 0) return null;
    const order = { appeal: 0, initiative: 1, planItem: 2 } as const;
    const items = [...this.items.values()].sort(
      (a, b) =>
        order[a.source] - order[b.source] ||
        regKey(a.regNo) - regKey(b.regNo) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    return { items };
  }
}

export function regKey(regNo: string | null): number {
  return (regNo === null ? null : regNoOrder(regNo)) ?? 0;
}

/**
 * Year × 10⁷ + sequence of a registry number as `parseRegNo` reads it; null when it reads
 * none. The report sorts thousands of appeals by it: «2026-0042» as `formatRegNo` writes it
 * is read digit by digit (no pattern, no match object), anything else by `parseRegNo`. Up to
 * 14 digits of sequence sum exactly, as `Number` reads them.
 */
export function regNoOrder(regNo: string): number | null {
  const n = regNo.length;
  if (n >= 9 && n <= 19 && regNo.charCodeAt(4) === DASH) {
    let year = 0;
    let sequence = 0;
    let i = 0;
    for (; i < n; i++) {
      if (i === 4) continue;
      const digit = regNo.charCodeAt(i) - ZERO;
      if (digit < 0 || digit > 9) break;
      if (i < 4) year = year * 10 + digit;
      else sequence = sequence * 10 + digit;
    }
    if (i === n) return year * 1e7 + sequence;
  }
  const parsed = parseRegNo(regNo);
  return parsed === null ? null : parsed.year * 1e7 + parsed.sequence;
}

const DASH = 0x2d;
const ZERO = 0x30;

/** Kinds in the order the check lists them (`PII_KINDS`). */
function mergeKinds(a: readonly PiiKind[], b: readonly PiiKind[]): PiiKind[] {
  return PII_KINDS.filter((kind) => a.includes(kind) || b.includes(kind));
}

/** A printed text's field and the language it reads as (null: cannot tell). */
export type TextGuess = readonly [OtherLanguageField, Lang | null];

/** The language each printed text reads as: guessed once, whatever the report's language. */
export function guessTexts(texts: readonly (readonly [OtherLanguageField, string])[]): TextGuess[] {
  return texts.map(([field, text]) => [field, guessTextLanguage(text)] as const);
}

/** `guessTexts` that guesses each distinct text once (a report's texts repeat). */
export class TextGuesser {
  private readonly memo = new Map<string, Lang | null>();

  texts(texts: readonly (readonly [OtherLanguageField, string])[]): TextGuess[] {
    return texts.map(([field, text]) => {
      let lang = this.memo.get(text);
      if (lang === undefined) {
        lang = guessTextLanguage(text);
        this.memo.set(text, lang);
      }
      return [field, lang] as const;
    });
  }
}

/**
 * Lists the printed texts that read as the other language than the report's. Only texts
 * that reach the report are noted (after the personal-data check), so the list points at
 * what a reader would actually see.
 */
export class LanguageCheck {
  private readonly list: OtherLanguageItem[] = [];

  constructor(private readonly lang: Lang) {}

  note(
    source: OtherLanguageItem['source'],
    id: string,
    regNo: string | null,
    title: string | null,
    guesses: readonly TextGuess[],
  ): void {
    const fields: OtherLanguageField[] = [];
    let guessed: Lang | null = null;
    for (const [field, guess] of guesses) {
      if (guess === null || guess === this.lang) continue;
      fields.push(field);
      guessed = guess;
    }
    if (guessed !== null) this.list.push({ source, id, regNo, title, fields, lang: guessed });
  }

  /** Settings first (the header), then appeals by regNo, then the rest as printed. */
  items(): OtherLanguageItem[] {
    const order = { settings: 0, appeal: 1, initiative: 2, planItem: 3 } as const;
    return this.list
      .map((item, index) => ({ item, index }))
      .sort(
        (a, b) =>
          order[a.item.source] - order[b.item.source] ||
          regKey(a.item.regNo) - regKey(b.item.regNo) ||
          a.index - b.index,
      )
      .map(({ item }) => item);
  }
}
