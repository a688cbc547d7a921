/**
 * The encrypted body of a backup: the plaintext (a zip) cut into segments of `segmentSize`
 * bytes, each encrypted with AES-256-GCM on its own (WebCrypto's GCM is one-shot, not
 * streaming). Segment i uses the nonce `noncePrefix ‖ u32(i)` and the additional data
 * `headerHash ‖ u32(i) ‖ final`, where `final` is 1 only for the last segment. So a changed
 * byte fails its segment's tag, segments swapped or dropped fail on their index, a file cut
 * at a segment boundary lacks the final flag, and a changed header fails every segment.
 * The last segment may be short, even empty (16 bytes: the tag alone).
 */
import { ByteQueue, type ByteReader } from './byteQueue';
import { concatBytes, type Bytes, u32be } from './bytes';
import { BackupError } from './errors';
import { nonceFor } from './keys';
import { aesGcmDecrypt, aesGcmEncrypt, type CryptoKeyHandle } from './webcrypto';

export const TAG_BYTES = 16;
export const DEFAULT_SEGMENT_SIZE = 1024 * 1024;

function aad(headerHash: Uint8Array, index: number, final: boolean): Bytes {
  return concatBytes([headerHash, u32be(index), Uint8Array.of(final ? 1 : 0)]);
}

interface StreamParams {
  key: CryptoKeyHandle;
  noncePrefix: Bytes;
  headerHash: Bytes;
  segmentSize: number;
}

export class SegmentEncryptor {
  readonly #params: StreamParams;
  readonly #pending = new ByteQueue();
  #index = 0;
  #finished = false;

  constructor(params: StreamParams) {
    this.#params = params;
  }

  /** Full segments that are certainly not the last; a segment is held until more follows. */
  async push(data: Uint8Array): Promise<Bytes[]> {
    if (this.#finished) throw new BackupError('invalid_input', 'stream already finished');
    this.#pending.push(data);
    const out: Bytes[] = [];
    while (this.#pending.length > this.#params.segmentSize) {
      out.push(await this.#seal(this.#pending.take(this.#params.segmentSize), false));
    }
    return out;
  }

  /** The final segment (possibly empty before its tag). */
  async finish(): Promise<Bytes> {
    if (this.#finished) throw new BackupError('invalid_input', 'stream already finished');
    this.#finished = true;
    return this.#seal(this.#pending.take(this.#pending.length), true);
  }

  async #seal(plain: Bytes, final: boolean): Promise<Bytes> {
    const { key, noncePrefix, headerHash } = this.#params;
    const index = this.#index++;
    return aesGcmEncrypt(key, nonceFor(noncePrefix, index), aad(headerHash, index, final), plain);
  }
}

/**
 * Decrypts segment by segment as the bytes arrive, verifying each before yielding it.
 * Throws BackupError 'damaged' for a changed byte, 'truncated' for a file that ends early.
 * Only when the generator returns normally has the whole file been verified.
 */
export async function* decryptSegments(
  reader: ByteReader,
  params: StreamParams,
): AsyncGenerator<Bytes> {
  const { key, noncePrefix, headerHash, segmentSize } = params;
  for (let index = 0; ; index++) {
    const block = await reader.readUpTo(segmentSize + TAG_BYTES);
    const final = await reader.atEnd();
    if (block.byteLength < TAG_BYTES) {
      throw new BackupError('truncated', `segment ${index} cut off`);
    }
    const nonce = nonceFor(noncePrefix, index);
    const plain = await aesGcmDecrypt(key, nonce, aad(headerHash, index, final), block);
    if (plain === null) {
      // A whole segment that decrypts as "not final" at the end: the rest of the file is gone.
      if (final && (await aesGcmDecrypt(key, nonce, aad(headerHash, index, false), block))) {
        throw new BackupError('truncated', `ends after segment ${index}`);
      }
      // A short last block may be a segment cut off mid-way (far more common than a
      // changed byte at the very end): the message names both.
      const partialEnd = final && block.byteLength < segmentSize + TAG_BYTES;
      throw new BackupError('damaged', `segment ${index}${partialEnd ? ' (last, short)' : ''}`, {
        info: partialEnd ? { partialEnd } : {},
      });
    }
    yield plain;
    if (final) return;
  }
}
