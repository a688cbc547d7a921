import { counterId, type Counter, type NumberBlock } from '@shared/domain';
import { DEFAULT_BLOCK_REFILL, freeInBlocks, grantYears } from '@shared/numbering';
import {
  docIdOf,
  numberSeriesId,
  serverIssuer,
  withNextBlock,
  type NumberKind,
  type NumberSeriesDoc,
} from '@shared/sync';
import type { TizilimDb } from '@renderer/db/database';
import { SyncHttpError, type RemotePeer } from './remote';

/**
 * Takes the next block of an office number series from the server (shared/sync/numbers.ts,
 * shared/numbering's grantBlock): read the series document, write it with one more block on
 * the revision read; when another laptop wrote first (409), read again and retry. The block
 * goes into this laptop's counter of the series (`counter.blocks`, as a block handed over in
 * a package), where shared/numbering's `issueNumber` numbers from it on a laptop that is not
 * the issuer; the counter syncs like any record and merges by `mergeCounters`.
 */
export async function claimNumberBlock(
  db: TizilimDb,
  remote: RemotePeer,
  request: { kind: NumberKind; year: number; device: string; size?: number; now?: Date },
  attempts = 20,
): Promise<NumberBlock> {
  const id = counterId(request.kind, request.year);
  const issuer = serverIssuer(remote.database);
  for (let attempt = 0; attempt < attempts; attempt++) {
    const counter = await db.counters.get(id);
    const current = await remote.get<NumberSeriesDoc>(numberSeriesId(request.kind, request.year));
    // A new series starts after every number in use that anyone can know of: this laptop's
    // counter and the office's counter as the server holds it (another laptop pushes its
    // counter before it asks for blocks, so a series created here cannot start inside
    // numbers that laptop already gave).
    const onServer = current
      ? 0
      : ((await remote.get<{ data?: { value?: unknown } }>(docIdOf('counters', id)))?.data?.value ??
        0);
    const { doc, granted } = withNextBlock(
      current,
      {
        kind: request.kind,
        year: request.year,
        device: request.device,
        size: request.size,
        now: (request.now ?? new Date()).toISOString(),
        inUse: Math.max(counter?.value ?? 0, typeof onServer === 'number' ? onServer : 0),
      },
      issuer,
    );
    // 409: another laptop wrote first. 403: the same, seen by a server that validates before
    // it checks the revision (the design document refuses a block over one handed out).
    const written = await remote.putIfUnchanged(doc).catch((error: unknown) => {
      if (error instanceof SyncHttpError && error.status === 403) return false;
      throw error;
    });
    if (written) {
      await db.transaction('rw', db.counters, async () => {
        const now: Counter = (await db.counters.get(id)) ?? { id, value: 0 };
        const blocks = [...(now.blocks ?? []), granted].sort((a, b) => a.from - b.from);
        await db.counters.put({ ...now, value: Math.max(now.value, granted.to), blocks });
      });
      return granted;
    }
  }
  throw new Error('number series busy: too many laptops asked at once');
}

/** The blocks this laptop holds for a series (from its counter). */
export async function heldBlocks(
  db: TizilimDb,
  kind: NumberKind,
  year: number,
  device: string,
): Promise<NumberBlock[]> {
  const counter = await db.counters.get(counterId(kind, year));
  return (counter?.blocks ?? []).filter((b) => b.deviceId === device);
}

/**
 * Where the office's numbers come from the server (`settings.numberIssuerDeviceId` names it:
 * `couchdb:<database>`), a laptop asks for a new block of each series while it is online
 * and has fewer than DEFAULT_BLOCK_REFILL numbers left — this year's, and in December next
 * year's too (shared/numbering's `grantYears`). Offline it numbers from what it holds, then
 * provisionally (docs/merge.md). Returns the blocks taken.
 */
export async function ensureNumberBlocks(
  db: TizilimDb,
  remote: RemotePeer,
  request: { device: string; today: string; now?: Date },
): Promise<NumberBlock[]> {
  const settings = await db.settings.toCollection().first();
  if (settings?.numberIssuerDeviceId !== serverIssuer(remote.database)) return [];
  const taken: NumberBlock[] = [];
  for (const year of grantYears(request.today)) {
    for (const kind of ['appeal', 'inquiry'] as const) {
      const counter = await db.counters.get(counterId(kind, year));
      if (freeInBlocks(counter, request.device) >= DEFAULT_BLOCK_REFILL) continue;
      taken.push(
        await claimNumberBlock(db, remote, {
          kind,
          year,
          device: request.device,
          now: request.now,
        }),
      );
    }
  }
  return taken;
}
