/**
 * Deterministic helpers of the merge: structural equality, and ids for the events a merge
 * writes. Both laptops merging the same two datasets at the same moment write the same
 * events (same ids), so merging again, or in the other direction, adds nothing twice.
 */
import { newBaseFields } from '../domain/common';
import type { EventDataMap, EventOf } from '../domain/event';
import type { EventType } from '../domain/enums';
import { fnv1a } from '../numbering/format';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Structural equality of JSON-like values; keys whose value is `undefined` count as absent,
 * and key order does not matter. Other objects (a Blob, bytes) are equal only to themselves.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlainObject(a) || !isPlainObject(b)) return false;
  let count = 0;
  for (const key in a) {
    if (a[key] === undefined) continue;
    count += 1;
    if (!deepEqual(a[key], b[key])) return false;
  }
  for (const key in b) if (b[key] !== undefined) count -= 1;
  return count === 0;
}

/** A canonical JSON text (sorted keys): a total order and a hash input for any JSON value. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function hex(n: number, digits: number): string {
  return (n >>> 0).toString(16).padStart(8, '0').slice(-digits);
}

/**
 * A UUIDv7 whose time part is `nowIso` (so it sorts like the app's own ids) and whose
 * random part is a hash of `key`: the same key at the same moment gives the same id.
 */
export function stableId(nowIso: string, key: string): string {
  const ms = Math.max(0, Date.parse(nowIso) || 0);
  const time = ms.toString(16).padStart(12, '0').slice(-12);
  const h1 = fnv1a(key, 0x811c9dc5);
  const h2 = fnv1a(key, 0x01000193 ^ h1);
  const h3 = fnv1a(key, 0x9e3779b9 ^ h2);
  const variant = (0x8000 | (h1 & 0x3fff)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(h2, 3)}-${variant}-${hex(h3, 8)}${hex(h1 >>> 16, 4)}`;
}

/**
 * An event the merge (or a decision on its conflicts) writes: by the receiving person, now,
 * with an id from `key` — the same event, should the same merge be made twice.
 */
export function ownEvent<T extends EventType>(
  ctx: { now: string; userId: string },
  key: string,
  appealId: string,
  type: T,
  data: EventDataMap[T],
): EventOf<T> {
  const event = {
    ...newBaseFields({ id: stableId(ctx.now, key), now: ctx.now, userId: ctx.userId }),
    appealId,
    type,
    at: ctx.now,
    userId: ctx.userId,
    note: '',
    data,
  };
  // As in makeEvent: TypeScript cannot tie `type` to `data` through the type parameter.
  return event as unknown as EventOf<T>;
}
