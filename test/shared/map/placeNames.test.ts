import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PLACE_KINDS,
  PlaceGlossary,
  parsePlaceName,
  renderPlaceLabel,
  renderPlaceName,
} from '@shared/map/placeNames';
import { demoPlaceGlossary, PLACES } from '@test/fixtures/places';

const ru = (name: string, glossary?: PlaceGlossary) => renderPlaceName(name, 'ru', glossary);
const kk = (name: string, glossary?: PlaceGlossary) => renderPlaceName(name, 'kk', glossary);

describe('the generic words of place names (kk → ru)', () => {
  it.each([
    // Almaty
    ['Абай даңғылы', 'проспект Абай'],
    ['Әл-Фараби даңғылы', 'проспект Ал-Фараби'],
    ['Жібек жолы даңғылы', 'проспект Жибек жолы'],
    ['Төле би көшесі', 'улица Толе би'],
    ['Қабанбай батыр көшесі', 'улица Кабанбай батыр'],
    ['Самал-2 шағын ауданы', 'микрорайон Самал-2'],
    ['Мамыр-4 ы.а.', 'микрорайон Мамыр-4'],
    ['Медеу ауданы', 'район Медеу'],
    ['Алматы қаласы', 'город Алматы'],
    // Astana
    ['Бөгенбай батыр даңғылы', 'проспект Богенбай батыр'],
    ['Кенесары көшесі', 'улица Кенесары'],
    ['Нұржол бульвары', 'бульвар Нуржол'],
    ['Есіл жағалауы', 'набережная Есил'],
    ['Тәуелсіздік даңғылы', 'проспект Тауелсиздик'],
    ['Жастар тұйығы', 'переулок Жастар'],
    ['Қазақ елі алаңы', 'площадь Казак ели'],
    ['Қараөткел тұрғын алабы', 'жилой массив Караоткел'],
    // Shymkent
    ['Тәуке хан даңғылы', 'проспект Тауке хан'],
    ['Қазыбек би көшесі', 'улица Казыбек би'],
    ['Нұрсәт шағын ауданы', 'микрорайон Нурсат'],
    ['Ақжайық ауылы', 'село Акжайык'],
    ['Шымкент қ.', 'город Шымкент'],
    ['Бадам кенті', 'посёлок Бадам'],
    ['12 шағын ауданы', 'микрорайон 12'],
    ['Астана', 'Астана'],
  ])('%s → %s', (name, expected) => {
    expect(ru(name)).toEqual({ text: expected, rendered: true });
  });
});

describe('the generic words of place names (ru → kk)', () => {
  it.each([
    ['ул. Кенесары', 'Кенесары көшесі'],
    ['проспект Абая', 'Абая даңғылы'],
    ['мкр Самал', 'Самал шағын ауданы'],
    ['микрорайон Нурсат', 'Нурсат шағын ауданы'],
    ['12 микрорайон', '12 шағын ауданы'],
    ['район Сарыарка', 'Сарыарка ауданы'],
    ['г. Шымкент', 'Шымкент қаласы'],
    ['переулок Жастар', 'Жастар тұйығы'],
  ])('%s → %s', (name, expected) => {
    expect(kk(name)).toEqual({ text: expected, rendered: true });
  });

  it('keeps a name already in the language as written, abbreviations too', () => {
    expect(kk('Абай даң.').text).toBe('Абай даң.');
    expect(kk('Бейбітшілік көшесі').text).toBe('Бейбітшілік көшесі');
    expect(ru('ул. Кенесары').text).toBe('ул. Кенесары');
    // …only the Kazakh letters of the proper name spelled the Russian way.
    expect(ru('ул. Бейбітшілік').text).toBe('ул. Бейбитшилик');
  });

  it('does not take a word ending for a generic word', () => {
    expect(parsePlaceName('Шымкент').kind).toBeNull();
    expect(parsePlaceName('Ақкент').kind).toBeNull();
    expect(ru('Шымкент').text).toBe('Шымкент');
  });
});

