import Dexie from 'dexie';
import { formatDay, parseDay } from '@shared/calendar/dates';
import { TizilimDb } from '@renderer/db/database';
import { DEMO_DB_NAME } from '@renderer/db/demoOffice';
import {
  importExportFile,
  type ImportProgressStep,
  type ImportSummary,
} from '@renderer/db/repositories/dataExport';
import { DEMO_APPEALS } from './office';

export type DemoProgress = { phase: 'generate' } | ImportProgressStep;

export interface BuildDemoOptions {
  /** Kazakhstan calendar date today ('YYYY-MM-DD'): the demo's data ends the day before. */
  today: string;
  appeals?: number;
  seed?: number;
  onProgress?: (progress: DemoProgress) => void;
  /** Attachments as Blobs (the app) or bytes (tests under jsdom). */
  fileAs?: 'blob' | 'bytes';
  now?: () => Date;
}

/** A macrotask, so the page paints the progress before the generator takes the thread. */
const paint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Builds the demo office in its own database (`tizilim-demo`), afresh: the old demo is
 * deleted, a realistic office is generated in the app (shared/demo, the same generator as
 * `npm run demo-data`), checked and written like any import. The office's own database is
 * never opened here. Resolves with what was written; the caller then switches to it.
 */
export async function buildDemoOffice(options: BuildDemoOptions): Promise<ImportSummary> {
  const progress = options.onProgress ?? (() => undefined);
  progress({ phase: 'generate' });
  await Dexie.delete(DEMO_DB_NAME);
  await paint();
  // Loaded only when asked for: the generator and its texts stay out of the app's first load.
  const { generateOffice } = await import('@shared/demo/generateOffice');
  // Dates are facts: the office's data is "as of" yesterday evening, never later than now.
  const today = formatDay(parseDay(options.today) - 1);
  const year = Number(today.slice(0, 4));
  const file = generateOffice({
    appeals: options.appeals ?? DEMO_APPEALS,
    seed: options.seed ?? 1,
    today,
    from: `${year - 1}-01-01`,
    demo: true,
  });
  const db = new TizilimDb(DEMO_DB_NAME);
  try {
    return await importExportFile(
      db,
      file,
      { userId: file.tables.settings[0]?.users[0]?.id ?? '', now: options.now },
      { mode: 'empty', onProgress: progress, fileAs: options.fileAs ?? 'blob' },
    );
  } finally {
    db.close();
  }
}
