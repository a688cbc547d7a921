/**
 * Three-way merge of one value (docs/merge.md, "Fields"): what both sides hold is kept;
 * a value changed on one side only takes that change; changed on both, objects merge key by
 * key, lists of plain values as sets (additions and removals of both sides), lists of
 * records by their key (`id`, `stepId` or `key`), element by element; anything else changed
 * differently on both sides is a conflict, and the result keeps the receiving side's value
 * until a person decides.
 */
import { canonicalJson, deepEqual, isPlainObject } from './stable';

/** The common ancestor's value is not known (no base, no history that says). */
export const UNKNOWN: unique symbol = Symbol('unknown base');
export type BaseValue = unknown;

export interface ValueConflict {
  path: string[];
  mine: unknown;
  theirs: unknown;
  base: BaseValue;
}

const KEY_PROPS = ['id', 'stepId', 'key'] as const;

function isPrimitive(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function isPrimitiveList(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.every(isPrimitive);
}

/** The key property of a list of records, or null when it is not one. */
function keyPropOf(...lists: unknown[]): (typeof KEY_PROPS)[number] | null {
  const items = lists.flatMap((list) => (Array.isArray(list) ? list : []));
  if (items.length === 0) return null;
  for (const prop of KEY_PROPS) {
    if (items.every((item) => isPlainObject(item) && typeof item[prop] === 'string')) {
      const unique = lists.every(
        (list) =>
          !Array.isArray(list) ||
          new Set(list.map((item) => (item as Record<string, unknown>)[prop])).size === list.length,
      );
      if (unique) return prop;
    }
  }
  return null;
}

function compareCanonical(a: unknown, b: unknown): number {
  const x = canonicalJson(a);
  const y = canonicalJson(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Lists of plain values merged as sets: what the base had stays unless a side removed it
 * (base order), and both sides' additions follow in a fixed order, so both laptops get the
 * same list. Without a base nothing can be known to be removed: the union.
 */
function mergeSet(base: BaseValue, mine: unknown[], theirs: unknown[]): unknown[] {
  const has = (list: unknown[], value: unknown) => list.some((x) => deepEqual(x, value));
  if (base === UNKNOWN || !Array.isArray(base)) {
    const union = [...mine];
    for (const value of theirs) if (!has(union, value)) union.push(value);
    return union.sort(compareCanonical);
  }
  const kept = base.filter((value) => has(mine, value) && has(theirs, value));
  const added: unknown[] = [];
  for (const value of [...mine, ...theirs]) {
    if (!has(base, value) && !has(added, value)) added.push(value);
  }
  return [...kept, ...added.sort(compareCanonical)];
}

export class ValueMerger {
  readonly conflicts: ValueConflict[] = [];

  private conflict(path: string[], base: BaseValue, mine: unknown, theirs: unknown): unknown {
    this.conflicts.push({ path, mine, theirs, base });
    return mine;
  }

  /** The merged value; conflicts are collected in `conflicts`. */
  merge(path: string[], base: BaseValue, mine: unknown, theirs: unknown): unknown {
    if (deepEqual(mine, theirs)) return mine;
    if (base !== UNKNOWN) {
      if (deepEqual(base, mine)) return theirs;
      if (deepEqual(base, theirs)) return mine;
    }
    if (isPlainObject(mine) && isPlainObject(theirs)) {
      const baseObject = base !== UNKNOWN && isPlainObject(base) ? base : null;
      const out: Record<string, unknown> = {};
      const keys = [...Object.keys(mine), ...Object.keys(theirs).filter((k) => !(k in mine))];
      for (const key of keys) {
        const value = this.merge(
          [...path, key],
          baseObject ? baseObject[key] : UNKNOWN,
          mine[key],
          theirs[key],
        );
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    if (isPrimitiveList(mine) && isPrimitiveList(theirs)) {
      return mergeSet(base, mine, theirs);
    }
    const keyProp = Array.isArray(mine) && Array.isArray(theirs) ? keyPropOf(mine, theirs) : null;
    if (keyProp !== null) {
      return this.mergeKeyed(path, keyProp, base, mine as unknown[], theirs as unknown[]);
    }
    return this.conflict(path, base, mine, theirs);
  }

  /**
   * Lists of records by key: elements kept, added or removed like a set; an element both
   * sides changed merges field by field; one side removed what the other changed is a
   * conflict on the element (`null` stands for "not in the list").
   */
  private mergeKeyed(
    path: string[],
    prop: (typeof KEY_PROPS)[number],
    base: BaseValue,
    mine: unknown[],
    theirs: unknown[],
  ): unknown[] {
    type Item = Record<string, unknown>;
    const index = (list: unknown[]) => new Map(list.map((x) => [(x as Item)[prop] as string, x]));
    const baseList = base !== UNKNOWN && Array.isArray(base) ? base : null;
    const b = baseList && keyPropOf(baseList) === prop ? index(baseList) : null;
    const m = index(mine);
    const t = index(theirs);
    const kept: unknown[] = [];
    const added: unknown[] = [];
    const order = b ? [...b.keys()] : [];
    const newKeys = [...new Set([...m.keys(), ...t.keys()])].filter((k) => !b?.has(k));
    for (const key of [...order, ...newKeys]) {
      const inBase = b?.get(key);
      const mineItem = m.get(key);
      const theirItem = t.get(key);
      const elementPath = [...path, key];
      let value: unknown;
      if (mineItem !== undefined && theirItem !== undefined) {
        value = this.merge(elementPath, b ? (inBase ?? UNKNOWN) : UNKNOWN, mineItem, theirItem);
      } else if (inBase === undefined) {
        // Added on one side (or, with no base, present on one side: keep it, lose nothing).
        value = mineItem ?? theirItem;
      } else {
        const remaining = mineItem ?? theirItem;
        if (deepEqual(remaining, inBase)) value = undefined;
        else value = this.conflict(elementPath, inBase, mineItem ?? null, theirItem ?? null);
        if (value === null) value = undefined;
      }
      if (value === undefined) continue;
      if (inBase !== undefined) kept.push(value);
      else added.push(value);
    }
    added.sort((x, y) => {
      const a = String((x as Item)[prop]);
      const c = String((y as Item)[prop]);
      return a < c ? -1 : a > c ? 1 : 0;
    });
    return [...kept, ...added];
  }
}
