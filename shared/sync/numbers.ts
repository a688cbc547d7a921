/**
 * Number blocks handed out through the server (docs/sync.md, "Numbers"). The office database
 * holds one series document per kind and year, `numbers:appeal:2026`:
 *
 * ```json
 * { "_id": "numbers:appeal:2026", "type": "numberBlocks", "schema": 1, "kind": "appeal",
 *   "year": 2026, "next": 151,
 *   "blocks": [{ "device": "<device id>", "from": 101, "to": 150, "at": "2026-03-02T04:00:00Z" }] }
 * ```
 *
 * A laptop takes the next block by writing the document with the `_rev` it read: CouchDB
 * accepts only one of two writes made on the same revision (409 for the other, which reads
 * again and retries), so two laptops online never get the same numbers. The design
 * document's validate_doc_update refuses a write that takes numbers back or overlaps a block.
 * The arithmetic is shared/numbering's `grantBlock` (the same the office laptop uses when it
 * hands a block to another laptop in a package): the server is the issuer, its series
 * document the issuer's counter. renderer/src/sync/numberBlocks.ts talks to the server and
 * keeps the block in this laptop's `counter.blocks`, where `issueNumber` numbers from it.
 */
import { counterId, type Counter, type NumberBlock } from '../domain/counter';
import { grantBlock } from '../numbering/series';

export type NumberKind = 'appeal' | 'inquiry';

export interface ServerBlock {
  device: string;
  from: number;
  /** Inclusive. */
  to: number;
  /** ISO UTC, when it was handed out. */
  at: string;
}

export interface NumberSeriesDoc {
  _id: string;
  _rev?: string;
  type: 'numberBlocks';
  schema: 1;
  kind: NumberKind;
  year: number;
  /** The first number nobody holds yet. */
  next: number;
  blocks: ServerBlock[];
}

export const DEFAULT_SERVER_BLOCK = 50;

export function numberSeriesId(kind: NumberKind, year: number): string {
  return `numbers:${kind}:${String(year)}`;
}

export interface BlockRequest {
  kind: NumberKind;
  year: number;
  device: string;
  size?: number;
  now: string;
  /**
   * Numbers already in use that the series must start after (the highest number of that kind
   * and year on this laptop): a series created on a server that joins an office already at
   * work never hands out a number in use.
   */
  inUse: number;
}

/** Who hands out blocks through the server, as `grantedBy` of a block (and an issuer id). */
export function serverIssuer(database: string): string {
  return `couchdb:${database}`;
}

/**
 * The series document as shared/numbering's counter of the issuer: `value` is the last
 * number handed out (or in use on the asking laptop), `blocks` every block handed out.
 */
export function seriesCounter(
  doc: NumberSeriesDoc | null,
  request: Pick<BlockRequest, 'kind' | 'year' | 'inUse'>,
  issuer: string,
): Counter {
  const blocks: NumberBlock[] = (doc?.blocks ?? []).map((b) => ({
    from: b.from,
    to: b.to,
    deviceId: b.device,
    grantedBy: issuer,
    grantedAt: b.at,
    used: 0,
  }));
  return {
    id: counterId(request.kind, request.year),
    value: Math.max((doc?.next ?? 1) - 1, request.inUse),
    ...(blocks.length ? { blocks } : {}),
  };
}

/**
 * The series document with one more block for `device`, and that block (as the server
 * writes it, and as shared/numbering keeps it). `current` is the document as read from the
 * server (null when it does not exist yet). The server always grants: the laptop asks when
 * its own counter says it runs short (`freeInBlocks`), since only it knows what it used.
 */
export function withNextBlock(
  current: NumberSeriesDoc | null,
  request: BlockRequest,
  issuer = 'couchdb',
): { doc: NumberSeriesDoc; block: ServerBlock; granted: NumberBlock } {
  const size = Math.max(1, Math.floor(request.size ?? DEFAULT_SERVER_BLOCK));
  const { counter, block: granted } = grantBlock(
    seriesCounter(current, request, issuer),
    request.kind,
    request.year,
    { deviceId: request.device, issuerId: issuer, now: request.now, size, refill: Infinity },
  );
  if (!granted) throw new Error('the server is the issuer: it always grants');
  const base: NumberSeriesDoc = current ?? {
    _id: numberSeriesId(request.kind, request.year),
    type: 'numberBlocks',
    schema: 1,
    kind: request.kind,
    year: request.year,
    next: 1,
    blocks: [],
  };
  const block: ServerBlock = {
    device: request.device,
    from: granted.from,
    to: granted.to,
    at: request.now,
  };
  return {
    doc: { ...base, next: counter.value + 1, blocks: [...base.blocks, block] },
    block,
    granted,
  };
}
