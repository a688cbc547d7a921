import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_WORDS, guessTextLanguage } from '@shared/report/textLanguage';
import { languageCorpus } from './languageCorpus';

/** Texts as a deputy's office writes them for the public report, in Kazakh. */
const KAZAKH = [
  'Қабанбай батыр даңғылындағы аулада жаңа балалар алаңы орнатылды.',
  'Құрылысшы шағын ауданындағы көппәтерлі үйлердің жылу жүйесі маусымға дайындалды.',
  'Сарыарқа ауданындағы үш көшеде түнгі жарықтандыру қалпына келтірілді.',
  'Жұбанов көшесінің бойындағы жаяу жүргінші жолы жөнделіп, бордюрлар ауыстырылды.',
  'Тұрғындардың өтініші бойынша аулаға қоқыс контейнерлері қойылды.',
  'Ыстық су берудегі үзілістер туралы «Астана-Теплотранзит» АҚ-ға депутаттық сауал жолданды.',
  'Көп балалы отбасыларға тұрғын үй кезегі бойынша түсіндірме берілді.',
  'Мектеп маңындағы өткелге бағдаршам орнату 2027 жылғы бюджетке енгізілді.',
  'Су құбырын ауыстыру үшін бюджет қаражаты қажет, мәселе әкімдікке жолданды.',
  'Зейнеткерлерге арналған әлеуметтік көмек туралы тұрғындармен кездесу өткізілді.',
  'Аула ішіндегі жолдың асфальты ағымдағы жөндеу тізіміне енгізілді.',
  'Кенесары көшесінде кәріз желісіндегі апат жойылды.',
  'Балабақшадағы кезек мәселесі білім бөлімімен бірге қаралды.',
  'Абай даңғылы мен Бейбітшілік көшесінің қиылысында жол белгілері жаңартылды.',
  'Жылу маусымы басталғанға дейін 40 үйдің жылу тораптары тексерілді.',
  '"Астана Су Арнасы" МКК өтінішті қарап, ауладағы су құбырын ауыстырды.',
  'Балалар алаңы салынды.',
  'Аялдамаға жаңа күту павильоны орнатылды.',
  'Жол жөндеу мәселесі қаралуда.',
  // Russian names of places and organisations inside a Kazakh sentence.
  'Проспект Республики бойындағы аялдамалар жөнделді.',
  'ТОО «Горкомхоз» мердігері ауладағы жолды қайта асфальттады.',
];

/** The same kind of texts in Russian, many naming Kazakh places. */
const RUSSIAN = [
  'Проведён ремонт дороги по улице Қабанбай батыра в микрорайоне Құрылысшы.',
  'Во дворе на улице Жубанова установлена детская площадка.',
  'В домах по проспекту Абая восстановлена подача горячей воды.',
  'По обращению жителей микрорайона Самал установлены новые фонари.',
  'Вопрос замены водопровода на улице Бейбітшілік включён в бюджет на 2027 год.',
  'Жителям разъяснён порядок получения жилищной помощи.',
  'Направлен депутатский запрос в ГКП «Астана Су Арнасы» о перебоях с водой.',
  'На улице Кенесары устранена авария на канализационной сети.',
  'Многодетным семьям оказана помощь в постановке на очередь на жильё.',
  'Благоустройство двора в микрорайоне Көктал выполнено частично, работы продолжатся весной.',
  'Перед отопительным сезоном проверены тепловые узлы 40 домов.',
  'Освещение пешеходного перехода у школы включено в план акимата.',
  'Для пенсионеров района Байқоңыр организован выездной приём.',
  'Отремонтирована кровля многоквартирного дома на улице Сәкен Сейфуллин.',
  'Жители улиц Қабанбай батыр, Сығанақ и Тәуелсіздік получили новые контейнеры.',
  'Құрылысшы и Көктал: в обоих микрорайонах заменены трубы теплосети.',
  'ТОО «Құрылыс Сервис Қазақстан» восстановило тротуар.',
  'Бродячих собак отловили.',
  'Аким района Сарыарқа провёл встречу с жителями.',
];

/** Too short to tell, or nothing Cyrillic to read. */
const UNKNOWN = [
  '',
  '   ',
  'Жол жөндеу',
  'Ремонт дороги',
  'Құрметті депутат!',
  '12 шам',
  '№ 45, 2026 — 3 %',
  'Smart Astana project was completed on time.',
  'ОСИ «Береке»',
  '«Астана Су Арнасы» МКК',
  'АО «Астана-Теплотранзит»',
];

describe('guessTextLanguage: example texts', () => {
  it.each(KAZAKH)('Kazakh: %s', (text) => {
    expect(guessTextLanguage(text)).toBe('kk');
  });
  it.each(RUSSIAN)('Russian: %s', (text) => {
    expect(guessTextLanguage(text)).toBe('ru');
  });
  it.each(UNKNOWN)('cannot tell: %j', (text) => {
    expect(guessTextLanguage(text)).toBeNull();
  });

  it('reads words, not letters: a Russian text full of Kazakh names stays Russian', () => {
    const text = 'Ремонт по улицам Тәуелсіздік, Құдайбердіұлы и Қабанбай батыра завершён.';
    expect([...text].filter((ch) => /[әғқңөұүһі]/u.test(ch)).length).toBeGreaterThan(5);
    expect(guessTextLanguage(text)).toBe('ru');
  });

  it('reads a text in capitals or without capitals the same way', () => {
    expect(guessTextLanguage('аулаға жаңа балалар алаңы орнатылды')).toBe('kk');
    expect(guessTextLanguage('во дворе установлена детская площадка')).toBe('ru');
  });

  it('goes by the larger part of a text in both languages', () => {
    expect(
      guessTextLanguage(
        'Ауладағы жол жөнделді, тұрғындар жұмысты қабылдап алды. Дорога отремонтирована.',
      ),
    ).toBe('kk');
    expect(
      guessTextLanguage('Жол жөнделді. Во дворе отремонтирована дорога, жители приняли работу.'),
    ).toBe('ru');
  });
});

