import { SYNC_TABLES, dataOf, type SyncTable } from '@shared/sync';
import type { TizilimDb } from '@renderer/db/database';
import { SyncEngine, type SyncEngineOptions } from '@renderer/sync/engine';
import type { Credentials, SyncServer } from '@test/sync/server';

export const AIGUL: Credentials = { name: 'aigul', password: 'Aigul-2026!' };
export const BOLAT: Credentials = { name: 'bolat', password: 'Bolat-2026!' };

/** A laptop's sync to `db` on the test server, as the app would set it up. */
export function engineFor(
  db: TizilimDb,
  server: SyncServer,
  database: string,
  user: Credentials = AIGUL,
  options: Partial<SyncEngineOptions> = {},
): SyncEngine {
  return new SyncEngine({
    db,
    target: { server: server.url, database },
    credentials: { user: user.name, password: user.password },
    fileAs: 'bytes',
    retryDelays: [50],
    ...options,
  });
}

/** Everything a laptop holds of the office, as synced (derived fields left out), by table and id. */
export async function officeData(db: TizilimDb): Promise<Record<SyncTable, unknown[]>> {
  const out = {} as Record<SyncTable, unknown[]>;
  for (const table of SYNC_TABLES) {
    const records = (await db.table(table).toArray()) as { id: string }[];
    out[table] = records
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((r) => {
        const data = dataOf(table, r);
        if (table === 'attachments') delete data.blob;
        return data;
      });
  }
  return out;
}

/** Documents of the office database on the server (not design or number documents). */
export async function serverDocs(server: SyncServer, database: string) {
  const answer = await server.request(
    'GET',
    `/${database}/_all_docs?include_docs=true&conflicts=true`,
  );
  const rows = (answer.body as { rows: { id: string; doc: Record<string, unknown> }[] }).rows;
  return rows.filter((r) => !r.id.startsWith('_design/')).map((r) => r.doc);
}
