/**
 * "Last backup + journal": the journal's changes after the backup's change number, applied
 * on top of the backup's tables. A record changed in the journal is replaced by its saved
 * contents, a record gone is removed, a new record is added at the end of its table (in
 * the order it was first saved). Applying is idempotent: every change carries the whole
 * record, so a change already in the backup (a backup read while the office kept working)
 * writes the same record again.
 */
import { EXPORT_TABLE_NAMES, type ExportTableName } from '../export/schema';
import type { BackupItem, BackupRecord } from './content';
import { BackupError } from './errors';
import type { BackupHeader, JournalHeader } from './header';
import type { JournalChange, JournalEntry } from './journal';

/** The latest state of one record after the journal. */
interface Latest {
  table: ExportTableName;
  id: string;
  record: BackupRecord | null;
  /** Attachment bytes: new bytes, null when the attachment is gone, undefined to keep. */
  file: Uint8Array | null | undefined;
}

export interface JournalPlan {
  /** Records the journal changes, by table, then id, in the order first changed. */
  latest: Map<ExportTableName, Map<string, Latest>>;
  /** Changes applied (after the backup's change number). */
  applied: number;
  /** The last change number and time applied, or null when nothing was. */
  lastSeq: number | null;
  lastAt: string | null;
}

/**
 * Whether a journal continues a backup: the same change log, and no changes missing
 * between the backup and the journal's start. Throws BackupError journal_mismatch.
 */
export function checkJournalContinues(
  backup: Pick<BackupHeader, 'logId' | 'changeSeq'>,
  journal: Pick<JournalHeader, 'logId' | 'afterSeq'>,
): void {
  if (backup.logId === null || backup.changeSeq === null) {
    throw new BackupError('journal_mismatch', 'the backup has no change log');
  }
  if (journal.logId !== backup.logId)
    throw new BackupError('journal_mismatch', 'another change log');
  if (journal.afterSeq !== null && journal.afterSeq > backup.changeSeq) {
    throw new BackupError('journal_mismatch', 'changes missing between the backup and the journal');
  }
}

/**
 * The changes of one or more journals after `afterSeq`, merged by change number (the same
 * number in two journals is the same change, kept once), in order.
 */
