// Benchmark seeding page, served on the app's own origin so it fills the app's IndexedDB:
// the fixture generator makes the records, the app's import repository writes them.
import { z } from 'zod';
import { TizilimDb } from '@renderer/db/database';
import { importRecords, saveSettings } from '@renderer/db/repositories';
import { generateDataset } from '../fixtures/generate';

z.config({ jitless: true });

declare global {
  interface Window {
    tizilimSeed?: (
      appeals: number,
      seed: number,
    ) => Promise<{ generateMs: number; seedMs: number; firstUser: string; regNos: string[] }>;
  }
}

window.tizilimSeed = async (appeals, seed) => {
  const status = document.getElementById('status')!;
  const db = new TizilimDb();
  await db.delete();
  await db.open();
  const t0 = performance.now();
  const data = generateDataset({ appeals, seed });
  const generateMs = performance.now() - t0;
  await saveSettings(db, { users: data.users }, { userId: data.users[0]!.id });
  const t1 = performance.now();
  await importRecords(db, data, ({ done, total }) => {
    status.textContent = `${done} / ${total}`;
  });
  const seedMs = performance.now() - t1;
  db.close();
  return {
    generateMs,
    seedMs,
    firstUser: data.users[0]!.id,
    regNos: data.appeals.slice(-10).map((a) => a.regNo),
  };
};
document.getElementById('status')!.textContent = 'ready';
