/**
 * How the sync merges a record changed on this laptop and on the server (docs/sync.md,
 * "Conflicts"): with the merge rules of `shared/merge` (docs/merge.md) — one set of rules for
 * exchange packages and the sync. Per record the sync knows the common ancestor exactly (the
 * body of the revision both sides last shared, or the ancestor both server branches list),
 * so it passes that as the base; with none, what both hold alike is common and any other
 * difference is a decision for a person.
 *
 * What differs from a package merge (docs/sync.md, "Conflicts"): the sync merges one
 * document at a time, so the passes over a whole dataset do not run here — two records with
 * one registry number are quarantined (`number_taken`) instead of renumbered, a person's
 * merge of applicants is followed when its appeals arrive as documents of their own, the
 * status rule does not replay histories (a status moved on both laptops is a `status`
 * conflict for a person), and no «received from» event is written (the change log and
 * `syncDocs` say what came from the server).
 */
import type { Counter } from '../domain/counter';
import type { Settings } from '../domain/settings';
import {
  deriveRules,
  mergePair,
  recordBase,
  unknownBase,
  type AnyRecord,
  type Conflict,
  type DeriveRules,
  type RecordTable,
} from '../merge';
import { mergeCounters } from '../numbering/series';
import { dataOf, sameData, type SyncTable } from './documents';

export type SyncRecordData = Record<string, unknown>;

export interface RecordMergeInput {
  table: SyncTable;
  /** The record as both sides last shared it; null when nobody can tell. */
  base: SyncRecordData | null;
  /** This laptop's record. */
  mine: SyncRecordData;
  /** The server's revision. */
  theirs: SyncRecordData;
  /** The office's settings, for an appeal's deadlines when its dates changed on both sides. */
  settings?: Partial<Settings>;
}

/** A decision for a person: shared/merge's `Conflict` (events and counters never conflict). */
export type SyncConflict = Conflict;
export type { ConflictKind } from '../merge';

export interface RecordMergeOutcome {
  /**
   * The merged record, as the sync sends it (without derived fields): both sides' changes,
   * this laptop's value where they conflict, bookkeeping by rule 12 of docs/merge.md.
   */
  record: SyncRecordData;
  conflicts: SyncConflict[];
}

export type RecordMerger = (input: RecordMergeInput) => RecordMergeOutcome;

/**
 * - events never change: the same id is the same event (union by id happens by document id);
 * - counters: shared/numbering's `mergeCounters` (highest value, blocks united, provisional
 *   sequences by device code);
 * - every other table: shared/merge's `mergePair`, the per-record step of `mergeDatasets`.
 */
export const recordMerge: RecordMerger = ({ table, base, mine, theirs, settings }) => {
  if (table === 'events') return { record: mine, conflicts: [] };
  if (table === 'counters') {
    const [merged] = mergeCounters([mine as Counter], [theirs as Counter], []);
    return { record: (merged ?? mine) as SyncRecordData, conflicts: [] };
  }
  if (sameData(mine, theirs)) return { record: mine, conflicts: [] };
  let rules: DeriveRules | undefined;
  const my = mine as AnyRecord;
  const their = theirs as AnyRecord;
  const pair = mergePair({
    table: table as RecordTable,
    mine: my,
    theirs: their,
    base: base ? recordBase(base as AnyRecord) : unknownBase(my, their),
    rules: () => (rules ??= deriveRules(settings)),
  });
  return { record: dataOf(table, pair.record), conflicts: pair.conflicts };
};

/** What a person chose in the list of conflicts (ConflictList): shared/merge's Resolution. */
export type ConflictChoice = 'mine' | 'theirs' | { value: unknown };

export function resolutionOf(
  conflictId: string,
  choice: ConflictChoice,
): { conflictId: string; choice: 'mine' | 'theirs' | 'edit'; value?: unknown } {
  return typeof choice === 'string'
    ? { conflictId, choice }
    : { conflictId, choice: 'edit', value: choice.value };
}
