import { DEFAULT_TOPICS, type Topic } from '@shared/domain';
import { newId } from '@shared/ids';

// Kazakh and Russian letters in Latin, close to how offices write them in file names.
const LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  ә: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  қ: 'q',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  і: 'i',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

const MAX_SLUG = 40;

/** 'Ауласы және ойын алаңдары' → 'aulasy_zhane_oiyn_alandary'. */
export function slugify(name: string): string {
  const latin = [...name.normalize('NFC').toLowerCase()].map((c) => LATIN[c] ?? c).join('');
  return latin
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/_+$/, '');
}

/**
 * A stable id for a new topic, made from its name (Russian first: its transliteration is the
 * most familiar), unique among `existing`. A name with no letters or digits gets a random id.
 */
export function topicIdFor(
  names: { kk: string; ru: string },
  existing: readonly Pick<Topic, 'id'>[],
): string {
  return suggestTopicId(names, existing) ?? `topic_${newId().slice(-12)}`;
}

/** The id a topic would get from its names, or null when they give nothing to go on. */
export function suggestTopicId(
  names: { kk: string; ru: string },
  existing: readonly Pick<Topic, 'id'>[],
): string | null {
  const base = slugify(names.ru) || slugify(names.kk);
  if (base === '') return null;
  const taken = new Set(existing.map((t) => t.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

const BUILT_IN_IDS: ReadonlySet<string> = new Set(DEFAULT_TOPICS.map((t) => t.id));

/** Built-in topics can be retired but never deleted: reports and imports name them. */
export function isBuiltInTopic(id: string): boolean {
  return BUILT_IN_IDS.has(id);
}
