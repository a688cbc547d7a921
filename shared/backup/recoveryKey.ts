/**
 * The recovery key: 160 random bits printed on the office's recovery sheet. It opens every
 * backup and journal made while it was in effect, when the password is forgotten.
 *
 * Written as 8 groups of 5 characters of Crockford's base32 (digits and capital Latin
 * letters without I, L, O and U, so nothing reads two ways), for example
 * `7K2QD-M9X4T-…`. In each group the first 4 characters carry the key and the 5th is a
 * check character over them and the group's position, so a mistyped group is named before
 * anything is decrypted, and two groups typed in the wrong order are caught as well.
 */
import { type Bytes, utf8 } from './bytes';
import { randomBytes, subtle } from './webcrypto';

export const RECOVERY_KEY_BYTES = 20;
export const RECOVERY_GROUPS = 8;
const GROUP_DATA = 4;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const WEIGHTS = [1, 3, 5, 7] as const;

export function generateRecoveryKey(): Bytes {
  return randomBytes(RECOVERY_KEY_BYTES);
}

function checkValue(values: readonly number[], group: number): number {
  let sum = 9 * group + 1;
  values.forEach((v, i) => (sum += WEIGHTS[i]! * v));
  return sum % 32;
}

function toDigits(bytes: Uint8Array): number[] {
  const digits: number[] = [];
  let value = 0;
  let bits = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      digits.push((value >> bits) & 31);
    }
  }
  return digits;
}

function fromDigits(digits: readonly number[]): Bytes {
  const out = new Uint8Array(RECOVERY_KEY_BYTES);
  let value = 0;
  let bits = 0;
  let j = 0;
  for (const digit of digits) {
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/** `XXXXX-XXXXX-…` (8 groups), as printed on the recovery sheet. */
export function formatRecoveryKey(key: Uint8Array): string {
  if (key.byteLength !== RECOVERY_KEY_BYTES) throw new RangeError('recovery key must be 20 bytes');
  const digits = toDigits(key);
  const groups: string[] = [];
  for (let g = 0; g < RECOVERY_GROUPS; g++) {
    const values = digits.slice(g * GROUP_DATA, (g + 1) * GROUP_DATA);
    groups.push([...values, checkValue(values, g)].map((v) => ALPHABET[v]!).join(''));
  }
  return groups.join('-');
}

export type RecoveryKeyParse =
  | { ok: true; key: Bytes }
  /** `group` is the first mistyped group, counted from 1; null when the length is wrong. */
  | { ok: false; group: number | null };

/**
 * Reads a recovery key as a person types it: any case, with or without dashes and spaces,
 * and with the letters people confuse with digits (O → 0, I and L → 1).
 */
export function parseRecoveryKey(text: string): RecoveryKeyParse {
  const clean = text
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const width = GROUP_DATA + 1;
  if (clean.length !== RECOVERY_GROUPS * width) return { ok: false, group: null };
  const digits: number[] = [];
  for (let g = 0; g < RECOVERY_GROUPS; g++) {
    const values = [...clean.slice(g * width, (g + 1) * width)].map((c) => ALPHABET.indexOf(c));
    const data = values.slice(0, GROUP_DATA);
    if (values.some((v) => v < 0) || checkValue(data, g) !== values[GROUP_DATA]) {
      return { ok: false, group: g + 1 };
    }
    digits.push(...data);
  }
  return { ok: true, key: fromDigits(digits) };
}

/**
 * A short name of a recovery key (`ABCD-EFGH`), printed on its sheet and written into every
 * file it can open, so an office with two sheets knows which one a backup needs. It is
 * derived one-way: it tells nothing about the key.
 */
export async function recoveryKeyId(key: Bytes): Promise<string> {
  const base = await subtle().importKey('raw', key, 'HKDF', false, ['deriveBits']);
  const bits = new Uint8Array(
    await subtle().deriveBits(
      {
        name: 'HKDF',
        hash: 'SHA-256',
        salt: new Uint8Array(0),
        info: utf8('tizilim recovery key id v1'),
      },
      base,
      40,
    ),
  );
  const text = toDigits(bits)
    .map((v) => ALPHABET[v]!)
    .join('');
  return `${text.slice(0, 4)}-${text.slice(4, 8)}`;
}
