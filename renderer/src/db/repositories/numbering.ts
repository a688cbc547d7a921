import { SETTINGS_ID } from '@shared/domain';
import { counterId } from '@shared/domain/counter';
import {
  deviceCodeOf,
  isIssuer,
  issueNumber,
  type IssuedNumber,
  type NumberKind,
  type Numberer,
} from '@shared/numbering';
import type { TizilimDb } from '../database';
import { DEVICE_KEY, newDeviceIdentity } from '../device';

/**
 * Numbers of the office on this laptop (docs/merge.md, "Numbers"): the registry number of a
 * new appeal and the outgoing number of a sent inquiry come from `issueNumber` — the
 * office's series on the issuer laptop (or on every laptop while no issuer is set, as the
 * app always did), this laptop's blocks elsewhere, a provisional number when they are used
 * up. Called inside the transaction that stores the numbered record, so a failure gives the
 * number back.
 */

/** The tables a transaction that issues a number must cover (besides the record's own). */
export function numberingTables(db: TizilimDb) {
  // `device` exists since schema version 2 (a version-1 database is only met in the tests
  // that build one to upgrade it; it numbers as the app always did).
  return [db.counters, db.settings, ...(hasDeviceTable(db) ? [db.device] : [])];
}

function hasDeviceTable(db: TizilimDb): boolean {
  return db.tables.some((t) => t.name === 'device');
}

const LEGACY: Numberer = { deviceId: '', deviceCode: 'AAA', issuer: true };

/** This laptop as a numberer; call inside a transaction over `numberingTables`. */
export async function numbererIn(db: TizilimDb): Promise<Numberer> {
  if (!hasDeviceTable(db)) return LEGACY;
  let device = await db.device.get(DEVICE_KEY);
  if (!device) {
    device = newDeviceIdentity();
    await db.device.add(device);
  }
  const settings = await db.settings.get(SETTINGS_ID);
  return {
    deviceId: device.id,
    deviceCode: deviceCodeOf(device.id),
    issuer: isIssuer(settings, device.id),
  };
}

/** Issues the next number of `kind` for `year` and stores the counter it came from. */
export async function issueNextNumber(
  db: TizilimDb,
  kind: NumberKind,
  year: number,
): Promise<IssuedNumber> {
  const who = await numbererIn(db);
  const issued = issueNumber(await db.counters.get(counterId(kind, year)), kind, year, who);
  await db.counters.put(issued.counter);
  return issued;
}
