/**
 * Yearly number series shared by the laptops of one office (docs/merge.md, "Numbers"):
 * which number a laptop gives next, the blocks the office laptop (the issuer) hands to the
 * others, and the counters a merge recomputes from both sides and from the numbers in use.
 * Pure: the repositories call these inside the transaction that stores the numbered record.
 */
import { counterId, type Counter, type NumberBlock } from '../domain/counter';
import { formatNumber, parseNumber, type NumberKind } from './format';

/** Who is numbering: a laptop (device id and its code) and whether it keeps the series. */
export interface Numberer {
  deviceId: string;
  /** Three letters printed in its provisional numbers (`deviceCodeOf(deviceId)`). */
  deviceCode: string;
  /** The issuer gives final numbers from the series itself; the others use their blocks. */
  issuer: boolean;
}

/** Blocks handed out by default: about a month of receptions for a busy deputy. */
export const DEFAULT_BLOCK_SIZE = 50;
/** A laptop with fewer free numbers than this gets a new block in the next package. */
export const DEFAULT_BLOCK_REFILL = 15;

/**
 * Whether a laptop gives final numbers on its own: the office's issuer, or — when no issuer
 * is set (databases from before exchange packages) — every laptop, as the app always did.
 */
export function isIssuer(
  settings: { numberIssuerDeviceId?: string | null } | null | undefined,
  deviceId: string,
): boolean {
  const issuer = settings?.numberIssuerDeviceId ?? null;
  return issuer === null || issuer === deviceId;
}

export function emptyCounter(kind: NumberKind, year: number): Counter {
  return { id: counterId(kind, year), value: 0 };
}

/** The next number of the holder's block, or null when the block is used up. */
function nextInBlock(block: NumberBlock): number | null {
  const next = Math.max(block.used, block.from - 1) + 1;
  return next <= block.to ? next : null;
}

/** Numbers left in the blocks a laptop holds in this counter. */
export function freeInBlocks(counter: Counter | undefined, deviceId: string): number {
  return (counter?.blocks ?? [])
    .filter((b) => b.deviceId === deviceId)
    .reduce((sum, b) => sum + (b.to - Math.max(b.used, b.from - 1)), 0);
}

export interface IssuedNumber {
  number: string;
  /** The counter to store in the same transaction as the numbered record. */
  counter: Counter;
  provisional: boolean;
}

function withoutEmpty(counter: Counter): Counter {
  const out: Counter = { id: counter.id, value: counter.value };
  if (counter.blocks && counter.blocks.length > 0) out.blocks = counter.blocks;
  if (counter.provisional && Object.keys(counter.provisional).length > 0) {
    out.provisional = counter.provisional;
  }
  return out;
}

/**
 * The number a laptop gives to a new record of `kind` in `year`:
 * - the issuer: the next number of the series (blocks handed out are above `value` already,
 *   so the series skips them without looking);
 * - another laptop: the next free number of its blocks of that year, lowest block first;
 * - another laptop with no free number left: a provisional number with its device code,
 *   which the issuer replaces on merge (the provisional one stays as an alias).
 * The input counter is not changed.
 */
export function issueNumber(
  counter: Counter | undefined,
  kind: NumberKind,
  year: number,
  who: Numberer,
): IssuedNumber {
  const current = counter ?? emptyCounter(kind, year);
  if (who.issuer) {
    let sequence = current.value + 1;
    // Only a hand-edited or very old counter can lag behind a block; never issue inside one.
    for (const block of [...(current.blocks ?? [])].sort((a, b) => a.from - b.from)) {
      if (sequence >= block.from && sequence <= block.to) sequence = block.to + 1;
    }
    return {
      number: formatNumber(kind, year, sequence),
      counter: withoutEmpty({ ...current, value: sequence }),
      provisional: false,
    };
  }
  const blocks = [...(current.blocks ?? [])];
  const own = blocks
    .map((block, index) => ({ block, index }))
    .filter(({ block }) => block.deviceId === who.deviceId && nextInBlock(block) !== null)
    .sort((a, b) => a.block.from - b.block.from)[0];
  if (own) {
    const sequence = nextInBlock(own.block)!;
    blocks[own.index] = { ...own.block, used: sequence };
    return {
      number: formatNumber(kind, year, sequence),
      counter: withoutEmpty({
        ...current,
        value: Math.max(current.value, sequence),
        blocks,
      }),
      provisional: false,
    };
  }
  const sequence = (current.provisional?.[who.deviceCode] ?? 0) + 1;
  return {
    number: formatNumber(kind, year, sequence, who.deviceCode),
    counter: withoutEmpty({
      ...current,
      provisional: { ...current.provisional, [who.deviceCode]: sequence },
    }),
    provisional: true,
  };
}

