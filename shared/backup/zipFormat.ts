/** The zip records a backup uses (signatures, limits, flags): the writer's and the parser's. */
import type { Bytes } from './bytes';

/** No entry is larger than this, compressed or not; the writer keeps entries far smaller. */
export const MAX_ZIP_ENTRY_BYTES = 64 * 1024 * 1024;
export const MAX_NAME_BYTES = 512;

export const LOCAL = 0x04034b50;
export const CENTRAL = 0x02014b50;
export const END = 0x06054b50;
export const END64 = 0x06064b50;
export const LOCATOR64 = 0x07064b50;
export const U32_MAX = 0xffffffff;
export const U16_MAX = 0xffff;

export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;
/** Bit 11: names are UTF-8. */
export const FLAG_UTF8 = 0x0800;

export interface CentralEntry {
  name: Bytes;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}
