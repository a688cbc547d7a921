import type { BaseRecord } from '../domain/common';
import type { Counter } from '../domain/counter';
import type { AppEvent } from '../domain/event';
import type { Numberer } from '../numbering/series';
import type { RecordTable } from './tables';

/** A stored record of any table, as the merge sees it. */
export type AnyRecord = BaseRecord & Record<string, unknown>;

/**
 * One side of a merge: any subset of an export's tables (a package carries only what
 * changed; an export everything; the app passes what `mergeNeeds` asks for). A record
 * missing from `theirs` means "no change there"; records are never removed by absence.
 * Attachments carry `file` (export) or `blob` (the app); the merge never looks inside.
 */
export type MergeTables = { [K in RecordTable]?: readonly AnyRecord[] } & {
  events?: readonly AppEvent[];
  counters?: readonly Counter[];
};

/** The common ancestor of a record, when the transport keeps one (docs/merge.md). */
export type BaseLookup = (table: RecordTable, id: string) => AnyRecord | undefined;

export interface MergeContext {
  /** ISO UTC: the time of the merge's own events. */
  now: string;
  /** The person receiving (stamped on the merge's events). */
  userId: string;
  /** This laptop: its numbers, and whether it keeps the office's series. */
  device: Numberer;
  /** The laptop the other side comes from. */
  from: { deviceId: string; name?: string };
  /** The package's id, written into the «received from» events. */
  packageId?: string;
}

export type ConflictKind =
  /** A field (or a part of one) changed differently on both sides. */
  | 'field'
  /** Fields that move together (a deadline extension and its reason...) changed on both. */
  | 'group'
  /** The status moved on both sides along paths that do not form one valid path. */
  | 'status'
  /** One side deleted the record, the other changed it. */
  | 'deleteVsEdit'
  /** Each side's changes are fine alone, together they break a rule of the record. */
  | 'invalid';

/**
 * A decision for a person. `mine` is what this laptop holds (and what the merged data keeps
 * until the decision), `theirs` what arrived, `base` what it was before both changes
 * (`baseKnown` false: nobody can tell). In a list of records, `null` means "not there".
 */
export interface Conflict {
  /** `table/recordId/path`: stable, so a decision can name it. */
  id: string;
  table: RecordTable;
  recordId: string;
  /** How a person recognises the record: a registry number and subject, a name. */
  label: string;
  kind: ConflictKind;
  /** Where in the record: ['subject'], ['location', 'street'], ['users', '<id>', 'role']. */
  path: string[];
  /** `path` joined with dots, for lists and logs. */
  field: string;
  /** For groups: the fields decided together (mine/theirs/base are objects of them). */
  fields?: string[];
  mine: unknown;
  theirs: unknown;
  base: unknown;
  baseKnown: boolean;
}

export type RenumberReason =
  /** Two records had the same number (laptops that numbered on their own). */
  | 'collision'
  /** A provisional number replaced by the office's series. */
  | 'provisional'
  /** Both sides had given the record different numbers; one is kept, the other an alias. */
  | 'renumbered_on_both';

export interface Renumbering {
  table: 'appeals' | 'inquiries';
  recordId: string;
  from: string;
  to: string;
  reason: RenumberReason;
  /** For a collision: the record that kept the number. */
  keptBy?: string;
}

export type DuplicateReason = 'iin' | 'phoneName';

/** The same person created on both laptops, offered for merging (keep the older record). */
export interface DuplicateApplicants {
  keepId: string;
  mergeId: string;
  reasons: DuplicateReason[];
}

export interface MergeResult {
  /** Records to write into `mine`: new ones and changed ones, per table. */
  put: { [K in RecordTable]?: AnyRecord[] };
  /** Events to add: the other side's that `mine` lacks, and the merge's own. */
  events: AppEvent[];
  /** Counters recomputed from both sides and the numbers in use: those that changed. */
  counters: Counter[];
  conflicts: Conflict[];
  renumberings: Renumbering[];
  duplicates: DuplicateApplicants[];
  /** For the preview: records new to this side and records changed, per table. */
  summary: {
    added: Partial<Record<RecordTable, number>>;
    changed: Partial<Record<RecordTable, number>>;
  };
}
