/**
 * Streets and microdistricts of Astana with the grammatical forms texts need. The stored
 * location uses the official Kazakh name (one spelling per place, so the report can group by
 * street); citizens writing in Russian use the Russian name in their text.
 */

import { renderPlaceName, type PlaceGlossaryEntry } from '../map/placeNames';

export const LOCALITY = 'Астана';

export interface CityDistrict {
  kk: string;
  ru: string;
  /** Genitive, for «аппарат акима района Сарыарка». */
  ruOf: string;
}

export const CITY_DISTRICTS = {
  saryarka: { kk: 'Сарыарқа ауданы', ru: 'район Сарыарка', ruOf: 'района Сарыарка' },
  almaty: { kk: 'Алматы ауданы', ru: 'район Алматы', ruOf: 'района Алматы' },
  esil: { kk: 'Есіл ауданы', ru: 'район Есиль', ruOf: 'района Есиль' },
  baikonur: { kk: 'Байқоңыр ауданы', ru: 'район Байконур', ruOf: 'района Байконур' },
} as const satisfies Record<string, CityDistrict>;

type KkType = 'көшесі' | 'даңғылы' | 'шағын ауданы';
type RuType = 'улица' | 'проспект' | 'микрорайон';

interface PlaceSeed {
  kk: string;
  kkType: KkType;
  /** The name as it follows the Russian type word («проспект Абая», «улица Кенесары»). */
  ru: string;
  ruType: RuType;
  district: keyof typeof CITY_DISTRICTS;
  weight: number;
  maxHouse: number;
}

