import { agencyName, type Agency } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import type { TizilimDb } from '@renderer/db/database';
import { searchIndexOf } from '@renderer/db/searchIndex';

/**
 * The directory, searched by the in-memory index in either language and any spelling
 * («жылу жел» finds «Жылу желілері» and «ТОО Жылу желілері»): best matches first (names
 * before heads, addresses and e-mails), equally good ones by name in the interface
 * language; the whole directory by name when nothing is typed.
 */
export async function searchAgencies(
  db: TizilimDb,
  text: string,
  options: { lang: Lang; includeRetired?: boolean } = { lang: 'kk' },
): Promise<Agency[]> {
  const collator = new Intl.Collator(options.lang === 'kk' ? 'kk' : 'ru');
  const byName = (a: Agency, b: Agency) =>
    collator.compare(agencyName(a, options.lang), agencyName(b, options.lang));
  const shown = (a: Agency | undefined): a is Agency =>
    a !== undefined && a.deletedAt === null && (options.includeRetired === true || !a.retired);
  const result =
    text.trim() === ''
      ? null
      : (await Promise.resolve(searchIndexOf(db).ready())).searchAgencies(text);
  if (!result) return (await db.agencies.toArray()).filter(shown).sort(byName);
  const cost = new Map(result.ids.map((id, i) => [id, result.costs[i]!]));
  const found = (await db.agencies.bulkGet(result.ids)).filter(shown);
  return found.sort((a, b) => cost.get(a.id)! - cost.get(b.id)! || byName(a, b));
}
