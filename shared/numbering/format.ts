/**
 * The written forms of the office's numbers (docs/merge.md, "Numbers"). Dependency-free so
 * the domain schemas can use it.
 *
 * - registry number of an appeal, final: `2026-0042` (year, four or more digits); the receipt
 *   handed to the citizen prints this number, so it is also the receipt number;
 * - registry number, provisional: `2026-KTM-0003` — year, the issuing laptop's three-letter
 *   device code, that laptop's own sequence. Letters never appear in a final number, so a
 *   provisional one is told apart at a glance and by `isProvisionalRegNo`;
 * - outgoing number of a deputy inquiry, final: `12/2026`; provisional: `12/2026-KTM`.
 */

const FINAL_REG_NO = /^(\d{4})-(\d{4,})$/;
const PROVISIONAL_REG_NO = /^(\d{4})-([A-Z]{3})-(\d{4,})$/;
const FINAL_INQUIRY_NO = /^(\d+)\/(\d{4})$/;
const PROVISIONAL_INQUIRY_NO = /^(\d+)\/(\d{4})-([A-Z]{3})$/;

/**
 * Letters of device codes: Latin capitals without I, O and Q, which read as 1, 0 and O on a
 * printed receipt. 23³ = 12,167 codes.
 */
export const DEVICE_CODE_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
export const DEVICE_CODE = /^[ABCDEFGHJKLMNPRSTUVWXYZ]{3}$/;

export type NumberKind = 'appeal' | 'inquiry';

/** A number taken apart. `device` is the device code of a provisional number, else null. */
export interface ParsedNumber {
  kind: NumberKind;
  year: number;
  sequence: number;
  device: string | null;
}

/** FNV-1a over UTF-16 code units: a small, stable hash (no Node or WebCrypto in shared/). */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * The three-letter code a laptop prints in its provisional numbers, derived from its device
 * id, so every laptop has one without asking anybody. Two laptops of one office share a code
 * with a chance of about 1 in 12,000 per pair; even then nothing is lost: the office gives
 * both appeals final numbers on merge and each keeps its provisional number as an alias.
 */
export function deviceCodeOf(deviceId: string): string {
  let n = fnv1a(deviceId);
  let code = '';
  for (let i = 0; i < 3; i++) {
    code += DEVICE_CODE_LETTERS[n % DEVICE_CODE_LETTERS.length];
    n = Math.floor(n / DEVICE_CODE_LETTERS.length);
  }
  return code;
}

function pad(sequence: number): string {
  return String(sequence).padStart(4, '0');
}

export function formatFinalRegNo(year: number, sequence: number): string {
  return `${String(year)}-${pad(sequence)}`;
}

export function formatProvisionalRegNo(year: number, device: string, sequence: number): string {
  return `${String(year)}-${device}-${pad(sequence)}`;
}

export function formatFinalInquiryNo(year: number, sequence: number): string {
  return `${String(sequence)}/${String(year)}`;
}

export function formatProvisionalInquiryNo(year: number, device: string, sequence: number) {
  return `${String(sequence)}/${String(year)}-${device}`;
}

/** Formats a number of either kind; `device` null gives the final form. */
export function formatNumber(
  kind: NumberKind,
  year: number,
  sequence: number,
  device: string | null = null,
): string {
  if (kind === 'appeal') {
    return device === null
      ? formatFinalRegNo(year, sequence)
      : formatProvisionalRegNo(year, device, sequence);
  }
  return device === null
    ? formatFinalInquiryNo(year, sequence)
    : formatProvisionalInquiryNo(year, device, sequence);
}

/** A registry or inquiry number in any of its four forms, or null. */
export function parseNumber(text: string): ParsedNumber | null {
  const value = text.trim();
  let m = FINAL_REG_NO.exec(value);
  if (m) return { kind: 'appeal', year: Number(m[1]), sequence: Number(m[2]), device: null };
  m = PROVISIONAL_REG_NO.exec(value);
  if (m) return { kind: 'appeal', year: Number(m[1]), sequence: Number(m[3]), device: m[2]! };
  m = FINAL_INQUIRY_NO.exec(value);
  if (m) return { kind: 'inquiry', year: Number(m[2]), sequence: Number(m[1]), device: null };
  m = PROVISIONAL_INQUIRY_NO.exec(value);
  if (m) return { kind: 'inquiry', year: Number(m[2]), sequence: Number(m[1]), device: m[3]! };
  return null;
}

/** Either form of a registry number (what a stored appeal's `regNo` may hold). */
export function isRegistryNumber(value: string): boolean {
  return FINAL_REG_NO.test(value) || PROVISIONAL_REG_NO.test(value);
}

export function isProvisionalNumber(value: string): boolean {
  return parseNumber(value)?.device != null;
}
