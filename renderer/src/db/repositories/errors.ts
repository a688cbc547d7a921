import type { z } from 'zod';
import type { Lang } from '@shared/i18n/lang';
import { messageFor } from '@shared/validation/messages';

export type RepositoryErrorCode =
  'validation' | 'not_found' | 'conflict' | 'workflow' | 'deadline' | 'merge';

export interface FieldIssue {
  /** Dotted path of the field, e.g. 'location.street' or 'phones.0'. */
  path: string;
  /** A message code from shared/validation/messages.ts (kk/ru texts live there). */
  code: string;
}

/**
 * Every refused write throws this, before anything is stored. `detail` is a message code
 * for the user (workflow guard, deadline rule); `issues` lists invalid fields.
 */
export class RepositoryError extends Error {
  constructor(
    readonly code: RepositoryErrorCode,
    readonly detail: string | null = null,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(
      `${code}${detail ? `: ${detail}` : ''}${issues.length ? ` (${issues.map((i) => `${i.path}: ${i.code}`).join(', ')})` : ''}`,
    );
    this.name = 'RepositoryError';
  }
}

export function validationError(error: z.ZodError): RepositoryError {
  return new RepositoryError(
    'validation',
    null,
    error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), code: issue.message })),
  );
}

/** Parses with a zod schema, turning its failure into a RepositoryError. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

export function notFound(): RepositoryError {
  return new RepositoryError('not_found', 'record_not_found');
}

export function editConflict(): RepositoryError {
  return new RepositoryError('conflict', 'edit_conflict');
}

/** What to tell the user, in their language: the reason, or each invalid field's message. */
export function describeRepositoryError(
  error: RepositoryError,
  lang: Lang,
): { message: string | null; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path] ??= messageFor(issue.code, lang);
  return { message: error.detail ? messageFor(error.detail, lang) : null, fields };
}
