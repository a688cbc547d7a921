import { z } from 'zod';

import { idSchema } from '../ids';
import { LANGS } from '../i18n/lang';
import type { MessageCode } from '../validation/messages';

export { idSchema };

/** zod params carrying a message code of `shared/validation/messages.ts`. */
export function err(code: MessageCode): { error: MessageCode } {
  return { error: code };
}

/** Reports a cross-field rule failure on the field a form should highlight. */
export function addIssue(
  ctx: z.RefinementCtx,
  path: readonly (string | number)[],
  code: MessageCode,
): void {
  ctx.addIssue({ code: 'custom', path: [...path], message: code });
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** A real calendar date written `YYYY-MM-DD`. */
export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A wall-clock time `HH:mm`, seconds optional (`HH:mm:ss`). */
export function isLocalTime(value: string): boolean {
  return LOCAL_TIME.test(value);
}

/** Kazakhstan local date and time, `YYYY-MM-DDTHH:mm` or `YYYY-MM-DDTHH:mm:ss`, no zone. */
export function isLocalDateTime(value: string): boolean {
  const t = value.indexOf('T');
  return t === 10 && isLocalDate(value.slice(0, t)) && isLocalTime(value.slice(t + 1));
}

/** Calendar date 'YYYY-MM-DD'. */
export const localDateSchema = z
  .string(err('invalid_date'))
  .refine(isLocalDate, err('invalid_date'));
/** Wall-clock time 'HH:mm' (seconds optional). */
export const localTimeSchema = z
  .string(err('invalid_time'))
  .refine(isLocalTime, err('invalid_time'));
/** Kazakhstan local date-time 'YYYY-MM-DDTHH:mm' (seconds optional). */
export const localDateTimeSchema = z
  .string(err('invalid_datetime'))
  .refine(isLocalDateTime, err('invalid_datetime'));
/** A moment in UTC as written by `new Date().toISOString()`. */
export const isoDateTimeSchema = z.iso.datetime(err('invalid_timestamp'));

/**
 * Users are the office's staff list in Settings. Their ids are UUIDv7 when created by the
 * app, but records imported or written by maintenance jobs may carry another stable id
 * (e.g. 'system'), so only non-empty is required.
 */
export const userIdSchema = z.string().trim().min(1, err('required')).max(100, err('too_long'));

export const langSchema = z.enum(LANGS, err('invalid_option'));

export function enumSchema<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, err('invalid_option'));
}

/**
 * Characters no text of the registry may hold: C0 and C1 control characters other than tab,
 * line feed and carriage return (a NUL, ESC or BEL in a subject line is never typed, only
 * smuggled), and the bidi overrides and isolates that make a text display in another order
 * than it is stored (U+202A–U+202E, U+2066–U+2069).
 */
export const UNSAFE_TEXT_CHARS =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

export function hasUnsafeChars(value: string): boolean {
  return UNSAFE_TEXT_CHARS.test(value);
}

/** Windows and old Mac line ends become one newline, so CR never reaches storage. */
function unixNewlines(value: string): string {
  return value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
}

/**
 * One schema per length limit: a schema never changes once built (each method returns a new
 * one), so the fields that share a limit share it. The domain's modules build their schemas
 * when they load, on the way to the first screen; the text fields are most of them (some 85
 * built from 35 limits).
 */
export function perLimit<T>(build: (max: number) => T): (max: number) => T {
  const built = new Map<number, T>();
  return (max) => {
    let schema = built.get(max);
    if (schema === undefined) {
      schema = build(max);
      built.set(max, schema);
    }
    return schema;
  };
}

/** Trimmed text that must not be empty. */
export const requiredText = perLimit((max: number) =>
  z
    .string(err('required'))
    .overwrite(unixNewlines)
    .trim()
    .min(1, err('required'))
    .max(max, err('too_long'))
    .refine((value) => !hasUnsafeChars(value), err('control_chars')),
);

/** Trimmed text that may be empty. */
export const plainText = perLimit((max: number) =>
  z
    .string(err('invalid_value'))
    .overwrite(unixNewlines)
    .trim()
    .max(max, err('too_long'))
    .refine((value) => !hasUnsafeChars(value), err('control_chars')),
);

/** Trimmed text or null; an empty string becomes null so "not given" has one form. */
export const nullableText = perLimit((max: number) =>
  plainText(max)
    .nullable()
    .transform((value) => (value === '' ? null : value)),
);

export const localizedTextSchema = z.object({
  kk: plainText(20_000),
  ru: plainText(20_000),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const emailSchema = z.email(err('invalid_email'));

/** An optional e-mail: '' and whitespace become null. */
export const nullableEmailSchema = z
  .string(err('invalid_email'))
  .trim()
  .nullable()
  .transform((value) => (value === '' ? null : value))
  .pipe(emailSchema.nullable());

export const positiveIntSchema = z.int(err('positive_int')).min(1, err('positive_int'));
export const nonNegativeIntSchema = z.int(err('non_negative_int')).min(0, err('non_negative_int'));

/** A list of unique values (duplicates are dropped, order kept). */
export function uniqueList<T extends z.ZodType>(item: T) {
  return z.array(item).transform((items) => [...new Set(items)]);
}

/** Fields every stored record carries. */
export const baseRecordShape = {
  id: idSchema,
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  createdBy: userIdSchema,
  updatedBy: userIdSchema,
  version: positiveIntSchema,
  deletedAt: isoDateTimeSchema.nullable(),
};
export const baseRecordSchema = z.object(baseRecordShape);
export type BaseRecord = z.infer<typeof baseRecordSchema>;

export const BASE_FIELDS = [
  'id',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'version',
  'deletedAt',
] as const satisfies readonly (keyof BaseRecord)[];

/** What every change to a stored record stamps: when, by whom, and the next version number. */
export type Versioned = Pick<BaseRecord, 'updatedAt' | 'updatedBy' | 'version'>;

/**
 * The record with `change` applied, stamped as its next version by `userId` at `at` (an ISO
 * UTC time, or a repository's stamp that carries one). The one place a version is counted up.
 */
export function nextVersion<T extends Versioned>(
  record: T,
  change: Partial<T>,
  at: string | { iso: string },
  userId: string,
): T {
  return {
    ...record,
    ...change,
    updatedAt: typeof at === 'string' ? at : at.iso,
    updatedBy: userId,
    version: record.version + 1,
  };
}

/** Base fields of a new record, stamped by the repository that stores it. */
export function newBaseFields(ctx: { id: string; now: string; userId: string }): BaseRecord {
  return {
    id: ctx.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    createdBy: ctx.userId,
    updatedBy: ctx.userId,
    version: 1,
    deletedAt: null,
  };
}
