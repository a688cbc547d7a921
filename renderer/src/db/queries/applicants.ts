import type { Applicant, PersonAddress } from '@shared/domain';
import { normalizeKzPhone } from '@shared/validation/phone';
import { normalizeAddress } from '@shared/validation/text';
import type { TizilimDb } from '@renderer/db/database';
import { searchIndexOf } from '@renderer/db/searchIndex';
import type { RegistryRow } from '@renderer/db/registryRow';

/**
 * Reads of the applicants screens. Every search asks the in-memory search index
 * (db/searchIndex.ts, docs/search.md): names in any spelling (Kazakh letters typed on a
 * Russian keyboard, passport Latin), phones by their last or first digits in any format,
 * IIN by its first digits; then reads only the records found.
 */

export type ApplicantQuery =
  | { kind: 'all' }
  /** Words, a phone or an IIN, as the index reads them. */
  | { kind: 'text'; text: string };

export function parseApplicantQuery(text: string): ApplicantQuery {
  const trimmed = text.trim();
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return { kind: 'all' };
  return { kind: 'text', text: trimmed };
}

export interface ApplicantPage {
  items: Applicant[];
  /** More applicants match than were read: the user should narrow the search. */
  more: boolean;
}

function isListed(a: Applicant): boolean {
  return a.deletedAt === null;
}

/**
 * The applicants the index finds for `text`, best first, read from the database (at most
 * `limit` of them), and how many the index found. Asked after `ready()`, so a live query
 * that runs after a commit sees it.
 */
async function foundApplicants(
  db: TizilimDb,
  text: string,
  limit: number,
): Promise<{ items: Applicant[]; costs: number[]; total: number }> {
  const search = await Promise.resolve(searchIndexOf(db).ready());
  const result = search.searchApplicants(text, { limit });
  if (!result) return { items: [], costs: [], total: 0 };
  const records = await db.applicants.bulkGet(result.ids);
  const items: Applicant[] = [];
  const costs: number[] = [];
  records.forEach((record, i) => {
    if (record && isListed(record)) {
      items.push(record);
      costs.push(result.costs[i]!);
    }
  });
  return { items, costs, total: result.total };
}

/**
 * Applicants matching a query, at most `limit` of them: search results best first (a
 * number, phone or IIN, then names; exact letters before other spellings), equally good
 * ones by name; the full list newest first (UUIDv7 ids sort by creation time), read page
 * by page as the user scrolls.
 */
export async function searchApplicants(
  db: TizilimDb,
  query: ApplicantQuery,
  { limit, lang = 'kk' }: { limit: number; lang?: string },
): Promise<ApplicantPage> {
  if (query.kind === 'all') {
    const items = await db.applicants
      .orderBy(':id')
      .reverse()
      .filter(isListed)
      .limit(limit + 1)
      .toArray();
    return { items: items.slice(0, limit), more: items.length > limit };
  }
  const found = await foundApplicants(db, query.text, limit);
  return { items: bestThenByName(found, lang), more: found.total > limit };
}

/** Best matches first; equally good ones by name. */
function bestThenByName(
  { items, costs }: { items: Applicant[]; costs: number[] },
  lang: string,
): Applicant[] {
  const collator = new Intl.Collator(lang === 'ru' ? 'ru' : 'kk', {
    sensitivity: 'base',
    numeric: true,
  });
  const order = items.map((item, i) => ({ item, cost: costs[i]! }));
  order.sort((a, b) => a.cost - b.cost || collator.compare(a.item.fullName, b.item.fullName));
  return order.map((o) => o.item);
}

export interface AppealStats {
  count: number;
  /** receivedAt of the latest appeal, 'YYYY-MM-DDTHH:mm'. */
  last: string | null;
}

/**
 * Number of live appeals (as lead or co-applicant) and the date of the latest one, for the
 * applicants on screen. Reads index keys and the compact registry rows only.
 */
export async function appealStats(
  db: TizilimDb,
  applicantIds: readonly string[],
): Promise<Map<string, AppealStats>> {
  const byApplicant = new Map<string, Set<string>>();
  const note = (applicantId: unknown, appealId: unknown) => {
    const key = String(applicantId);
    const set = byApplicant.get(key) ?? new Set<string>();
    set.add(String(appealId));
    byApplicant.set(key, set);
  };
  if (applicantIds.length > 0) {
    await db.appeals
      .where('applicantId')
      .anyOf([...applicantIds])
      .eachKey((key, cursor) => note(key, cursor.primaryKey));
    await db.appeals
      .where('coApplicantIds')
      .anyOf([...applicantIds])
      .eachKey((key, cursor) => note(key, cursor.primaryKey));
  }
  const appealIds = [...new Set([...byApplicant.values()].flatMap((s) => [...s]))];
  const rows = new Map<string, RegistryRow>();
  for (const row of await db.registryRows.bulkGet(appealIds)) if (row) rows.set(row.id, row);

  const stats = new Map<string, AppealStats>();
  for (const id of applicantIds) {
    let count = 0;
    let last: string | null = null;
    for (const appealId of byApplicant.get(id) ?? []) {
      const row = rows.get(appealId);
      // Deleted appeals have no registry row: they are not counted.
      if (!row) continue;
      count += 1;
      if (last === null || row.receivedAt > last) last = row.receivedAt;
    }
    stats.set(id, { count, last });
  }
  return stats;
}

