/**
 * The office's backup password and recovery key on this laptop. `backup-keys.json` in the
 * user-data folder holds the recovery key encrypted under a key derived from the password
 * (PBKDF2-SHA-256, 600,000 iterations — the same protection as each backup), its short id,
 * and, when the OS offers real protection (safeStorage), the password encrypted by the OS.
 * Nothing is ever stored in clear. Once unlocked, both stay in this process's memory only,
 * so automatic backups and the journal need no prompt; when safeStorage is unavailable the
 * password is asked once per start (unlock).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { type BackupSecret, checkPasswordStrength, normalizePassword } from '@shared/backup/keys';
import type { Bytes } from '@shared/backup/bytes';
import { PBKDF2_ITERATIONS } from '@shared/backup/header';
import { openRecoveryKey, sealedRecoverySchema, sealRecoveryKey } from '@shared/backup/keyring';
import { formatRecoveryKey, generateRecoveryKey } from '@shared/backup/recoveryKey';
import { IpcError } from '../ipc/guard';
import { asIpc } from './errors';
import { writeSettingsFile } from './files';
import type { SecretStore, SecretStoreState } from './secretStore';

const keyringSchema = sealedRecoverySchema.extend({
  version: z.literal(1),
  /** The password, encrypted by safeStorage (base64), or null. */
  kept: z.string().nullable(),
  setAt: z.string(),
});
type KeyringFile = z.output<typeof keyringSchema>;

export interface KeyringStatus {
  password: 'not_set' | 'ready' | 'locked';
  passwordKept: 'safeStorage' | 'none';
  safeStorage: SecretStoreState;
  recoveryKeyId: string | null;
}

export interface Unlocked {
  password: string;
  recoveryKey: Bytes;
}

export class Keyring {
  readonly #file: string;
  readonly #store: SecretStore;
  readonly #iterations: number;
  #data: KeyringFile | null = null;
  #unlocked: Unlocked | null = null;
  #storeState: SecretStoreState = 'unavailable';

  constructor(file: string, store: SecretStore, options: { iterations?: number } = {}) {
    this.#file = file;
    this.#store = store;
    this.#iterations = options.iterations ?? PBKDF2_ITERATIONS;
  }

  /** Reads the keyring and, when the OS keeps the password, unlocks with it. */
  async load(): Promise<void> {
    this.#storeState = await this.#store.state().catch(() => 'unavailable' as const);
    this.#data = await readFile(this.#file, 'utf8').then(
      (text) => {
        const parsed = keyringSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : null;
      },
      () => null,
    );
    this.#unlocked = null;
    const data = this.#data;
    if (data?.kept == null || this.#storeState !== 'available') return;
    try {
      const { text, reEncrypt } = await this.#store.decrypt(Buffer.from(data.kept, 'base64'));
      this.#unlocked = await this.#open(data, text);
      if (reEncrypt) await this.#save({ ...data, kept: await this.#keep(text) });
    } catch {
      // The OS could not give it back (another user, a restored system): ask for it.
      this.#unlocked = null;
    }
  }

  status(): KeyringStatus {
    return {
      password: this.#data === null ? 'not_set' : this.#unlocked !== null ? 'ready' : 'locked',
      passwordKept: this.#data?.kept != null ? 'safeStorage' : 'none',
      safeStorage: this.#storeState,
      recoveryKeyId: this.#data?.recoveryKeyId ?? null,
    };
  }

  /** The password and recovery key for a new file; throws NO_BACKUP_PASSWORD without them. */
  locks(): Unlocked {
    if (this.#unlocked === null) {
      throw new IpcError(
        'NO_BACKUP_PASSWORD',
        this.#data === null ? 'No backup password has been set.' : 'The backup password is needed.',
      );
    }
    return this.#unlocked;
  }

  /** What this laptop can open its own files with (tried in order). */
  secrets(): BackupSecret[] {
    if (this.#unlocked === null) return [];
    return [{ recoveryKey: this.#unlocked.recoveryKey }, { password: this.#unlocked.password }];
  }

  /**
   * Sets the password. The first time, a recovery key is made and returned (for the sheet).
   * Afterwards `current` (the password or the recovery key) is required; the recovery key
   * stays unless `newRecoveryKey`.
   */
  async set(
    password: string,
    current?: BackupSecret,
    newRecoveryKey = false,
  ): Promise<{ recoveryKey: string | null; recoveryKeyId: string }> {
    checkPasswordStrength(password);
    let recovery: Bytes;
    let fresh = false;
    if (this.#data === null) {
      recovery = generateRecoveryKey();
      fresh = true;
    } else {
      if (current === undefined) {
        throw new IpcError(
          'WRONG_PASSWORD',
          'The current password or the recovery key is required.',
        );
      }
      recovery = await this.#verify(this.#data, current);
      if (newRecoveryKey) {
        recovery = generateRecoveryKey();
        fresh = true;
      }
    }
    const sealed = await sealRecoveryKey(password, recovery, { iterations: this.#iterations });
    const id = sealed.recoveryKeyId;
    const data: KeyringFile = {
      version: 1,
      ...sealed,
      kept: this.#storeState === 'available' ? await this.#keep(password) : null,
      setAt: new Date().toISOString(),
    };
    await this.#save(data);
    this.#data = data;
    this.#unlocked = { password: normalizePassword(password), recoveryKey: recovery };
    return { recoveryKey: fresh ? formatRecoveryKey(recovery) : null, recoveryKeyId: id };
  }

  /** Gives this session the password (safeStorage unavailable, or not kept). */
  async unlock(password: string): Promise<void> {
    if (this.#data === null)
      throw new IpcError('NO_BACKUP_PASSWORD', 'No backup password has been set.');
    this.#unlocked = await this.#open(this.#data, password);
    if (this.#data.kept === null && this.#storeState === 'available') {
      const data = { ...this.#data, kept: await this.#keep(password) };
      await this.#save(data);
      this.#data = data;
    }
  }

  async #open(data: KeyringFile, password: string): Promise<Unlocked> {
    return {
      password: normalizePassword(password),
      recoveryKey: await this.#verify(data, { password }),
    };
  }

  /** The recovery key, given the password or the recovery key itself. */
  async #verify(data: KeyringFile, secret: BackupSecret): Promise<Bytes> {
    return asIpc(() => openRecoveryKey(data, secret));
  }

  async #keep(password: string): Promise<string | null> {
    try {
      return Buffer.from(await this.#store.encrypt(normalizePassword(password))).toString('base64');
    } catch {
      return null;
    }
  }

  async #save(data: KeyringFile): Promise<void> {
    await writeSettingsFile(this.#file, `${JSON.stringify(data, null, 2)}\n`);
  }
}
