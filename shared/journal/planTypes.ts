/**
 * The journal import plan's public shapes: what the import reads (the registry as far as it
 * needs to know, the office's settings, the options), and what it gives back (row results,
 * matches, the preview and the plan itself).
 */
import type { Appeal } from '../domain/appeal';
import type { Applicant } from '../domain/applicant';
import type { Counter } from '../domain/counter';
import type { AppEvent } from '../domain/event';
import type { CalendarOverrides, StaffUser } from '../domain/settings';
import type { Topic } from '../domain/topics';
import type { Lang } from '../i18n/lang';
import {
  DEFAULT_DEADLINE_RULES,
  DEFAULT_WORK_HOURS,
  type DeadlineRules,
  type WorkHours,
} from '../workflow/deadlines';
import type { HeaderInfo } from './header';
import type { RowWarning, SkipReason } from './issues';
import type { JournalMapping } from './mapping';
import type { Sheet } from './model';

/** What the registry already holds, as far as an import needs to know. */
export interface RegistrySnapshot {
  applicants: readonly Pick<
    Applicant,
    'id' | 'fullName' | 'iin' | 'phones' | 'address' | 'anonymisedAt' | 'mergedInto' | 'deletedAt'
  >[];
  /** Fingerprints of rows imported before (of appeals still in the registry) → their regNo. */
  importedFingerprints: ReadonlyMap<string, string>;
  regNos: ReadonlySet<string>;
  /** 'appeal:2026' → the last number used. */
  counters: Readonly<Record<string, number>>;
}

export const EMPTY_REGISTRY: RegistrySnapshot = {
  applicants: [],
  importedFingerprints: new Map(),
  regNos: new Set(),
  counters: {},
};

export interface PlanSettings {
  calendar: CalendarOverrides;
  deadlines: DeadlineRules;
  workHours: WorkHours;
  topics: readonly Topic[];
  users: readonly StaffUser[];
}

export interface PlanOptions {
  /** Rows of one person (same IIN, phone, or name + address) become one applicant. */
  mergeWithinFile: boolean;
  /** A row's person already in the registry is linked to that applicant. */
  matchRegistry: boolean;
  /** Sheet rows whose applicant is kept separate whatever matches. */
  keepSeparate?: readonly number[];
}

export const DEFAULT_PLAN_OPTIONS: PlanOptions = { mergeWithinFile: true, matchRegistry: true };

export interface PlanInput {
  sheet: Sheet;
  header: HeaderInfo;
  mapping: JournalMapping;
  registry: RegistrySnapshot;
  settings: PlanSettings;
  fileName: string;
  batchId: string;
  userId: string;
  /** ISO UTC: when the import is made. */
  now: string;
  /** The language of the notes written into the history. */
  lang: Lang;
  options?: PlanOptions;
  /** CSV rows where a «?» stands for a lost letter. */
  lostLetterRows?: readonly number[];
}

export type MatchReason = 'iin' | 'phone' | 'nameAddress';

export interface ApplicantMatch {
  row: number;
  with: 'registry' | 'file';
  by: MatchReason;
  /** The registry applicant's id, or the earlier row's number for a match within the file. */
  applicantId: string;
  otherRow: number | null;
  name: string;
}

export interface RowResult {
  n: number;
  status: 'imported' | 'skipped';
  reason?: SkipReason;
  warnings: RowWarning[];
  regNo?: string;
}

export interface JournalPlan {
  batchId: string;
  fileName: string;
  sheet: string;
  rows: RowResult[];
  applicants: Applicant[];
  appeals: Appeal[];
  events: AppEvent[];
  counters: Counter[];
  /** The counters of the registry the plan was made against ('appeal:2026' → value). */
  baseCounters: Record<string, number>;
  matches: ApplicantMatch[];
  counts: {
    imported: number;
    skipped: number;
    warnings: number;
    rowsWithWarnings: number;
    alreadyImported: number;
    newApplicants: number;
    linkedApplicants: number;
  };
}

/** A row of the preview: what the office sees of an appeal before it is written. */
export interface PreviewAppeal {
  row: number;
  regNo: string;
  receivedAt: string;
  subject: string;
  /** The applicant's name (new or already in the registry); null for an anonymous appeal. */
  name: string | null;
  phones: string[];
}

/** What the preview shows: every row's fate, the counts, the matches, the first appeals. */
export type JournalPreview = Pick<
  JournalPlan,
  'batchId' | 'fileName' | 'sheet' | 'rows' | 'matches' | 'counts'
> & { sample: PreviewAppeal[] };

/**
 * A plan before its records are built: rows judged, people grouped, numbers given. The
 * preview needs only this; the records (with ids, deadlines, search words and history) are
 * built by `buildPlanRecords` when the office presses import.
 */
export interface PreparedPlan {
  preview: JournalPreview;
  build: () => JournalPlan;
}

export const DEFAULT_PLAN_SETTINGS: PlanSettings = {
  calendar: {},
  deadlines: DEFAULT_DEADLINE_RULES,
  workHours: DEFAULT_WORK_HOURS,
  topics: [],
  users: [],
};
