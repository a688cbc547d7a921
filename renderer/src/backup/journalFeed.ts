import { MAX_BACKUP_PAGE, type JournalChangeInput } from '@shared/ipc';
import type { TizilimDb } from '@renderer/db/database';
import {
  changesSince,
  getLogId,
  onChangesCommittedWithValues,
  type ChangeEntry,
  type CommittedChange,
} from '@renderer/db/changeLog';
import { getDevice } from '@renderer/db/repositories/device';
import type { BackupPlatform } from '@renderer/platform';
import { storedFileSize, storedFileSlice } from './source';

/**
 * The journal between backups, fed from the change log (docs/backup-format.md, "The
 * journal"). Every transaction that changed office data is sent, once it has committed, to
 * the main process with its records as they were written; main appends and fsyncs before
 * it answers. The feed keeps no position of its own: main's journal says the last seq it
 * holds (`status().journal`), and at every (re)synchronisation the feed sends the change log
 * after that seq before the live batches, so a restart, a crash or a failed send loses
 * nothing the log holds.
 *
 * It sends only into a journal of THIS database's change log (same `logId`) that main
 * already has — one that follows a backup of this log. When there is none (a new or
 * recreated database, a first start) or a batch cannot be journaled (a `clear`: an import or
 * a restore replaced the data), the feed stops and says a full backup is needed
 * (`onNeedsBackup`); after that backup main starts a journal after it and `resync()` goes on.
 */
export type FeedState =
  /** Live batches go to the journal. */
  | 'synced'
  /** Waiting for a backup of this change log (or the password): nothing is sent. */
  | 'needs_backup'
  /** The last send failed (main unreachable, disk full): retried at the next resync. */
  | 'failed'
  | 'stopped';

export interface JournalFeedOptions {
  /** Called when the journal cannot continue without a full backup first. */
  onNeedsBackup?: (why: 'no_journal' | 'replaced' | 'locked') => void;
  onError?: (error: unknown) => void;
  onState?: (state: FeedState) => void;
}

export interface JournalFeed {
  readonly state: FeedState;
  /** Reads main's journal position and sends everything after it, then the live batches. */
  resync(): Promise<FeedState>;
  /** Resolves once every batch heard so far was answered by main (for tests and quit). */
  idle(): Promise<void>;
  stop(): void;
}

/** A batch of the change log as journal changes, with the records. */
export async function journalChangesOf(
  db: TizilimDb,
  entries: readonly (ChangeEntry | CommittedChange)[],
): Promise<JournalChangeInput[] | 'replaced'> {
  if (entries.some((e) => e.op === 'clear')) return 'replaced';
  const missing = entries.filter((e) => e.op === 'put' && !('value' in e && e.value !== undefined));
  const read = new Map<string, unknown>();
  for (const table of new Set(missing.map((e) => e.table))) {
    const ids = missing.filter((e) => e.table === table).map((e) => e.id);
    const found = await db.table(table).bulkGet(ids);
    ids.forEach((id, i) => read.set(`${table}\u0000${id}`, found[i]));
  }
  const out: JournalChangeInput[] = [];
  for (const entry of entries) {
    const value =
      entry.op !== 'put'
        ? undefined
        : 'value' in entry && entry.value !== undefined
          ? entry.value
          : read.get(`${entry.table}\u0000${entry.id}`);
    const base = {
      seq: entry.seq,
      table: entry.table,
      id: entry.id,
      op: entry.op,
      at: entry.at,
      device: entry.device,
    };
    if (value === undefined || value === null) {
      // Deleted, or (read back after the commit) already gone again: the record is gone.
      out.push({ ...base, record: null });
      continue;
    }
    if (entry.table !== 'attachments') {
      out.push({ ...base, record: value as Record<string, unknown> });
      continue;
    }
    const { blob, ...record } = value as Record<string, unknown>;
    const size = storedFileSize(blob);
    out.push({ ...base, record, file: await storedFileSlice(blob, 0, size) });
  }
  return out;
}

