/**
 * IIN (ЖСН / ИИН), the 12-digit individual identification number of Kazakhstan:
 * YYMMDD birth date, a century-and-sex digit, a 4-digit serial and a check digit.
 *
 * Input is trimmed; after that it must be exactly 12 ASCII digits. Spaces or dashes
 * inside are rejected rather than stripped, so the stored value is always the bare
 * number and a mistyped one is noticed instead of silently "repaired".
 *
 * The birth date is not compared with today: these functions have no clock, and an
 * IIN with a future date cannot pass the other checks by accident often enough to matter.
 */

export const IIN_ERROR_CODES = [
  'iin_length',
  'iin_digits',
  'iin_century',
  'iin_date',
  'iin_checksum',
] as const;
export type IinErrorCode = (typeof IIN_ERROR_CODES)[number];

export type IinSex = 'male' | 'female';

export interface IinInfo {
  /** YYYY-MM-DD */
  birthDate: string;
  sex: IinSex;
}

const WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

function weightedMod11(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  }
  return sum % 11;
}

/**
 * The check digit for the first 11 digits of an IIN, or null when both weight sets give 10
 * (such a prefix can never be a valid IIN).
 */
export function iinCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) return null;
  const digits = Array.from(first11, Number);
  const a = weightedMod11(digits, WEIGHTS_1);
  if (a !== 10) return a;
  const b = weightedMod11(digits, WEIGHTS_2);
  return b === 10 ? null : b;
}

function centuryOf(digit: number): number | null {
  if (digit === 1 || digit === 2) return 1800;
  if (digit === 3 || digit === 4) return 1900;
  if (digit === 5 || digit === 6) return 2000;
  return null;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Why an IIN is invalid, for form messages; null when it is valid. */
export function iinError(value: string): IinErrorCode | null {
  const s = value.trim();
  if (!/^\d*$/.test(s)) return 'iin_digits';
  if (s.length !== 12) return 'iin_length';
  const century = centuryOf(Number(s[6]));
  if (century === null) return 'iin_century';
  const year = century + Number(s.slice(0, 2));
  if (!isRealDate(year, Number(s.slice(2, 4)), Number(s.slice(4, 6)))) return 'iin_date';
  if (iinCheckDigit(s.slice(0, 11)) !== Number(s[11])) return 'iin_checksum';
  return null;
}

export function isValidIin(value: string): boolean {
  return iinError(value) === null;
}

/** Birth date and sex encoded in a valid IIN; null for an invalid one. */
export function parseIin(value: string): IinInfo | null {
  if (!isValidIin(value)) return null;
  const s = value.trim();
  const centuryDigit = Number(s[6]);
  const century = centuryOf(centuryDigit) ?? 0;
  const year = String(century + Number(s.slice(0, 2)));
  return {
    birthDate: `${year}-${s.slice(2, 4)}-${s.slice(4, 6)}`,
    sex: centuryDigit % 2 === 1 ? 'male' : 'female',
  };
}
