import { KAZAKH_FOLD } from '../search/alphabet';
// Place names as staff type them and as a GeoJSON names them, folded to one key so
// «Абай даңғылы», «пр. Абая» and «АБАЙ» meet, and «12 шағын аудан» meets «мкр 12».

/** Words that say what kind of place it is, not which one (kk and ru, full and short). */
const KIND_WORDS = new Set([
  // streets
  'көше',
  'көшесі',
  'даңғыл',
  'даңғылы',
  'даң',
  'тұйық',
  'тұйығы',
  'өткел',
  'өткелі',
  'ул',
  'улица',
  'пр',
  'пр-т',
  'просп',
  'проспект',
  'пер',
  'переулок',
  'бульвар',
  'бул',
  'шоссе',
  'тупик',
  'проезд',
  'тракт',
  // microdistricts and districts
  'шағын',
  'шағынаудан',
  'шағынауданы',
  'ш/а',
  'ықшам',
  'ықшамаудан',
  'ықшамауданы',
  'мөлтек',
  'мөлтекаудан',
  'мөлтекауданы',
  'аудан',
  'ауданы',
  'мкр',
  'мкрн',
  'микрорайон',
  'мрн',
  'жилмассив',
  'ж/м',
  'тұрғын',
  'алабы',
  'массив',
  'район',
  // localities
  'қ',
  'қаласы',
  'г',
  'город',
  'ауыл',
  'ауылы',
  'а',
  'с',
  'село',
  'пос',
  'поселок',
  'кент',
  'кенті',
]);

/** Kazakh letters and their nearest Russian spelling, so «Әуезов» meets «Ауезов». */
const LETTERS: Record<string, string> = { ...KAZAKH_FOLD, э: 'е', й: 'и' };

const foldLetters = (word: string) => word.replace(/[әіңғүұқөһёэй]/g, (ch) => LETTERS[ch] ?? ch);

/** The kind words as they read folded: «данғылы» or «дангылы» typed for «даңғылы» is one too. */
const KIND_KEYS = new Set([...KIND_WORDS].map(foldLetters));

/**
 * One key for a place name: lower case, Kazakh letters and ё/э/й spelled the Russian way,
 * punctuation and kind words («көшесі», «ул.», «мкр», «шағын ауданы», in any of these
 * spellings) dropped, the rest joined by single spaces. Pure; '' for a name that is only a
 * kind word or blank.
 */
export function foldPlaceName(name: string): string {
  return name
    .toLocaleLowerCase('kk')
    .replace(/[«»"'“”„`’()[\]{},;:№#]/g, ' ')
    .split(/[\s.]+/)
    .map(foldLetters)
    .filter((word) => word !== '' && !KIND_KEYS.has(word))
    .map((word) => word.replace(/^-+|-+$/g, ''))
    .filter((word) => word !== '')
    .join(' ')
    .trim();
}

/** The place levels of the problem map and the report; `district` is the microdistrict. */
export type PlaceLevel = 'locality' | 'district' | 'street';

/** Where an appeal is, as the problem map and the report's places table count it. */
export interface PlaceKey {
  /** Folded names joined by ' / ': the same place however it was typed. */
  key: string;
  /** The folded name of the place itself (the street, the microdistrict, the locality). */
  nameKey: string;
  /** The place as this appeal writes it: «Алматы, Абай даңғылы». */
  label: string;
  /** The place's own name as this appeal writes it («Абай даңғылы»). */
  own: string;
}

type PlaceLocation = { locality: string; district: string; street: string };

const clean = (text: string) => text.trim().replace(/\s+/g, ' ');

/**
 * The place of an appeal at a level, or null when the level's own part is blank. A street is
 * a street of its locality (the microdistrict is left out: streets cross them); a
 * microdistrict is one of its locality. The one place key of the app: the problem map, its
 * filter and the report's places table all count by it.
 */
export function placeOf(location: PlaceLocation, level: PlaceLevel): PlaceKey | null {
  const locality = clean(location.locality);
  const own = level === 'locality' ? locality : clean(location[level]);
  const nameKey = foldPlaceName(own);
  if (nameKey === '') return null;
  const parts = level === 'locality' ? [own] : [locality, own];
  return {
    key: parts.map(foldPlaceName).join(' / '),
    nameKey,
    label: parts.filter((part) => part !== '').join(', '),
    own,
  };
}

/**
 * `placeOf` at one level for many appeals: each spelling of a place is folded once (an
 * office's tens of thousands of appeals name a few hundred places), and all of them
 * together: `add` every location, `fold`, then read `of`. (Folding — patterns, many steps —
 * called from inside a loop over the appeals made the engine give up that loop's optimised
 * code, and compile it again, on every report.) The keys are shared between the appeals of
 * a place: treat them as values.
 */
export class PlaceKeys {
  /** Locality as typed → the level's own part as typed → a location spelt so. */
  private readonly spellings = new Map<string, Map<string, PlaceLocation>>();
  /** The same spellings, folded. */
  private readonly keys = new Map<string, Map<string, PlaceKey | null>>();

  constructor(private readonly level: PlaceLevel) {}

  /** Notes a location's spelling; nothing is folded yet. */
  add(location: PlaceLocation): void {
    const own = this.ownOf(location);
    let byOwn = this.spellings.get(location.locality);
    if (byOwn === undefined) {
      byOwn = new Map();
      this.spellings.set(location.locality, byOwn);
    }
    if (!byOwn.has(own)) byOwn.set(own, location);
  }

  /** Folds the spellings noted since the last time. */
  fold(): void {
    for (const [locality, byOwn] of this.spellings) {
      let keys = this.keys.get(locality);
      if (keys === undefined) {
        keys = new Map();
        this.keys.set(locality, keys);
      }
      for (const [own, location] of byOwn) keys.set(own, placeOf(location, this.level));
    }
    this.spellings.clear();
  }

  /** `placeOf(location, level)`: folded before for a location noted and folded. */
  of(location: PlaceLocation): PlaceKey | null {
    const place = this.keys.get(location.locality)?.get(this.ownOf(location));
    return place === undefined ? placeOf(location, this.level) : place;
  }

  private ownOf(location: PlaceLocation): string {
    return this.level === 'locality' ? location.locality : location[this.level];
  }
}
