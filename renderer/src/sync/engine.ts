import {
  redactAddress,
  replicate,
  type RecordMerger,
  type Seq,
  type WriteFailure,
} from '@shared/sync';
import { writeLostKind } from '@renderer/backup/storage';
import { beginBulkWrite } from '@renderer/db/bulkWrite';
import { onChangesCommitted, recordsAfter } from '@renderer/db/changeLog';
import type { TizilimDb } from '@renderer/db/database';
import { getDevice } from '@renderer/db/repositories/device';
import { LocalPeer } from './local';
import { ensureNumberBlocks } from './numberBlocks';
import { RemotePeer, SyncHttpError, SyncNetworkError, type SyncCredentials } from './remote';

/**
 * Live sync of this laptop's registry with the office's database on the council's server
 * (docs/sync.md). One loop: push (the change log → the server), pull (the server → Dexie),
 * then wait for a local commit or a change on the server (a long poll of `_changes`). When
 * the network goes, requests are aborted, the status says "offline since …", and the loop
 * tries again — at once when the browser says it is back online, otherwise after a growing
 * pause. Stopping is clean: the batch in flight either completes or is repeated next time.
 */

export interface SyncTarget {
  server: string;
  database: string;
}

export type SyncPhase = 'off' | 'syncing' | 'synced' | 'offline' | 'failed';

export interface SyncStatus {
  phase: SyncPhase;
  /** Records waiting to go to the server, or being applied from it (shown as "syncing N"). */
  pending: number;
  /** ISO UTC: when the server stopped answering (phase offline). */
  offlineSince: string | null;
  /** ISO UTC of the last complete push and pull. */
  lastSyncedAt: string | null;
  /** HTTP status that stopped the sync (401, 403...) for phase failed. */
  failedStatus: number | null;
  /** The laptop's disk (IndexedDB's room) is full: what arrived could not be saved. */
  diskFull: boolean;
  /** Revisions the server refused (its validate_doc_update), last run. */
  refused: WriteFailure[];
}

export interface SyncEngineOptions {
  db: TizilimDb;
  target: SyncTarget;
  credentials: SyncCredentials;
  fetch?: typeof fetch;
  merge?: RecordMerger;
  now?: () => Date;
  fileAs?: 'blob' | 'bytes';
  /** Pauses between attempts after a failure, ms (the last one repeats). */
  retryDelays?: readonly number[];
  /** How long one long poll of the server's `_changes` waits, ms. */
  longPollMs?: number;
  /** Documents per batch (default: 1,000 pushed, 2,000 pulled). */
  batchSize?: number;
}

const DEFAULT_RETRY = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

/** The status of a sync that is not running. */
export const SYNC_OFF: SyncStatus = {
  phase: 'off',
  pending: 0,
  offlineSince: null,
  lastSyncedAt: null,
  failedStatus: null,
  diskFull: false,
  refused: [],
};

/** Checkpoint ids: one per laptop, database and direction (`_local/<id>` on both sides). */
export function checkpointIds(deviceId: string, database: string) {
  return {
    push: `tizilim-${deviceId}-${database}-push`,
    pull: `tizilim-${deviceId}-${database}-pull`,
  };
}

function sessionId(): string {
  return crypto.randomUUID();
}

export class SyncEngine {
  private readonly db: TizilimDb;
  private readonly options: SyncEngineOptions;
  private controller = new AbortController();
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private waitAbort: AbortController | null = null;
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private pullSeq: Seq = 0;
  private state: SyncStatus = SYNC_OFF;

  constructor(options: SyncEngineOptions) {
    this.db = options.db;
    this.options = options;
  }

  get status(): SyncStatus {
    return this.state;
  }

  /** Where the sync goes, safe to show: no credentials. */
  get address(): string {
    return `${redactAddress(this.options.target.server)}/${this.options.target.database}`;
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<SyncStatus>) {
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener(this.state);
  }

  private peers() {
    const remote = new RemotePeer({
      server: this.options.target.server,
      database: this.options.target.database,
      credentials: this.options.credentials,
      signal: this.controller.signal,
      fetch: this.options.fetch,
    });
    const local = new LocalPeer({
      db: this.db,
      merge: this.options.merge,
      now: this.options.now,
      fileAs: this.options.fileAs,
      office: this.options.target.database,
      fetchRevision: (docId, rev) => remote.getRevision(docId, rev),
    });
    return { remote, local };
  }

  private async countPending(pushedSeq: Seq): Promise<number> {
    const after = Number(pushedSeq) || 0;
    return (await recordsAfter(this.db, after))(after);
  }

  /** This laptop, the checkpoints' ids, and the log's seq the push's checkpoint is at. */
  private async pushPosition(local: LocalPeer) {
    const device = await getDevice(this.db);
    const ids = checkpointIds(device.id, this.options.target.database);
    const checkpoint = await local.getLocal(`_local/${ids.push}`);
    return { device, ids, pushedSeq: Number(checkpoint?.last_seq ?? 0) || 0 };
  }

  /** Local changes the server has not had yet: the log after the push's checkpoint. */
  private async pendingNow(): Promise<number> {
    return this.countPending((await this.pushPosition(this.peers().local)).pushedSeq);
  }