describe('the office glossary', () => {
  const glossary = new PlaceGlossary([
    { kk: 'Абай', ru: 'Абая' },
    { kk: 'Шоқан Уәлиханов', ru: 'Шокана Валиханова' },
    { kk: 'Оңтүстік-Шығыс шағын ауданы', ru: 'микрорайон Юго-Восток' },
    { kk: 'Есіл', ru: 'Есиль' },
  ]);

  it('gives proper names, either spelling, case and spaces ignored', () => {
    expect(ru('Абай даңғылы', glossary).text).toBe('проспект Абая');
    expect(ru('Шоқан  Уәлиханов көшесі', glossary).text).toBe('улица Шокана Валиханова');
    expect(ru('Есіл ауданы', glossary).text).toBe('район Есиль');
    expect(kk('проспект Абая', glossary).text).toBe('Абай даңғылы');
    expect(kk('пр. абая', glossary).text).toBe('Абай даңғылы');
  });

  it('gives whole names', () => {
    expect(ru('Оңтүстік-Шығыс шағын ауданы', glossary).text).toBe('микрорайон Юго-Восток');
    expect(kk('микрорайон Юго-Восток', glossary).text).toBe('Оңтүстік-Шығыс шағын ауданы');
  });

  it('makes every demo place’s Russian name', () => {
    const demo = new PlaceGlossary(demoPlaceGlossary());
    for (const place of PLACES) expect(ru(place.kk.nom, demo).text).toBe(place.ru.nom);
    // Only the exceptions are in the glossary: the table makes the rest.
    expect(demoPlaceGlossary().length).toBeLessThan(PLACES.length);
    expect(demoPlaceGlossary().length).toBeGreaterThan(0);
  });
});

describe('names the table cannot render', () => {
  it('are left as written and flagged in the other language only', () => {
    expect(ru('Абай атындағы саябақ')).toEqual({ text: 'Абай атындағы саябақ', rendered: false });
    expect(kk('Абай атындағы саябақ')).toEqual({ text: 'Абай атындағы саябақ', rendered: true });
    expect(kk('сквер у фонтана')).toEqual({ text: 'сквер у фонтана', rendered: false });
  });

  it('are rendered once the glossary has them whole', () => {
    const glossary = new PlaceGlossary([{ kk: 'Абай атындағы саябақ', ru: 'парк имени Абая' }]);
    expect(ru('Абай атындағы саябақ', glossary)).toEqual({
      text: 'парк имени Абая',
      rendered: true,
    });
  });

  it('are named part by part in a report label', () => {
    expect(renderPlaceLabel('Астана, Сарыарқа ауданы, Абай даңғылы', 'ru')).toEqual({
      text: 'Астана, район Сарыарка, проспект Абай',
      unrendered: [],
    });
    expect(renderPlaceLabel('Астана, Абай атындағы саябақ', 'ru').unrendered).toEqual([
      'Абай атындағы саябақ',
    ]);
  });
});

describe('any Kazakh name with a generic word from the table', () => {
  const properName = fc
    .array(fc.constantFrom(...'АБЕЖКМНСТабдежклмнрстуәғқңөұүі'), { minLength: 2, maxLength: 9 })
    .map((letters) => letters.join(''))
    .filter((word) => /^[А-ЯӘҒҚҢӨҰҮІ]/.test(word));
  const kind = fc.integer({ min: 0, max: PLACE_KINDS.length - 1 });

  it('renders in Russian with no Kazakh letter and the generic word in front', () => {
    fc.assert(
      fc.property(properName, kind, (name, k) => {
        const kkName = `${name} ${PLACE_KINDS[k]!.kk[0]!}`;
        const out = ru(kkName);
        expect(out.rendered).toBe(true);
        expect(out.text).not.toMatch(/[әғқңөұүһі]/i);
        expect(out.text.startsWith(`${PLACE_KINDS[k]!.ru[0]!} `)).toBe(true);
        // …and back: the Kazakh generic word after the (Russian-spelled) name.
        expect(kk(out.text).text.endsWith(` ${PLACE_KINDS[k]!.kk[0]!}`)).toBe(true);
      }),
    );
  });
});
