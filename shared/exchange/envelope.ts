/**
 * The `.tizilim-exchange` file (docs/exchange.md): what one laptop of an office sends another
 * — the records changed since the last package the other acknowledged, with the complete
 * history of each appeal and the attachments' files — in the encrypted container of the
 * backups (shared/backup), behind a small envelope that says who sends it to whom.
 *
 * Byte layout:
 *   8  magic `89 54 5A 58 0D 0A 1A 0A` (`\x89TZX\r\n\x1a\n`)
 *   4  length L of the envelope (big-endian, at most 64 KiB)
 *   L  the envelope: UTF-8 JSON (`exchangeEnvelopeSchema`); no record of the registry
 *   …  a `.tizilim-backup` container (reason `exchange`) holding the records and files; its
 *      authenticated header's `logId` is `exchange:<SHA-256 of the envelope, base64url>`, so
 *      the envelope cannot be changed without the package refusing to open.
 *
 * A backup reader refuses an exchange file (other magic), so a package can never be
 * restored over a registry by mistake; an exchange reader names a backup as a backup.
 */
import { z } from 'zod';
import { toKzLocalDateTime } from '../calendar/zone';

/** `\x89TZX\r\n\x1a\n`: binary like PNG's, so a copy that changes line endings shows at once. */
export const EXCHANGE_MAGIC = Uint8Array.of(0x89, 0x54, 0x5a, 0x58, 0x0d, 0x0a, 0x1a, 0x0a);
export const EXCHANGE_FORMAT = 'tizilim-exchange';
/** Raised only when an older app would misread a newer file. */
export const EXCHANGE_FORMAT_VERSION = 1;
export const EXCHANGE_EXTENSION = '.tizilim-exchange';
export const MAX_ENVELOPE_BYTES = 64 * 1024;
/** The backup container's `reason` for the records of a package. */
export const EXCHANGE_REASON = 'exchange';
export const ENVELOPE_LOG_PREFIX = 'exchange:';

const idText = z.string().trim().min(1).max(100);
const peerSchema = z.object({ deviceId: idText, name: z.string().max(100) });

export const exchangeEnvelopeSchema = z.object({
  format: z.literal(EXCHANGE_FORMAT),
  version: z.int().min(1),
  /**
   * `package`: records to merge. `receipt`: no records, only "I received your package
   * `ack`" — written by the receiver for the sender, so the sender knows what the other holds
   * and its next package starts after it.
   */
  kind: z.enum(['package', 'receipt']),
  /** Random; written into the «received from» history entries. */
  packageId: idText,
  createdAt: z.iso.datetime(),
  appVersion: z.string().max(50),
  /** The office the data belongs to: another office's package is refused. */
  officeId: idText,
  from: peerSchema,
  /** The laptop it is written for; null: any laptop of the office (a laptop joining it). */
  to: peerSchema.nullable(),
  /** The sender's number of packages to this receiver: 1, 2, 3…; 0 in a receipt. */
  seq: z.int().min(0),
  /** The last package the sender received from the receiver (0: none). */
  ack: z.int().min(0),
  /** The package holds the whole registry (a first package, or the peer acknowledged none). */
  full: z.boolean(),
  /** The export format version of the records inside (shared/export). */
  exportVersion: z.int().min(1),
  /** Records per table, as the container's header says them too. */
  counts: z.record(z.string().max(50), z.int().min(0)),
});
export type ExchangeEnvelope = z.output<typeof exchangeEnvelopeSchema>;
export type ExchangePeerRef = z.output<typeof peerSchema>;

/** The file name a package gets: sender, receiver and number, sortable by time. */
export function exchangeFileName(
  envelope: Pick<ExchangeEnvelope, 'kind' | 'createdAt' | 'from' | 'to' | 'seq' | 'ack'>,
): string {
  // Kazakhstan time, as the screens show it.
  const stamp = toKzLocalDateTime(new Date(envelope.createdAt)).replace(/[-:T]/g, '');
  const safe = (name: string) =>
    name
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'tizilim';
  const to = envelope.to ? `-${safe(envelope.to.name)}` : '';
  const what =
    envelope.kind === 'receipt' ? `receipt-${String(envelope.ack)}` : String(envelope.seq);
  return `${safe(envelope.from.name)}${to}-${what}-${stamp}${EXCHANGE_EXTENSION}`;
}