// The okrug of the sample deputy lies mostly in Saryarqa and Almaty districts; a few streets
// elsewhere make the place counts in the report less uniform.
const SEEDS: readonly PlaceSeed[] = [
  {
    kk: 'Кенесары',
    kkType: 'көшесі',
    ru: 'Кенесары',
    ruType: 'улица',
    district: 'saryarka',
    weight: 9,
    maxHouse: 70,
  },
  {
    kk: 'Абай',
    kkType: 'даңғылы',
    ru: 'Абая',
    ruType: 'проспект',
    district: 'saryarka',
    weight: 8,
    maxHouse: 110,
  },
  {
    kk: 'Бейбітшілік',
    kkType: 'көшесі',
    ru: 'Бейбитшилик',
    ruType: 'улица',
    district: 'saryarka',
    weight: 7,
    maxHouse: 80,
  },
  {
    kk: 'Жеңіс',
    kkType: 'даңғылы',
    ru: 'Женис',
    ruType: 'проспект',
    district: 'saryarka',
    weight: 7,
    maxHouse: 90,
  },
  {
    kk: 'Сарыарқа',
    kkType: 'даңғылы',
    ru: 'Сарыарка',
    ruType: 'проспект',
    district: 'saryarka',
    weight: 5,
    maxHouse: 50,
  },
  {
    kk: 'Республика',
    kkType: 'даңғылы',
    ru: 'Республики',
    ruType: 'проспект',
    district: 'almaty',
    weight: 6,
    maxHouse: 90,
  },
  {
    kk: 'Сейфуллин',
    kkType: 'көшесі',
    ru: 'Сейфуллина',
    ruType: 'улица',
    district: 'saryarka',
    weight: 5,
    maxHouse: 60,
  },
  {
    kk: 'Әуезов',
    kkType: 'көшесі',
    ru: 'Ауэзова',
    ruType: 'улица',
    district: 'saryarka',
    weight: 5,
    maxHouse: 70,
  },
  {
    kk: 'Иманов',
    kkType: 'көшесі',
    ru: 'Иманова',
    ruType: 'улица',
    district: 'almaty',
    weight: 4,
    maxHouse: 45,
  },
  {
    kk: 'Ташенов',
    kkType: 'көшесі',
    ru: 'Ташенова',
    ruType: 'улица',
    district: 'saryarka',
    weight: 3,
    maxHouse: 30,
  },
  {
    kk: 'Пушкин',
    kkType: 'көшесі',
    ru: 'Пушкина',
    ruType: 'улица',
    district: 'saryarka',
    weight: 3,
    maxHouse: 180,
  },
  {
    kk: 'Мәскеу',
    kkType: 'көшесі',
    ru: 'Московская',
    ruType: 'улица',
    district: 'saryarka',
    weight: 3,
    maxHouse: 45,
  },
  {
    kk: 'Абылай хан',
    kkType: 'даңғылы',
    ru: 'Абылай хана',
    ruType: 'проспект',
    district: 'almaty',
    weight: 5,
    maxHouse: 60,
  },
  {
    kk: 'Бөгенбай батыр',
    kkType: 'даңғылы',
    ru: 'Богенбай батыра',
    ruType: 'проспект',
    district: 'almaty',
    weight: 5,
    maxHouse: 80,
  },
  {
    kk: 'Жұбанов',
    kkType: 'көшесі',
    ru: 'Жубанова',
    ruType: 'улица',
    district: 'almaty',
    weight: 3,
    maxHouse: 40,
  },
  {
    kk: 'Бауыржан Момышұлы',
    kkType: 'даңғылы',
    ru: 'Момышулы',
    ruType: 'проспект',
    district: 'almaty',
    weight: 4,
    maxHouse: 30,
  },
  {
    kk: 'Тәуелсіздік',
    kkType: 'даңғылы',
    ru: 'Тауелсиздик',
    ruType: 'проспект',
    district: 'almaty',
    weight: 3,
    maxHouse: 50,
  },
  {
    kk: 'Рақымжан Қошқарбаев',
    kkType: 'даңғылы',
    ru: 'Кошкарбаева',
    ruType: 'проспект',
    district: 'almaty',
    weight: 3,
    maxHouse: 70,
  },
  {
    kk: 'Тұран',
    kkType: 'даңғылы',
    ru: 'Туран',
    ruType: 'проспект',
    district: 'esil',
    weight: 2,
    maxHouse: 60,
  },
  {
    kk: 'Қабанбай батыр',
    kkType: 'даңғылы',
    ru: 'Кабанбай батыра',
    ruType: 'проспект',
    district: 'esil',
    weight: 2,
    maxHouse: 60,
  },
  {
    kk: 'Сығанақ',
    kkType: 'көшесі',
    ru: 'Сыганак',
    ruType: 'улица',
    district: 'esil',
    weight: 1,
    maxHouse: 40,
  },
  {
    kk: 'Шокан Уәлиханов',
    kkType: 'көшесі',
    ru: 'Шокана Валиханова',
    ruType: 'улица',
    district: 'baikonur',
    weight: 2,
    maxHouse: 25,
  },
  {
    kk: 'Самал',
    kkType: 'шағын ауданы',
    ru: 'Самал',
    ruType: 'микрорайон',
    district: 'saryarka',
    weight: 6,
    maxHouse: 30,
  },
  {
    kk: 'Көктал',
    kkType: 'шағын ауданы',
    ru: 'Коктал',
    ruType: 'микрорайон',
    district: 'saryarka',
    weight: 4,
    maxHouse: 40,
  },
  {
    kk: 'Жұлдыз',
    kkType: 'шағын ауданы',
    ru: 'Жулдыз',
    ruType: 'микрорайон',
    district: 'saryarka',
    weight: 3,
    maxHouse: 35,
  },
  {
    kk: 'Ақбұлақ',
    kkType: 'шағын ауданы',
    ru: 'Акбулак',
    ruType: 'микрорайон',
    district: 'almaty',
    weight: 3,
    maxHouse: 25,
  },
  {
    kk: 'Оңтүстік-Шығыс',
    kkType: 'шағын ауданы',
    ru: 'Юго-Восток',
    ruType: 'микрорайон',
    district: 'baikonur',
    weight: 2,
    maxHouse: 60,
  },
];

