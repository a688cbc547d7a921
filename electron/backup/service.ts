/**
 * Backups, the journal and restore in the main process. Thin on purpose: the format, the
 * rotation rule, the schedule and the journal's application are pure code in shared/backup;
 * this class puts them on disk. It writes every backup into two folders — the one the
 * office chose (a USB stick, a network share) and `backups/` under the user-data folder —
 * through partial files that are fsynced, verified and only then renamed into place.
 *
 * Where the work happens: the renderer streams records out of Dexie page by page and file
 * bytes in chunks (IPC), and this process zips, encrypts and writes them. The renderer never
 * holds more than a page, so 300 MB of scans back up with a small heap, and the password
 * and keys never leave this process.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  applyJournalToItems,
  chainJournals,
  journalChanges,
  type JournalPlanSummary,
} from '@shared/backup/apply';
import type { BackupItem } from '@shared/backup/content';
import { BackupError } from '@shared/backup/errors';
import { exportJsonItems, scanExportJson } from '@shared/backup/exportItems';
import {
  type BackupHeader,
  type JournalHeader,
  readPrefix,
  sniffFile,
} from '@shared/backup/header';
import { checkBatch, type JournalChange } from '@shared/backup/journal';
import type { BackupSecret } from '@shared/backup/keys';
import { BACKUP_EXTENSION_NAME, JOURNAL_EXTENSION_NAME } from '@shared/backup/names';
import { backupPreview, exportPreview } from '@shared/backup/preview';
import { countItems, openBackup, verifyBackup } from '@shared/backup/reader';
import { backupsToKeep } from '@shared/backup/rotation';
import {
  backupAge,
  backupFileName,
  dailyBackupDue,
  tagOfBackupName,
} from '@shared/backup/schedule';
import { BackupWriter, type BackupInfo, type WriterOptions } from '@shared/backup/writer';
import { ByteReader } from '@shared/backup/byteQueue';
import type {
  AppendJournalRequest,
  BackupFileInfo,
  BackupFileSummary,
  BackupFolderKind,
  BackupFolderProblem,
  BackupFolderStatus,
  BackupListing,
  BackupOutcome,
  BackupProgressInfo,
  BackupStatus,
  BeginBackupResult,
  BeginRestoreRequest,
  ChosenBackupFile,
  IpcErrorCode,
  IpcRequest,
  PasswordSetResult,
  RestoreChunk,
  RestorePreview,
} from '@shared/ipc';
import { IpcError, toIpcErrorInfo } from '../ipc/guard';
import { asIpc, toIpcError, withAnySecret } from './errors';
import { type BackupFolderStore } from './folderStore';
import {
  freeBytes,
  PartialFile,
  readChunks,
  readHead,
  removeOwnPartials,
  type StatFs,
  writeSettingsFile,
} from './files';
import { JournalFile, readJournalFile } from './journalFile';
import { Keyring } from './keyring';
import { nativeDeflate, nativeInflate } from './zlib';
import type { SecretStore } from './secretStore';

export const LOCAL_BACKUP_DIR = 'backups';
const STATE_FILE = 'backup-state.json';
const KEYS_FILE = 'backup-keys.json';
/** Left free on the laptop's own disk: the database lives there and must never run out. */
export const LOCAL_RESERVE_BYTES = 256 * 1024 * 1024;
/** A backup session nobody has touched for this long may be replaced by a new one. */
const SESSION_IDLE_MS = 2 * 60_000;
/** Largest file chunk handed to the renderer in one readRestore. */
const RESTORE_CHUNK_BYTES = 8 * 1024 * 1024;

const summarySchema = z.object({
  fileName: z.string(),
  createdAt: z.string(),
  bytes: z.number(),
  reason: z.string(),
  device: z.object({ id: z.string(), name: z.string() }),
  counts: z.record(z.string(), z.number()),
  files: z.object({ count: z.number(), bytes: z.number() }),
  logId: z.string().nullable().default(null),
  changeSeq: z.number().nullable().default(null),
});
type StoredSummary = z.output<typeof summarySchema>;

const folderStateSchema = z.object({
  lastGood: summarySchema.nullable().default(null),
  lastError: z
    .object({ code: z.string(), message: z.string(), at: z.string() })
    .nullable()
    .default(null),
});

const stateSchema = z.object({
  version: z.literal(1),
  /** This installation's tag, in the names of the files it writes. */
  installTag: z.string().regex(/^[a-f0-9]{8}$/),
  journal: z.object({ fileName: z.string(), logId: z.string() }).nullable().default(null),
  /** Changes were journaled after the last good local backup. */
  dirty: z.boolean().default(false),
  folders: z
    .object({
      local: folderStateSchema.default({ lastGood: null, lastError: null }),
      office: folderStateSchema.default({ lastGood: null, lastError: null }),
    })
    .default({
      local: { lastGood: null, lastError: null },
      office: { lastGood: null, lastError: null },
    }),
});
type State = z.output<typeof stateSchema>;

export interface BackupServiceOptions {
  userDataDir: string;
  appVersion: string;
  secretStore: SecretStore;
  folderStore: BackupFolderStore;
  now?: () => Date;
  /** PBKDF2 iterations; only tests lower it. */
  iterations?: number;
  segmentSize?: number;
  statFs?: StatFs;
  localReserveBytes?: number;
}

