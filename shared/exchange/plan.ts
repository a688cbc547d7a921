/**
 * What a receiving laptop decides from a package before and after merging it, pure: whether
 * it may be merged at all (admitPackage of shared/merge, on the envelope), and the preview a
 * person reads before applying it.
 */
import { admitPackage, type ReceiverState } from '../merge/admit';
import type { AnyRecord, MergeResult } from '../merge/types';
import type { ExchangeEnvelope } from './envelope';
import { ExchangeError } from './errors';

/**
 * The gate: another office's package, this laptop's own, one written for another laptop, one
 * already received or older than one received are refused (ExchangeError) and nothing is
 * read further. A receipt passes the office and device checks only (it merges nothing).
 * Returns whether this laptop joins the sender's office (it had none yet).
 */
export function admitExchange(
  envelope: ExchangeEnvelope,
  state: ReceiverState,
): { joins: boolean } {
  const header = {
    officeId: envelope.officeId,
    fromDeviceId: envelope.from.deviceId,
    toDeviceId: envelope.to?.deviceId ?? null,
    seq: envelope.kind === 'receipt' ? Number.MAX_SAFE_INTEGER : envelope.seq,
    ack: envelope.ack,
  };
  const admission = admitPackage(header, state);
  if (!admission.ok) throw new ExchangeError(admission.code);
  return { joins: admission.joins };
}

export interface PreviewAppeal {
  id: string;
  regNo: string;
  subject: string;
  receivedAt: string;
}

/** What a person sees before a package is applied (the numbers of each kind and the lists). */
export interface ExchangePreview {
  newAppeals: PreviewAppeal[];
  changedAppeals: PreviewAppeal[];
  newApplicants: number;
  /** Records of the other tables added or changed, per table. */
  otherAdded: Record<string, number>;
  otherChanged: Record<string, number>;
  conflicts: MergeResult['conflicts'];
  renumberings: MergeResult['renumberings'];
  duplicates: MergeResult['duplicates'];
  /** History entries the package brings (the other side's and the merge's own). */
  events: number;
}

function asPreviewAppeal(appeal: AnyRecord): PreviewAppeal {
  return {
    id: appeal.id,
    regNo: String(appeal.regNo),
    subject: String(appeal.subject ?? ''),
    receivedAt: String(appeal.receivedAt ?? ''),
  };
}

export function exchangePreview(
  result: MergeResult,
  known: (appealId: string) => boolean,
): ExchangePreview {
  const appeals = result.put.appeals ?? [];
  const byReceived = (a: PreviewAppeal, b: PreviewAppeal) =>
    a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : a.regNo < b.regNo ? -1 : 1;
  const otherAdded: Record<string, number> = {};
  const otherChanged: Record<string, number> = {};
  for (const [table, n] of Object.entries(result.summary.added)) {
    if (table !== 'appeals' && table !== 'applicants' && n) otherAdded[table] = n;
  }
  for (const [table, n] of Object.entries(result.summary.changed)) {
    if (table !== 'appeals' && n) otherChanged[table] = n;
  }
  return {
    newAppeals: appeals
      .filter((a) => !known(a.id))
      .map(asPreviewAppeal)
      .sort(byReceived),
    changedAppeals: appeals
      .filter((a) => known(a.id))
      .map(asPreviewAppeal)
      .sort(byReceived),
    newApplicants: result.summary.added.applicants ?? 0,
    otherAdded,
    otherChanged,
    conflicts: result.conflicts,
    renumberings: result.renumberings,
    duplicates: result.duplicates,
    events: result.events.length,
  };
}
