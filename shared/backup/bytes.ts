/** Small byte helpers for the backup format (big-endian integers, UTF-8, concatenation). */

export type Bytes = Uint8Array<ArrayBuffer>;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Bytes {
  return encoder.encode(text) as Bytes;
}

/** Throws a TypeError on invalid UTF-8 (never silently replaces bytes). */
export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function concatBytes(parts: readonly Uint8Array[]): Bytes {
  let length = 0;
  for (const part of parts) length += part.byteLength;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

export function u32be(value: number): Bytes {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}

export function readU32be(bytes: Uint8Array, offset = 0): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offset);
}

/** A copy over exactly these bytes, with its own ArrayBuffer (WebCrypto and IPC want one). */
export function ownBytes(bytes: Uint8Array): Bytes {
  return new Uint8Array(bytes);
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let diff = 0;
  for (let i = 0; i < a.byteLength; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** base64url without padding, for ids and salts in the JSON header. */
export function toBase64Url(bytes: Uint8Array): string {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) out += ALPHABET[(n >> 6) & 63]!;
    if (i + 2 < bytes.length) out += ALPHABET[n & 63]!;
  }
  return out;
}

export function fromBase64Url(text: string): Bytes {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw new RangeError('not base64url');
  }
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let j = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    const digit =
      code >= 65 && code <= 90
        ? code - 65
        : code >= 97 && code <= 122
          ? code - 71
          : code >= 48 && code <= 57
            ? code + 4
            : code === 45
              ? 62
              : 63;
    value = ((value << 6) | digit) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Standard base64 with padding, fast enough for hundreds of megabytes of scans (the export's
 * own encoder builds its text a character at a time).
 */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const STEP = 3 * 16_384;
  for (let start = 0; start < bytes.length; start += STEP) {
    const end = Math.min(bytes.length, start + STEP);
    const codes: number[] = [];
    let i = start;
    for (; i + 2 < end; i += 3) {
      const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
      codes.push(
        BASE64.charCodeAt(n >> 18),
        BASE64.charCodeAt((n >> 12) & 63),
        BASE64.charCodeAt((n >> 6) & 63),
        BASE64.charCodeAt(n & 63),
      );
    }
    if (i < end) {
      const a = bytes[i]!;
      const b = i + 1 < end ? bytes[i + 1]! : 0;
      const n = (a << 16) | (b << 8);
      codes.push(
        BASE64.charCodeAt(n >> 18),
        BASE64.charCodeAt((n >> 12) & 63),
        i + 1 < end ? BASE64.charCodeAt((n >> 6) & 63) : 61,
        61,
      );
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

const BASE64_VALUES = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < BASE64.length; i++) table[BASE64.charCodeAt(i)] = i;
  return table;
})();

/** Standard base64 (padding optional) to bytes; throws RangeError on anything else. */
export function fromBase64(text: string): Bytes {
  let length = text.length;
  while (length > 0 && text.charCodeAt(length - 1) === 61) length--;
  if (length % 4 === 1 || text.length - length > 2) throw new RangeError('not base64');
  const out = new Uint8Array(Math.floor((length * 3) / 4));
  let j = 0;
  let i = 0;
  const value = (k: number): number => {
    const code = text.charCodeAt(k);
    const v = code < 128 ? BASE64_VALUES[code]! : -1;
    if (v < 0) throw new RangeError('not base64');
    return v;
  };
  for (; i + 3 < length; i += 4) {
    const n = (value(i) << 18) | (value(i + 1) << 12) | (value(i + 2) << 6) | value(i + 3);
    out[j++] = n >> 16;
    out[j++] = (n >> 8) & 0xff;
    out[j++] = n & 0xff;
  }
  if (length - i === 2) {
    out[j++] = ((value(i) << 18) | (value(i + 1) << 12)) >> 16;
  } else if (length - i === 3) {
    const n = (value(i) << 18) | (value(i + 1) << 12) | (value(i + 2) << 6);
    out[j++] = n >> 16;
    out[j++] = (n >> 8) & 0xff;
  }
  return out;
}
