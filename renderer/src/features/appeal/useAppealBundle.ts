import type { Appeal, Applicant, AppEvent, Attachment } from '@shared/domain';
import { useDb, useLiveQuery } from '@renderer/db/hooks';
import { appealHistory } from '@renderer/db/queries/appeals';
import type { TizilimDb } from '@renderer/db/database';

/** Everything the appeal page and its printouts show, read in one live query. */
export interface AppealBundle {
  appeal: Appeal;
  /** null for an anonymous appeal, or when the applicant record is missing. */
  applicant: Applicant | null;
  coApplicants: Applicant[];
  /** History, oldest first. */
  events: AppEvent[];
  /** Files attached now (not taken off), oldest first. */
  attachments: Attachment[];
  /** Names of every applicant the appeal or its history mentions (for field changes). */
  applicantNames: ReadonlyMap<string, string>;
  /** Names of every file ever attached, including those taken off later. */
  attachmentNames: ReadonlyMap<string, string>;
}

function idsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Applicant ids mentioned anywhere: lead, co-applicants, and old values in the history. */
function mentionedApplicants(appeal: Appeal, events: readonly AppEvent[]): string[] {
  const ids = new Set<string>();
  if (appeal.applicantId) ids.add(appeal.applicantId);
  for (const id of appeal.coApplicantIds) ids.add(id);
  for (const event of events) {
    if (event.type !== 'fieldChanged') continue;
    for (const change of event.data.changes) {
      if (change.field !== 'applicantId' && change.field !== 'coApplicantIds') continue;
      for (const id of [...idsIn(change.from), ...idsIn(change.to)]) ids.add(id);
    }
  }
  return [...ids];
}

export async function loadAppealBundle(db: TizilimDb, id: string): Promise<AppealBundle | null> {
  const appeal = await db.appeals.get(id);
  if (!appeal || appeal.deletedAt !== null) return null;
  const events = await appealHistory(db, id);
  const applicants = (await db.applicants.bulkGet(mentionedApplicants(appeal, events))).filter(
    (a): a is Applicant => a !== undefined,
  );
  const byId = new Map(applicants.map((a) => [a.id, a]));
  const files = await db.attachments.where('appealId').equals(id).toArray();
  files.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return {
    appeal,
    applicant: appeal.applicantId ? (byId.get(appeal.applicantId) ?? null) : null,
    coApplicants: appeal.coApplicantIds
      .map((coId) => byId.get(coId))
      .filter((a): a is Applicant => a !== undefined),
    events,
    attachments: files.filter((f) => f.deletedAt === null),
    applicantNames: new Map(applicants.map((a) => [a.id, a.fullName])),
    attachmentNames: new Map(files.map((f) => [f.id, f.fileName])),
  };
}

/**
 * The appeal with its applicant, history and files, kept live: any write (here or in another
 * window) re-renders the page. `undefined` while loading, `null` when there is no such appeal.
 */
export function useAppealBundle(id: string | undefined): AppealBundle | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (id ? loadAppealBundle(db, id) : null), [db, id]);
}
