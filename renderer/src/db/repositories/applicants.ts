import {
  appealSchema,
  applicantInputSchema,
  applicantSchema,
  makeEvent,
  newBaseFields,
  type Applicant,
  type ApplicantInput,
} from '@shared/domain';
import { newId } from '@shared/ids';
import { normalizeAddress } from '@shared/validation/text';
import type { TizilimDb } from '../database';
import { appealTables, storeAppeal } from './appeals';
import { stamp, type WriteContext } from './context';
import { editConflict, notFound, parseOrThrow, RepositoryError } from './errors';
import { nextVersion } from './records';
import { checkConsentDate } from '@shared/validation/dates';
import { hasConsent, needsConsent } from '@shared/validation/consent';
import { factClockOf, refuseIssues } from './facts';

/**
 * Stores a new person. `forAppeal`: the person is typed in while registering an appeal (the
 * appeal form's new-applicant panel), and will be linked to it — without recorded consent
 * their data is refused up front (on `consentGiven`), so a person is never left stored
 * without consent when the appeal is then refused for the missing consent.
 */
export async function createApplicant(
  db: TizilimDb,
  input: ApplicantInput,
  ctx: WriteContext,
  options: { forAppeal?: boolean } = {},
): Promise<Applicant> {
  const data = parseOrThrow(applicantInputSchema, input);
  refuseIssues(checkConsentDate(data.consent, factClockOf(ctx)));
  if (options.forAppeal && needsConsent(data)) {
    refuseIssues([{ path: 'consentGiven', code: 'consent_before_storing' }]);
  }
  const time = stamp(ctx);
  const applicant = parseOrThrow(applicantSchema, {
    ...data,
    ...newBaseFields({ id: newId(), now: time.iso, userId: ctx.userId }),
    anonymisedAt: null,
    mergedInto: null,
  });
  await db.transaction('rw', db.applicants, () => db.applicants.add(applicant));
  return applicant;
}

export async function updateApplicant(
  db: TizilimDb,
  id: string,
  patch: Partial<ApplicantInput>,
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<Applicant> {
  const time = stamp(ctx);
  return db.transaction('rw', db.applicants, async () => {
    const current = await db.applicants.get(id);
    if (!current || current.deletedAt !== null) throw notFound();
    // Anonymisation is final: personal data must not come back by an ordinary edit.
    if (current.anonymisedAt !== null)
      throw new RepositoryError('conflict', 'applicant_already_anonymised');
    if (options.expectedVersion !== undefined && current.version !== options.expectedVersion) {
      throw editConflict();
    }
    const data = parseOrThrow(applicantInputSchema, {
      fullName: current.fullName,
      phones: current.phones,
      iin: current.iin,
      email: current.email,
      address: current.address,
      preferredLanguage: current.preferredLanguage,
      preferredChannel: current.preferredChannel,
      vulnerableCategories: current.vulnerableCategories,
      consent: current.consent,
      ...patch,
    });
    if (patch.consent !== undefined) refuseIssues(checkConsentDate(data.consent, factClockOf(ctx)));
    const applicant = parseOrThrow(applicantSchema, nextVersion(current, data, time, ctx.userId));
    // A rename reaches the registry rows of this applicant's appeals through the change layer.
    await db.applicants.put(applicant);
    return applicant;
  });
}

/**
 * Merges a duplicate into the applicant who stays: every appeal of the duplicate (as lead
 * or co-applicant) moves over with a `merged` event, contacts are combined, and the
 * duplicate is kept as a soft-deleted record pointing to the one it went into.
 *
 * The merge is checked like every other write, before anything is stored: both records live
 * (not merged already, not anonymised), one IIN per person (different IINs are refused, and
 * so is an IIN another live applicant has), the merged record valid, and the person who
 * stays has recorded consent when appeals hold their data. A refusal changes nothing.
 */
export async function mergeApplicants(
  db: TizilimDb,
  { keepId, mergeId }: { keepId: string; mergeId: string },
  ctx: WriteContext,
): Promise<{ applicant: Applicant; movedAppeals: number }> {
  if (keepId === mergeId) throw new RepositoryError('merge', 'merge_into_self');
  const time = stamp(ctx);
  return db.transaction('rw', appealTables(db), async () => {
    const [keep, merge] = await Promise.all([
      db.applicants.get(keepId),
      db.applicants.get(mergeId),
    ]);
    if (!keep || !merge) throw notFound();
    if (keep.mergedInto !== null || merge.mergedInto !== null) {
      throw new RepositoryError('merge', 'merge_already_merged');
    }
    if (keep.deletedAt !== null || merge.deletedAt !== null) throw notFound();
    if (keep.anonymisedAt !== null || merge.anonymisedAt !== null) {
      throw new RepositoryError('conflict', 'applicant_already_anonymised');
    }
    if (keep.iin && merge.iin && keep.iin !== merge.iin) {
      // Two different IINs are two different people, however alike the rest looks.
      throw new RepositoryError('merge', 'merge_iin_conflict');
    }
    const iin = keep.iin ?? merge.iin;
    if (iin) {
      const holders = await db.applicants.where('iin').equals(iin).toArray();
      if (holders.some((a) => a.id !== keepId && a.id !== mergeId && a.deletedAt === null)) {
        throw new RepositoryError('merge', 'merge_iin_taken');
      }
    }

    // The consent recorded on either record goes with the person who stays.
    const consent = hasConsent(keep)
      ? keep.consent
      : hasConsent(merge)
        ? merge.consent
        : (keep.consent ?? merge.consent);
    const merged = parseOrThrow(
      applicantSchema,
      nextVersion(
        keep,
        {
          iin,
          phones: [...new Set([...keep.phones, ...merge.phones])],
          email: keep.email ?? merge.email,
          address: normalizeAddress(keep.address) === '' ? merge.address : keep.address,
          preferredChannel: keep.preferredChannel ?? merge.preferredChannel,
          vulnerableCategories: [
            ...new Set([...keep.vulnerableCategories, ...merge.vulnerableCategories]),
          ],
          consent,
        },
        time,
        ctx.userId,
      ),
    );

    const lead = await db.appeals.where('applicantId').equals(mergeId).toArray();
    const co = await db.appeals.where('coApplicantIds').equals(mergeId).toArray();
    const appeals = new Map([...lead, ...co].map((a) => [a.id, a]));
    // The appeals that move get the person who stays: their data needs that person's consent.
    if ([...appeals.values()].some((a) => a.deletedAt === null) && needsConsent(merged)) {
      throw new RepositoryError('merge', 'merge_consent_required');
    }
    const moved = [...appeals.values()].map((appeal) => {
      const applicantId = appeal.applicantId === mergeId ? keepId : appeal.applicantId;
      const coApplicantIds = [
        ...new Set(appeal.coApplicantIds.map((id) => (id === mergeId ? keepId : id))),
      ].filter((id) => id !== applicantId);
      return parseOrThrow(
        appealSchema,
        nextVersion(appeal, { applicantId, coApplicantIds }, time, ctx.userId),
      );
    });

    await db.applicants.put(merged);
    for (const appeal of moved) {
      await storeAppeal(db, appeal);
      await db.events.add(
        makeEvent({
          appealId: appeal.id,
          type: 'merged',
          data: { sourceId: mergeId, targetId: keepId },
          now: time.iso,
          userId: ctx.userId,
        }),
      );
    }
    await db.applicants.put(
      nextVersion(merge, { mergedInto: keepId, deletedAt: time.iso }, time, ctx.userId),
    );
    return { applicant: merged, movedAppeals: moved.length };
  });
}
