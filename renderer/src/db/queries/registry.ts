import { formatRegNo } from '@shared/domain';
import { isValidIin } from '@shared/validation/iin';
import { phoneSearchKey } from '@shared/validation/phone';
import { tokenize } from '@shared/validation/text';
import type { TizilimDb } from '@renderer/db/database';
import type { RegistryRow } from '@renderer/db/registryRow';

/** What the search box text means: a registry number, an IIN, a phone, or words. */
export type SearchPlan =
  | { kind: 'regNo'; regNo: string }
  | { kind: 'iin'; iin: string }
  | { kind: 'phone'; key: string }
  | { kind: 'words'; tokens: string[] };

export function planSearch(text: string): SearchPlan | null {
  const q = text.trim();
  if (q === '') return null;
  // People type registry numbers short ('2026-42') as often as in full ('2026-0042').
  const reg = /^(\d{4})-(\d{1,6})$/.exec(q);
  if (reg) return { kind: 'regNo', regNo: formatRegNo(Number(reg[1]), Number(reg[2])) };
  const digits = q.replace(/[\s()+-]/g, '');
  if (/^\d{12}$/.test(digits) && isValidIin(digits)) return { kind: 'iin', iin: digits };
  if (/^[\d\s()+-]+$/.test(q)) {
    const key = phoneSearchKey(q);
    if (key) return { kind: 'phone', key };
  }
  const tokens = tokenize(q);
  return tokens.length ? { kind: 'words', tokens } : { kind: 'words', tokens: [q.toLowerCase()] };
}

async function appealsOfApplicants(db: TizilimDb, applicantIds: string[]): Promise<string[]> {
  if (applicantIds.length === 0) return [];
  const [lead, co] = await Promise.all([
    db.appeals.where('applicantId').anyOf(applicantIds).primaryKeys(),
    db.appeals.where('coApplicantIds').anyOf(applicantIds).primaryKeys(),
  ]);
  return [...lead, ...co];
}

/** Appeals whose words or whose applicant's name/phone words start with the token. */
async function idsForToken(db: TizilimDb, token: string): Promise<Set<string>> {
  const [own, applicantIds] = await Promise.all([
    db.appeals.where('searchWords').startsWith(token).primaryKeys(),
    db.applicants.where('searchWords').startsWith(token).primaryKeys(),
  ]);
  const live = applicantIds.length
    ? (await db.applicants.bulkGet(applicantIds)).filter((a) => a && a.deletedAt === null)
    : [];
  const viaApplicants = await appealsOfApplicants(
    db,
    live.map((a) => a!.id),
  );
  return new Set([...own, ...viaApplicants]);
}

/**
 * The ids of appeals matching the search text, from the IndexedDB word indexes (prefix
 * match, Kazakh and Russian), or null when there is nothing to search for.
 */
export async function resolveSearch(db: TizilimDb, text: string): Promise<Set<string> | null> {
  const plan = planSearch(text);
  if (!plan) return null;
  switch (plan.kind) {
    case 'regNo':
      return new Set(await db.appeals.where('regNo').equals(plan.regNo).primaryKeys());
    case 'iin': {
      const ids = await db.applicants.where('iin').equals(plan.iin).primaryKeys();
      return new Set(await appealsOfApplicants(db, ids));
    }
    case 'phone': {
      const ids = await db.applicants.where('searchWords').equals(plan.key).primaryKeys();
      return new Set(await appealsOfApplicants(db, ids));
    }
    case 'words': {
      // Every word must match (AND); tokens are few, so plain order keeps this simple.
      let result: Set<string> = await idsForToken(db, plan.tokens[0]!);
      for (const token of plan.tokens.slice(1)) {
        if (result.size === 0) break;
        const ids = await idsForToken(db, token);
        result = new Set([...result].filter((id) => ids.has(id)));
      }
      return result;
    }
  }
}

/** Every registry row (one per appeal, deleted ones included: the views filter). */
export function allRegistryRows(db: TizilimDb): Promise<RegistryRow[]> {
  return db.registryRows.toArray();
}

/** The `limit` most recently received appeals' rows, newest first (a first page). */
export function newestRegistryRows(db: TizilimDb, limit: number): Promise<RegistryRow[]> {
  return db.registryRows.orderBy('receivedAt').reverse().limit(limit).toArray();
}

/** The rows of these appeals, in the same order (undefined where there is none). */
export function registryRowsOf(
  db: TizilimDb,
  appealIds: readonly string[],
): Promise<(RegistryRow | undefined)[]> {
  return db.registryRows.bulkGet([...appealIds]);
}
