import type { TFunction } from 'i18next';
import type { Lang } from '@shared/i18n/lang';
import { messageFor, type MessageCode } from '@shared/validation/messages';
import { describeRepositoryError, RepositoryError } from '@renderer/db/repositories';
import { writeLostKind } from '@renderer/backup/storage';

/**
 * A refused write, kept in a language-neutral form (codes, not texts) so that a message on
 * screen follows the interface language when it is switched while a dialog is open.
 */
export type FormError =
  | { kind: 'code'; code: string; field?: string | undefined }
  | { kind: 'repository'; error: RepositoryError }
  | { kind: 'unexpected'; detail: string };

/** Workflow and deadline guard codes → the form control the user should fix. */
export const FIELD_OF_CODE: Readonly<Record<string, string>> = {
  outcome_required: 'outcome',
  outcome_summary_required: 'outcomeSummary',
  not_resolved_reason_required: 'notResolvedReason',
  decided_on_required: 'decidedOn',
  decided_before_received: 'decidedOn',
  forwarded_to_required: 'forwardedTo',
  informed_at_invalid: 'informedAt',
  informed_via_invalid: 'via',
  informed_before_decision: 'informedAt',
  reopen_reason_required: 'reason',
  extension_beyond_cap: 'extendedTo',
  extension_not_later: 'extendedTo',
  extension_not_working_day: 'extendedTo',
  extension_reason_required: 'extensionReason',
  invalid_date: 'extendedTo',
};

export function codeError(code: string): FormError {
  return { kind: 'code', code, field: FIELD_OF_CODE[code] };
}

/**
 * The message code for a write IndexedDB did not keep (the disk is full, or the transaction
 * was aborted), or null when the error is something else. `inForm`: the screen keeps what
 * was typed, and the message says so.
 */
export function lostWriteCode(error: unknown, inForm: boolean): MessageCode | null {
  const kind = writeLostKind(error);
  if (kind === null) return null;
  return `not_saved_${kind}${inForm ? '_form' : ''}`;
}

/**
 * A failed repository write as the screen shows it: a refused write (RepositoryError) by its
 * reason and fields, a write IndexedDB lost as "not saved" (see lostWriteCode); null for
 * anything else (a bug — let it surface).
 */
export function describeWriteError(
  error: unknown,
  lang: Lang,
  inForm: boolean,
): { message: string | null; fields: Record<string, string> } | null {
  if (error instanceof RepositoryError) return describeRepositoryError(error, lang);
  const lost = lostWriteCode(error, inForm);
  return lost ? { message: messageFor(lost, lang), fields: {} } : null;
}

/** `inForm: false` for a button with no form behind it (nothing typed to keep). */
export function toFormError(error: unknown, { inForm = true } = {}): FormError {
  const lost = lostWriteCode(error, inForm);
  if (lost) return codeError(lost);
  if (error instanceof RepositoryError) {
    if (error.detail && error.issues.length === 0) return codeError(error.detail);
    return { kind: 'repository', error };
  }
  return { kind: 'unexpected', detail: error instanceof Error ? error.message : String(error) };
}

export interface ShownError {
  /** A message for the whole form, if the error is not about one field. */
  message: string | null;
  /** Messages per form control name. */
  fields: Record<string, string>;
}

/**
 * The error in the given language: on the control it is about when the form has that
 * control (`fields` lists the form's control names), otherwise for the whole form.
 */
export function showError(
  error: FormError | null,
  lang: Lang,
  t: TFunction,
  fields: readonly string[],
): ShownError {
  if (!error) return { message: null, fields: {} };
  switch (error.kind) {
    case 'code': {
      const text = messageFor(error.code, lang);
      return error.field && fields.includes(error.field)
        ? { message: null, fields: { [error.field]: text } }
        : { message: text, fields: {} };
    }
    case 'repository': {
      const described = describeRepositoryError(error.error, lang);
      const shown: Record<string, string> = {};
      const loose: string[] = described.message ? [described.message] : [];
      for (const [path, text] of Object.entries(described.fields)) {
        if (fields.includes(path)) shown[path] = text;
        else loose.push(text);
      }
      return { message: loose.length ? loose.join(' ') : null, fields: shown };
    }
    case 'unexpected':
      return { message: t('appeal.dialog.failed', { detail: error.detail }), fields: {} };
  }
}
