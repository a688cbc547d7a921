/**
 * Text decoding for CSV journals without the platform's TextDecoder (shared/ runs in a
 * worker, the page and Node alike): strict UTF-8, Windows-1251 (what Excel on a Russian or
 * Kazakh Windows writes for «CSV (разделители – запятые)») and UTF-16LE («Юникод-текст»).
 */

import type { CsvEncoding } from './model';

/** Windows-1251 bytes 0x80–0xBF; 0xC0–0xFF are А–я in order. 0x98 is unused (kept as is). */
const CP1251_HIGH =
  'ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\u0098™љ›њќћџ\u00A0ЎўЈ¤Ґ¦§Ё©Є«¬\u00AD®Ї°±Ііґµ¶·ё№є»јЅѕї';

export function decodeWindows1251(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) chunk += String.fromCharCode(b);
    else if (b >= 0xc0) chunk += String.fromCharCode(0x410 + b - 0xc0);
    else chunk += CP1251_HIGH[b - 0x80]!;
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** UTF-8 text, or null at the first byte sequence that is not valid UTF-8. */
export function decodeUtf8Strict(bytes: Uint8Array, start = 0): string | null {
  const parts: string[] = [];
  const codes: number[] = [];
  const flush = () => {
    parts.push(String.fromCharCode(...codes));
    codes.length = 0;
  };
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let cp: number;
    let extra: number;
    if (b < 0x80) {
      cp = b;
      extra = 0;
    } else if (b >= 0xc2 && b <= 0xdf) {
      cp = b & 0x1f;
      extra = 1;
    } else if (b >= 0xe0 && b <= 0xef) {
      cp = b & 0x0f;
      extra = 2;
    } else if (b >= 0xf0 && b <= 0xf4) {
      cp = b & 0x07;
      extra = 3;
    } else {
      return null;
    }
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if (
      (extra === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
      (extra === 3 && (cp < 0x10000 || cp > 0x10ffff))
    ) {
      return null;
    }
    if (cp > 0xffff) {
      const v = cp - 0x10000;
      codes.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
    } else {
      codes.push(cp);
    }
    if (codes.length >= 4096) flush();
    i += extra + 1;
  }
  flush();
  return parts.join('');
}

function decodeUtf16le(bytes: Uint8Array, start: number): string {
  const parts: string[] = [];
  const codes: number[] = [];
  for (let i = start; i + 1 < bytes.length; i += 2) {
    codes.push(bytes[i]! | (bytes[i + 1]! << 8));
    if (codes.length >= 4096) {
      parts.push(String.fromCharCode(...codes));
      codes.length = 0;
    }
  }
  parts.push(String.fromCharCode(...codes));
  return parts.join('');
}

/**
 * The text of a CSV file and the encoding it was in: a byte-order mark decides; otherwise
 * valid UTF-8 is UTF-8 (Cyrillic in Windows-1251 is practically never valid UTF-8), and
 * anything else is read as Windows-1251.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeUtf8Strict(bytes, 3);
    if (text !== null) return { text, encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeUtf16le(bytes, 2), encoding: 'utf-16le' };
  }
  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return { text: decodeWindows1251(bytes), encoding: 'windows-1251' };
}

/**
 * A «?» standing for a letter: right before a Cyrillic letter («?ала» for «Қала», «А?тау»).
 * That is what a Kazakh letter becomes when a journal is saved as Windows-1251 CSV.
 */
const LOST_LETTER = /\?(?=[\u0400-\u04FF])/u;

export function hasLostLetter(text: string): boolean {
  return LOST_LETTER.test(text);
}