/** Splits changes into calls: at most a page, and an attachment with its file alone. */
export function journalCalls(changes: readonly JournalChangeInput[]): JournalChangeInput[][] {
  const calls: JournalChangeInput[][] = [];
  let current: JournalChangeInput[] = [];
  for (const change of changes) {
    if (change.file !== undefined || current.length >= MAX_BACKUP_PAGE) {
      if (current.length > 0) calls.push(current);
      current = [];
    }
    current.push(change);
    if (change.file !== undefined) {
      calls.push(current);
      current = [];
    }
  }
  if (current.length > 0) calls.push(current);
  return calls;
}

export function startJournalFeed(
  db: TizilimDb,
  platform: BackupPlatform,
  options: JournalFeedOptions = {},
): JournalFeed {
  let state: FeedState = 'needs_backup';
  /** The last seq main holds in this log's journal. */
  let position = 0;
  let logId: string | null = null;
  let device: { id: string; name: string } | null = null;
  /** One send at a time, in order. */
  let chain: Promise<void> = Promise.resolve();

  const setState = (next: FeedState) => {
    if (state === 'stopped' || state === next) return;
    state = next;
    options.onState?.(next);
  };

  /** Sends the entries main lacks; false when they cannot be journaled (a backup is due). */
  const send = async (entries: readonly (ChangeEntry | CommittedChange)[]): Promise<boolean> => {
    const fresh = entries.filter((e) => e.seq > position);
    if (fresh.length === 0 || logId === null || device === null) return true;
    const changes = await journalChangesOf(db, fresh);
    if (changes === 'replaced') {
      setState('needs_backup');
      options.onNeedsBackup?.('replaced');
      return false;
    }
    for (const call of journalCalls(changes)) {
      const result = await platform.appendJournal(logId, device, call);
      position = Math.max(position, result.lastSeq ?? call.at(-1)!.seq);
    }
    return true;
  };

  const enqueue = (task: () => Promise<void>): Promise<void> => {
    const run = chain.then(task).catch((error: unknown) => {
      setState('failed');
      options.onError?.(error);
    });
    chain = run;
    return run;
  };

  /** Sends the change log after `position`; false when a backup is needed first. */
  const catchUp = async (): Promise<boolean> => {
    for (;;) {
      const page = await changesSince(db, position, MAX_BACKUP_PAGE);
      if (page.length === 0) return true;
      if (!(await send(page))) return false;
      position = Math.max(position, page.at(-1)!.seq);
    }
  };

  const unsubscribe =
    platform.kind === 'desktop'
      ? onChangesCommittedWithValues(db, (changes) => {
          if (state === 'failed') void resync();
          if (state !== 'synced') return;
          void enqueue(async () => {
            if (state === 'synced') await send(changes);
          });
        })
      : () => undefined;

  const resync = async (): Promise<FeedState> => {
    if (state === 'stopped' || platform.kind !== 'desktop') return state;
    await enqueue(async () => {
      logId ??= await getLogId(db);
      const identity = await getDevice(db);
      device = { id: identity.id, name: identity.name };
      const status = await platform.status();
      if (status.password !== 'ready') {
        setState('needs_backup');
        options.onNeedsBackup?.('locked');
        return;
      }
      const journal = status.journal;
      if (journal === null || journal.logId !== logId) {
        setState('needs_backup');
        options.onNeedsBackup?.('no_journal');
        return;
      }
      position = journal.lastSeq ?? journal.afterSeq ?? 0;
      if (!(await catchUp())) return;
      setState('synced');
      // A commit heard between the last page read and now: caught by reading once more.
      void enqueue(async () => {
        await catchUp();
      });
    });
    return state;
  };

  return {
    get state() {
      return state;
    },
    resync,
    idle: async () => {
      for (let seen = chain; ; seen = chain) {
        await seen;
        if (seen === chain) return;
      }
    },
    stop: () => {
      unsubscribe();
      state = 'stopped';
    },
  };
}
