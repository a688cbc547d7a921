/** Building blocks of the IPC contract: size limits and the schemas of names, routes, bytes. */
import { z } from 'zod';

/** Largest file the renderer may save or open through `files:*` (a spreadsheet, a letter). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** Backups hold the whole database, so they get more room than ordinary files. */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;
/** Backups are recognised by extension when restoring, so main only writes this kind. */
export const BACKUP_EXTENSION = '.tizilim-backup';

// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
// Characters Windows refuses in names, plus both separators: a name must stay a name.
const FORBIDDEN_NAME_CHARS = /[<>:"/\\|?*]/;

/**
 * A file name proposed to a save dialog. It is only a default the user can change, but it
 * must still be a bare name: no directory part, no `..`, nothing Windows would refuse.
 */
export const fileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !CONTROL_CHARS.test(name), 'must not contain control characters')
  .refine(
    (name) => !FORBIDDEN_NAME_CHARS.test(name),
    'must be a bare file name (no path separators or <>:"|?*)',
  )
  .refine((name) => !name.includes('..'), 'must not contain ".."')
  .refine(
    (name) => name.trim() === name && !name.endsWith('.'),
    'must not start or end with a space or end with a dot',
  );

/** Backup names are stricter still: main writes them without asking the user. */
export const backupFileNameSchema = z
  .string()
  .min(BACKUP_EXTENSION.length + 1)
  .max(200)
  .regex(/^[\p{L}\p{N} ._-]+$/u, 'may contain only letters, digits, space, ".", "_" and "-"')
  .refine((name) => !name.includes('..'), 'must not contain ".."')
  .refine((name) => name.endsWith(BACKUP_EXTENSION), `must end with "${BACKUP_EXTENSION}"`);

/**
 * A hash route of the print view. It is appended after `#` to the app's own URL, so it can
 * never change the origin; the character set is still limited to what a URL fragment allows.
 */
export const printRouteSchema = z
  .string()
  .max(2000)
  .startsWith('/print/')
  .regex(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*$/, 'must contain only URL fragment characters')
  .refine((route) => !route.split(/[/?]/).includes('..'), 'must not contain ".." segments');

export const fileFilterSchema = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'an extension without the dot, or "*"'))
    .min(1)
    .max(20),
});
export type FileFilter = z.infer<typeof fileFilterSchema>;

export const fileFiltersSchema = z.array(fileFilterSchema).max(10);

export const bytesSchema = (max: number) =>
  z
    .instanceof(Uint8Array)
    .refine((data) => data.byteLength <= max, `must be at most ${max / (1024 * 1024)} MB`);

/** Methods that take no argument are called with `undefined`, and nothing else. */
export const noRequestSchema = z.undefined();