  /**
   * One push and one pull (and a push of what the pull merged). Throws SyncNetworkError
   * when the server cannot be reached, SyncHttpError when it refuses.
   */
  async syncOnce(): Promise<{ pushed: number; pulled: number; refused: WriteFailure[] }> {
    const { remote, local } = this.peers();
    const { device, ids, pushedSeq } = await this.pushPosition(local);
    const stopped = () => this.controller.signal.aborted;
    const batchSize = this.options.batchSize ?? 1_000;
    // Read once; each pushed batch's progress is counted from it.
    const pendingAfter = await recordsAfter(this.db, pushedSeq);
    this.set({ pending: pendingAfter(pushedSeq) });
    const push = () =>
      replicate(local, remote, {
        id: ids.push,
        sessionId: sessionId(),
        batchSize,
        stopped,
        onBatch: ({ lastSeq }) => {
          this.set({ pending: pendingAfter(Number(lastSeq) || 0) });
        },
      });
    const pushed = await push();
    let pulledDocs = 0;
    await local.beginPull();
    // A first sync brings the whole office: the registry's rows and the search index read it
    // all once at the end instead of taking in each batch (renderer/src/db/bulkWrite.ts).
    const endBulk = local.firstPull ? beginBulkWrite(this.db) : () => undefined;
    const pulled = await replicate(remote, local, {
      id: ids.pull,
      sessionId: sessionId(),
      batchSize: this.options.batchSize ?? 2_000,
      pipeline: true,
      // The server's checkpoint every 10,000 documents (a request each), this laptop's
      // after every batch.
      sourceCheckpointEvery: 5,
      stopped,
      onBatch: ({ docsWritten }) => {
        pulledDocs = docsWritten;
      },
    }).finally(endBulk);
    this.pullSeq = pulled.lastSeq;
    // Number blocks from the server, while online, where the office numbers through it.
    const now = this.options.now?.() ?? new Date();
    await ensureNumberBlocks(this.db, remote, {
      device: device.id,
      // Kazakhstan's date (UTC+5): in December the next year's block is taken too.
      today: new Date(now.getTime() + 5 * 3_600_000).toISOString().slice(0, 10),
      now,
    });
    // What the pull merged goes back at once (echoes are skipped, so this is cheap).
    const again = pulledDocs > 0 ? await push() : null;
    const refused = [...pushed.failures, ...(again?.failures ?? [])];
    const last = again?.lastSeq ?? pushed.lastSeq;
    this.set({ pending: await this.countPending(last), refused });
    return {
      pushed: pushed.docsWritten + (again?.docsWritten ?? 0),
      pulled: pulled.docsWritten,
      refused,
    };
  }

  /** Starts the live loop (idempotent). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.controller = new AbortController();
    this.loop = this.run();
  }

  /** Stops the loop and every request in flight; resolves when it has stopped. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.controller.abort();
    this.waitAbort?.abort();
    this.wake?.();
    await this.loop;
    this.loop = null;
    this.set({ phase: 'off', pending: 0 });
  }

  /** The network is back (the browser's `online`): try now instead of after the pause. */
  retryNow(): void {
    this.wake?.();
  }

  /** The network is gone (the browser's `offline`): abort what is in flight. */
  goOffline(): void {
    if (!this.running) return;
    this.controller.abort();
    this.waitAbort?.abort();
  }

  private async run(): Promise<void> {
    let failures = 0;
    const unsubscribe = onChangesCommitted(this.db, () => {
      if (this.state.phase !== 'syncing') this.waitAbort?.abort();
    });
    try {
      while (this.running) {
        if (this.controller.signal.aborted) this.controller = new AbortController();
        this.set({ phase: 'syncing', failedStatus: null, diskFull: false });
        try {
          await this.syncOnce();
          failures = 0;
          this.set({
            phase: 'synced',
            offlineSince: null,
            lastSyncedAt: (this.options.now?.() ?? new Date()).toISOString(),
          });
          await this.waitForWork();
        } catch (error) {
          if (!this.running) break;
          if (error instanceof SyncHttpError && (error.status === 401 || error.status === 403)) {
            // Wrong password or no rights: trying again will not help until settings change.
            this.set({ phase: 'failed', failedStatus: error.status });
            await this.pause(Infinity);
            continue;
          }
          const offline = error instanceof SyncNetworkError;
          if (!offline && !(error instanceof SyncHttpError)) {
            // A fault of this app, not of the network or the server: say what it was (its
            // message only — never a request, an address or a header) for IT staff.
            console.warn('[sync] round failed:', error instanceof Error ? error.message : error);
          }
          // What waits for the server now (a change made since the last round counts too:
          // the network may have gone while the loop waited for work).
          const pending = await this.pendingNow().catch(() => this.state.pending);
          this.set({
            pending,
            phase: offline ? 'offline' : 'failed',
            offlineSince: offline
              ? (this.state.offlineSince ?? (this.options.now?.() ?? new Date()).toISOString())
              : this.state.offlineSince,
            failedStatus: error instanceof SyncHttpError ? error.status : null,
            diskFull: !offline && writeLostKind(error) === 'disk_full',
          });
          const delays = this.options.retryDelays ?? DEFAULT_RETRY;
          await this.pause(delays[Math.min(failures, delays.length - 1)]!);
          failures += 1;
        }
      }
    } finally {
      unsubscribe();
    }
  }

  /** Waits for a local commit, a change on the server, or a wake-up. */
  private async waitForWork(): Promise<void> {
    if (!this.running) return;
    const abort = new AbortController();
    this.waitAbort = abort;
    const woken = new Promise<void>((resolve) => {
      this.wake = resolve;
      abort.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    const { remote } = this.peers();
    const polled = remote
      .waitForChange(this.pullSeq, this.options.longPollMs ?? 25_000, abort.signal)
      .then(
        () => undefined,
        (error: unknown) => {
          // A network failure while waiting: let the next round find out and report it.
          if (!abort.signal.aborted) throw error;
        },
      );
    try {
      await Promise.race([woken, polled]);
    } finally {
      abort.abort();
      this.wake = null;
      this.waitAbort = null;
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = Number.isFinite(ms) ? setTimeout(resolve, ms) : null;
      this.wake = () => {
        if (timer) clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      this.wake = null;
    });
  }
}
