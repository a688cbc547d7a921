import { makeEvent, type Appeal, type Applicant, type AppEvent } from '@shared/domain';
import { registrySnapshot } from '@shared/journal/batch';
import type { MappingProfile } from '@shared/journal/mapping';
import type { JournalPlan, RegistrySnapshot } from '@shared/journal/plan';
import type { TizilimDb } from '../database';
import { stamp, type WriteContext } from './context';
import { loadDraft, saveDraft } from './drafts';
import { RepositoryError } from './errors';
import { importRecords, type ImportProgress } from './importRecords';
import { softDeleted } from './records';

/**
 * Writes of the journal import wizard: the registry a plan is made against, the import of
 * a plan in one transaction, the list of past imports and the undo of one. The plan itself
 * is pure (shared/journal) and made in the wizard's worker.
 */

const IMPORTED = 'journalImported';

interface ImportedData {
  batchId: string;
  fingerprint: string;
  regNo: string;
  row: number;
  sheet: string;
  fileName: string;
}

function dataOf(event: AppEvent): ImportedData {
  return event.data as unknown as ImportedData;
}

/** Events of every journal import, through the `type` index (no new index needed). */
function importEvents(db: TizilimDb): Promise<AppEvent[]> {
  return db.events.where('type').equals(IMPORTED).toArray();
}

/** What the plan needs of the registry: applicants, rows imported before, numbers, counters. */
export async function loadJournalRegistry(db: TizilimDb): Promise<RegistrySnapshot> {
  return db.transaction('r', [db.applicants, db.appeals, db.events, db.counters], async () => {
    const [applicants, events, counters, regNos] = await Promise.all([
      db.applicants.toArray(),
      importEvents(db),
      db.counters.toArray(),
      db.appeals.orderBy('regNo').keys(),
    ]);
    const imported = await db.appeals.bulkGet([...new Set(events.map((e) => e.appealId))]);
    const appeals = imported.flatMap((a) =>
      a ? [{ id: a.id, regNo: a.regNo, deletedAt: a.deletedAt }] : [],
    );
    const snapshot = registrySnapshot({ applicants, appeals, events, counters });
    return { ...snapshot, regNos: new Set(regNos as string[]) };
  });
}

/**
 * Writes a planned import: all of it in one transaction or nothing. Inside the transaction
 * the registry is checked again — a number the plan gave away may have been taken meanwhile
 * (a colleague registered an appeal) and a row may have been imported by another window —
 * and then the wizard makes the plan again (`registry_changed`).
 */
export async function importJournalPlan(
  db: TizilimDb,
  plan: JournalPlan,
  onProgress?: (progress: ImportProgress) => void,
): Promise<{ appeals: number; applicants: number }> {
  if (plan.appeals.length === 0)
    throw new RepositoryError('validation', 'journal_nothing_to_import');
  return db.transaction(
    'rw',
    [db.applicants, db.appeals, db.registryRows, db.events, db.counters],
    async () => {
      const taken = await db.appeals
        .where('regNo')
        .anyOf(plan.appeals.map((a) => a.regNo))
        .count();
      const counters = await db.counters.bulkGet(Object.keys(plan.baseCounters));
      const moved = Object.values(plan.baseCounters).some(
        (base, i) => (counters[i]?.value ?? 0) !== base,
      );
      const fingerprints = new Set(plan.events.map((e) => dataOf(e).fingerprint));
      const events = await importEvents(db);
      const again = events.filter((e) => fingerprints.has(dataOf(e).fingerprint));
      const liveAgain =
        again.length === 0
          ? []
          : (await db.appeals.bulkGet(again.map((e) => e.appealId))).filter(
              (a) => a && a.deletedAt === null,
            );
      if (taken > 0 || moved || liveAgain.length > 0) {
        throw new RepositoryError('conflict', 'journal_registry_changed');
      }
      const result = await importRecords(
        db,
        { applicants: plan.applicants, appeals: plan.appeals, events: plan.events },
        onProgress,
      );
      return { appeals: result.appeals, applicants: result.applicants };
    },
  );
}

export interface JournalBatchSummary {
  batchId: string;
  fileName: string;
  sheet: string;
  /** When it was imported (ISO UTC). */
  importedAt: string;
  appeals: number;
  /** Appeals of the batch still in the registry (0 once undone). */
  live: number;
}

/** Past journal imports, newest first. */
export async function listJournalBatches(db: TizilimDb): Promise<JournalBatchSummary[]> {
  const events = await importEvents(db);
  const appeals = await db.appeals.bulkGet(events.map((e) => e.appealId));
  const byBatch = new Map<string, JournalBatchSummary>();
  events.forEach((event, i) => {
    const data = dataOf(event);
    let batch = byBatch.get(data.batchId);
    if (!batch) {
      batch = {
        batchId: data.batchId,
        fileName: data.fileName,
        sheet: data.sheet,
        importedAt: event.createdAt,
        appeals: 0,
        live: 0,
      };
      byBatch.set(data.batchId, batch);
    }
    batch.appeals++;
    const appeal = appeals[i];
    if (appeal && appeal.deletedAt === null) batch.live++;
  });
  return [...byBatch.values()].sort((a, b) => b.importedAt.localeCompare(a.importedAt));
}

