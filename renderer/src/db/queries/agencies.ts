import { agencyName, type Agency } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { tokenize } from '@shared/validation/text';
import type { TizilimDb } from '@renderer/db/database';

/**
 * The directory, searched by word prefixes in either language («жылу жел» finds
 * «Жылу желілері» and «ТОО Жылу желілері»). Sorted by name in the interface language.
 * Reads the index for the first word and checks the others in memory: a directory has
 * dozens or hundreds of entries.
 */
export async function searchAgencies(
  db: TizilimDb,
  text: string,
  options: { lang: Lang; includeRetired?: boolean } = { lang: 'kk' },
): Promise<Agency[]> {
  const words = tokenize(text);
  const first = words[0];
  const found =
    first === undefined
      ? await db.agencies.toArray()
      : await db.agencies.where('searchWords').startsWith(first).distinct().toArray();
  const collator = new Intl.Collator(options.lang === 'kk' ? 'kk' : 'ru');
  return found
    .filter(
      (a) =>
        a.deletedAt === null &&
        (options.includeRetired === true || !a.retired) &&
        words.every((w) => a.searchWords.some((s) => s.startsWith(w))),
    )
    .sort((a, b) => collator.compare(agencyName(a, options.lang), agencyName(b, options.lang)));
}
