import type { Applicant } from '@shared/domain';
import { phoneSearchKey } from '@shared/validation/phone';
import { normalizePersonName, tokenize } from '@shared/validation/text';
import type { TizilimDb } from '@renderer/db/database';

/** How many people the picker lists at most. */
export const SEARCH_LIMIT = 8;

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
export async function searchApplicants(
  db: TizilimDb,
  query: string,
  limit = SEARCH_LIMIT,
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

/** What a typed query most likely is, to prefill the new-applicant form. */
export function guessQueryKind(query: string): 'phone' | 'iin' | 'name' {
  const q = query.trim();
  if (/^\d{12}$/.test(q)) return 'iin';
  if (/^[\d\s()+\-.]+$/.test(q) && q.replace(/\D/g, '').length >= 5) return 'phone';
  return 'name';
}