interface Target {
  kind: BackupFolderKind;
  folder: string | null;
  partial: PartialFile | null;
  problem: BackupFolderProblem | null;
  freeBytes: number | null;
  error: IpcErrorCode | null;
  written: boolean;
}

interface WriteSession {
  id: string;
  writer: BackupWriter;
  targets: Target[];
  fileName: string;
  createdAt: Date;
  logId: string | null;
  changeSeq: number | null;
  lastActive: number;
  progress: BackupProgressInfo;
}

interface RestoreSession {
  id: string;
  open: () => AsyncGenerator<BackupItem>;
  items: AsyncGenerator<BackupItem> | null;
  pending: RestoreChunk[];
}

function problemOf(error: unknown): BackupFolderProblem {
  const code = toIpcErrorInfo(error).code;
  return code === 'DISK_FULL' ? 'disk_full' : code === 'NOT_FOUND' ? 'unreachable' : 'write_failed';
}

function newId(): string {
  return randomBytes(18).toString('base64url');
}

/** A rough upper bound of a backup's size: files stored as they are, records compressed. */
export function estimateBackupBytes(
  records: number,
  fileBytes: number,
  previousBytes: number | null,
): number {
  const fresh = fileBytes + records * 1024 + 16 * 1024 * 1024;
  return Math.max(fresh, previousBytes === null ? 0 : Math.ceil(previousBytes * 1.2));
}

