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
 * These pure functions build the documents; renderer/src/sync/numberBlocks.ts talks to the
 * server. The blocks a laptop holds are the `counter.blocks` of shared/numbering (merge branch).
 */

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

/**
 * The series document with one more block for `device`, and that block. `current` is the
 * document as read from the server (null when it does not exist yet).
 */
export function withNextBlock(
  current: NumberSeriesDoc | null,
  request: BlockRequest,
): { doc: NumberSeriesDoc; block: ServerBlock } {
  const size = Math.max(1, Math.floor(request.size ?? DEFAULT_SERVER_BLOCK));
  const base: NumberSeriesDoc = current ?? {
    _id: numberSeriesId(request.kind, request.year),
    type: 'numberBlocks',
    schema: 1,
    kind: request.kind,
    year: request.year,
    next: 1,
    blocks: [],
  };
  const from = Math.max(base.next, request.inUse + 1);
  const block: ServerBlock = { device: request.device, from, to: from + size - 1, at: request.now };
  return { doc: { ...base, next: block.to + 1, blocks: [...base.blocks, block] }, block };
}
