/**
 * Node's native zlib for the zip inside backups (raw DEFLATE, the same bytes format as
 * fflate's, several times faster). The renderer and the web build use fflate.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Deflate, Inflate } from '@shared/backup/zip';

export const nativeDeflate: Deflate = (data, level) => deflateRawSync(data, { level });

/** Refuses to produce more than `size` bytes (a zip bomb is damage, not data). */
export const nativeInflate: Inflate = (data, size) =>
  inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
