/**
 * Reads a JSON export (`tizilim-export`) as its bytes arrive, record by record, so an export
 * of any size — 50,000 appeals are ~470 MB, more with scans in base64 — is read without the
 * whole text or the whole object tree in memory. It scans bytes (every JSON delimiter is
 * ASCII, and UTF-8 never uses ASCII bytes inside a multi-byte letter), checks the grammar,
 * and hands out the envelope's fields and each record of `tables.<name>` parsed by
 * JSON.parse on its own.
 */
import { concatBytes, fromUtf8, type Bytes } from './bytes';

export type ExportJsonEvent =
  | { kind: 'field'; key: string; value: unknown }
  /** `raw`: the record's JSON text as it is in the file; `value` is undefined when not parsed. */
  | { kind: 'record'; table: string; value: unknown; raw: Uint8Array };

export class ExportJsonError extends Error {
  constructor(
    readonly offset: number,
    detail: string,
  ) {
    super(`not a JSON export (byte ${offset}): ${detail}`);
    this.name = 'ExportJsonError';
  }
}

type Role = 'root' | 'tables' | 'table' | 'other';

interface Frame {
  type: 'object' | 'array';
  role: Role;
  /** The key of the member being read (objects), for the roles that need it. */
  key: string | null;
  /** How many values it holds so far. */
  count: number;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export class ExportJsonSplitter {
  readonly #stack: Frame[] = [];
  #state: 'value' | 'key' | 'colon' | 'after' | 'done' = 'value';
  #inString = false;
  #escape = false;
  #inPrimitive = false;
  /** The string being read is a key. */
  #stringIsKey = false;
  /** A value or key whose bytes are being kept. */
  #capture: { depth: number; parts: Uint8Array[]; start: number; isKey: boolean } | null = null;
  #offset = 0;
  #events: ExportJsonEvent[] = [];
  #allowClose = false;
  readonly #parseRecords: boolean;

  /** `parseRecords: false` hands out records as their bytes only (checked by the caller). */
  constructor(options: { parseRecords?: boolean } = {}) {
    this.#parseRecords = options.parseRecords ?? true;
  }

  push(chunk: Uint8Array): ExportJsonEvent[] {
    this.#events = [];
    const capture = this.#capture;
    if (capture !== null) capture.start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (this.#inString) {
        if (this.#escape) {
          this.#escape = false;
          continue;
        }
        // The letters of a string are skipped natively: find the next quote that no odd
        // run of backslashes escapes.
        let from = i;
        for (;;) {
          const quote = chunk.indexOf(QUOTE, from);
          if (quote < 0) {
            let run = 0;
            for (let k = chunk.length - 1; k >= i && chunk[k] === BACKSLASH; k--) run++;
            this.#escape = run % 2 === 1;
            i = chunk.length;
            break;
          }
          let run = 0;
          for (let k = quote - 1; k >= i && chunk[k] === BACKSLASH; k--) run++;
          if (run % 2 === 0) {
            i = quote;
            this.#inString = false;
            this.#endString(chunk, i);
            break;
          }
          from = quote + 1;
        }
        continue;
      }
      if (this.#inPrimitive) {
        if (
          (b >= 0x30 && b <= 0x39) ||
          (b >= 0x61 && b <= 0x7a) ||
          b === 0x2b ||
          b === 0x2d ||
          b === 0x2e ||
          b === 0x45
        ) {
          continue;
        }
        this.#inPrimitive = false;
        this.#endValue(chunk, i - 1);
      }
      if (WS.has(b)) continue;
      this.#token(b, chunk, i);
    }
    if (this.#capture !== null) {
      this.#capture.parts.push(chunk.slice(this.#capture.start));
    }
    this.#offset += chunk.length;
    return this.#events;
  }

  end(): ExportJsonEvent[] {
    this.#events = [];
    if (this.#inPrimitive) {
      this.#inPrimitive = false;
      this.#endValue(new Uint8Array(0), -1);
    }
    if (this.#state !== 'done') throw new ExportJsonError(this.#offset, 'the file ends early');
    return this.#events;
  }

  #fail(i: number, detail: string): never {
    throw new ExportJsonError(this.#offset + i, detail);
  }

  #top(): Frame | undefined {
    return this.#stack[this.#stack.length - 1];
  }

