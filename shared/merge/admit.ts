/**
 * Whether data from another laptop may be merged at all (docs/merge.md, "Safety"), and which
 * record is the common ancestor a laptop keeps for a peer. Transport-independent: exchange
 * packages, the command line and a CouchDB replication all ask the same questions.
 */
import { stableId } from './stable';
import type { AnyRecord } from './types';

interface OfficeSettings {
  officeId?: string | null;
  createdAt?: string;
}

/**
 * The office a database belongs to: its `officeId`, or — for a database from before exchange
 * packages — an id derived from when its settings were first saved. Laptops that were set
 * up from one export share that moment, so they are one office without anybody doing
 * anything; laptops set up separately are different offices until one joins the other.
 * null: nothing saved yet (a fresh laptop, which may join any office).
 */
export function officeIdOf(settings: OfficeSettings | null | undefined): string | null {
  if (!settings) return null;
  if (settings.officeId) return settings.officeId;
  return settings.createdAt ? stableId(settings.createdAt, `office:${settings.createdAt}`) : null;
}

export type OfficeCheck =
  | { ok: true; officeId: string | null }
  | { ok: false; code: 'other_office'; mine: string; theirs: string };

/** Data of another office is refused; a side with no office yet takes the other's. */
export function checkOffice(
  mine: OfficeSettings | null | undefined,
  theirs: OfficeSettings | null | undefined,
): OfficeCheck {
  const m = officeIdOf(mine);
  const t = officeIdOf(theirs);
  if (m !== null && t !== null && m !== t)
    return { ok: false, code: 'other_office', mine: m, theirs: t };
  return { ok: true, officeId: m ?? t };
}

/** What a package says about itself (its envelope; the format comes with the packages). */
export interface PackageHeader {
  officeId: string;
  /** The sending laptop. */
  fromDeviceId: string;
  /** The laptop it is written for (null: any laptop of the office, e.g. a first package). */
  toDeviceId: string | null;
  /** The sender's sequence number of packages to this receiver: 1, 2, 3... */
  seq: number;
  /** The last package the sender had received from this receiver (0: none). */
  ack: number;
}

/** What the receiving laptop remembers about its peers. */
export interface ReceiverState {
  officeId: string | null;
  deviceId: string;
  /** Per sending laptop, the seq of the last package merged from it. */
  lastReceived: Readonly<Record<string, number>>;
}

export type Admission =
  | { ok: true; joins: boolean }
  | {
      ok: false;
      code: 'other_office' | 'not_for_this_device' | 'own_package' | 'already_received' | 'older';
    };

/**
 * The gate before a package is merged: another office's package is refused; this laptop's
 * own package and one written for another laptop are refused; a package already merged, or
 * older than one merged, changes nothing. A laptop with no office yet joins the sender's.
 */
export function admitPackage(header: PackageHeader, state: ReceiverState): Admission {
  if (state.officeId !== null && state.officeId !== header.officeId) {
    return { ok: false, code: 'other_office' };
  }
  if (header.fromDeviceId === state.deviceId) return { ok: false, code: 'own_package' };
  if (header.toDeviceId !== null && header.toDeviceId !== state.deviceId) {
    return { ok: false, code: 'not_for_this_device' };
  }
  const last = state.lastReceived[header.fromDeviceId] ?? 0;
  if (header.seq === last) return { ok: false, code: 'already_received' };
  if (header.seq < last) return { ok: false, code: 'older' };
  return { ok: true, joins: state.officeId === null };
}

/** A record as last exchanged with a peer (docs/merge.md, "The common ancestor"). */
export interface SentRecord {
  record: AnyRecord;
  /** The package it went out in. */
  seq: number;
}

/**
 * The common ancestor of a record with a peer, from what this laptop keeps per peer: the
 * version last received from it (both sides descend from it: the peer wrote it, this side
 * merged it) and the version last sent to it — an ancestor only once the peer acknowledged
 * that package (`peerAck` ≥ its seq). Of the two, the later version: along any line of
 * versions the edit counter only grows.
 */
export function commonBase(
  received: AnyRecord | undefined,
  sent: SentRecord | undefined,
  peerAck: number,
): AnyRecord | undefined {
  const acked = sent && sent.seq <= peerAck ? sent.record : undefined;
  if (!received) return acked;
  if (!acked) return received;
  return acked.version > received.version ? acked : received;
}
