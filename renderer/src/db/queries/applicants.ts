import type { Applicant, PersonAddress } from '@shared/domain';
import { normalizeKzPhone, phoneSearchKey } from '@shared/validation/phone';
import {
  normalizeAddress,
  normalizeForSearch,
  normalizePersonName,
  tokenize,
} from '@shared/validation/text';
import type { TizilimDb } from '@renderer/db/database';
import type { RegistryRow } from '@renderer/db/registryRow';

/**
 * Reads of the applicants screens. Every search goes through the `*searchWords` index
 * (name words, phone digits in three lengths, the IIN), so a keystroke costs a range scan
 * of the matching entries, never a pass over tens of thousands of applicants.
 */

export type ApplicantQuery =
  | { kind: 'all' }
  /** Digits only (a phone in any format, part of it, or an IIN): prefixes of stored keys. */
  | { kind: 'digits'; prefixes: string[] }
  /** Name words in any order, each matching the start of one of the person's words. */
  | { kind: 'words'; words: string[] };

export function parseApplicantQuery(text: string): ApplicantQuery {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'all' };
  if (!/\p{L}/u.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '');
    if (digits === '') return { kind: 'all' };
    const prefixes = new Set([digits]);
    // A number dialled with the trunk prefix, 8 701 …, is stored as 7 701 ….
    if (digits.startsWith('8') && digits.length >= 2) prefixes.add(`7${digits.slice(1)}`);
    return { kind: 'digits', prefixes: [...prefixes] };
  }
  const words = tokenize(trimmed);
  // tokenize() drops one-letter words; while someone is typing the first letter, use it.
  if (words.length === 0) {
    const first = normalizeForSearch(trimmed).split(' ')[0];
    return first ? { kind: 'words', words: [first] } : { kind: 'all' };
  }
  return { kind: 'words', words };
}

export interface ApplicantPage {
  items: Applicant[];
  /** More applicants match than were read: the user should narrow the search. */
  more: boolean;
}

function isListed(a: Applicant): boolean {
  return a.deletedAt === null;
}

function byName(lang: string) {
  const collator = new Intl.Collator(lang === 'ru' ? 'ru' : 'kk', {
    sensitivity: 'base',
    numeric: true,
  });
  return (a: Applicant, b: Applicant) => collator.compare(a.fullName, b.fullName);
}

/**
 * Applicants matching a query, at most `limit` of them: search results by name (a query
 * rarely matches more than a handful), the full list newest first (UUIDv7 ids sort by
 * creation time), read page by page as the user scrolls.
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

  const found = new Map<string, Applicant>();
  const collect = async (prefix: string, matches: (a: Applicant) => boolean) => {
    await db.applicants
      .where('searchWords')
      .startsWith(prefix)
      .until(() => found.size > limit)
      .each((a) => {
        if (!found.has(a.id) && isListed(a) && matches(a)) found.set(a.id, a);
      });
  };

  if (query.kind === 'digits') {
    for (const prefix of query.prefixes) await collect(prefix, () => true);
  } else {
    // The most selective word is read through the index (numbers first: a house or a
    // number in the name is rarer than any name; then the longest); the others are
    // checked on each record found.
    const rank = (word: string) => (/\d/.test(word) ? 100 : 0) + word.length;
    const [first, ...rest] = [...query.words].sort((a, b) => rank(b) - rank(a));
    if (first === undefined) return { items: [], more: false };
    await collect(first, (a) =>
      rest.every((word) => a.searchWords.some((stored) => stored.startsWith(word))),
    );
  }
  const items = [...found.values()].sort(byName(lang));
  return { items: items.slice(0, limit), more: items.length > limit };
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

/**
 * Prefix keys of a query made of digits and phone punctuation: the digits as typed, and for
 * a number written with the trunk prefix 8 (8 701 …) the same number as stored, 7 701 …
 * Applicants' search words hold the full 11 digits, the last 10 and the last 7 of each
 * phone, and the IIN, so any of these typed from the start is found.
 */
function digitKeys(query: string): string[] {
  const digits = query.replace(/\D/g, '');
  const keys = new Set([digits]);
  const full = phoneSearchKey(query);
  if (full) keys.add(full);
  if (digits.startsWith('8') && digits.length > 1) {
    keys.add(`7${digits.slice(1)}`);
    keys.add(digits.slice(1));
  }
  return [...keys];
}

function isLive(a: Applicant): boolean {
  return a.deletedAt === null && a.mergedInto === null && a.anonymisedAt === null;
}

/**
 * People matching what the assistant typed: a name (every word a prefix of a name word, in
 * any order: «нұр айг» finds «Айгерім Нұрланқызы»), a phone in any format or its last
 * digits, or an IIN. Uses the applicants' `searchWords` index; never scans the table.
 */
export async function pickApplicants(
  db: TizilimDb,
  query: string,
  limit = PICK_LIMIT,
): Promise<Applicant[]> {
  const q = query.trim();
  if (q.length < 2) return [];
  const numeric = /^[\d\s()+\-.]+$/.test(q) && q.replace(/\D/g, '').length >= 3;
  let found: Applicant[];
  if (numeric) {
    found = await db.applicants
      .where('searchWords')
      .startsWithAnyOf(digitKeys(q))
      .distinct()
      .limit(limit * 4)
      .toArray();
  } else {
    const words = tokenize(q).sort((a, b) => b.length - a.length);
    const [first, ...rest] = words;
    if (!first) return [];
    const candidates = await db.applicants
      .where('searchWords')
      .startsWith(first)
      .distinct()
      .limit(200)
      .toArray();
    found = candidates.filter((a) =>
      rest.every((word) => a.searchWords.some((w) => w.startsWith(word))),
    );
  }
  const exactName = normalizePersonName(q);
  return found
    .filter(isLive)
    .sort(
      (a, b) =>
        Number(normalizePersonName(b.fullName) === exactName) -
          Number(normalizePersonName(a.fullName) === exactName) ||
        a.fullName.localeCompare(b.fullName),
    )
    .slice(0, limit);
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
 * same normalised name at the same normalised address. Shown before a new one is created.
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

  const nameKey = query.fullName ? normalizePersonName(query.fullName) : '';
  const addressKey = query.address ? normalizeAddress(query.address) : '';
  const firstWord = nameKey.split(' ')[0];
  if (nameKey && addressKey && firstWord) {
    const sameWord = await db.applicants.where('searchWords').equals(firstWord).toArray();
    for (const a of sameWord) {
      if (
        normalizePersonName(a.fullName) === nameKey &&
        normalizeAddress(a.address) === addressKey
      ) {
        add(a, 'nameAddress');
      }
    }
  }
  return [...found.values()];
}