export class BackupService {
  readonly keyring: Keyring;
  readonly localDir: string;
  readonly #options: BackupServiceOptions;
  readonly #now: () => Date;
  #state: State = {
    version: 1,
    installTag: randomBytes(4).toString('hex'),
    journal: null,
    dirty: false,
    folders: {
      local: { lastGood: null, lastError: null },
      office: { lastGood: null, lastError: null },
    },
  };
  #journal: JournalFile | null = null;
  #journalProblem: string | null = null;
  #session: WriteSession | null = null;
  #compacting = false;
  readonly #restores = new Map<string, RestoreSession>();
  readonly #chosen = new Map<string, string>();
  #serial: Promise<unknown> = Promise.resolve();

  constructor(options: BackupServiceOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
    this.localDir = path.join(options.userDataDir, LOCAL_BACKUP_DIR);
    this.keyring = new Keyring(path.join(options.userDataDir, KEYS_FILE), options.secretStore, {
      ...(options.iterations === undefined ? {} : { iterations: options.iterations }),
    });
  }

  get installTag(): string {
    return this.#state.installTag;
  }

  /** Loads the state and the password, removes what a crash left behind, opens the journal. */
  async start(): Promise<void> {
    await mkdir(this.localDir, { recursive: true });
    await this.#loadState();
    await this.keyring.load();
    await removeOwnPartials(this.localDir, this.installTag);
    const office = await this.#options.folderStore.get();
    if (office !== null) await removeOwnPartials(office, this.installTag);
    await this.#openJournal();
  }

  /** Runs journal work one call at a time (appends, the switch after a backup). */
  #exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#serial.then(task);
    this.#serial = run.catch(() => undefined);
    return run;
  }

  // -------------------------------------------------------------------------------------
  // State
  // -------------------------------------------------------------------------------------

  async #loadState(): Promise<void> {
    const file = path.join(this.#options.userDataDir, STATE_FILE);
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text !== null) {
      try {
        const parsed = stateSchema.safeParse(JSON.parse(text));
        if (parsed.success) {
          this.#state = parsed.data;
          return;
        }
      } catch {
        // A damaged state file starts afresh; backups and journals on disk stay.
      }
    }
    await this.#saveState();
  }

  async #saveState(): Promise<void> {
    await writeSettingsFile(
      path.join(this.#options.userDataDir, STATE_FILE),
      `${JSON.stringify(this.#state, null, 2)}\n`,
    );
  }

  async #folders(): Promise<{ kind: BackupFolderKind; folder: string | null }[]> {
    return [
      { kind: 'local', folder: this.localDir },
      { kind: 'office', folder: await this.#options.folderStore.get() },
    ];
  }

  async #reachable(folder: string | null): Promise<boolean> {
    if (folder === null) return false;
    return stat(folder).then(
      (info) => info.isDirectory(),
      () => false,
    );
  }

  // -------------------------------------------------------------------------------------
  // Status and the password
  // -------------------------------------------------------------------------------------

  async status(): Promise<BackupStatus> {
    const keyring = this.keyring.status();
    const folders: BackupFolderStatus[] = [];
    for (const { kind, folder } of await this.#folders()) {
      const reachable = await this.#reachable(folder);
      const state = this.#state.folders[kind];
      folders.push({
        kind,
        folder,
        reachable,
        freeBytes:
          reachable && folder !== null ? await freeBytes(folder, this.#options.statFs) : null,
        lastGood: state.lastGood === null ? null : publicSummary(state.lastGood),
        lastError:
          state.lastError === null
            ? null
            : { ...state.lastError, code: state.lastError.code as IpcErrorCode },
      });
    }
    const lastGoodAt =
      folders
        .map((f) => f.lastGood?.createdAt ?? null)
        .filter((at): at is string => at !== null)
        .sort()
        .at(-1) ?? null;
    const now = this.#now();
    const journal = this.#journal;
    return {
      ...keyring,
      folders,
      lastGoodAt,
      dailyDue: dailyBackupDue(this.#state.folders.local.lastGood?.createdAt ?? null, now),
      age: backupAge(lastGoodAt, now),
      dirty: this.#state.dirty,
      journal:
        journal === null
          ? null
          : {
              logId: journal.header.logId,
              afterSeq: journal.header.afterSeq,
              lastSeq: journal.lastSeq,
              entries: journal.entries,
              bytes: journal.bytes,
            },
      busy: this.#session !== null || this.#compacting,
    };
  }

  async setPassword(request: IpcRequest<'setBackupPassword'>): Promise<PasswordSetResult> {
    const result = await asIpc(() =>
      this.keyring.set(request.password, request.current, request.newRecoveryKey ?? false),
    );
    await this.#openJournal();
    return { ...result, status: await this.status() };
  }

  async unlock(request: IpcRequest<'unlockBackups'>): Promise<BackupStatus> {
    await asIpc(() => this.keyring.unlock(request.password));
    await this.#openJournal();
    return this.status();
  }

  // -------------------------------------------------------------------------------------
  // Writing a backup
  // -------------------------------------------------------------------------------------

  async beginBackup(request: IpcRequest<'beginBackup'>): Promise<BeginBackupResult> {
    const current = this.#session;
    if (current !== null) {
      if (Date.now() - current.lastActive < SESSION_IDLE_MS) {
        throw new IpcError('BACKUP_BUSY', 'Another backup is being written.');
      }
      await this.abortBackup({ sessionId: current.id });
    }
    if (this.#compacting) throw new IpcError('BACKUP_BUSY', 'Another backup is being written.');
    const locks = this.keyring.locks();
    const records = Object.values(request.counts).reduce<number>((n, c) => n + (c ?? 0), 0);
    const createdAt = this.#now();
    const opened = await this.#openTargets(createdAt, request.reason, records, request.files.bytes);
    const result: BeginBackupResult = {
      sessionId: null,
      requiredBytes: opened.requiredBytes,
      folders: opened.targets.map((t) => ({
        kind: t.kind,
        folder: t.folder,
        write: t.partial !== null,
        problem: t.problem,
        freeBytes: t.freeBytes,
      })),
    };
    if (!opened.targets.some((t) => t.partial !== null)) {
      await this.#recordProblems(opened.targets);
      return result;
    }
    const info: BackupInfo = {
      createdAt: createdAt.toISOString(),
      appVersion: this.#options.appVersion,
      device: request.device,
      reason: request.reason,
      logId: request.logId,
      changeSeq: request.changeSeq,
      counts: request.counts,
      files: request.files,
      export: request.export,
    };
    let writer: BackupWriter;
    try {
      writer = await asIpc(() =>
        BackupWriter.create(
          info,
          locks,
          (chunk) => this.#sink(opened.targets, chunk),
          this.#writerOptions(),
        ),
      );
    } catch (error) {
      await discardTargets(opened.targets);
      throw error;
    }
    const session: WriteSession = {
      id: newId(),
      writer,
      targets: opened.targets,
      fileName: opened.fileName,
      createdAt,
      logId: request.logId,
      changeSeq: request.changeSeq,
      lastActive: Date.now(),
      progress: { records: 0, fileBytes: 0, bytesOut: 0 },
    };
    this.#session = session;
    return { ...result, sessionId: session.id };
  }

  #writerOptions(): WriterOptions {
    return {
      deflate: nativeDeflate,
      ...(this.#options.iterations === undefined ? {} : { iterations: this.#options.iterations }),
      ...(this.#options.segmentSize === undefined
        ? {}
        : { segmentSize: this.#options.segmentSize }),
    };
  }

  /** Chooses a name, checks free space in each folder and opens a partial file where it fits. */
  async #openTargets(createdAt: Date, reason: string, records: number, fileBytes: number) {
    let fileName = backupFileName(createdAt, this.installTag, reason);
    const targets: Target[] = [];
    let requiredBytes = 0;
    for (const { kind, folder } of await this.#folders()) {
      const target: Target = {
        kind,
        folder,
        partial: null,
        problem: null,
        freeBytes: null,
        error: null,
        written: false,
      };
      targets.push(target);
      if (folder === null) {
        target.problem = 'not_chosen';
        continue;
      }
      if (kind === 'local') await mkdir(folder, { recursive: true });
      if (!(await this.#reachable(folder))) {
        target.problem = 'unreachable';
        target.error = 'BACKUP_FOLDER_UNAVAILABLE';
        continue;
      }
      const previous = this.#state.folders[kind].lastGood?.bytes ?? null;
      const needed = estimateBackupBytes(records, fileBytes, previous);
      requiredBytes = Math.max(requiredBytes, needed);
      const reserve =
        kind === 'local' ? (this.#options.localReserveBytes ?? LOCAL_RESERVE_BYTES) : 0;
      target.freeBytes = await freeBytes(folder, this.#options.statFs);
      if (target.freeBytes !== null && target.freeBytes < needed + reserve) {
        target.problem = 'disk_full';
        target.error = 'DISK_FULL';
        continue;
      }
      for (let bump = 1; await exists(path.join(folder, fileName)); bump++) {
        fileName = backupFileName(
          new Date(createdAt.getTime() + bump * 1000),
          this.installTag,
          reason,
        );
      }
      try {
        target.partial = await PartialFile.create(folder, this.installTag);
      } catch (error) {
        target.problem = problemOf(error);
        target.error = toIpcErrorInfo(error).code;
      }
    }
    return { targets, fileName, requiredBytes };
  }

  /** Writes a chunk to every folder still in the backup; a folder that fails drops out. */
  async #sink(targets: Target[], chunk: Uint8Array): Promise<void> {
    for (const target of targets) {
      if (target.partial === null) continue;
      try {
        await target.partial.write(chunk);
      } catch (error) {
        target.problem = problemOf(error);
        target.error = toIpcErrorInfo(error).code;
        await target.partial.discard();
        target.partial = null;
      }
    }
    if (!targets.some((t) => t.partial !== null)) {
      const failed = targets.find((t) => t.error !== null);
      throw new IpcError(failed?.error ?? 'IO_ERROR', 'No backup folder could take the backup.');
    }
  }

  #sessionFor(sessionId: string): WriteSession {
    const session = this.#session;
    if (session === null || session.id !== sessionId)
      throw new IpcError('NO_SESSION', 'No such backup session.');
    session.lastActive = Date.now();
    return session;
  }

  async backupRecords(request: IpcRequest<'backupRecords'>): Promise<BackupProgressInfo> {
    const session = this.#sessionFor(request.sessionId);
    await this.#add(session, { kind: 'records', table: request.table, records: request.records });
    session.progress.records += request.records.length;
    return { ...session.progress };
  }

  async backupFile(request: IpcRequest<'backupFile'>): Promise<BackupProgressInfo> {
    const session = this.#sessionFor(request.sessionId);
    await this.#add(session, {
      kind: 'file',
      id: request.id,
      data: request.data,
      final: request.final,
    });
    session.progress.fileBytes += request.data.byteLength;
    return { ...session.progress };
  }

  async #add(session: WriteSession, item: BackupItem): Promise<void> {
    try {
      await session.writer.add(item);
      session.progress.bytesOut = session.targets.reduce(
        (n, t) => Math.max(n, t.partial?.bytes ?? 0),
        0,
      );
    } catch (error) {
      await this.#dropSession(session);
      throw toIpcError(error);
    }
  }

  async #dropSession(session: WriteSession): Promise<void> {
    if (this.#session === session) this.#session = null;
    await discardTargets(session.targets);
    await this.#recordProblems(session.targets);
  }

  async abortBackup(request: IpcRequest<'abortBackup'>): Promise<{ aborted: boolean }> {
    const session = this.#session;
    if (session === null || session.id !== request.sessionId) return { aborted: false };
    this.#session = null;
    await discardTargets(session.targets);
    return { aborted: true };
  }

  async finishBackup(request: IpcRequest<'finishBackup'>): Promise<BackupOutcome> {
    const session = this.#sessionFor(request.sessionId);
    try {
      return await this.#finish(session.writer, session.targets, session.fileName);
    } finally {
      if (this.#session === session) this.#session = null;
    }
  }

  /** Ends the file, then per folder: seal, verify, rename, rotate; then the journal restarts. */
  async #finish(writer: BackupWriter, targets: Target[], fileName: string): Promise<BackupOutcome> {
    let header: BackupHeader;
    let bytes: number;
    try {
      ({ header, bytes } = await writer.finish());
    } catch (error) {
      await discardTargets(targets);
      throw toIpcError(error);
    }
    const secrets = this.keyring.secrets();
    for (const target of targets) {
      const partial = target.partial;
      if (partial === null || target.folder === null) continue;
      try {
        await partial.seal();
        await verifyWithAny(partial.path, secrets);
        await partial.commit(fileName);
        target.partial = null;
      } catch (error) {
        target.problem = problemOf(error);
        target.error = toIpcErrorInfo(toIpcError(error)).code;
        await partial.discard();
        target.partial = null;
        continue;
      }
      const summary: StoredSummary = {
        fileName,
        createdAt: header.createdAt,
        bytes,
        reason: header.reason,
        device: header.device,
        counts: header.counts,
        files: header.files,
        logId: header.logId,
        changeSeq: header.changeSeq,
      };
      this.#state.folders[target.kind] = { lastGood: summary, lastError: null };
      target.written = true;
      await this.#rotate(target.folder).catch((error: unknown) =>
        console.warn('[backup] rotation failed', error),
      );
    }
    await this.#recordProblems(targets);
    const written = (kind: BackupFolderKind) => targets.some((t) => t.kind === kind && t.written);
    if (written('local') && header.logId !== null && header.changeSeq !== null) {
      await this.#exclusive(() => this.#switchJournal(header, fileName));
    }
    await this.#saveState();
    return {
      fileName,
      createdAt: header.createdAt,
      bytes,
      folders: targets.map((t) => ({
        kind: t.kind,
        folder: t.folder,
        written: written(t.kind),
        problem: written(t.kind) ? null : t.problem,
      })),
    };
  }

  async #recordProblems(targets: readonly Target[]): Promise<void> {
    const at = this.#now().toISOString();
    for (const target of targets) {
      if (target.problem === null || target.problem === 'not_chosen') continue;
      this.#state.folders[target.kind].lastError = {
        code: target.error ?? target.problem,
        message: PROBLEM_TEXT[target.problem],
        at,
      };
    }
    await this.#saveState();
  }

  /** Deletes this laptop's backups the rule does not keep, and the journals of deleted ones. */
  async #rotate(folder: string): Promise<void> {
    const names = await readdir(folder);
    const mine: { name: string; createdAt: string }[] = [];
    for (const name of names) {
      if (!name.endsWith(BACKUP_EXTENSION_NAME) || tagOfBackupName(name) !== this.installTag)
        continue;
      const header = await readBackupHeader(path.join(folder, name));
      if (header !== null) mine.push({ name, createdAt: header.createdAt });
    }
    const keep = backupsToKeep(mine);
    for (const { name } of mine) {
      if (!keep.has(name)) await unlink(path.join(folder, name)).catch(() => undefined);
    }
    if (folder !== this.localDir) return;
    const current = this.#journal === null ? null : path.basename(this.#journal.path);
    for (const name of names) {
      if (!name.endsWith(JOURNAL_EXTENSION_NAME) || name === current) continue;
      const base = `${name.slice(0, -JOURNAL_EXTENSION_NAME.length)}${BACKUP_EXTENSION_NAME}`;
      if (tagOfBackupName(base) === this.installTag && !keep.has(base)) {
        await unlink(path.join(folder, name)).catch(() => undefined);
      }
    }
  }

  // -------------------------------------------------------------------------------------
  // The journal
  // -------------------------------------------------------------------------------------

  async #openJournal(): Promise<void> {
    const entry = this.#state.journal;
    const secrets = this.keyring.secrets();
    if (this.#journal !== null || entry === null || secrets.length === 0) return;
    const file = path.join(this.localDir, entry.fileName);
    try {
      this.#journal = (await JournalFile.open(file, secrets)).journal;
      this.#journalProblem = null;
    } catch (error) {
      // Unreadable: a new journal starts with the next change; a backup is due.
      console.warn('[backup] journal could not be opened', error);
      this.#journalProblem = toIpcErrorInfo(toIpcError(error)).code;
      this.#state.journal = null;
      this.#state.dirty = true;
      await this.#saveState();
    }
  }

  async appendJournal(
    request: IpcRequest<'appendJournal'>,
  ): Promise<{ appended: number; skipped: number; lastSeq: number | null }> {
    return this.#exclusive(async () => {
      const locks = this.keyring.locks();
      const changes = request.changes.map((c) => ({ ...c }) as JournalChange);
      await asIpc(async () => checkBatch(changes));
      let journal = this.#journal;
      if (journal === null || journal.header.logId !== request.logId) {
        journal = await this.#newJournal(request, changes[0]!.seq, locks);
      }
      const after = journal.lastSeq ?? journal.header.afterSeq ?? -1;
      const fresh = changes.filter((c) => c.seq > after);
      if (fresh.length > 0) {
        await journal.append(fresh);
        if (!this.#state.dirty) {
          this.#state.dirty = true;
          await this.#saveState();
        }
      }
      return {
        appended: fresh.length,
        skipped: changes.length - fresh.length,
        lastSeq: journal.lastSeq,
      };
    });
  }

  /** A journal for a change log this laptop has no journal for (a new database, a restore). */
  async #newJournal(
    request: AppendJournalRequest,
    firstSeq: number,
    locks: ReturnType<Keyring['locks']>,
  ): Promise<JournalFile> {
    const base = this.#state.folders.local.lastGood;
    const follows = base !== null && base.logId === request.logId && base.changeSeq !== null;
    const name = follows
      ? `${base.fileName.slice(0, -BACKUP_EXTENSION_NAME.length)}${JOURNAL_EXTENSION_NAME}`
      : `tizilim-journal-${backupFileName(this.#now(), this.installTag, 'start').slice(8, -BACKUP_EXTENSION_NAME.length)}${JOURNAL_EXTENSION_NAME}`;
    const journal = await JournalFile.create(
      this.localDir,
      (await exists(path.join(this.localDir, name)))
        ? `${name.slice(0, -JOURNAL_EXTENSION_NAME.length)}-${newId().slice(0, 6)}${JOURNAL_EXTENSION_NAME}`
        : name,
      this.installTag,
      {
        createdAt: this.#now().toISOString(),
        appVersion: this.#options.appVersion,
        device: request.device,
        logId: request.logId,
        afterSeq: follows ? base.changeSeq : firstSeq - 1,
      },
      locks,
      this.#writerOptions(),
    );
    await this.#journal?.close();
    this.#journal = journal;
    this.#journalProblem = null;
    this.#state.journal = { fileName: path.basename(journal.path), logId: request.logId };
    await this.#saveState();
    return journal;
  }

  /**
   * After a local backup: a new journal follows it, and the changes of the old journal that
   * the backup may not hold (those after its changeSeq) are copied over, so the new backup
   * and its journal alone restore everything.
   */
  async #switchJournal(header: BackupHeader, fileName: string): Promise<void> {
    const old = this.#journal;
    const secrets = this.keyring.secrets();
    let carried: JournalChange[][] = [];
    if (old !== null && old.header.logId === header.logId) {
      try {
        const contents = await readJournalFile(old.path, secrets);
        carried = contents.entries
          .map((entry) => entry.changes.filter((c) => c.seq > (header.changeSeq ?? 0)))
          .filter((changes) => changes.length > 0);
      } catch (error) {
        console.warn('[backup] the old journal could not be read', error);
      }
    }
    const journal = await JournalFile.create(
      this.localDir,
      `${fileName.slice(0, -BACKUP_EXTENSION_NAME.length)}${JOURNAL_EXTENSION_NAME}`,
      this.installTag,
      {
        createdAt: this.#now().toISOString(),
        appVersion: this.#options.appVersion,
        device: header.device,
        logId: header.logId!,
        afterSeq: header.changeSeq,
      },
      this.keyring.locks(),
      this.#writerOptions(),
    );
    for (const changes of carried) await journal.append(changes);
    await old?.close();
    this.#journal = journal;
    this.#state.journal = { fileName: path.basename(journal.path), logId: header.logId! };
    this.#state.dirty = carried.length > 0;
  }

  // -------------------------------------------------------------------------------------
  // Listing and restoring
  // -------------------------------------------------------------------------------------

  async listBackups(): Promise<BackupListing> {
    const folders: BackupListing['folders'] = [];
    for (const { kind, folder } of await this.#folders()) {
      const reachable = await this.#reachable(folder);
      const files: BackupFileInfo[] = [];
      if (reachable && folder !== null) {
        for (const name of await readdir(folder)) {
          if (!name.endsWith(BACKUP_EXTENSION_NAME)) continue;
          files.push(await this.#describe(path.join(folder, name)));
        }
      }
      files.sort(
        (a, b) =>
          (b.createdAt ?? '').localeCompare(a.createdAt ?? '') ||
          b.fileName.localeCompare(a.fileName),
      );
      folders.push({ kind, folder, reachable, files });
    }
    const journals: BackupListing['journals'] = [];
    for (const name of await readdir(this.localDir).catch(() => [] as string[])) {
      if (!name.endsWith(JOURNAL_EXTENSION_NAME)) continue;
      const file = path.join(this.localDir, name);
      const header = await readJournalHeader(file);
      journals.push({
        fileName: name,
        bytes: (await stat(file)).size,
        createdAt: header?.createdAt ?? null,
        logId: header?.logId ?? null,
        afterSeq: header?.afterSeq ?? null,
        current: this.#journal !== null && path.basename(this.#journal.path) === name,
      });
    }
    return { folders, journals };
  }

  async #describe(file: string): Promise<BackupFileInfo> {
    const fileName = path.basename(file);
    const bytes = await stat(file).then(
      (s) => s.size,
      () => 0,
    );
    const base = {
      fileName,
      bytes,
      createdAt: null,
      reason: null,
      device: null,
      counts: null,
      files: null,
      changeSeq: null,
      logId: null,
      mine: tagOfBackupName(fileName) === this.installTag,
    };
    const head = await readHead(file, 16).catch(() => new Uint8Array(0));
    const kind = sniffFile(head);
    if (kind === 'export-json') {
      return {
        ...base,
        kind,
        createdAt: await stat(file).then(
          (s) => s.mtime.toISOString(),
          () => null,
        ),
      };
    }
    const header = kind === 'backup' ? await readBackupHeader(file) : null;
    if (header === null) return { ...base, kind: 'unreadable' };
    return {
      ...base,
      kind: 'backup',
      createdAt: header.createdAt,
      reason: header.reason,
      device: header.device,
      counts: header.counts,
      files: header.files,
      changeSeq: header.changeSeq,
      logId: header.logId,
    };
  }

  /** Remembers a file the user picked in a dialog; the renderer only ever sees a token. */
  async registerChosenFile(file: string): Promise<ChosenBackupFile> {
    const token = newId();
    this.#chosen.set(token, file);
    const info = await this.#describe(file);
    return { token, fileName: info.fileName, bytes: info.bytes, kind: info.kind };
  }

  async #sourcePath(source: BeginRestoreRequest['source']): Promise<string> {
    if (source.kind === 'chosen') {
      const file = this.#chosen.get(source.token);
      if (file === undefined)
        throw new IpcError('NOT_FOUND', 'The chosen file is no longer known.');
      return file;
    }
    const folder =
      source.folder === 'local' ? this.localDir : await this.#options.folderStore.get();
    if (folder === null)
      throw new IpcError('NO_BACKUP_FOLDER', 'No backup folder has been chosen yet.');
    const file = path.join(folder, source.fileName);
    if (
      path.dirname(file) !== path.resolve(folder) ||
      !source.fileName.endsWith(BACKUP_EXTENSION_NAME)
    ) {
      throw new IpcError('INVALID_PAYLOAD', 'A backup is named by its bare file name.');
    }
    return file;
  }

  /**
   * Opens a backup, reads it through once (every segment verified, every total checked, the
   * journal applied) and says what a restore would give. Nothing is handed out before the
   * whole file has proved good.
   */
  async beginRestore(request: IpcRequest<'beginRestore'>): Promise<RestorePreview> {
    const file = await this.#sourcePath(request.source);
    const kind = sniffFile(await readHead(file, 16));
    if (kind === 'export-json') return this.#beginLegacyRestore(file);
    const secrets: BackupSecret[] =
      request.secret === undefined ? this.keyring.secrets() : [request.secret];
    if (secrets.length === 0)
      throw new IpcError('NO_BACKUP_PASSWORD', 'The backup password is needed.');
    const { header, secret } = await asIpc(() => unlockWithAny(file, secrets));
    let changes: JournalChange[] = [];
    let journal: RestorePreview['journal'] = null;
    let journalProblem: RestorePreview['journalProblem'] = null;
    if (request.journal) {
      try {
        const found = await this.#journalsFor(header);
        changes = found.changes;
        journal = found.summary;
      } catch (error) {
        journalProblem = toIpcErrorInfo(toIpcError(error));
      }
    }
    const open = () => restoredItems(file, secret, changes);
    const { counts, files } = await asIpc(() => countItems(open()));
    const manifest = await asIpc(async () => {
      const opened = await openBackup(readChunks(file), { inflate: nativeInflate });
      try {
        return (await opened.unlock(secret)).manifest;
      } finally {
        await opened.close();
      }
    });
    const id = newId();
    this.#restores.set(id, { id, open, items: null, pending: [] });
    return backupPreview(id, { header, manifest }, { counts, files }, { journal, journalProblem });
  }

  async #beginLegacyRestore(file: string): Promise<RestorePreview> {
    const scan = await scanExportJson(readChunks(file), { validate: false }).catch(() => null);
    if (scan === null || scan.envelope === null)
      throw new IpcError('BACKUP_DAMAGED', 'The file is not a readable export.');
    const id = newId();
    this.#restores.set(id, {
      id,
      open: () => exportJsonItems(readChunks(file)),
      items: null,
      pending: [],
    });
    return exportPreview(id, { ...scan, envelope: scan.envelope });
  }

  /** This laptop's journals that continue the backup, as one list of changes. */
  async #journalsFor(
    header: BackupHeader,
  ): Promise<{ changes: JournalChange[]; summary: JournalPlanSummary }> {
    if (header.logId === null || header.changeSeq === null) {
      throw new BackupError('journal_mismatch', 'the backup has no change log');
    }
    const secrets = this.keyring.secrets();
    const read = [];
    for (const name of await readdir(this.localDir)) {
      if (!name.endsWith(JOURNAL_EXTENSION_NAME)) continue;
      const file = path.join(this.localDir, name);
      const journalHeader = await readJournalHeader(file);
      if (journalHeader?.logId !== header.logId) continue;
      if (secrets.length === 0)
        throw new IpcError('NO_BACKUP_PASSWORD', 'The backup password is needed for the journal.');
      read.push(await readJournalFile(file, secrets));
    }
    const chain = chainJournals(header, read);
    const changes = journalChanges(chain, header.changeSeq);
    return { changes, summary: { changes: changes.length, lastAt: changes.at(-1)?.at ?? null } };
  }

  async readRestore(request: IpcRequest<'readRestore'>): Promise<RestoreChunk> {
    const session = this.#restores.get(request.sessionId);
    if (session === undefined) throw new IpcError('NO_SESSION', 'No such restore session.');
    const pending = session.pending.shift();
    if (pending !== undefined) return pending;
    session.items ??= session.open();
    const next = await asIpc(() => session.items!.next());
    if (next.done) {
      this.#restores.delete(session.id);
      return { kind: 'end' };
    }
    const item = next.value;
    if (item.kind === 'records')
      return {
        kind: 'records',
        table: item.table,
        records: item.records as Record<string, unknown>[],
      };
    const base = item.offset ?? 0;
    const chunks: RestoreChunk[] = [];
    for (let at = 0; at < item.data.byteLength || at === 0; at += RESTORE_CHUNK_BYTES) {
      const end = Math.min(item.data.byteLength, at + RESTORE_CHUNK_BYTES);
      chunks.push({
        kind: 'file',
        id: item.id,
        data: new Uint8Array(item.data.subarray(at, end)),
        offset: base + at,
        final: item.final && end === item.data.byteLength,
      });
      if (end === item.data.byteLength) break;
    }
    session.pending.push(...chunks.slice(1));
    return chunks[0]!;
  }

  async endRestore(request: IpcRequest<'endRestore'>): Promise<{ ended: boolean }> {
    const session = this.#restores.get(request.sessionId);
    if (session === undefined) return { ended: false };
    this.#restores.delete(session.id);
    await session.items?.return(undefined);
    return { ended: true };
  }

  // -------------------------------------------------------------------------------------
  // On quit
  // -------------------------------------------------------------------------------------

  /**
   * The backup on quit when anything changed: the last good local backup with the journal
   * applied, written like any other backup. It needs no renderer (the window may be gone)
   * and re-reads nothing from the database; the daily backup at the next start does that.
   * Returns null when nothing needed doing or it could not run.
   */
  async backupOnQuit(): Promise<BackupOutcome | null> {
    if (!this.#state.dirty || this.#session !== null || this.#compacting) return null;
    const secrets = this.keyring.secrets();
    const base = this.#state.folders.local.lastGood;
    const journal = this.#journal;
    if (
      secrets.length === 0 ||
      base === null ||
      journal === null ||
      base.logId !== journal.header.logId
    )
      return null;
    const file = path.join(this.localDir, base.fileName);
    this.#compacting = true;
    try {
      const { header, secret } = await unlockWithAny(file, secrets);
      const { changes } = await this.#journalsFor(header);
      if (changes.length === 0) return null;
      const { counts, files } = await countItems(restoredItems(file, secret, changes));
      const manifestSource = await openBackup(readChunks(file), { inflate: nativeInflate });
      const manifest = (await manifestSource.unlock(secret)).manifest;
      await manifestSource.close();
      const createdAt = this.#now();
      const records = Object.values(counts).reduce((n, c) => n + c, 0);
      const opened = await this.#openTargets(createdAt, 'quit', records, files.bytes);
      if (!opened.targets.some((t) => t.partial !== null)) {
        await this.#recordProblems(opened.targets);
        return null;
      }
      const writer = await BackupWriter.create(
        {
          createdAt: createdAt.toISOString(),
          appVersion: this.#options.appVersion,
          device: header.device,
          reason: 'quit',
          logId: header.logId,
          changeSeq: changes.at(-1)!.seq,
          counts,
          files,
          export: manifest.export,
        },
        this.keyring.locks(),
        (chunk) => this.#sink(opened.targets, chunk),
        this.#writerOptions(),
      );
      try {
        for await (const item of restoredItems(file, secret, changes)) await writer.add(item);
      } catch (error) {
        await discardTargets(opened.targets);
        throw error;
      }
      return await this.#finish(writer, opened.targets, opened.fileName);
    } catch (error) {
      console.warn('[backup] the backup on quit failed', error);
      return null;
    } finally {
      this.#compacting = false;
    }
  }

  async close(): Promise<void> {
    const session = this.#session;
    if (session !== null) await this.abortBackup({ sessionId: session.id });
    for (const id of [...this.#restores.keys()]) await this.endRestore({ sessionId: id });
    await this.#serial;
    await this.#journal?.close();
    this.#journal = null;
  }

  /** Why the journal could not be opened at start, if it could not. */
  get journalProblem(): string | null {
    return this.#journalProblem;
  }
}

const PROBLEM_TEXT: Record<BackupFolderProblem, string> = {
  not_chosen: 'No backup folder has been chosen.',
  unreachable: 'The backup folder is not available.',
  disk_full: 'There is not enough free space for the backup.',
  write_failed: 'The backup could not be written.',
};

function publicSummary(summary: StoredSummary): BackupFileSummary {
  const { logId: _logId, changeSeq: _changeSeq, ...rest } = summary;
  return rest;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function discardTargets(targets: readonly Target[]): Promise<void> {
  for (const target of targets) {
    await target.partial?.discard();
    target.partial = null;
  }
}

async function readBackupHeader(file: string): Promise<BackupHeader | null> {
  try {
    return (await readPrefix<BackupHeader>(new ByteReader(readChunks(file, 64 * 1024)), 'backup'))
      .header;
  } catch {
    return null;
  }
}

async function readJournalHeader(file: string): Promise<JournalHeader | null> {
  try {
    return (await readPrefix<JournalHeader>(new ByteReader(readChunks(file, 64 * 1024)), 'journal'))
      .header;
  } catch {
    return null;
  }
}

/** The first secret that opens the file (wrong ones are skipped, other errors are not). */
function unlockWithAny(
  file: string,
  secrets: readonly BackupSecret[],
): Promise<{ header: BackupHeader; secret: BackupSecret }> {
  return withAnySecret(secrets, async (secret) => {
    const opened = await openBackup(readChunks(file));
    try {
      await opened.unlock(secret);
      return { header: opened.header, secret };
    } finally {
      await opened.close();
    }
  });
}

async function verifyWithAny(file: string, secrets: readonly BackupSecret[]): Promise<void> {
  await withAnySecret(secrets, (secret) => verifyBackup(readChunks(file), secret));
}

/** A backup's items with a journal applied (verified as they are read). */
async function* restoredItems(
  file: string,
  secret: BackupSecret,
  changes: readonly JournalChange[],
): AsyncGenerator<BackupItem> {
  const opened = await openBackup(readChunks(file), { inflate: nativeInflate });
  try {
    const unlocked = await opened.unlock(secret);
    yield* changes.length === 0 ? unlocked.items() : applyJournalToItems(unlocked.items(), changes);
  } finally {
    await opened.close();
  }
}