/** Suffixes of the Kazakh place word: locative, attributive locative, dative, genitive. */
const KK_FORMS: Record<KkType, { loc: string; attr: string; dat: string; gen: string }> = {
  көшесі: { loc: 'көшесінде', attr: 'көшесіндегі', dat: 'көшесіне', gen: 'көшесінің' },
  даңғылы: { loc: 'даңғылында', attr: 'даңғылындағы', dat: 'даңғылына', gen: 'даңғылының' },
  'шағын ауданы': {
    loc: 'шағын ауданында',
    attr: 'шағын ауданындағы',
    dat: 'шағын ауданына',
    gen: 'шағын ауданының',
  },
};

const RU_FORMS: Record<
  RuType,
  { at: string; along: string; of: string; with: string; abbr: string }
> = {
  улица: { at: 'на улице', along: 'по улице', of: 'улицы', with: 'улицей', abbr: 'ул.' },
  проспект: {
    at: 'на проспекте',
    along: 'по проспекту',
    of: 'проспекта',
    with: 'проспектом',
    abbr: 'пр.',
  },
  микрорайон: {
    at: 'в микрорайоне',
    along: 'в микрорайоне',
    of: 'микрорайона',
    with: 'микрорайоном',
    abbr: 'мкр',
  },
};

export interface Place {
  isMicro: boolean;
  district: CityDistrict;
  weight: number;
  maxHouse: number;
  kk: { nom: string; loc: string; attr: string; dat: string; gen: string };
  ru: { nom: string; at: string; along: string; of: string; with: string; abbr: string };
}

export const PLACES: readonly Place[] = SEEDS.map((seed) => {
  const kk = KK_FORMS[seed.kkType];
  const ru = RU_FORMS[seed.ruType];
  return {
    isMicro: seed.kkType === 'шағын ауданы',
    district: CITY_DISTRICTS[seed.district],
    weight: seed.weight,
    maxHouse: seed.maxHouse,
    kk: {
      nom: `${seed.kk} ${seed.kkType}`,
      loc: `${seed.kk} ${kk.loc}`,
      attr: `${seed.kk} ${kk.attr}`,
      dat: `${seed.kk} ${kk.dat}`,
      gen: `${seed.kk} ${kk.gen}`,
    },
    ru: {
      nom: `${seed.ruType} ${seed.ru}`,
      at: `${ru.at} ${seed.ru}`,
      along: `${ru.along} ${seed.ru}`,
      of: `${ru.of} ${seed.ru}`,
      with: `${ru.with} ${seed.ru}`,
      abbr: `${ru.abbr} ${seed.ru}`,
    },
  };
});

export const STREETS: readonly Place[] = PLACES.filter((place) => !place.isMicro);

/** Weighted lists, built once. */
export const PLACE_WEIGHTS: readonly (readonly [Place, number])[] = PLACES.map((p) => [
  p,
  p.weight,
]);
export const STREET_WEIGHTS: readonly (readonly [Place, number])[] = STREETS.map((p) => [
  p,
  p.weight,
]);

/** The stored location fields of a place: a microdistrict goes where the district goes. */
export function placeLocation(
  place: Place,
  building: string,
): { locality: string; district: string; street: string; building: string } {
  return place.isMicro
    ? { locality: LOCALITY, district: place.kk.nom, street: '', building }
    : { locality: LOCALITY, district: place.district.kk, street: place.kk.nom, building };
}

/**
 * The office's place-name glossary (settings.report.placeNames): the places whose Russian
 * name the built-in table cannot make from the Kazakh one — a declined proper name
 * («проспект Абая»), a translated one («микрорайон Юго-Восток», «район Есиль»).
 */
export function demoPlaceGlossary(): PlaceGlossaryEntry[] {
  const entries: PlaceGlossaryEntry[] = [];
  const all = [
    ...PLACES.map((place) => ({ kk: place.kk.nom, ru: place.ru.nom })),
    ...Object.values(CITY_DISTRICTS).map(({ kk, ru }) => ({ kk, ru })),
  ];
  for (const entry of all) {
    if (renderPlaceName(entry.kk, 'ru').text !== entry.ru) entries.push(entry);
  }
  return entries;
}
