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
import {
  type BackupSecret,
  checkPasswordStrength,
  derivePasswordKey,
  normalizePassword,
} from '@shared/backup/keys';
import { fromBase64Url, toBase64Url, type Bytes, utf8 } from '@shared/backup/bytes';
import { PBKDF2_ITERATIONS } from '@shared/backup/header';
import {
  formatRecoveryKey,
  generateRecoveryKey,
  parseRecoveryKey,
  recoveryKeyId,
  RECOVERY_KEY_BYTES,
} from '@shared/backup/recoveryKey';
import { aesGcmDecrypt, aesGcmEncrypt, randomBytes } from '@shared/backup/webcrypto';
import { IpcError } from '../ipc/guard';
import { writeSettingsFile } from './files';
import type { SecretStore, SecretStoreState } from './secretStore';

const keyringSchema = z.object({
  version: z.literal(1),
  kdf: z.object({ iterations: z.int().min(1), salt: z.string() }),
  /** The recovery key, AES-GCM under the password key. */
  recovery: z.object({ nonce: z.string(), sealed: z.string() }),
  recoveryKeyId: z.string(),
  /** The password, encrypted by safeStorage (base64), or null. */
  kept: z.string().nullable(),
  setAt: z.string(),
});
type KeyringFile = z.output<typeof keyringSchema>;

const AAD = utf8('tizilim keyring v1');

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
    const salt = randomBytes(16);
    const kek = await derivePasswordKey(password, salt, this.#iterations);
    const nonce = randomBytes(12);
    const sealed = await aesGcmEncrypt(kek, nonce, AAD, recovery);
    const id = await recoveryKeyId(recovery);
    const data: KeyringFile = {
      version: 1,
      kdf: { iterations: this.#iterations, salt: toBase64Url(salt) },
      recovery: { nonce: toBase64Url(nonce), sealed: toBase64Url(sealed) },
      recoveryKeyId: id,
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
    if ('recoveryKey' in secret) {
      const given =
        typeof secret.recoveryKey === 'string'
          ? parseRecoveryKey(secret.recoveryKey)
          : { ok: true as const, key: new Uint8Array(secret.recoveryKey) };
      if (!given.ok) {
        throw new IpcError(
          'INVALID_RECOVERY_KEY',
          given.group === null
            ? 'The recovery key is incomplete.'
            : `Group ${given.group} of the recovery key is mistyped.`,
        );
      }
      if ((await recoveryKeyId(given.key)) !== data.recoveryKeyId) {
        throw new IpcError('WRONG_RECOVERY_KEY', 'This is not the recovery key of this laptop.');
      }
      return given.key;
    }
    const kek = await derivePasswordKey(
      secret.password,
      fromBase64Url(data.kdf.salt),
      data.kdf.iterations,
    );
    const recovery = await aesGcmDecrypt(
      kek,
      fromBase64Url(data.recovery.nonce),
      AAD,
      fromBase64Url(data.recovery.sealed),
    );
    if (recovery === null || recovery.byteLength !== RECOVERY_KEY_BYTES) {
      throw new IpcError('WRONG_PASSWORD', 'The password is not the backup password.');
    }
    return recovery;
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
