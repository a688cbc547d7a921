/**
 * Sync with the council's server (docs/sync.md): the user name and password, encrypted
 * with Electron's safeStorage (DPAPI on Windows, the keychain on macOS, libsecret on Linux)
 * in one file of the user-data folder; and a probe that tells a TLS failure from no answer.
 * Nothing here logs the credentials or puts them in an error message.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { SyncCredentialsInput } from '@shared/ipc';
import { IpcError, type IpcImplementation } from './guard';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface SyncIpcOptions {
  /** The file holding the encrypted credentials. */
  file: string;
  safeStorage: SafeStorageLike;
  /** Electron's `net.fetch`: Chromium's network stack, whose errors name TLS failures. */
  fetch: (url: string, init: { method: string; signal: AbortSignal }) => Promise<unknown>;
  probeTimeoutMs?: number;
}

export function createSyncCredentialHandlers(options: SyncIpcOptions): {
  getSyncCredentials: IpcImplementation<'getSyncCredentials'>;
  setSyncCredentials: IpcImplementation<'setSyncCredentials'>;
  clearSyncCredentials: IpcImplementation<'clearSyncCredentials'>;
  probeSyncServer: IpcImplementation<'probeSyncServer'>;
} {
  return {
    getSyncCredentials: async () => {
      let encrypted: Buffer;
      try {
        encrypted = await readFile(options.file);
      } catch {
        return null;
      }
      if (!options.safeStorage.isEncryptionAvailable()) return null;
      try {
        const parsed = JSON.parse(options.safeStorage.decryptString(encrypted)) as unknown;
        const value = parsed as Partial<SyncCredentialsInput> | null;
        return value && typeof value.user === 'string' && typeof value.password === 'string'
          ? { user: value.user, password: value.password }
          : null;
      } catch {
        // Encrypted by another OS user or machine: as good as none.
        return null;
      }
    },
    setSyncCredentials: async (request) => {
      if (!options.safeStorage.isEncryptionAvailable()) {
        // Never store a password in clear: the person types it again next time.
        throw new IpcError('ACCESS_DENIED', 'Secure storage is not available on this computer.');
      }
      const encrypted = options.safeStorage.encryptString(
        JSON.stringify({ user: request.user, password: request.password }),
      );
      await writeFile(options.file, encrypted, { mode: 0o600 });
      return { stored: true };
    },
    clearSyncCredentials: async () => {
      await rm(options.file, { force: true });
      return { cleared: true };
    },
    probeSyncServer: async ({ url }) => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), options.probeTimeoutMs ?? 10_000);
      try {
        await options.fetch(url, { method: 'GET', signal: controller.signal });
        return { reach: 'reachable' };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return {
          reach: /ERR_(CERT|SSL)_|ERR_BAD_SSL|certificate/i.test(message) ? 'tls' : 'unreachable',
        };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
