// Benchmark seeding page, served on the app's own origin so it fills the app's IndexedDB:
// the fixture generator makes an office's export file, and the app's import of an export
// (Settings → Data) loads it from its bytes: checked in the Web Worker, written in pages.
import { z } from 'zod';
import { TizilimDb } from '@renderer/db/database';
import { importExportFile } from '@renderer/db/repositories';
import { buildQuarterlyReport } from '@shared/report';
import { generateDataset } from '../fixtures/generate';
import { generateOffice } from '../fixtures/generateOffice';
import { reportInputOf } from './reportInput';
import { benchQueries, type BenchQuery } from './searchQueries';

z.config({ jitless: true });

declare global {
  interface Window {
    tizilimSeed?: (
      appeals: number,
      seed: number,
    ) => Promise<{
      generateMs: number;
      seedMs: number;
      rawImportMs: number;
      firstUser: string;
      regNos: string[];
      queries: BenchQuery[];
      reportModelMs: number;
    }>;
    /** The report model alone over a generated office (no import): `--model-only`. */
    tizilimReportModel?: (appeals: number, seed: number) => number;
  }
}

const RAW_TABLES = ['applicants', 'appeals', 'events'] as const;

/**
 * The baseline of the import's speed: the same records written with plain IndexedDB puts,
 * in one strict-durability transaction, into object stores with only their primary keys
 * (no validation, no indexes, no change log, no registry rows), in the same browser.
 */
async function rawImport(data: Record<(typeof RAW_TABLES)[number], unknown[]>): Promise<number> {
  const name = 'tizilim-raw-baseline';
  const request = <T>(r: IDBRequest<T> | IDBOpenDBRequest) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result as T);
      r.onerror = () => reject(r.error);
    });
  await request(indexedDB.deleteDatabase(name));
  const opening = indexedDB.open(name, 1);
  opening.onupgradeneeded = () => {
    for (const table of RAW_TABLES) opening.result.createObjectStore(table, { keyPath: 'id' });
  };
  const raw = await request<IDBDatabase>(opening);
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = raw.transaction([...RAW_TABLES], 'readwrite', { durability: 'strict' });
    for (const table of RAW_TABLES) {
      const store = tx.objectStore(table);
      for (const record of data[table]) store.put(record);
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  raw.close();
  await request(indexedDB.deleteDatabase(name));
  return ms;
}

/** The fixture generator's "today" and the quarter the report benchmark builds. */
const TODAY = '2026-11-20';
const QUARTER = '2026-Q3';

/**
 * Median wall time of a first `buildQuarterlyReport` (the pure report model) over the dataset. It is
 * timed before the import: after it, the browser's storage process goes on writing and
 * compacting (and deleting the raw baseline's database) on the machine's other core, which
 * is the benchmark's own work, not the model's.
 */
function timeReportModel(data: ReturnType<typeof generateDataset>, runs = 7): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    // A new input each run: a first build, which indexes the office's names (the model
    // keeps that index for a list it has seen, as the report screen builds again).
    const input = reportInputOf(data);
    const t = performance.now();
    buildQuarterlyReport(input, QUARTER, { lang: run % 2 ? 'ru' : 'kk', today: TODAY });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

window.tizilimSeed = async (appeals, seed) => {
  const status = document.getElementById('status')!;
  const db = new TizilimDb();
  await db.delete();
  await db.open();
  const t0 = performance.now();
  const data = generateDataset({ appeals, seed, today: TODAY });
  const generateMs = performance.now() - t0;
  const reportModelMs = timeReportModel(data);
  // The same appeals, applicants and events (one seed), with the office around them.
  const bytes = new TextEncoder().encode(
    JSON.stringify(generateOffice({ appeals, seed, today: TODAY, demo: false })),
  );
  const t1 = performance.now();
  await importExportFile(
    db,
    bytes,
    { userId: data.users[0]!.id },
    {
      mode: 'empty',
      onProgress: ({ phase, done, total }) => {
        status.textContent = `${phase} ${done} / ${total}`;
      },
    },
  );
  const seedMs = performance.now() - t1;
  db.close();
  const rawImportMs = await rawImport(data);
  return {
    queries: benchQueries(data.applicants),
    reportModelMs,
    generateMs,
    seedMs,
    rawImportMs,
    firstUser: data.users[0]!.id,
    regNos: data.appeals.slice(-10).map((a) => a.regNo),
  };
};
window.tizilimReportModel = (appeals, seed) =>
  timeReportModel(generateDataset({ appeals, seed, today: TODAY }));
document.getElementById('status')!.textContent = 'ready';
