/**
 * Every sentence the generated demo office is made of (test/fixtures: citizens' texts,
 * subjects, expectations, the office's results and public summaries, notes), in Kazakh and
 * in Russian, with the placeholders filled with real places of Astana. Russian texts are
 * filled twice: with the Russian spelling of the place («по улице Жубанова») and with the
 * Kazakh one («по улице Жұбанов»), as offices really write them.
 */
import type { Lang } from '@shared/i18n/lang';
import * as phrases from '@test/fixtures/phrases';
import { PLACES, type Place } from '@test/fixtures/places';
import { ANONYMOUS_SUFFIX, PROBLEMS, VULNERABLE_SENTENCES } from '@test/fixtures/texts';

export interface CorpusText {
  lang: Lang;
  text: string;
  /** Where it comes from, for a readable failure. */
  source: string;
}

/** The Kazakh name of a place without its type word: «Жұбанов» of «Жұбанов көшесі». */
function kazakhName(place: Place): string {
  return place.kk.nom.replace(/\s+(?:көшесі|даңғылы|шағын ауданы)$/u, '');
}

function varsFor(lang: Lang, place: Place, kazakhSpelling: boolean): Record<string, string> {
  const common = {
    house: '12',
    osi: 'Береке',
    route: '32',
    signatories: '46',
    signatoriesRu: '46 жителей',
    kkName: 'Сапарова Дана',
    ruName: 'Сапарова Дана',
  };
  if (lang === 'kk') {
    return {
      ...common,
      about: 'үйдің шатырын жөндеу',
      aboutCap: 'Үйдің шатырын жөндеу',
      agency: 'Тұрғын үй инспекциясы',
      agencyDat: 'Тұрғын үй инспекциясына',
      streetNom: place.kk.nom,
      streetLoc: place.kk.loc,
      streetAttr: place.kk.attr,
      streetDat: place.kk.dat,
      streetGen: place.kk.gen,
      alongAttr: place.isMicro ? place.kk.attr : `${place.kk.gen} бойындағы`,
    };
  }
  const name = (form: string) =>
    kazakhSpelling ? form.replace(/\s\S+$/u, ` ${kazakhName(place)}`) : form;
  return {
    ...common,
    about: 'ремонта кровли дома',
    aboutCap: 'Ремонт кровли дома',
    agency: 'Жилищная инспекция',
    agencyTo: 'в жилищную инспекцию',
    streetNom: name(place.ru.nom),
    streetAt: name(place.ru.at),
    streetAlong: name(place.ru.along),
    streetOf: name(place.ru.of),
  };
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => vars[key] ?? match);
}

/** Strings found under `kk` / `ru` keys anywhere in a value, with their path. */
function collect(value: unknown, path: string, lang: Lang | null, out: CorpusText[]): void {
  if (typeof value === 'string') {
    if (lang !== null) out.push({ lang, text: value, source: path });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => collect(item, `${path}[${String(i)}]`, lang, out));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const next = key === 'kk' || key === 'ru' ? key : lang;
      collect(inner, `${path}.${key}`, next, out);
    }
  }
}

/** The templates, unfilled. */
function templates(): CorpusText[] {
  const out: CorpusText[] = [];
  for (const problem of PROBLEMS) {
    collect({ kk: problem.kk, ru: problem.ru }, problem.id, null, out);
  }
  collect(VULNERABLE_SENTENCES, 'VULNERABLE_SENTENCES', null, out);
  collect(ANONYMOUS_SUFFIX, 'ANONYMOUS_SUFFIX', null, out);
  for (const [name, value] of Object.entries(phrases)) {
    if (typeof value !== 'function') collect(value, name, null, out);
  }
  // `about` is a fragment («үйдің шатырын жөндеу», «ремонта кровли дома»), not a text.
  return out.filter((item) => !/\.about$/u.test(item.source));
}

/**
 * Each template once, its places taken in turn from the places of Astana; Russian ones a
 * second time with the Kazakh spelling of the place when they name one.
 */
export function languageCorpus(): CorpusText[] {
  const out: CorpusText[] = [];
  templates().forEach((item, i) => {
    const place = PLACES[i % PLACES.length]!;
    out.push({ ...item, text: fill(item.text, varsFor(item.lang, place, false)) });
    if (item.lang === 'ru' && /\{street\w+\}/u.test(item.text)) {
      out.push({
        ...item,
        text: fill(item.text, varsFor('ru', place, true)),
        source: `${item.source} (Kazakh spelling of the place)`,
      });
    }
  });
  return out;
}
