import type { FieldErrors, FieldValues } from 'react-hook-form';
import type { Settings, SettingsInput } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { messageFor } from '@shared/validation/messages';
import type { TizilimDb } from '@renderer/db/database';
import {
  getSettings,
  RepositoryError,
  saveSettings,
  type WriteContext,
} from '@renderer/db/repositories';
import { describeWriteError } from '@renderer/ui/errors';

/**
 * A change to one part of the settings (a staff member added, a topic retired, a day off
 * added), applied to the settings as stored right now and saved with the version check. If
 * someone else saved in between, the change is applied again to their version: such changes
 * are small and self-contained, so nobody's work is overwritten.
 */
export async function changeSettings(
  db: TizilimDb,
  ctx: WriteContext,
  change: (current: Settings) => SettingsInput,
): Promise<Settings> {
  for (let attempt = 0; ; attempt++) {
    const current = await getSettings(db);
    if (!current) throw new RepositoryError('not_found', 'record_not_found');
    try {
      return await saveSettings(db, change(current), ctx, { expectedVersion: current.version });
    } catch (error) {
      if (attempt < 2 && error instanceof RepositoryError && error.code === 'conflict') continue;
      throw error;
    }
  }
}

/** What to say about a failed save, in the user's language. */
export function describeSaveError(
  error: unknown,
  lang: Lang,
): { message: string; fields: Record<string, string> } {
  const described = describeWriteError(error, lang, true);
  if (described) {
    const { message, fields } = described;
    return {
      message: message ?? Object.values(fields)[0] ?? messageFor('invalid_value', lang),
      fields,
    };
  }
  return { message: messageFor('invalid_value', lang), fields: {} };
}

/**
 * The message of a form field's error: zod issues carry message codes of
 * shared/validation/messages.ts, shown in the current language.
 */
export function fieldError<T extends FieldValues>(
  errors: FieldErrors<T>,
  path: string,
  lang: Lang,
): string | undefined {
  let node: unknown = errors;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && message !== '' ? messageFor(message, lang) : undefined;
}
