import {
  ipcErrorCode,
  type BackupProgressInfo,
  type BackupReasonValue,
  type BackupStatus,
  type BeginBackupResult,
  type BackupOutcome,
  type IpcErrorCode,
} from '@shared/ipc';
import { bytesToWrite, spaceIsLow } from '@shared/backup';
import type { TizilimDb } from '@renderer/db/database';
import { hasOfficeData } from '@renderer/db/queries/office';
import { isDemoDb } from '@renderer/db/demoOffice';
import type { BackupPlatform } from '@renderer/platform';
import { startJournalFeed, type FeedState, type JournalFeed } from './journalFeed';
import { readBackupSource } from './source';
import { requestPersistentStorage, storageRoom } from './storage';

/** How one backup attempt ended. */
export type BackupAttempt =
  | { kind: 'done'; outcome: BackupOutcome }
  /** No folder could take it (each folder's problem is named); nothing was written. */
  | { kind: 'refused'; refused: BeginBackupResult }
  /** No password set, or this session does not have it. */
  | { kind: 'no_password' }
  /** Another backup is being written. */
  | { kind: 'busy' }
  /** Nothing to back up: the office has no data of its own yet. */
  | { kind: 'empty' }
  /** The demo office is open: its records are never backed up (over the office's backups). */
  | { kind: 'demo' }
  | { kind: 'failed'; code: IpcErrorCode | null; message: string };

export interface BackupRunning {
  reason: BackupReasonValue;
  /** Records and file bytes sent so far, of the totals in the backup's header. */
  records: number;
  fileBytes: number;
  totalRecords: number;
  totalFileBytes: number;
}

export interface BackupSnapshot {
  status: BackupStatus | null;
  /** The journal feed: whether changes are being journaled right now. */
  feed: FeedState;
  running: BackupRunning | null;
  /** The last automatic or manual attempt that did not end well, if the next one has not. */
  lastAttempt: BackupAttempt | null;
  /** Free bytes where the database lives (`navigator.storage.estimate`), null if unknown. */
  freeBytes: number | null;
  /** Persistent storage granted (null: the browser cannot say). */
  persisted: boolean | null;
}

export interface BackupControllerOptions {
  appVersion?: string;
  now?: () => Date;
}

/**
 * The app's backups in one place, started once per window: persistent storage is asked
 * for, the journal feed runs, the first start of the day takes a backup, and a backup is
 * taken whenever the journal cannot continue (a new database, data replaced by an import or
 * a restore). Screens read its snapshot (`useBackups`) and call `backupNow`.
 *
 * Automatic backups run only in the desktop app (the web build would download a file each
 * time) and only when the office has data of its own: a backup of an empty database
 * (a database Chromium deleted, say) must never push good backups out of the rotation.
 */
