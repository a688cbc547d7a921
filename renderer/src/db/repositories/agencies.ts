import {
  agencyInputSchema,
  agencyName,
  agencySchema,
  newBaseFields,
  type Agency,
  type AgencyInput,
} from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { newId } from '@shared/ids';
import { tokenize } from '@shared/validation/text';
import type { TizilimDb } from '../database';
import { stamp, type WriteContext } from './context';
import { parseOrThrow } from './errors';
import { checkVersion, inputOf, loadLive, nextVersion, sameData } from './records';

/**
 * Adds an agency to the directory (the addressees of inquiries). Validated with the domain
 * schema; its search words (the `*searchWords` index) are filled by the change layer.
 */
export async function createAgency(
  db: TizilimDb,
  input: AgencyInput,
  ctx: WriteContext,
): Promise<Agency> {
  const data = parseOrThrow(agencyInputSchema, input);
  const time = stamp(ctx);
  return db.transaction('rw', db.agencies, async () => {
    const agency = parseOrThrow(agencySchema, {
      ...data,
      ...newBaseFields({ id: newId(), now: time.iso, userId: ctx.userId }),
      searchWords: [],
    });
    await db.agencies.add(agency);
    return agency;
  });
}

export type AgencyPatch = Partial<AgencyInput>;

function agencyInputOf(agency: Agency): AgencyInput {
  const { searchWords: _sw, ...input } = inputOf(agency);
  return input;
}

/** Edits an agency; a stale `expectedVersion` (a colleague saved first) is refused. */
export async function updateAgency(
  db: TizilimDb,
  id: string,
  patch: AgencyPatch,
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<Agency> {
  const time = stamp(ctx);
  return db.transaction('rw', db.agencies, async () => {
    const current = await loadLive(db.agencies, id);
    checkVersion(current, options.expectedVersion);
    const data = parseOrThrow(agencyInputSchema, { ...agencyInputOf(current), ...patch });
    if (sameData(data, agencyInputOf(current))) return current;
    const agency = parseOrThrow(agencySchema, nextVersion(current, data, time, ctx.userId));
    await db.agencies.put(agency);
    return agency;
  });
}

/**
 * Takes an agency out of use (or back). It is never deleted: old letters and the agency's
 * record still name it; it is only no longer offered as an addressee.
 */
export async function setAgencyRetired(
  db: TizilimDb,
  id: string,
  retired: boolean,
  ctx: WriteContext,
): Promise<Agency> {
  return updateAgency(db, id, { retired }, ctx);
}

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
