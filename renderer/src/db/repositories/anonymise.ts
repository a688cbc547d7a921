import { applicantSchema, EMPTY_PERSON_ADDRESS, makeEvent, type Applicant } from '@shared/domain';
import type { TizilimDb } from '../database';
import { appealTables } from './appeals';
import { stamp, type Stamp, type WriteContext } from './context';
import { notFound, parseOrThrow, RepositoryError } from './errors';
import { nextVersion } from './records';

/**
 * Anonymisation of an applicant on their request (Law of the Republic of Kazakhstan
 * "On personal data and their protection", 2013): the person can no longer be identified
 * from the registry, while their appeals and the statistics built from them stay.
 *
 * ERASED (they identify or reach the person):
 *   fullName → '' · iin → null · phones → [] · email → null · address → all parts empty ·
 *   preferredChannel → null (there is nobody left to contact); so the record can no longer
 *   be found by name, phone or IIN.
 *   The same fields of every soft-deleted duplicate that was merged into this applicant
 *   (directly or through a chain of merges): those copies hold the same person's data.
 *   The lead applicant's name in the registry rows of their appeals becomes '' (the change
 *   layer rewrites those rows when the applicant is written).
 *
 * KEPT:
 *   - the appeals themselves (their lead/co-applicant links point to the anonymised record,
 *     so counts "by person" and repeat-appeal statistics stay right), and every history event;
 *   - vulnerableCategories: they feed the report's statistics (priority for vulnerable
 *     visitors) and, without a name, phone, IIN or address, do not identify anyone;
 *   - preferredLanguage: statistics of the language of appeals; identifies nobody;
 *   - consent (given, date, form): the record that the processing done before the request
 *     had a legal basis. It holds no personal data by itself;
 *   - anonymisedAt, and an `applicantAnonymised` event on each of the applicant's appeals
 *     (lead or co-applicant, deleted ones too) with the reason as its note: who did it,
 *     when and on what request.
 *
 * NOT REWRITTEN: free text inside appeals (subject, text, expectation, summaries, notes of
 * earlier events) and the appeals' problem location. The person may be named there; the
 * interface tells the user to check those texts by hand.
 *
 * Refused: an applicant already anonymised (`conflict` / `applicant_already_anonymised`),
 * a merged or deleted record (`not_found`: it lives on in the record it was merged into),
 * an empty reason (`validation`, path `reason`). Everything happens in ONE transaction.
 */

export const ANONYMISE_ERROR_CODES = ['applicant_already_anonymised'] as const;

export interface AnonymiseResult {
  applicant: Applicant;
  /** Appeals that got an `applicantAnonymised` event. */
  appeals: number;
  /** Merged duplicates whose personal data were erased as well. */
  duplicates: number;
}

const REASON_MAX = 1_000;

function erased(applicant: Applicant, time: Stamp, userId: string): Applicant {
  return parseOrThrow(
    applicantSchema,
    nextVersion(
      applicant,
      {
        fullName: '',
        iin: null,
        phones: [],
        email: null,
        address: { ...EMPTY_PERSON_ADDRESS },
        preferredChannel: null,
        anonymisedAt: applicant.anonymisedAt ?? time.iso,
      },
      time,
      userId,
    ),
  );
}

/** Every soft-deleted record merged into `id`, directly or through earlier merges. */
async function mergedDuplicates(db: TizilimDb, id: string): Promise<Applicant[]> {
  const out: Applicant[] = [];
  const seen = new Set([id]);
  let frontier = [id];
  while (frontier.length > 0) {
    const next = await db.applicants.where('mergedInto').anyOf(frontier).toArray();
    frontier = [];
    for (const a of next) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      out.push(a);
      frontier.push(a.id);
    }
  }
  return out;
}

export async function anonymiseApplicant(
  db: TizilimDb,
  id: string,
  { reason }: { reason: string },
  ctx: WriteContext,
): Promise<AnonymiseResult> {
  const note = reason.trim();
  if (note === '') {
    throw new RepositoryError('validation', null, [{ path: 'reason', code: 'required' }]);
  }
  if (note.length > REASON_MAX) {
    throw new RepositoryError('validation', null, [{ path: 'reason', code: 'too_long' }]);
  }
  const time = stamp(ctx);
  return db.transaction('rw', appealTables(db), async () => {
    const current = await db.applicants.get(id);
    if (!current || current.deletedAt !== null || current.mergedInto !== null) throw notFound();
    if (current.anonymisedAt !== null) {
      throw new RepositoryError('conflict', 'applicant_already_anonymised');
    }

    const applicant = erased(current, time, ctx.userId);
    await db.applicants.put(applicant);

    const duplicates = await mergedDuplicates(db, id);
    if (duplicates.length > 0) {
      await db.applicants.bulkPut(duplicates.map((d) => erased(d, time, ctx.userId)));
    }

    const lead = await db.appeals.where('applicantId').equals(id).primaryKeys();
    const co = await db.appeals.where('coApplicantIds').equals(id).primaryKeys();
    const appealIds = [...new Set([...lead, ...co])];
    await db.events.bulkAdd(
      appealIds.map((appealId) =>
        makeEvent({
          appealId,
          type: 'applicantAnonymised',
          data: { applicantId: id },
          now: time.iso,
          userId: ctx.userId,
          note,
        }),
      ),
    );
    return { applicant, appeals: appealIds.length, duplicates: duplicates.length };
  });
}