export interface ApplicantAppealRow {
  row: RegistryRow;
  role: 'lead' | 'co';
}

/** An applicant's live appeals, as lead or co-applicant, newest first. */
export async function applicantAppeals(
  db: TizilimDb,
  applicantId: string,
): Promise<ApplicantAppealRow[]> {
  const lead = await db.appeals.where('applicantId').equals(applicantId).primaryKeys();
  const co = await db.appeals.where('coApplicantIds').equals(applicantId).primaryKeys();
  const leadSet = new Set(lead);
  const ids = [...new Set([...lead, ...co])];
  const rows = await db.registryRows.bulkGet(ids);
  return rows
    .flatMap((row) =>
      row ? [{ row, role: leadSet.has(row.id) ? ('lead' as const) : ('co' as const) }] : [],
    )
    .sort((a, b) => b.row.receivedAt.localeCompare(a.row.receivedAt));
}

/**
 * The live appeals an applicant leads or co-signs (deleted ones move in a merge too, but
 * the screens count what the registry shows).
 */
export async function appealIdsOf(db: TizilimDb, applicantId: string): Promise<Set<string>> {
  const lead = await db.appeals.where('applicantId').equals(applicantId).primaryKeys();
  const co = await db.appeals.where('coApplicantIds').equals(applicantId).primaryKeys();
  const rows = await db.registryRows.bulkGet([...new Set([...lead, ...co])]);
  return new Set(rows.flatMap((row) => (row ? [row.id] : [])));
}

export interface MergeCounts {
  keep: number;
  merge: number;
  /** Live appeals that change hands (all of the duplicate's). */
  moving: number;
  /** The kept record's appeals after the merge (an appeal both were on counts once). */
  after: number;
}

export async function mergeCounts(
  db: TizilimDb,
  keepId: string,
  mergeId: string,
): Promise<MergeCounts> {
  const [keep, merge] = await Promise.all([appealIdsOf(db, keepId), appealIdsOf(db, mergeId)]);
  return {
    keep: keep.size,
    merge: merge.size,
    moving: merge.size,
    after: new Set([...keep, ...merge]).size,
  };
}

/** Live applicants (merged duplicates are soft-deleted and not counted). */
export async function countApplicants(db: TizilimDb): Promise<number> {
  const [all, deleted] = await Promise.all([
    db.applicants.count(),
    db.applicants.where('deletedAt').above('').count(),
  ]);
  return all - deleted;
}

/** How many people the applicant picker (appeal form, reception) lists at most. */
export const PICK_LIMIT = 8;

function isLive(a: Applicant): boolean {
  return a.deletedAt === null && a.mergedInto === null && a.anonymisedAt === null;
}

/**
 * People matching what the assistant typed, best first: a name in any spelling and word
 * order («нұр айг» finds «Айгерім Нұрланқызы», «Tolegenova» finds «Төлегенова»), a phone in
 * any format or its last digits, or an IIN.
 */
export async function pickApplicants(
  db: TizilimDb,
  query: string,
  limit = PICK_LIMIT,
): Promise<Applicant[]> {
  const q = query.trim();
  if (q.length < 2) return [];
  // Merged and anonymised people are in the index but not offered: read a few more.
  const found = await foundApplicants(db, q, limit * 3);
  return bestThenByName(found, 'kk').filter(isLive).slice(0, limit);
}

export type DuplicateReason = 'iin' | 'phone' | 'nameAddress';

export interface DuplicateCandidate {
  applicant: Applicant;
  reasons: DuplicateReason[];
}

export interface DuplicateQuery {
  fullName?: string;
  iin?: string | null;
  phones?: readonly string[];
  address?: Partial<PersonAddress>;
  /** The applicant being edited, which is not its own duplicate. */
  excludeId?: string;
}

/**
 * Applicants who may be the same person: same IIN, a shared phone (in any format), or the
 * same name in any spelling at the same normalised address. Shown before a new one is created.
 */
export async function findDuplicateApplicants(
  db: TizilimDb,
  query: DuplicateQuery,
): Promise<DuplicateCandidate[]> {
  const found = new Map<string, DuplicateCandidate>();
  const add = (applicant: Applicant, reason: DuplicateReason) => {
    if (applicant.id === query.excludeId || applicant.deletedAt !== null) return;
    const entry = found.get(applicant.id) ?? { applicant, reasons: [] };
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    found.set(applicant.id, entry);
  };

  const iin = query.iin?.trim();
  if (iin) for (const a of await db.applicants.where('iin').equals(iin).toArray()) add(a, 'iin');

  const phones = (query.phones ?? [])
    .map((p) => normalizeKzPhone(p))
    .flatMap((r) => (r.ok ? [r.e164] : []));
  if (phones.length) {
    for (const a of await db.applicants.where('phones').anyOf(phones).toArray()) add(a, 'phone');
  }

  // The same name in any spelling (personNameKey: «Толегенова Жанар», «Жанар Төлегенова»
  // and «Tolegenova Zhanar» are one) at the same address.
  const addressKey = query.address ? normalizeAddress(query.address) : '';
  if (query.fullName && addressKey) {
    const search = await Promise.resolve(searchIndexOf(db).ready());
    const ids = search.applicantsNamed(query.fullName, query.excludeId);
    for (const a of await db.applicants.bulkGet(ids)) {
      if (a && normalizeAddress(a.address) === addressKey) add(a, 'nameAddress');
    }
  }
  return [...found.values()];
}
