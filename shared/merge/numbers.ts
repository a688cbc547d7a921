/**
 * The numbering pass of a merge (docs/merge.md, "Numbers"): after the records are merged, no
 * two of them may carry the same registry or inquiry number, and on the office laptop (the
 * issuer) provisional numbers are replaced by the series. The record that keeps a contested
 * number is the one created first; every replaced number stays on its record as an alias.
 */
import { counterId, type Counter } from '../domain/counter';
import { parseNumber, type NumberKind } from '../numbering/format';
import { issueNumber, type Numberer } from '../numbering/series';
import type { AnyRecord, RenumberReason } from './types';

export interface NumberPassInput {
  kind: NumberKind;
  field: 'regNo' | 'outgoingNo';
  /** Every record of the table in view (this side's, overlaid with the merged ones). */
  records: Iterable<AnyRecord>;
  /** Working copy of the counters, by id; numbers issued here are taken from it. */
  counters: Map<string, Counter>;
  device: Numberer;
  /** The date a record's number belongs to, for ordering replacements. */
  dateOf: (record: AnyRecord) => string;
}

export interface NumberChange {
  record: AnyRecord;
  from: string;
  to: string;
  reason: RenumberReason;
  keptBy?: string;
}

function older(a: AnyRecord, b: AnyRecord): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
}

function yearOf(number: string, record: AnyRecord, dateOf: (r: AnyRecord) => string): number {
  return parseNumber(number)?.year ?? Number(dateOf(record).slice(0, 4));
}

/** Finds what must be renumbered and gives the new numbers (records are not changed). */
export function planNumbers(input: NumberPassInput): NumberChange[] {
  const { kind, field, counters, device, dateOf } = input;
  const byNumber = new Map<string, AnyRecord[]>();
  for (const record of input.records) {
    const number = record[field];
    if (typeof number !== 'string') continue;
    const list = byNumber.get(number);
    if (list) list.push(record);
    else byNumber.set(number, [record]);
  }
  const changes: NumberChange[] = [];
  const issue = (record: AnyRecord, from: string, reason: RenumberReason, keptBy?: string) => {
    const year = yearOf(from, record, dateOf);
    const id = counterId(kind, year);
    const issued = issueNumber(counters.get(id), kind, year, device);
    counters.set(id, issued.counter);
    changes.push({ record, from, to: issued.number, reason, ...(keptBy ? { keptBy } : {}) });
    return issued.number;
  };

  const replaced = new Set<string>();
  const contested = [...byNumber.entries()]
    .filter(([, list]) => list.length > 1)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [number, list] of contested) {
    const [keeper, ...others] = [...list].sort(older);
    for (const record of others) {
      issue(record, number, 'collision', keeper!.id);
      replaced.add(record.id);
    }
  }

  if (device.issuer) {
    const provisional = [...byNumber.values()]
      .flat()
      .filter((r) => !replaced.has(r.id) && parseNumber(String(r[field]))?.device != null)
      .sort((a, b) => {
        const da = dateOf(a);
        const db = dateOf(b);
        return da < db ? -1 : da > db ? 1 : older(a, b);
      });
    for (const record of provisional) issue(record, String(record[field]), 'provisional');
  }
  // A number given by a collision above may itself be provisional (a laptop without blocks):
  // the issuer never gives provisional numbers, so nothing more to replace.
  return changes;
}
