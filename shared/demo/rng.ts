/**
 * A small seeded PRNG (mulberry32) for fixtures: the same seed gives the same sequence on
 * every machine, which `Math.random` and the `uuid` package cannot promise.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  /** One value, chosen with probability proportional to its weight. */
  weighted<T>(list: readonly (readonly [T, number])[]): T;
  chance(p: number): boolean;
  /** Shuffles the array in place (Fisher–Yates) and returns it. */
  shuffle<T>(list: T[]): T[];
  /** A valid UUIDv7 for this instant: version nibble 7, variant 10xx, random bits from the PRNG. */
  uuidv7(timestampMs: number): string;
}

const TWO_32 = 4_294_967_296;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(n: number): string {
  return (
    (HEX[(n >>> 24) & 0xff] ?? '') +
    (HEX[(n >>> 16) & 0xff] ?? '') +
    (HEX[(n >>> 8) & 0xff] ?? '') +
    (HEX[n & 0xff] ?? '')
  );
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;

  const u32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => u32() / TWO_32;

  const int = (min: number, max: number): number => {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max is below min`);
    return min + Math.floor(next() * (max - min + 1));
  };

  const pick = <T>(list: readonly T[]): T => {
    if (list.length === 0) throw new RangeError('pick from an empty list');
    return list[Math.floor(next() * list.length)] as T;
  };

  const weighted = <T>(list: readonly (readonly [T, number])[]): T => {
    let total = 0;
    for (const [, w] of list) total += w;
    if (!(total > 0)) throw new RangeError('weighted: the weights add up to zero');
    let r = next() * total;
    for (const [value, w] of list) {
      r -= w;
      if (r < 0) return value;
    }
    // Rounding can leave r at a hair above zero after the last item.
    return (list[list.length - 1] as readonly [T, number])[0];
  };

  const shuffle = <T>(list: T[]): T[] => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const tmp = list[i] as T;
      list[i] = list[j] as T;
      list[j] = tmp;
    }
    return list;
  };

  const uuidv7 = (timestampMs: number): string => {
    const ts = Math.max(0, Math.floor(timestampMs));
    const tsHex = ts.toString(16).padStart(12, '0').slice(-12);
    const a = u32();
    const b = u32();
    const c = u32();
    const randA = (a & 0x0fff).toString(16).padStart(3, '0');
    const variant = (0x8000 | ((a >>> 16) & 0x3fff)).toString(16);
    const tail = hex32(b) + hex32(c).slice(0, 4);
    return `${tsHex.slice(0, 8)}-${tsHex.slice(8)}-7${randA}-${variant}-${tail}`;
  };

  return { next, int, pick, weighted, chance: (p) => next() < p, shuffle, uuidv7 };
}
