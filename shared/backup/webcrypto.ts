/**
 * The part of WebCrypto (`globalThis.crypto`) the backup format uses. shared/ is compiled
 * without the DOM library, so the few types are declared here; the same global exists in
 * the renderer (Chromium), in Electron's main process and in Node 20.
 */

/** An opaque WebCrypto key handle. */
export interface CryptoKeyHandle {
  readonly type: string;
}

type Bytes = Uint8Array<ArrayBuffer>;

export interface SubtleLike {
  importKey(
    format: 'raw',
    keyData: Bytes,
    algorithm: string | { name: string },
    extractable: boolean,
    usages: readonly string[],
  ): Promise<CryptoKeyHandle>;
  deriveBits(
    algorithm:
      | { name: 'PBKDF2'; hash: 'SHA-256'; salt: Bytes; iterations: number }
      | { name: 'HKDF'; hash: 'SHA-256'; salt: Bytes; info: Bytes },
    key: CryptoKeyHandle,
    length: number,
  ): Promise<ArrayBuffer>;
  encrypt(
    algorithm: { name: 'AES-GCM'; iv: Bytes; additionalData: Bytes; tagLength: 128 },
    key: CryptoKeyHandle,
    data: Bytes,
  ): Promise<ArrayBuffer>;
  decrypt(
    algorithm: { name: 'AES-GCM'; iv: Bytes; additionalData: Bytes; tagLength: 128 },
    key: CryptoKeyHandle,
    data: Bytes,
  ): Promise<ArrayBuffer>;
  digest(algorithm: 'SHA-256', data: Bytes): Promise<ArrayBuffer>;
}

interface CryptoLike {
  readonly subtle: SubtleLike;
  getRandomValues<T extends Uint8Array>(array: T): T;
}

function webCrypto(): CryptoLike {
  const crypto = (globalThis as unknown as { crypto?: CryptoLike }).crypto;
  if (crypto?.subtle === undefined) {
    throw new Error('WebCrypto (crypto.subtle) is not available in this environment.');
  }
  return crypto;
}

export function subtle(): SubtleLike {
  return webCrypto().subtle;
}

/** Cryptographically random bytes (getRandomValues fills at most 65,536 bytes a call). */
export function randomBytes(length: number): Bytes {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 65_536) {
    webCrypto().getRandomValues(out.subarray(i, Math.min(length, i + 65_536)));
  }
  return out;
}

export async function sha256(data: Bytes): Promise<Bytes> {
  return new Uint8Array(await subtle().digest('SHA-256', data));
}

/** An AES-256-GCM key for encrypting and decrypting, never extractable. */
export function importAesKey(raw: Bytes): Promise<CryptoKeyHandle> {
  return subtle().importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

export async function aesGcmEncrypt(
  key: CryptoKeyHandle,
  iv: Bytes,
  additionalData: Bytes,
  plaintext: Bytes,
): Promise<Bytes> {
  return new Uint8Array(
    await subtle().encrypt({ name: 'AES-GCM', iv, additionalData, tagLength: 128 }, key, plaintext),
  );
}

/** Null when the tag does not verify: a wrong key, or changed bytes. */
export async function aesGcmDecrypt(
  key: CryptoKeyHandle,
  iv: Bytes,
  additionalData: Bytes,
  ciphertext: Bytes,
): Promise<Bytes | null> {
  try {
    return new Uint8Array(
      await subtle().decrypt(
        { name: 'AES-GCM', iv, additionalData, tagLength: 128 },
        key,
        ciphertext,
      ),
    );
  } catch {
    return null;
  }
}
