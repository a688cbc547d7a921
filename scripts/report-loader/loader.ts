// The page `npm run report` opens first, served on the app's own origin so it fills the
// app's IndexedDB: it loads an export through the app's own import (validated, all or
// nothing), exactly as Settings → Data would, and reports progress back to the script.
import '@renderer/app/zodConfig';
import { TizilimDb } from '@renderer/db/database';
import {
  DataTransferError,
  importExportFile,
  type ImportProgressStep,
} from '@renderer/db/repositories/dataExport';
import { SETTINGS_ID } from '@shared/domain';
import { describeExportProblem } from '@shared/export';
import type { Lang } from '@shared/i18n/lang';

export type LoadResult =
  | { ok: true; records: number; appeals: number; fetchMs: number; importMs: number }
  | { ok: false; code: string; problems: string[] };

/**
 * What the app needs before it shows any page but its first-run setup: settings, with at
 * least one active staff member. An export may lack them (the format allows it) — then the
 * print route would never open, and the script would wait for it for ever.
 */
const NOT_PRINTABLE = {
  no_settings: {
    kk: 'Экспортта баптаулар жоқ (депутат, мәслихат, округ, қызметкерлер): оларсыз есепті басып шығару мүмкін емес.',
    ru: 'В экспорте нет настроек (депутат, маслихат, округ, сотрудники): без них отчёт не напечатать.',
  },
  no_users: {
    kk: 'Экспорттың баптауларында бірде-бір белсенді қызметкер жоқ: бағдарлама алдымен баптау бетін ашады, есепті басып шығару мүмкін емес.',
    ru: 'В настройках экспорта нет ни одного действующего сотрудника: программа сначала открывает первичную настройку, отчёт не напечатать.',
  },
} as const;

declare global {
  interface Window {
    tizilimLoadExport?: (url: string, lang: Lang) => Promise<LoadResult>;
    /** Exposed by the script (page.exposeFunction) to print progress on its stderr. */
    tizilimReportProgress?: (progress: ImportProgressStep) => Promise<void>;
  }
}

window.tizilimLoadExport = async (url, lang) => {
  const status = document.getElementById('status')!;
  const t0 = performance.now();
  const response = await fetch(url);
  if (!response.ok) return { ok: false, code: 'fetch_failed', problems: [String(response.status)] };
  // Parsed here rather than handed over as text: a 50,000-appeal export is hundreds of MB.
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = '{'; // The import names it: not JSON.
  }
  const t1 = performance.now();
  const db = new TizilimDb();
  await db.open();
  let last = 0;
  try {
    const summary = await importExportFile(
      db,
      json,
      { userId: 'report-cli' },
      {
        mode: 'empty',
        onProgress: (progress) => {
          status.textContent = `${progress.phase} ${progress.done} / ${progress.total}`;
          const now = performance.now();
          if (now - last > 2_000 || progress.done === progress.total) {
            last = now;
            void window.tizilimReportProgress?.(progress);
          }
        },
      },
    );
    const settings = await db.settings.get(SETTINGS_ID);
    const problem = !settings
      ? 'no_settings'
      : settings.users.some((user) => user.active)
        ? null
        : 'no_users';
    if (problem !== null)
      return { ok: false, code: problem, problems: [NOT_PRINTABLE[problem][lang]] };
    return {
      ok: true,
      records: summary.records,
      appeals: summary.appeals,
      fetchMs: t1 - t0,
      importMs: performance.now() - t1,
    };
  } catch (error) {
    if (error instanceof DataTransferError) {
      return {
        ok: false,
        code: error.code,
        problems: error.problems.map((p) => describeExportProblem(p, lang)),
      };
    }
    throw error;
  } finally {
    db.close();
  }
};
document.getElementById('status')!.textContent = 'ready';
