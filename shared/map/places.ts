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

/**
 * One key for a place name: lower case, Kazakh letters and ё/э/й spelled the Russian way,
 * punctuation and kind words («көшесі», «ул.», «мкр», «шағын ауданы») dropped, the rest
 * joined by single spaces. Pure; '' for a name that is only a kind word or blank.
 */
export function foldPlaceName(name: string): string {
  const words = name
    .toLocaleLowerCase('kk')
    .replace(/[«»"'“”„`’()[\]{},;:№#]/g, ' ')
    .split(/[\s.]+/)
    .filter((word) => word !== '' && !KIND_WORDS.has(word))
    .map((word) => word.replace(/^-+|-+$/g, ''))
    .filter((word) => word !== '');
  return words
    .join(' ')
    .replace(/[әіңғүұқөһёэй]/g, (ch) => LETTERS[ch] ?? ch)
    .trim();
}
