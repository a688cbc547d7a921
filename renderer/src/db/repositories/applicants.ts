import {
  applicantInputSchema,
  applicantSchema,
  applicantSearchWords,
  makeEvent,
  newBaseFields,
  type Applicant,
  type ApplicantInput,
  type PersonAddress,
} from '@shared/domain';
import { newId } from '@shared/ids';
import { normalizeKzPhone } from '@shared/validation/phone';
import { normalizeAddress, normalizePersonName } from '@shared/validation/text';
import type { TizilimDb } from '../database';
import { appealTables, storeAppeal } from './appeals';
import { stamp, type WriteContext } from './context';
import { editConflict, notFound, parseOrThrow, RepositoryError } from './errors';

/** Moved to shared/ (the merge of laptops' data recomputes them too); re-exported here. */
export { applicantSearchWords } from '@shared/domain';

export async function createApplicant(
  db: TizilimDb,
  input: ApplicantInput,
  ctx: WriteContext,
): Promise<Applicant> {
  const data = parseOrThrow(applicantInputSchema, input);
  const time = stamp(ctx);
  const applicant = parseOrThrow(applicantSchema, {
    ...data,
    ...newBaseFields({ id: newId(), now: time.iso, userId: ctx.userId }),
    anonymisedAt: null,
    mergedInto: null,
    searchWords: applicantSearchWords(data),
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
  return db.transaction('rw', [db.applicants, db.appeals, db.registryRows], async () => {
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
    const applicant = parseOrThrow(applicantSchema, {
      ...current,
      ...data,
      updatedAt: time.iso,
      updatedBy: ctx.userId,
      version: current.version + 1,
      searchWords: applicantSearchWords(data),
    });
    await db.applicants.put(applicant);
    if (applicant.fullName !== current.fullName) await renameInRegistry(db, id, applicant.fullName);
    return applicant;
  });
}

/** The registry shows lead applicants' names; a rename reaches every row of theirs. */
export async function renameInRegistry(db: TizilimDb, applicantId: string, fullName: string) {
  const ids = await db.appeals.where('applicantId').equals(applicantId).primaryKeys();
  const rows = await db.registryRows.bulkGet(ids);
  await db.registryRows.bulkPut(
    rows.flatMap((row) => (row ? [{ ...row, applicantName: fullName }] : [])),
  );
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

/**
 * Merges a duplicate into the applicant who stays: every appeal of the duplicate (as lead
 * or co-applicant) moves over with a `merged` event, contacts are combined, and the
 * duplicate is kept as a soft-deleted record pointing to the one it went into.
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
    if (!keep || keep.deletedAt !== null) throw notFound();
    if (!merge || merge.deletedAt !== null) throw notFound();
    if (keep.anonymisedAt !== null || merge.anonymisedAt !== null) {
      throw new RepositoryError('conflict', 'applicant_already_anonymised');
    }
    if (keep.iin && merge.iin && keep.iin !== merge.iin) {
      // Two different IINs are two different people, however alike the rest looks.
      throw new RepositoryError('merge', 'merge_iin_conflict');
    }

    const merged = parseOrThrow(applicantSchema, {
      ...keep,
      iin: keep.iin ?? merge.iin,
      phones: [...new Set([...keep.phones, ...merge.phones])],
      email: keep.email ?? merge.email,
      address: normalizeAddress(keep.address) === '' ? merge.address : keep.address,
      preferredChannel: keep.preferredChannel ?? merge.preferredChannel,
      vulnerableCategories: [
        ...new Set([...keep.vulnerableCategories, ...merge.vulnerableCategories]),
      ],
      consent: keep.consent ?? merge.consent,
      updatedAt: time.iso,
      updatedBy: ctx.userId,
      version: keep.version + 1,
    });
    merged.searchWords = applicantSearchWords(merged);

    await db.applicants.put(merged);
    const lead = await db.appeals.where('applicantId').equals(mergeId).toArray();
    const co = await db.appeals.where('coApplicantIds').equals(mergeId).toArray();
    const appeals = new Map([...lead, ...co].map((a) => [a.id, a]));
    for (const appeal of appeals.values()) {
      const coApplicantIds = [
        ...new Set(appeal.coApplicantIds.map((id) => (id === mergeId ? keepId : id))),
      ].filter((id) => id !== (appeal.applicantId === mergeId ? keepId : appeal.applicantId));
      await storeAppeal(db, {
        ...appeal,
        applicantId: appeal.applicantId === mergeId ? keepId : appeal.applicantId,
        coApplicantIds,
        updatedAt: time.iso,
        updatedBy: ctx.userId,
        version: appeal.version + 1,
      });
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
    await db.applicants.put({
      ...merge,
      mergedInto: keepId,
      deletedAt: time.iso,
      updatedAt: time.iso,
      updatedBy: ctx.userId,
      version: merge.version + 1,
    });
    return { applicant: merged, movedAppeals: appeals.size };
  });
}
