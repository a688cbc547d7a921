import { counterId } from '@shared/domain';
import {
  numberSeriesId,
  withNextBlock,
  type NumberKind,
  type NumberSeriesDoc,
  type ServerBlock,
} from '@shared/sync';
import type { TizilimDb } from '@renderer/db/database';
import { SyncHttpError, type RemotePeer } from './remote';

/**
 * Takes the next block of an office number series from the server (shared/sync/numbers.ts):
 * read the series document, write it with one more block on the revision read; when
 * another laptop wrote first (409), read again and retry. The block is kept in this laptop's
 * sync settings (`syncMeta`, `blocks:<kind>:<year>`) until shared/numbering's counters hold
 * blocks (`counter.blocks`, merge branch): the lead wires `issueNumber` to them.
 */
export async function claimNumberBlock(
  db: TizilimDb,
  remote: RemotePeer,
  request: { kind: NumberKind; year: number; device: string; size?: number; now?: Date },
  attempts = 20,
): Promise<ServerBlock> {
  const counter = await db.counters.get(counterId(request.kind, request.year));
  for (let attempt = 0; attempt < attempts; attempt++) {
    const current = await remote.get<NumberSeriesDoc>(numberSeriesId(request.kind, request.year));
    const { doc, block } = withNextBlock(current, {
      kind: request.kind,
      year: request.year,
      device: request.device,
      size: request.size,
      now: (request.now ?? new Date()).toISOString(),
      inUse: counter?.value ?? 0,
    });
    // 409: another laptop wrote first. 403: the same, seen by a server that validates before
    // it checks the revision (the design document refuses a block over one handed out).
    const written = await remote.putIfUnchanged(doc).catch((error: unknown) => {
      if (error instanceof SyncHttpError && error.status === 403) return false;
      throw error;
    });
    if (written) {
      const key = `blocks:${request.kind}:${String(request.year)}`;
      await db.transaction('rw', db.syncMeta, async () => {
        const held = ((await db.syncMeta.get(key))?.value as ServerBlock[] | undefined) ?? [];
        await db.syncMeta.put({ key, value: [...held, block] });
      });
      return block;
    }
  }
  throw new Error('number series busy: too many laptops asked at once');
}

/** The blocks this laptop holds for a series. */
export async function heldBlocks(
  db: TizilimDb,
  kind: NumberKind,
  year: number,
): Promise<ServerBlock[]> {
  return (
    ((await db.syncMeta.get(`blocks:${kind}:${String(year)}`))?.value as
      ServerBlock[] | undefined) ?? []
  );
}
