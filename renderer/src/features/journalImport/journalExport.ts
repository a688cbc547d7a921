import type { Settings } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { buildJournalTable, journalCsv, journalXlsx } from '@shared/journal/exportJournal';
import type { TizilimDb } from '@renderer/db/database';
import { getPlatform } from '@renderer/platform';
import { XLSX_TYPE } from './problemRows';

/**
 * The appeals shown in the registry (its filters and search applied) as an office journal,
 * .xlsx with real Excel dates or CSV for Excel (UTF-8 with BOM, «;»).
 */
export async function exportJournal(
  db: TizilimDb,
  ids: readonly string[],
  format: 'xlsx' | 'csv',
  options: { settings: Settings; lang: Lang; title: string; sheet: string; today: string },
): Promise<boolean> {
  const appeals = (await db.appeals.bulkGet([...ids])).filter(
    (a) => a !== undefined && a.deletedAt === null,
  );
  const applicantIds = [
    ...new Set(appeals.map((a) => a!.applicantId).filter((id): id is string => id !== null)),
  ];
  const applicants = new Map(
    (await db.applicants.bulkGet(applicantIds)).flatMap((a) => (a ? [[a.id, a] as const] : [])),
  );
  const table = buildJournalTable({
    appeals: appeals.map((a) => a!),
    applicants,
    topics: options.settings.topics,
    users: options.settings.users,
    lang: options.lang,
    title: options.title,
  });
  const data = format === 'xlsx' ? await journalXlsx(table, options.sheet) : journalCsv(table);
  const result = await getPlatform().saveFile({
    fileName: `${options.title} ${options.today}.${format}`,
    mimeType: format === 'xlsx' ? XLSX_TYPE : 'text/csv;charset=utf-8',
    data: new Uint8Array(data) as Uint8Array<ArrayBuffer>,
  });
  return result.saved;
}
