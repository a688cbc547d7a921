import type { Transaction } from 'dexie';
import { asBilingual, SETTINGS_ID } from '@shared/domain';
import { isLang } from '@shared/i18n/lang';
import type { Lang } from '@shared/i18n/lang';

/**
 * The public texts that became `{ kk, ru }` in schema version 5, per table. Each stored
 * string moves into the language it reads as (`toBilingual`); a text too short to tell goes
 * into the office's own language (settings.language, Kazakh by default).
 */
export const BILINGUAL_FIELDS = {
  appeals: ['publicSummary'],
  receptions: ['place', 'accessibilityNotes'],
} as const;

/** The record with its single-language texts as pairs; other fields untouched. */
export function withBilingualTexts<T extends Record<string, unknown>>(
  record: T,
  fields: readonly string[],
  fallback: Lang,
): T {
  const out: Record<string, unknown> = { ...record };
  for (const field of fields) {
    if (typeof out[field] === 'string' || out[field] === undefined) {
      out[field] = asBilingual(out[field] ?? '', fallback);
    }
  }
  return out as T;
}

/** Whether a stored record still has a text of the earlier shape. */
export function hasSingleTexts(
  record: Record<string, unknown>,
  fields: readonly string[],
): boolean {
  return fields.some((field) => typeof record[field] === 'string' || record[field] === undefined);
}

/** The office's language (settings.language), Kazakh when unset: where a short text goes. */
export async function officeLanguage(tx: Transaction): Promise<Lang> {
  const settings = (await tx.table('settings').get(SETTINGS_ID)) as
    { language?: unknown } | undefined;
  const language = settings?.language;
  return isLang(language) ? language : 'kk';
}

/**
 * Schema version 5: public texts in both languages; appeals get `reportHighlight: false`.
 * Records already in the new shape are not written again (no change-log entry for them).
 */
export async function upgradeToBilingualTexts(tx: Transaction): Promise<void> {
  const fallback = await officeLanguage(tx);
  await rewrite(tx, 'appeals', (appeal) => {
    const highlight = typeof appeal.reportHighlight === 'boolean';
    if (highlight && !hasSingleTexts(appeal, BILINGUAL_FIELDS.appeals)) return null;
    const out = withBilingualTexts(appeal, BILINGUAL_FIELDS.appeals, fallback);
    return highlight ? out : { ...out, reportHighlight: false };
  });
  await rewrite(tx, 'receptions', (reception) =>
    hasSingleTexts(reception, BILINGUAL_FIELDS.receptions)
      ? withBilingualTexts(reception, BILINGUAL_FIELDS.receptions, fallback)
      : null,
  );
}

/** Puts back, in batches, only the records `change` rewrites (null: leave it as it is). */
export async function rewrite(
  tx: Transaction,
  table: string,
  change: (record: Record<string, unknown>) => Record<string, unknown> | null,
): Promise<void> {
  const changed: Record<string, unknown>[] = [];
  await tx
    .table(table)
    .toCollection()
    .each((record: Record<string, unknown>) => {
      const next = change(record);
      if (next !== null) changed.push(next);
    });
  for (let i = 0; i < changed.length; i += 5_000) {
    await tx.table(table).bulkPut(changed.slice(i, i + 5_000));
  }
}