/** Why a batch cannot be undone: its records changed since the import. */
export interface EditedRecord {
  kind: 'appeal' | 'applicant';
  id: string;
  /** The appeal's number, or the applicant's name. */
  label: string;
}

export class JournalUndoBlocked extends RepositoryError {
  constructor(readonly edited: readonly EditedRecord[]) {
    super('conflict', 'journal_batch_edited');
    this.name = 'JournalUndoBlocked';
  }
}

/** What undo would remove, or which records stop it. */
async function batchRecords(db: TizilimDb, batchId: string) {
  const events = (await importEvents(db)).filter((e) => dataOf(e).batchId === batchId);
  const appealIds = events.map((e) => e.appealId);
  const appeals = (await db.appeals.bulkGet(appealIds)).filter(
    (a): a is Appeal => a !== undefined && a.deletedAt === null,
  );
  const ids = new Set(appeals.map((a) => a.id));
  const edited: EditedRecord[] = [];
  const history = await db.events
    .where('appealId')
    .anyOf([...ids])
    .toArray();
  const touched = new Set(history.filter((e) => e.type !== IMPORTED).map((e) => e.appealId));
  for (const a of appeals) {
    if (a.version !== 1 || touched.has(a.id))
      edited.push({ kind: 'appeal', id: a.id, label: a.regNo });
  }
  const applicantIds = [
    ...new Set(appeals.map((a) => a.applicantId).filter((id): id is string => id !== null)),
  ];
  const applicants = (await db.applicants.bulkGet(applicantIds)).filter(
    (a): a is Applicant => a !== undefined && a.importBatchId === batchId && a.deletedAt === null,
  );
  if (applicants.length > 0) {
    const mine = applicants.map((a) => a.id);
    const [lead, co] = await Promise.all([
      db.appeals.where('applicantId').anyOf(mine).toArray(),
      db.appeals.where('coApplicantIds').anyOf(mine).toArray(),
    ]);
    const usedElsewhere = new Set(
      [...lead, ...co]
        .filter((a) => !ids.has(a.id) && a.deletedAt === null)
        .flatMap((a) => [a.applicantId, ...a.coApplicantIds]),
    );
    for (const a of applicants) {
      if (a.version !== 1 || usedElsewhere.has(a.id))
        edited.push({ kind: 'applicant', id: a.id, label: a.fullName });
    }
  }
  return { appeals, applicants, edited };
}

/** The records that stop an undo (empty when it can go ahead). */
export async function journalUndoCheck(db: TizilimDb, batchId: string): Promise<EditedRecord[]> {
  return db.transaction(
    'r',
    [db.appeals, db.applicants, db.events],
    async () => (await batchRecords(db, batchId)).edited,
  );
}

/**
 * Undoes a journal import: every appeal and new applicant of the batch is removed (soft
 * delete, with a `deleted` event on each appeal), in one transaction — as long as none of
 * them was edited since. Otherwise nothing changes and the edited records are named.
 */
export async function undoJournalImport(
  db: TizilimDb,
  batchId: string,
  ctx: WriteContext,
): Promise<{ appeals: number; applicants: number }> {
  const time = stamp(ctx);
  return db.transaction('rw', [db.appeals, db.applicants, db.events, db.registryRows], async () => {
    const { appeals, applicants, edited } = await batchRecords(db, batchId);
    if (edited.length > 0) throw new JournalUndoBlocked(edited);
    if (appeals.length === 0) throw new RepositoryError('not_found', 'journal_batch_not_found');
    await db.appeals.bulkPut(appeals.map((a) => softDeleted(a, time, ctx.userId)));
    await db.events.bulkAdd(
      appeals.map((a) =>
        makeEvent({
          appealId: a.id,
          type: 'deleted',
          data: {},
          now: time.iso,
          userId: ctx.userId,
          note: '',
        }),
      ),
    );
    await db.applicants.bulkPut(applicants.map((a) => softDeleted(a, time, ctx.userId)));
    return { appeals: appeals.length, applicants: applicants.length };
  });
}

const PROFILE_KIND = 'journalMapping';

/** The mapping remembered for a set of headers (drafts table, kind `journalMapping`). */
export async function loadMappingProfile(
  db: TizilimDb,
  key: string,
): Promise<MappingProfile | null> {
  const draft = await loadDraft(db, PROFILE_KIND, key);
  return (draft?.data as MappingProfile | undefined) ?? null;
}

export async function saveMappingProfile(
  db: TizilimDb,
  key: string,
  profile: MappingProfile,
  ctx: Pick<WriteContext, 'now'> = {},
): Promise<void> {
  await saveDraft(db, { kind: PROFILE_KIND, key, data: profile }, ctx);
}
