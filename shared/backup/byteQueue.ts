import { type Bytes } from './bytes';

/**
 * Bytes arriving in chunks of any size, read back in exact lengths. Used by the stream
 * decryptor (segments), the zip parser (headers and entries) and the journal reader.
 */
export class ByteQueue {
  #chunks: Uint8Array[] = [];
  #head = 0;
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return;
    this.#chunks.push(chunk);
    this.#length += chunk.byteLength;
  }

  /** Removes and returns exactly `n` bytes; the caller checks `length` first. */
  take(n: number): Bytes {
    if (n > this.#length) throw new RangeError('ByteQueue: not enough bytes');
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const chunk = this.#chunks[0]!;
      const available = chunk.byteLength - this.#head;
      const count = Math.min(available, n - filled);
      out.set(chunk.subarray(this.#head, this.#head + count), filled);
      filled += count;
      if (count === available) {
        this.#chunks.shift();
        this.#head = 0;
      } else {
        this.#head += count;
      }
    }
    this.#length -= n;
    return out;
  }

  /** The next `n` bytes without removing them. */
  peek(n: number): Bytes {
    const copy = new ByteQueue();
    copy.#chunks = [...this.#chunks];
    copy.#head = this.#head;
    copy.#length = this.#length;
    return copy.take(n);
  }
}

/** Reads exact lengths from an async source of chunks (a file stream, IPC chunks). */
export class ByteReader {
  readonly #source: AsyncIterator<Uint8Array>;
  readonly #queue = new ByteQueue();
  #done = false;
  #consumed = 0;

  constructor(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
    this.#source =
      Symbol.asyncIterator in source
        ? source[Symbol.asyncIterator]()
        : toAsync(source as Iterable<Uint8Array>);
  }

  /** Bytes handed out so far. */
  get consumed(): number {
    return this.#consumed;
  }

  /** Pulls until `n` bytes are buffered or the source ends; returns what is buffered. */
  async fill(n: number): Promise<number> {
    while (this.#queue.length < n && !this.#done) {
      const next = await this.#source.next();
      if (next.done) this.#done = true;
      else this.#queue.push(next.value);
    }
    return this.#queue.length;
  }

  /** Exactly `n` bytes, or null when the source ends first (what was left stays unread). */
  async read(n: number): Promise<Bytes | null> {
    if ((await this.fill(n)) < n) return null;
    this.#consumed += n;
    return this.#queue.take(n);
  }

  /** Up to `n` bytes; fewer only at the end of the source. */
  async readUpTo(n: number): Promise<Bytes> {
    const count = Math.min(n, await this.fill(n));
    this.#consumed += count;
    return this.#queue.take(count);
  }

  async atEnd(): Promise<boolean> {
    return (await this.fill(1)) === 0;
  }

  async close(): Promise<void> {
    if (!this.#done) {
      this.#done = true;
      await this.#source.return?.();
    }
  }
}

async function* toAsync(source: Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* source;
}
