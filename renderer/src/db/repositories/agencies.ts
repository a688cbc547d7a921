import {
  agencyInputSchema,
  agencySchema,
  newBaseFields,
  type Agency,
  type AgencyInput,
} from '@shared/domain';
import { newId } from '@shared/ids';
import type { TizilimDb } from '../database';
import { stamp, type WriteContext } from './context';
import { parseOrThrow } from './errors';
import { checkVersion, inputOf, loadLive, nextVersion, sameData } from './records';

/**
 * Adds an agency to the directory (the addressees of inquiries). Validated with the domain
 * schema; the search index (db/searchIndex.ts) follows it from the change log.
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
    });
    await db.agencies.add(agency);
    return agency;
  });
}

export type AgencyPatch = Partial<AgencyInput>;

function agencyInputOf(agency: Agency): AgencyInput {
  return inputOf(agency);
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
