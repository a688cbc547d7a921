import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BackupApi } from '@shared/ipc';
import { electronBackups } from '@renderer/platform/backupsElectron';
import type { BackupPlatform } from '@renderer/platform';
import { BackupFolderStore } from '@electron/backup/folderStore';
import { createBackupHandlers } from '@electron/backup/handlers';
import { BackupService } from '@electron/backup/service';
import type { SecretStore } from '@electron/backup/secretStore';
import { inProcessApi } from '../../electron/inProcessApi';

/** A keychain that keeps the password (reversible, marked): automatic backups need no prompt. */
export const keychain: SecretStore = {
  state: async () => 'available',
  encrypt: async (text) => new Uint8Array(Buffer.from(`kept:${text}`)),
  decrypt: async (data) => ({ text: Buffer.from(data).toString().slice(5), reEncrypt: false }),
};

/**
 * The real main-process backup service in temporary folders, and the renderer's desktop
 * bridge to it through the app's IPC guard: what the renderer's backup code talks to in the
 * desktop app, without Electron.
 */
export class DesktopMain {
  readonly root = mkdtempSync(path.join(tmpdir(), 'tizilim-feed-'));
  readonly userDataDir = path.join(this.root, 'userData');
  readonly officeDir = path.join(this.root, 'USB');
  service!: BackupService;
  platform!: BackupPlatform;
  now: () => Date = () => new Date();

  async start(): Promise<this> {
    mkdirSync(this.officeDir, { recursive: true });
    const store = new BackupFolderStore(path.join(this.userDataDir, 'backup-settings.json'));
    await store.set(this.officeDir);
    this.service = new BackupService({
      userDataDir: this.userDataDir,
      appVersion: 'test',
      secretStore: keychain,
      folderStore: store,
      iterations: 1_000,
      now: () => this.now(),
    });
    await this.service.start();
    const api = inProcessApi(createBackupHandlers(this.service, { chooseFile: async () => null }));
    this.platform = electronBackups(api as unknown as BackupApi);
    return this;
  }

  /** The app quitting (backup on quit when anything changed) and starting again. */
  async restart(): Promise<void> {
    await this.service.backupOnQuit();
    await this.service.close();
    await this.start();
  }

  async close(): Promise<void> {
    await this.service.close();
    rmSync(this.root, { recursive: true, force: true });
  }
}
