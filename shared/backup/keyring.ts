/**
 * The recovery key kept on a laptop, sealed under the backup password: AES-256-GCM with a
 * key derived by PBKDF2-SHA-256 (the same protection as every backup). With the password
 * the app gets the recovery key back and puts it into every new file's header; the password
 * is verified on the way. The desktop app keeps the sealed record in its user-data folder,
 * the web build in localStorage; neither ever stores the password in clear.
 */
import { z } from 'zod';
import { fromBase64Url, toBase64Url, type Bytes, utf8 } from './bytes';
import { BackupError } from './errors';
import { PBKDF2_ITERATIONS } from './header';
import { type BackupSecret, checkPasswordStrength, derivePasswordKey } from './keys';
import { parseRecoveryKey, RECOVERY_KEY_BYTES, recoveryKeyId } from './recoveryKey';
import { aesGcmDecrypt, aesGcmEncrypt, randomBytes } from './webcrypto';

export const sealedRecoverySchema = z.object({
  kdf: z.object({ iterations: z.int().min(1), salt: z.string() }),
  recovery: z.object({ nonce: z.string(), sealed: z.string() }),
  recoveryKeyId: z.string(),
});
export type SealedRecovery = z.output<typeof sealedRecoverySchema>;

const AAD = utf8('tizilim keyring v1');

/** Seals the recovery key under a (new) password. */
export async function sealRecoveryKey(
  password: string,
  recovery: Bytes,
  options: { iterations?: number } = {},
): Promise<SealedRecovery> {
  checkPasswordStrength(password);
  const salt = randomBytes(16);
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  const kek = await derivePasswordKey(password, salt, iterations);
  const nonce = randomBytes(12);
  const sealed = await aesGcmEncrypt(kek, nonce, AAD, recovery);
  return {
    kdf: { iterations, salt: toBase64Url(salt) },
    recovery: { nonce: toBase64Url(nonce), sealed: toBase64Url(sealed) },
    recoveryKeyId: await recoveryKeyId(recovery),
  };
}

/**
 * The recovery key, given the password (which it verifies) or the recovery key itself
 * (checked against the id). Throws BackupError wrong_password, wrong_recovery_key or
 * invalid_recovery_key.
 */
export async function openRecoveryKey(
  sealed: SealedRecovery,
  secret: BackupSecret,
): Promise<Bytes> {
  if ('recoveryKey' in secret) {
    let key: Bytes;
    if (typeof secret.recoveryKey === 'string') {
      const parsed = parseRecoveryKey(secret.recoveryKey);
      if (!parsed.ok) {
        throw new BackupError(
          'invalid_recovery_key',
          parsed.group === null ? 'length' : `group ${parsed.group}`,
          parsed.group === null ? {} : { info: { group: parsed.group } },
        );
      }
      key = parsed.key;
    } else {
      key = new Uint8Array(secret.recoveryKey);
    }
    if ((await recoveryKeyId(key)) !== sealed.recoveryKeyId) {
      throw new BackupError('wrong_recovery_key', 'not this laptop’s recovery key');
    }
    return key;
  }
  const kek = await derivePasswordKey(
    secret.password,
    fromBase64Url(sealed.kdf.salt),
    sealed.kdf.iterations,
  );
  const recovery = await aesGcmDecrypt(
    kek,
    fromBase64Url(sealed.recovery.nonce),
    AAD,
    fromBase64Url(sealed.recovery.sealed),
  );
  if (recovery === null || recovery.byteLength !== RECOVERY_KEY_BYTES) {
    throw new BackupError('wrong_password');
  }
  return recovery;
}