export class BackupController {
  readonly #db: TizilimDb;
  readonly #platform: BackupPlatform;
  readonly #options: BackupControllerOptions;
  readonly #listeners = new Set<() => void>();
  #feed: JournalFeed | null = null;
  #snapshot: BackupSnapshot = {
    status: null,
    feed: 'needs_backup',
    running: null,
    lastAttempt: null,
    freeBytes: null,
    persisted: null,
  };
  /** The reason of the backup the next "data replaced" gets (a restore sets it). */
  #replaceReason: BackupReasonValue = 'after_import';
  #pendingAuto: Promise<unknown> | null = null;

  constructor(db: TizilimDb, platform: BackupPlatform, options: BackupControllerOptions = {}) {
    this.#db = db;
    this.#platform = platform;
    this.#options = options;
  }

  get platform(): BackupPlatform {
    return this.#platform;
  }

  get snapshot(): BackupSnapshot {
    return this.#snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #set(patch: Partial<BackupSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...patch };
    for (const listener of [...this.#listeners]) listener();
  }

  /**
   * Starts the feed and the automatic backups; called again (after the password was set or
   * given), it resynchronises and takes the backups that are due. Resolves when done.
   */
  async start(): Promise<void> {
    if (this.#snapshot.persisted === null) {
      this.#set({ persisted: await requestPersistentStorage() });
    }
    await this.refresh();
    // The demo office: no journal, no automatic backups (demoOffice.ts).
    if (this.#platform.kind !== 'desktop' || isDemoDb(this.#db)) return;
    this.#feed ??= startJournalFeed(this.#db, this.#platform, {
      onState: (feed) => this.#set({ feed }),
      onNeedsBackup: (why) => {
        if (why === 'replaced') void this.#auto(this.#replaceReason);
      },
      onError: (error) => console.warn('[backup] journal feed', error),
    });
    await this.#feed.resync();
    const status = this.#snapshot.status;
    if (status?.password !== 'ready') return;
    if (status.dailyDue) await this.#auto('daily');
    else if (this.#feed.state === 'needs_backup') await this.#auto('new_journal');
  }

  stop(): void {
    this.#feed?.stop();
    this.#feed = null;
  }

  /** Resolves when the automatic work started so far and the journal feed are done. */
  async idle(): Promise<void> {
    for (;;) {
      const pending = this.#pendingAuto;
      await pending;
      await this.#feed?.idle();
      if (pending === this.#pendingAuto) return;
    }
  }

  /** Reads main's status and the free space again. */
  async refresh(): Promise<BackupStatus | null> {
    const [status, room] = await Promise.all([
      this.#platform.status().catch(() => null),
      storageRoom(),
    ]);
    this.#set({ status, freeBytes: room.free });
    return status;
  }

  /** The next backup taken because data was replaced names this reason. */
  expectReplace(reason: BackupReasonValue): void {
    this.#replaceReason = reason;
  }

  #auto(reason: BackupReasonValue): Promise<unknown> {
    const run = (async () => {
      await this.#pendingAuto?.catch(() => undefined);
      if (!(await hasOfficeData(this.#db))) return;
      // Still due? A start that overlapped another (the password just set) may have asked too.
      if (reason === 'daily' && !(await this.refresh())?.dailyDue) return;
      if (reason === 'new_journal' && this.#feed?.state !== 'needs_backup') return;
      const attempt = await this.backupNow(reason);
      if (attempt.kind === 'busy') return;
      this.#replaceReason = 'after_import';
    })();
    this.#pendingAuto = run.catch(() => undefined);
    return this.#pendingAuto;
  }

  /** Takes a backup of the database now (Settings › Data, before an import, the schedule). */
  async backupNow(
    reason: BackupReasonValue,
    onProgress?: (running: BackupRunning) => void,
  ): Promise<BackupAttempt> {
    if (isDemoDb(this.#db)) return { kind: 'demo' };
    if (this.#snapshot.running !== null) return { kind: 'busy' };
    const running: BackupRunning = {
      reason,
      records: 0,
      fileBytes: 0,
      totalRecords: 0,
      totalFileBytes: 0,
    };
    this.#set({ running });
    let attempt: BackupAttempt;
    try {
      attempt = await this.#take(reason, running, onProgress);
    } catch (error) {
      attempt = {
        kind: 'failed',
        code: ipcErrorCode(error),
        message: error instanceof Error ? error.message : String(error),
      };
    }
    this.#set({ running: null, lastAttempt: attempt.kind === 'done' ? null : attempt });
    await this.refresh();
    if (attempt.kind === 'done') await this.#feed?.resync();
    return attempt;
  }

  async #take(
    reason: BackupReasonValue,
    running: BackupRunning,
    onProgress?: (running: BackupRunning) => void,
  ): Promise<BackupAttempt> {
    const status = await this.#platform.status();
    if (status.password !== 'ready') return { kind: 'no_password' };
    if (status.busy) return { kind: 'busy' };
    const source = await readBackupSource(this.#db, reason, {
      ...(this.#options.appVersion === undefined ? {} : { appVersion: this.#options.appVersion }),
      ...(this.#options.now === undefined ? {} : { now: this.#options.now }),
    });
    const counts = Object.values(source.info.counts).reduce<number>((n, c) => n + (c ?? 0), 0);
    if (counts === 0) return { kind: 'empty' };
    const total = { totalRecords: counts, totalFileBytes: source.info.files.bytes };
    const report = (progress: BackupProgressInfo) => {
      const next = {
        ...running,
        ...total,
        records: progress.records,
        fileBytes: progress.fileBytes,
      };
      this.#set({ running: next });
      onProgress?.(next);
    };
    this.#set({ running: { ...running, ...total } });
    const run = await this.#platform.createBackup(source, { onProgress: report });
    return run.ok
      ? { kind: 'done', outcome: run.outcome }
      : { kind: 'refused', refused: run.refused };
  }

  /** What Today warns about (nothing when all is well). */
  warnings(): BackupWarning[] {
    const all = backupWarnings(this.#snapshot, this.#platform.kind);
    // The office's backups are not the demo's business: only the disk's room is.
    return isDemoDb(this.#db) ? all.filter((w) => w.kind === 'low_space') : all;
  }
}

export type BackupWarning =
  | { kind: 'never' }
  | { kind: 'old'; lastGoodAt: string }
  | { kind: 'locked' }
  | { kind: 'no_password' }
  | { kind: 'folder_unreachable'; folder: string }
  | { kind: 'low_space'; freeBytes: number };

/** Today's warnings from a snapshot: pure, so tests give it any state. */
export function backupWarnings(
  snapshot: BackupSnapshot,
  kind: BackupPlatform['kind'],
): BackupWarning[] {
  const out: BackupWarning[] = [];
  const status = snapshot.status;
  if (snapshot.freeBytes !== null && spaceIsLow(snapshot.freeBytes)) {
    out.push({ kind: 'low_space', freeBytes: snapshot.freeBytes });
  }
  if (status === null || kind !== 'desktop') return out;
  if (status.password === 'not_set') out.push({ kind: 'no_password' });
  else if (status.password === 'locked') out.push({ kind: 'locked' });
  if (status.age === 'never' && status.password !== 'not_set') out.push({ kind: 'never' });
  if (status.age === 'old' && status.lastGoodAt !== null)
    out.push({ kind: 'old', lastGoodAt: status.lastGoodAt });
  for (const folder of status.folders) {
    if (folder.kind === 'office' && folder.folder !== null && !folder.reachable) {
      out.push({ kind: 'folder_unreachable', folder: folder.folder });
    }
  }
  return out;
}

/** Bytes the database needs to take in a backup's records and files (restore, import). */
export function restoreBytes(counts: Record<string, number>, fileBytes: number): number {
  return bytesToWrite(
    Object.values(counts).reduce((n, c) => n + c, 0),
    fileBytes,
  );
}