export function journalChanges(
  journals: readonly { entries: readonly JournalEntry[] }[],
  afterSeq: number,
): JournalChange[] {
  const bySeq = new Map<number, JournalChange>();
  for (const journal of journals) {
    for (const entry of journal.entries) {
      for (const change of entry.changes) {
        if (change.seq > afterSeq && !bySeq.has(change.seq)) bySeq.set(change.seq, change);
      }
    }
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Folds changes (in sequence order) into the latest state of each record. */
export function planJournal(changes: readonly JournalChange[]): JournalPlan {
  const latest = new Map<ExportTableName, Map<string, Latest>>();
  let lastSeq: number | null = null;
  let lastAt: string | null = null;
  for (const change of changes) {
    let table = latest.get(change.table);
    if (table === undefined) latest.set(change.table, (table = new Map()));
    const state = table.get(change.id) ?? {
      table: change.table,
      id: change.id,
      record: null,
      file: undefined,
    };
    state.record = change.record;
    if (change.record === null) state.file = null;
    else if (change.file !== undefined) state.file = change.file;
    else if (state.file === null) state.file = undefined;
    table.set(change.id, state);
    lastSeq = change.seq;
    lastAt = change.at;
  }
  return { latest, applied: changes.length, lastSeq, lastAt };
}

function missingFile(id: string): BackupError {
  return new BackupError('journal_mismatch', `attachment ${id} has no file`);
}

/** Applies a journal to tables and files held in memory; the inputs are not changed. */
export function applyJournal(
  data: {
    tables: Readonly<Record<ExportTableName, readonly BackupRecord[]>>;
    files: ReadonlyMap<string, Uint8Array>;
  },
  changes: readonly JournalChange[],
): {
  tables: Record<ExportTableName, BackupRecord[]>;
  files: Map<string, Uint8Array>;
  plan: JournalPlan;
} {
  const plan = planJournal(changes);
  const tables = {} as Record<ExportTableName, BackupRecord[]>;
  const files = new Map(data.files);
  for (const table of EXPORT_TABLE_NAMES) {
    const changed = plan.latest.get(table) ?? new Map<string, Latest>();
    const seen = new Set<string>();
    const out: BackupRecord[] = [];
    for (const record of data.tables[table] ?? []) {
      const state = changed.get(record.id as string);
      if (state === undefined) {
        out.push(record);
        continue;
      }
      seen.add(state.id);
      if (state.record !== null) out.push(state.record);
    }
    for (const state of changed.values()) {
      if (!seen.has(state.id) && state.record !== null) out.push(state.record);
    }
    tables[table] = out;
    if (table === 'attachments') {
      for (const state of changed.values()) {
        if (state.record === null) files.delete(state.id);
        else if (state.file instanceof Uint8Array) files.set(state.id, state.file);
        else if (!files.has(state.id)) throw missingFile(state.id);
      }
    }
  }
  return { tables, files, plan };
}

/**
 * The same, streaming: a backup's items in (as the reader yields them), the items of the
 * restored data out, with memory bounded by the journal. New records and replaced files
 * come after all of the backup's items.
 */
export async function* applyJournalToItems(
  items: AsyncIterable<BackupItem>,
  changes: readonly JournalChange[],
): AsyncGenerator<BackupItem> {
  const plan = planJournal(changes);
  const seen = new Map<ExportTableName, Set<string>>();
  const attachments = plan.latest.get('attachments') ?? new Map<string, Latest>();
  const filesSeen = new Set<string>();
  for await (const item of items) {
    if (item.kind === 'records') {
      const changed = plan.latest.get(item.table);
      if (changed === undefined) {
        yield item;
        continue;
      }
      let tableSeen = seen.get(item.table);
      if (tableSeen === undefined) seen.set(item.table, (tableSeen = new Set()));
      const records: BackupRecord[] = [];
      for (const record of item.records) {
        const state = changed.get(record.id as string);
        if (state === undefined) records.push(record);
        else {
          tableSeen.add(state.id);
          if (state.record !== null) records.push(state.record);
        }
      }
      yield { kind: 'records', table: item.table, records };
    } else {
      filesSeen.add(item.id);
      const state = attachments.get(item.id);
      // Kept unless the attachment is gone or its bytes were replaced (sent below).
      if (state === undefined || (state.record !== null && state.file === undefined)) yield item;
    }
  }
  for (const table of EXPORT_TABLE_NAMES) {
    const changed = plan.latest.get(table);
    if (changed === undefined) continue;
    const tableSeen = seen.get(table) ?? new Set<string>();
    const added = [...changed.values()].filter((s) => !tableSeen.has(s.id) && s.record !== null);
    if (added.length > 0) {
      yield { kind: 'records', table, records: added.map((s) => s.record!) };
    }
  }
  for (const state of attachments.values()) {
    if (state.record === null) continue;
    if (state.file instanceof Uint8Array) {
      yield { kind: 'file', id: state.id, data: state.file, final: true };
    } else if (!filesSeen.has(state.id)) {
      throw missingFile(state.id);
    }
  }
}

/** What a journal adds to a backup, for the restore screen. */
export interface JournalPlanSummary {
  changes: number;
  /** When the last change applied was saved. */
  lastAt: string | null;
}

/**
 * The journals (of one laptop) that continue a backup without a gap: the first starts at
 * or before the backup's change number, each next one at or before the last change of those
 * before it. Journals of another change log, or after a gap, are left out.
 */
export function chainJournals<
  J extends { header: Pick<JournalHeader, 'logId' | 'afterSeq'>; entries: readonly JournalEntry[] },
>(backup: Pick<BackupHeader, 'logId' | 'changeSeq'>, journals: readonly J[]): J[] {
  if (backup.logId === null || backup.changeSeq === null) return [];
  const lastSeq = (journal: J): number => {
    let last = journal.header.afterSeq ?? -1;
    for (const entry of journal.entries)
      for (const change of entry.changes) last = Math.max(last, change.seq);
    return last;
  };
  let remaining = journals.filter((j) => j.header.logId === backup.logId);
  let covered = backup.changeSeq;
  const chain: J[] = [];
  for (;;) {
    const next = remaining.filter((j) => (j.header.afterSeq ?? -1) <= covered);
    if (next.length === 0) return chain;
    chain.push(...next);
    remaining = remaining.filter((j) => !next.includes(j));
    for (const journal of next) covered = Math.max(covered, lastSeq(journal));
  }
}
