/**
 * Keys: every file gets its own random data key (AES-256), which encrypts its content. The
 * data key is stored in the header only wrapped — encrypted with AES-256-GCM — once under a
 * key derived from the office's backup password (PBKDF2-SHA-256, 600,000 iterations, random
 * salt per file) and once under a key derived from the recovery key (HKDF-SHA-256, random salt
 * per file). Either unlocks the file. A wrong password fails the wrapped key's GCM tag, so it
 * is recognised before any content is decrypted.
 */
import { concatBytes, fromBase64Url, toBase64Url, type Bytes, utf8 } from './bytes';
import { BackupError } from './errors';
import type { KeySlot } from './header';
import { PBKDF2_ITERATIONS } from './header';
import { parseRecoveryKey, recoveryKeyId } from './recoveryKey';
import {
  aesGcmDecrypt,
  aesGcmEncrypt,
  type CryptoKeyHandle,
  importAesKey,
  randomBytes,
  subtle,
} from './webcrypto';

/** Shorter passwords are refused: the backup holds citizens' personal data. */
export const MIN_PASSWORD_LENGTH = 8;

/**
 * What opens a file: the password, or the recovery key (as typed, or its 20 bytes).
 */
export type BackupSecret = { password: string } | { recoveryKey: string | Uint8Array };

/** What a new file is locked with: the password, the recovery key, or (usually) both. */
export interface BackupLocks {
  password?: string;
  recoveryKey?: Uint8Array;
}

/** Passwords are compared as Unicode NFC, so "ә" typed either way is the same password. */
export function normalizePassword(password: string): string {
  return password.normalize('NFC');
}

export function checkPasswordStrength(password: string): void {
  if ([...normalizePassword(password)].length < MIN_PASSWORD_LENGTH) {
    throw new BackupError('weak_password', `fewer than ${MIN_PASSWORD_LENGTH} characters`);
  }
}

export async function derivePasswordKey(
  password: string,
  salt: Bytes,
  iterations: number,
): Promise<CryptoKeyHandle> {
  const base = await subtle().importKey('raw', utf8(normalizePassword(password)), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await subtle().deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    256,
  );
  return importAesKey(new Uint8Array(bits));
}

export async function deriveRecoveryKey(key: Bytes, salt: Bytes): Promise<CryptoKeyHandle> {
  const base = await subtle().importKey('raw', key, 'HKDF', false, ['deriveBits']);
  const bits = await subtle().deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt, info: utf8('tizilim backup recovery v1') },
    base,
    256,
  );
  return importAesKey(new Uint8Array(bits));
}

function slotAad(format: string, fileId: string, kind: KeySlot['kind']): Bytes {
  return utf8(`tizilim key slot v1|${format}|${fileId}|${kind}`);
}

export interface SlotOptions {
  /** PBKDF2 iterations; only tests pass fewer than the default. */
  iterations?: number;
}

/** The header's key slots for a new file's data key. */
export async function makeKeySlots(
  dataKey: Bytes,
  locks: BackupLocks,
  file: { format: string; fileId: string },
  options: SlotOptions = {},
): Promise<KeySlot[]> {
  const slots: KeySlot[] = [];
  const wrap = async (kek: CryptoKeyHandle, kind: KeySlot['kind']) => {
    const nonce = randomBytes(12);
    const wrapped = await aesGcmEncrypt(
      kek,
      nonce,
      slotAad(file.format, file.fileId, kind),
      dataKey,
    );
    return { nonce: toBase64Url(nonce), wrappedKey: toBase64Url(wrapped) };
  };
  if (locks.password !== undefined) {
    checkPasswordStrength(locks.password);
    const salt = randomBytes(16);
    const iterations = options.iterations ?? PBKDF2_ITERATIONS;
    const kek = await derivePasswordKey(locks.password, salt, iterations);
    slots.push({
      kind: 'password',
      kdf: { name: 'PBKDF2-SHA-256', iterations, salt: toBase64Url(salt) },
      ...(await wrap(kek, 'password')),
    });
  }
  if (locks.recoveryKey !== undefined) {
    const recovery = new Uint8Array(locks.recoveryKey);
    const salt = randomBytes(16);
    slots.push({
      kind: 'recovery',
      kdf: { name: 'HKDF-SHA-256', salt: toBase64Url(salt) },
      keyId: await recoveryKeyId(recovery),
      ...(await wrap(await deriveRecoveryKey(recovery, salt), 'recovery')),
    });
  }
  if (slots.length === 0)
    throw new BackupError('invalid_input', 'neither a password nor a recovery key');
  return slots;
}

function recoveryBytes(secret: string | Uint8Array): Bytes {
  if (typeof secret !== 'string') return new Uint8Array(secret);
  const parsed = parseRecoveryKey(secret);
  if (!parsed.ok) {
    throw new BackupError(
      'invalid_recovery_key',
      parsed.group === null ? 'length' : `group ${parsed.group}`,
      parsed.group === null ? {} : { info: { group: parsed.group } },
    );
  }
  return parsed.key;
}

/**
 * The file's data key, unwrapped with the secret. Throws BackupError: wrong_password,
 * wrong_recovery_key, invalid_recovery_key (a typo, caught by the check characters) or
 * no_matching_key (the file has no slot of that kind).
 */
export async function unlockDataKey(
  header: { format: string; fileId: string; keys: readonly KeySlot[] },
  secret: BackupSecret,
): Promise<CryptoKeyHandle> {
  const raw = await unwrapDataKey(header, secret);
  return importAesKey(raw);
}

export async function unwrapDataKey(
  header: { format: string; fileId: string; keys: readonly KeySlot[] },
  secret: BackupSecret,
): Promise<Bytes> {
  const kind = 'password' in secret ? 'password' : 'recovery';
  const recovery = 'recoveryKey' in secret ? recoveryBytes(secret.recoveryKey) : null;
  const slots = header.keys.filter((slot) => slot.kind === kind);
  if (slots.length === 0) {
    throw new BackupError('no_matching_key', kind, { info: { secret: kind } });
  }
  for (const slot of slots) {
    const salt = fromBase64Url(slot.kdf.salt);
    const kek =
      slot.kind === 'password'
        ? await derivePasswordKey(
            (secret as { password: string }).password,
            salt,
            slot.kdf.iterations,
          )
        : await deriveRecoveryKey(recovery!, salt);
    const key = await aesGcmDecrypt(
      kek,
      fromBase64Url(slot.nonce),
      slotAad(header.format, header.fileId, slot.kind),
      fromBase64Url(slot.wrappedKey),
    );
    if (key !== null && key.byteLength === 32) return key;
  }
  throw new BackupError(kind === 'password' ? 'wrong_password' : 'wrong_recovery_key');
}

/** A new random data key. */
export function newDataKey(): Bytes {
  return randomBytes(32);
}

/** Nonce of segment or entry `index`: the file's random 8-byte prefix and the index. */
export function nonceFor(prefix: Uint8Array, index: number): Bytes {
  if (!Number.isInteger(index) || index < 0 || index > 0xffffffff) {
    throw new BackupError('invalid_input', 'too many segments');
  }
  const out = concatBytes([prefix, new Uint8Array(4)]);
  new DataView(out.buffer).setUint32(8, index);
  return out;
}
