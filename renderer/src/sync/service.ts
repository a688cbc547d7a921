import { checkDatabaseName, checkServerAddress } from '@shared/sync';
import type { TizilimDb } from '@renderer/db/database';
import { isDemoDb, refuseInDemo } from '@renderer/db/demoOffice';
import type { Platform } from '@renderer/platform';
import { sessionCredentials } from '@renderer/platform/browser';
import { baseRowTables, clearBaseRows } from './baseRows';
import { SYNC_OFF, SyncEngine, type SyncStatus } from './engine';
import type { SyncCredentials } from './remote';

/**
 * The app's one sync (docs/sync.md): reads this laptop's sync settings (local, never
 * exported; off by default), takes the credentials from the platform's store, and runs a
 * SyncEngine while sync is on. Settings › Sync changes it; the sidebar shows its status.
 */

export interface SyncSettings {
  enabled: boolean;
  /** The server's address (https, or http on this computer). */
  server: string;
  /** The office's database on it. */
  database: string;
}

export const DEFAULT_SYNC_SETTINGS: SyncSettings = { enabled: false, server: '', database: '' };
const SETTINGS_KEY = 'settings';

export async function readSyncSettings(db: TizilimDb): Promise<SyncSettings> {
  const row = await db.syncMeta.get(SETTINGS_KEY);
  return { ...DEFAULT_SYNC_SETTINGS, ...(row?.value as Partial<SyncSettings> | undefined) };
}

/**
 * Forgets what this laptop knew of a server (bases, checkpoints, conflicts, quarantine,
 * number blocks) — when sync moves to another server or database. The records stay; the
 * first sync with the new one sends them all.
 */
export async function resetSyncState(db: TizilimDb): Promise<void> {
  await db.transaction(
    'rw',
    [...baseRowTables(db), db.syncConflicts, db.syncQuarantine, db.syncMeta],
    async () => {
      await clearBaseRows(db);
      await db.syncConflicts.clear();
      await db.syncQuarantine.clear();
      await db.syncMeta.where('key').notEqual(SETTINGS_KEY).delete();
    },
  );
}

export type SyncView = SyncStatus & {
  /** Sync is on but this window has no credentials (the browser build after a new tab). */
  needsCredentials: boolean;
};

const OFF: SyncView = { ...SYNC_OFF, needsCredentials: false };

export class SyncService {
  private engine: SyncEngine | null = null;
  private view: SyncView = OFF;
  private readonly listeners = new Set<() => void>();
  private applying: Promise<void> = Promise.resolve();
  private started = false;
  /** Credentials the host could not keep safely: held for this window only. */
  private inMemory: SyncCredentials | null = null;

  constructor(
    private readonly db: TizilimDb,
    private readonly platform: Pick<Platform, 'syncCredentials' | 'probeServer'>,
  ) {}

  get status(): SyncView {
    return this.view;
  }

  get credentials() {
    return this.platform.syncCredentials ?? sessionCredentials;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private publish(view: SyncView) {
    this.view = view;
    for (const listener of [...this.listeners]) listener();
  }

  /** Starts sync if it is on (once per window; later calls do nothing). */
  start(): Promise<void> {
    if (!this.started) {
      this.started = true;
      if (typeof window !== 'undefined') {
        window.addEventListener('online', () => this.engine?.retryNow());
        window.addEventListener('offline', () => this.engine?.goOffline());
      }
      // A start that cannot read the settings (the database closing) leaves the sync off;
      // the next `apply` (a save in Settings › Sync) tries again. Logged by `apply`.
      this.apply().catch(() => undefined);
    }
    return this.applying;
  }

  /**
   * Stops any running sync and starts one as the stored settings say. Rejects when this
   * apply fails; the applies queued after it still run.
   */
  apply(): Promise<void> {
    const run = this.applying.then(async () => {
      await this.engine?.stop();
      this.engine = null;
      const settings = await readSyncSettings(this.db);
      // The demo office never talks to the council's server (demoOffice.ts).
      if (!settings.enabled || isDemoDb(this.db)) {
        this.publish(OFF);
        return;
      }
      const credentials = this.inMemory ?? (await this.credentials.get().catch(() => null));
      if (!credentials) {
        this.publish({ ...OFF, needsCredentials: true });
        return;
      }
      const engine = new SyncEngine({
        db: this.db,
        target: { server: settings.server, database: settings.database },
        credentials,
      });
      engine.subscribe((status) => this.publish({ ...status, needsCredentials: false }));
      this.engine = engine;
      engine.start();
    });
    this.applying = run.catch((error: unknown) => {
      console.warn('[sync] could not apply the sync settings', error);
    });
    return run;
  }

  /**
   * Saves Settings › Sync. `credentials` null keeps the stored ones. Moving to another server
   * or database forgets what was known of the old one. Refuses an invalid address or name.
   */
  async save(
    settings: SyncSettings,
    credentials: SyncCredentials | null,
  ): Promise<{ stored: boolean }> {
    refuseInDemo(this.db, 'sync');
    const address = checkServerAddress(settings.server);
    if (settings.enabled || settings.server !== '') {
      if (!address.ok) throw new Error(address.problem);
      if (!checkDatabaseName(settings.database)) throw new Error('database_invalid');
    }
    const next: SyncSettings = {
      enabled: settings.enabled,
      server: address.ok ? address.url : '',
      database: settings.database.trim(),
    };
    const before = await readSyncSettings(this.db);
    let stored = true;
    if (credentials) {
      stored = await this.credentials.set(credentials).catch(() => false);
      this.inMemory = stored ? null : credentials;
    }
    await this.engine?.stop();
    if (before.server !== next.server || before.database !== next.database) {
      await resetSyncState(this.db);
    }
    await this.db.syncMeta.put({ key: SETTINGS_KEY, value: next });
    await this.apply();
    return { stored };
  }

  /** Stops sync for good (tests, sign-out of the window). */
  async stop(): Promise<void> {
    await this.applying;
    await this.engine?.stop();
    this.engine = null;
  }
}

let shared: SyncService | null = null;

export function getSyncService(
  db: TizilimDb,
  platform: Pick<Platform, 'syncCredentials' | 'probeServer'>,
): SyncService {
  shared ??= new SyncService(db, platform);
  return shared;
}
