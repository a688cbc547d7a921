import type { Conflict, RecordTable } from '@shared/merge';

/**
 * What this laptop keeps about the other laptops of its office for exchange packages
 * (docs/exchange.md). Local, like the device identity: never exported, never in the change
 * log, never replaced by a restore. Since schema version 6.
 */

/** One package this laptop wrote for a peer: its number and where the change log stood. */
export interface SentPackage {
  seq: number;
  /** The change-log seq the package was read at: the next one starts after it once acked. */
  logSeq: number;
  at: string;
  packageId: string;
}

export interface ExchangePeer {
  /** The other laptop's device id. */
  deviceId: string;
  /** Its name as it last said it (for people; the id is what counts). */
  name: string;
  /** Packages written to it, oldest first (the last few; acknowledged ones are dropped). */
  sent: SentPackage[];
  /** The seq of the last package written to it (0: none). */
  lastSentSeq: number;
  /** The highest of this laptop's packages the peer confirmed (its package's `ack`, a receipt). */
  ackedSeq: number;
  /** The change-log seq of the acknowledged package: what the peer is known to hold. */
  ackedLogSeq: number;
  /** The seq of the last package merged from it (0: none). */
  lastReceivedSeq: number;
  lastSentAt: string | null;
  lastReceivedAt: string | null;
  /** Conflicts from its packages still waiting for a person's decision. */
  conflicts?: PendingConflict[];
}

/** A conflict of a merged package, kept until a person decides it (once). */
export interface PendingConflict extends Conflict {
  packageId: string;
  receivedAt: string;
}

/**
 * The common ancestor of one record with one peer (docs/merge.md, "The common ancestor"):
 * the version last received from it, and the version last sent to it with the package's seq.
 */
export interface ExchangeBase {
  peer: string;
  table: RecordTable;
  id: string;
  received?: Record<string, unknown>;
  sent?: { record: Record<string, unknown>; seq: number };
}

export function newPeer(deviceId: string, name: string): ExchangePeer {
  return {
    deviceId,
    name,
    sent: [],
    lastSentSeq: 0,
    ackedSeq: 0,
    ackedLogSeq: 0,
    lastReceivedSeq: 0,
    lastSentAt: null,
    lastReceivedAt: null,
  };
}
