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

/** Schema version 5: public texts in both languages; appeals get `reportHighlight: false`. */
export async function upgradeToBilingualTexts(tx: Transaction): Promise<void> {
  const settings = (await tx.table('settings').get(SETTINGS_ID)) as
    { language?: unknown } | undefined;
  const language = settings?.language;
  const fallback: Lang = isLang(language) ? language : 'kk';
  await tx
    .table('appeals')
    .toCollection()
    .modify((appeal: Record<string, unknown>) => {
      Object.assign(appeal, withBilingualTexts(appeal, BILINGUAL_FIELDS.appeals, fallback));
      if (typeof appeal.reportHighlight !== 'boolean') appeal.reportHighlight = false;
    });
  await tx
    .table('receptions')
    .toCollection()
    .modify((reception: Record<string, unknown>) => {
      Object.assign(
        reception,
        withBilingualTexts(reception, BILINGUAL_FIELDS.receptions, fallback),
      );
    });
}
