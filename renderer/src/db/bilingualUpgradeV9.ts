import type { Transaction } from 'dexie';
import { hasSingleTexts, officeLanguage, rewrite, withBilingualTexts } from './bilingualUpgrade';

/**
 * The public texts that became `{ kk, ru }` in schema version 9 (after those of version 5):
 * an initiative's title, result and public summary, a plan item's title and actions. The
 * internal description of an initiative stays one text.
 */
export const BILINGUAL_FIELDS_V9 = {
  initiatives: ['title', 'result', 'publicSummary'],
  planItems: ['title', 'actions'],
} as const;

/**
 * Schema version 9: each stored single text moves into the language it reads as (a text too
 * short to tell: the office's language), the other language left empty — a missing
 * translation the report screen lists. Records already in the new shape are not written
 * again. Reads and writes only `initiatives`, `planItems` and `settings`, so it runs the same
 * whatever other versions (8) added.
 */
export async function upgradeInitiativeTexts(tx: Transaction): Promise<void> {
  const fallback = await officeLanguage(tx);
  for (const table of ['initiatives', 'planItems'] as const) {
    const fields = BILINGUAL_FIELDS_V9[table];
    await rewrite(tx, table, (record) =>
      hasSingleTexts(record, fields) ? withBilingualTexts(record, fields, fallback) : null,
    );
  }
}
