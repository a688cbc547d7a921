/**
 * People in a merge (docs/merge.md, "People"): the same person registered on two laptops is
 * offered for merging — same IIN, or a shared phone and the same name (case, order of the
 * name parts and spelling variants folded as in the applicants' duplicate search) — exactly
 * like the duplicates the office merges by hand; and an appeal that still names a person one
 * side already merged into another follows that merge.
 */
import { normalizePersonName } from '../validation/text';
import type { AnyRecord, DuplicateApplicants, DuplicateReason } from './types';

function live(applicant: AnyRecord): boolean {
  return (
    applicant.deletedAt === null &&
    (applicant.mergedInto ?? null) === null &&
    (applicant.anonymisedAt ?? null) === null
  );
}

function phonesOf(applicant: AnyRecord): string[] {
  return Array.isArray(applicant.phones) ? (applicant.phones as string[]) : [];
}

/**
 * Pairs of (known applicant, newly arrived applicant) that are probably one person. Two
 * different IINs are two people however alike the rest is (as `mergeApplicants` refuses).
 */
export function findDuplicatePeople(
  known: Iterable<AnyRecord>,
  arrived: Iterable<AnyRecord>,
): DuplicateApplicants[] {
  const byIin = new Map<string, AnyRecord[]>();
  const byPhone = new Map<string, AnyRecord[]>();
  const add = (map: Map<string, AnyRecord[]>, key: string, a: AnyRecord) => {
    const list = map.get(key);
    if (list) list.push(a);
    else map.set(key, [a]);
  };
  for (const applicant of known) {
    if (!live(applicant)) continue;
    if (typeof applicant.iin === 'string') add(byIin, applicant.iin, applicant);
    for (const phone of phonesOf(applicant)) add(byPhone, phone, applicant);
  }
  const out: DuplicateApplicants[] = [];
  for (const applicant of arrived) {
    if (!live(applicant)) continue;
    const found = new Map<string, { other: AnyRecord; reasons: DuplicateReason[] }>();
    const note = (other: AnyRecord, reason: DuplicateReason) => {
      if (other.id === applicant.id) return;
      const entry = found.get(other.id) ?? { other, reasons: [] };
      if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
      found.set(other.id, entry);
    };
    if (typeof applicant.iin === 'string') {
      for (const other of byIin.get(applicant.iin) ?? []) note(other, 'iin');
    }
    const name = normalizePersonName(String(applicant.fullName ?? ''));
    for (const phone of phonesOf(applicant)) {
      for (const other of byPhone.get(phone) ?? []) {
        const differentIin =
          typeof other.iin === 'string' &&
          typeof applicant.iin === 'string' &&
          other.iin !== applicant.iin;
        if (!differentIin && name !== '' && normalizePersonName(String(other.fullName)) === name) {
          note(other, 'phoneName');
        }
      }
    }
    for (const { other, reasons } of found.values()) {
      const [keep, merge] =
        other.createdAt < applicant.createdAt ||
        (other.createdAt === applicant.createdAt && other.id < applicant.id)
          ? [other, applicant]
          : [applicant, other];
      out.push({ keepId: keep.id, mergeId: merge.id, reasons });
    }
  }
  return out.sort((a, b) =>
    a.keepId < b.keepId ? -1 : a.keepId > b.keepId ? 1 : a.mergeId < b.mergeId ? -1 : 1,
  );
}

/** Where a merged applicant lives on: follows `mergedInto` to the record that stayed. */
export function mergeTargets(applicants: Iterable<AnyRecord>): (id: string) => string {
  const next = new Map<string, string>();
  for (const a of applicants) {
    if (typeof a.mergedInto === 'string') next.set(a.id, a.mergedInto);
  }
  return (id) => {
    let current = id;
    const seen = new Set<string>([current]);
    for (;;) {
      const target = next.get(current);
      if (target === undefined || seen.has(target)) return current;
      seen.add(target);
      current = target;
    }
  };
}

/**
 * An appeal's applicant links after merges of people: each link to a merged applicant
 * points to the one it was merged into. null when nothing changes; otherwise the new links
 * and the (source, target) pairs, one `merged` event each.
 */
export function followMerges(
  appeal: AnyRecord,
  target: (id: string) => string,
): { applicantId: string | null; coApplicantIds: string[]; moved: [string, string][] } | null {
  const lead = (appeal.applicantId as string | null) ?? null;
  const co = Array.isArray(appeal.coApplicantIds) ? (appeal.coApplicantIds as string[]) : [];
  const moved: [string, string][] = [];
  const follow = (id: string) => {
    const to = target(id);
    if (to !== id && !moved.some(([from]) => from === id)) moved.push([id, to]);
    return to;
  };
  const applicantId = lead === null ? null : follow(lead);
  const coApplicantIds = [...new Set(co.map(follow))].filter((id) => id !== applicantId);
  if (moved.length === 0) return null;
  return { applicantId, coApplicantIds, moved };
}