  #token(b: number, chunk: Uint8Array, i: number): void {
    const top = this.#top();
    switch (this.#state) {
      case 'done':
        this.#fail(i, 'text after the end');
      // falls through (never reached)
      case 'key':
        if (b === 0x7d && this.#allowClose) return this.#close(b, chunk, i);
        if (b !== QUOTE) this.#fail(i, 'a key expected');
        this.#inString = true;
        this.#stringIsKey = true;
        if (top!.role === 'root' || top!.role === 'tables') {
          this.#capture = { depth: this.#stack.length, parts: [], start: i, isKey: true };
        }
        return;
      case 'colon':
        if (b !== 0x3a) this.#fail(i, '":" expected');
        this.#state = 'value';
        this.#allowClose = false;
        return;
      case 'after':
        if (b === 0x2c) {
          if (top === undefined) this.#fail(i, 'text after the end');
          this.#state = top.type === 'object' ? 'key' : 'value';
          this.#allowClose = false;
          return;
        }
        if (b === 0x7d || b === 0x5d) return this.#close(b, chunk, i);
        this.#fail(i, '"," expected');
      // falls through (never reached)
      case 'value':
        if ((b === 0x5d && this.#allowClose) || (b === 0x7d && this.#allowClose)) {
          return this.#close(b, chunk, i);
        }
        this.#startValue(b, chunk, i);
    }
  }

  #startValue(b: number, _chunk: Uint8Array, i: number): void {
    const top = this.#top();
    if (top === undefined && b !== 0x7b) this.#fail(i, 'an export is a JSON object');
    const capture =
      top !== undefined &&
      this.#capture === null &&
      ((top.role === 'root' && top.key !== 'tables') || top.role === 'table');
    if (capture) this.#capture = { depth: this.#stack.length, parts: [], start: i, isKey: false };
    if (b === 0x7b || b === 0x5b) {
      const role: Role =
        top === undefined
          ? 'root'
          : top.role === 'root' && top.key === 'tables' && b === 0x7b
            ? 'tables'
            : top.role === 'tables' && b === 0x5b
              ? 'table'
              : 'other';
      this.#stack.push({ type: b === 0x7b ? 'object' : 'array', role, key: null, count: 0 });
      this.#state = b === 0x7b ? 'key' : 'value';
      this.#allowClose = true;
      return;
    }
    if (b === QUOTE) {
      this.#inString = true;
      this.#stringIsKey = false;
      return;
    }
    if ((b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x74 || b === 0x66 || b === 0x6e) {
      this.#inPrimitive = true;
      return;
    }
    this.#fail(i, 'a value expected');
  }

  #close(b: number, chunk: Uint8Array, i: number): void {
    const top = this.#stack.pop();
    if (top === undefined || (b === 0x7d) !== (top.type === 'object'))
      this.#fail(i, 'unbalanced brackets');
    this.#endValue(chunk, i);
  }

  #endString(chunk: Uint8Array, i: number): void {
    if (this.#stringIsKey) {
      this.#stringIsKey = false;
      const top = this.#top()!;
      if (this.#capture?.isKey) {
        top.key = this.#parse(chunk, i) as string;
      }
      this.#state = 'colon';
      return;
    }
    this.#endValue(chunk, i);
  }

  /** A value ended at byte i of the chunk (inclusive). */
  #endValue(chunk: Uint8Array, i: number): void {
    const top = this.#top();
    const capture = this.#capture;
    if (capture !== null && !capture.isKey && capture.depth === this.#stack.length) {
      if (top!.role === 'table') {
        const parent = this.#stack[this.#stack.length - 2]!;
        const raw = this.#bytes(chunk, i);
        const value = this.#parseRecords ? this.#parseBytes(raw, i) : undefined;
        this.#events.push({ kind: 'record', table: parent.key!, value, raw });
      } else {
        this.#events.push({ kind: 'field', key: top!.key!, value: this.#parse(chunk, i) });
      }
    }
    if (top === undefined) {
      this.#state = 'done';
      return;
    }
    top.count += 1;
    this.#state = 'after';
  }

  /** The captured value's bytes (ending at byte i of the chunk); the capture ends. */
  #bytes(chunk: Uint8Array, i: number): Uint8Array {
    const capture = this.#capture!;
    this.#capture = null;
    const last = chunk.subarray(capture.start, i + 1);
    return capture.parts.length === 0 ? last : (concatBytes([...capture.parts, last]) as Bytes);
  }

  #parseBytes(bytes: Uint8Array, i: number): unknown {
    try {
      return JSON.parse(fromUtf8(bytes));
    } catch {
      this.#fail(i, 'a value is not valid JSON');
    }
  }

  #parse(chunk: Uint8Array, i: number): unknown {
    return this.#parseBytes(this.#bytes(chunk, i), i);
  }
}

/** Every event of an export read from chunks. */
export async function* splitExportJson(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: { parseRecords?: boolean } = {},
): AsyncGenerator<ExportJsonEvent> {
  const splitter = new ExportJsonSplitter(options);
  for await (const chunk of source) yield* splitter.push(chunk);
  yield* splitter.end();
}