describe('guessTextLanguage on every sentence the demo office is generated from', () => {
  const corpus = languageCorpus();
  const words = (text: string) =>
    (text.replace(/«[^»]*»|"[^"]*"/gu, ' ').match(/\p{L}+(?:[-'’]\p{L}+)*/gu) ?? []).filter((w) =>
      /[\u0400-\u04ff]/u.test(w),
    ).length;

  it('has hundreds of real texts in each language', () => {
    expect(corpus.filter((item) => item.lang === 'kk').length).toBeGreaterThan(300);
    expect(corpus.filter((item) => item.lang === 'ru').length).toBeGreaterThan(300);
  });

  it('never takes one language for the other', () => {
    const wrong = corpus
      .filter((item) => {
        const guess = guessTextLanguage(item.text);
        return guess !== null && guess !== item.lang;
      })
      .map((item) => `${item.lang} ${item.source}: ${item.text}`);
    expect(wrong).toEqual([]);
  });

  it('tells every text of four words or more (names in quotes aside)', () => {
    const unknown = corpus
      .filter((item) => words(item.text) >= 4 && guessTextLanguage(item.text) === null)
      .map((item) => `${item.lang} ${item.source}: ${item.text}`);
    expect(unknown).toEqual([]);
  });
});

describe('guessTextLanguage: properties', () => {
  const kazakhPlaces = ['Қабанбай батыр', 'Құрылысшы', 'Тәуелсіздік', 'Сарыарқа', 'Бейбітшілік'];
  const russianPlaces = ['Жубанова', 'Республики', 'Абая', 'Сарыарка', 'Мира', 'Победы'];

  /** The text with `name` put in front of one of its words (never the first). */
  const insertAt = (text: string, name: string, at: number): string => {
    const parts = text.split(' ');
    const i = 1 + (at % Math.max(1, parts.length - 1));
    return [...parts.slice(0, i), name, ...parts.slice(i)].join(' ');
  };

  it('a Kazakh text stays Kazakh when Russian place names are added', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KAZAKH),
        fc.array(fc.tuple(fc.constantFrom(...russianPlaces), fc.nat()), { maxLength: 3 }),
        (text, names) => {
          const mixed = names.reduce((t, [name, at]) => insertAt(t, name, at), text);
          expect(guessTextLanguage(mixed)).toBe('kk');
        },
      ),
    );
  });

  it('a Russian text stays Russian when Kazakh place names are added', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RUSSIAN),
        fc.array(fc.tuple(fc.constantFrom(...kazakhPlaces), fc.nat()), { maxLength: 3 }),
        (text, names) => {
          const mixed = names.reduce((t, [name, at]) => insertAt(t, name, at), text);
          expect(guessTextLanguage(mixed)).toBe('ru');
        },
      ),
    );
  });

  it('numbers and punctuation around a text change nothing', () => {
    // Not quotes: a stray quote mark would pair with one of the text's own.
    const noise = fc.string({ unit: fc.constantFrom(...'0123456789 .,:;!?()-–—№%/') });
    fc.assert(
      fc.property(
        fc.constantFrom(...KAZAKH, ...RUSSIAN, ...UNKNOWN),
        noise,
        noise,
        (text, before, after) => {
          expect(guessTextLanguage(`${before} ${text} ${after}`)).toBe(guessTextLanguage(text));
        },
      ),
    );
  });

  it('digits and punctuation alone are nobody’s language', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 .,:;!?()-–—№%/+\n') }), (s) => {
        expect(guessTextLanguage(s)).toBeNull();
      }),
    );
  });

  it('Latin text is neither Kazakh nor Russian', () => {
    const word = fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzAEIOU'),
      minLength: 1,
    });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), (list) => {
        expect(guessTextLanguage(list.join(' '))).toBeNull();
      }),
    );
  });

  it(`fewer than ${String(MIN_WORDS)} words are too short to tell`, () => {
    const word = fc.constantFrom('жол', 'үй', 'аулада', 'дорога', 'в', 'и', 'және', 'Абая');
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: MIN_WORDS - 1 }),
        fc.constantFrom(' ', ', '),
        (list, sep) => {
          expect(guessTextLanguage(list.join(sep))).toBeNull();
        },
      ),
    );
  });

  it('never throws, and answers kk, ru or null, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect([null, 'kk', 'ru']).toContain(guessTextLanguage(s));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя АӘҚ«»".,-'), {
          maxLength: 120,
        }),
        (chars) => {
          expect([null, 'kk', 'ru']).toContain(guessTextLanguage(chars.join('')));
        },
      ),
    );
  });
});