export interface BlockGrant {
  counter: Counter;
  /** The block handed out, or null when the laptop still had enough numbers. */
  block: NumberBlock | null;
}

/**
 * The issuer hands `deviceId` the next `size` numbers of the series when that laptop has
 * fewer than `refill` free numbers left; the issuer's own series continues after the block.
 * Called for each package the issuer writes to another laptop (for the current year, and in
 * December for the next one too).
 */
export function grantBlock(
  counter: Counter | undefined,
  kind: NumberKind,
  year: number,
  grant: { deviceId: string; issuerId: string; now: string; size?: number; refill?: number },
): BlockGrant {
  const current = counter ?? emptyCounter(kind, year);
  const size = grant.size ?? DEFAULT_BLOCK_SIZE;
  const refill = grant.refill ?? DEFAULT_BLOCK_REFILL;
  if (grant.deviceId === grant.issuerId || freeInBlocks(current, grant.deviceId) >= refill) {
    return { counter: current, block: null };
  }
  const top = Math.max(current.value, ...(current.blocks ?? []).map((b) => b.to));
  const block: NumberBlock = {
    from: top + 1,
    to: top + size,
    deviceId: grant.deviceId,
    grantedBy: grant.issuerId,
    grantedAt: grant.now,
    used: 0,
  };
  return {
    counter: withoutEmpty({
      ...current,
      value: block.to,
      blocks: [...(current.blocks ?? []), block],
    }),
    block,
  };
}

/** Years to hand blocks for on `today` ('YYYY-MM-DD'): this one, and the next in December. */
export function grantYears(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return today.slice(5, 7) === '12' ? [year, year + 1] : [year];
}

function blockKey(block: NumberBlock): string {
  return `${String(block.from)}:${block.deviceId}`;
}

/**
 * Counters after a merge, recomputed rather than copied: for each series the highest value
 * of both sides, of every block and of every final number in use (current or alias, deleted
 * records included: numbers are never reused); blocks are the union of both sides' (the
 * holder's `used` is the larger one); each device code's provisional sequence is the highest
 * of both sides and of the provisional numbers in use. Counters of other kinds (e.g. the
 * demo mark) are kept as they are. The order is by id, so both sides compute the same list.
 */
export function mergeCounters(
  mine: readonly Counter[],
  theirs: readonly Counter[],
  numbersInUse: Iterable<string>,
): Counter[] {
  const byId = new Map<string, Counter>();
  for (const counter of [...mine, ...theirs]) {
    const known = byId.get(counter.id);
    if (!known) {
      byId.set(counter.id, {
        ...counter,
        blocks: [...(counter.blocks ?? [])],
        provisional: { ...counter.provisional },
      });
      continue;
    }
    known.value = Math.max(known.value, counter.value);
    const blocks = new Map(known.blocks!.map((b) => [blockKey(b), b]));
    for (const block of counter.blocks ?? []) {
      const same = blocks.get(blockKey(block));
      blocks.set(
        blockKey(block),
        same
          ? { ...same, to: Math.max(same.to, block.to), used: Math.max(same.used, block.used) }
          : block,
      );
    }
    known.blocks = [...blocks.values()];
    for (const [code, sequence] of Object.entries(counter.provisional ?? {})) {
      known.provisional![code] = Math.max(known.provisional![code] ?? 0, sequence);
    }
  }
  for (const number of numbersInUse) {
    const parsed = parseNumber(number);
    if (!parsed) continue;
    const id = counterId(parsed.kind, parsed.year);
    let counter = byId.get(id);
    if (!counter) {
      counter = { id, value: 0, blocks: [], provisional: {} };
      byId.set(id, counter);
    }
    if (parsed.device === null) counter.value = Math.max(counter.value, parsed.sequence);
    else {
      counter.provisional![parsed.device] = Math.max(
        counter.provisional![parsed.device] ?? 0,
        parsed.sequence,
      );
    }
  }
  return [...byId.values()]
    .map((counter) => {
      const blocks = [...counter.blocks!].sort(
        (a, b) => a.from - b.from || (a.deviceId < b.deviceId ? -1 : 1),
      );
      const value = Math.max(counter.value, ...blocks.map((b) => b.to));
      const provisional = Object.fromEntries(
        Object.entries(counter.provisional!).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
      return withoutEmpty({ id: counter.id, value, blocks, provisional });
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
