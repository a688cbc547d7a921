// The quarterly public report ("Депутаттың жария есебі") as data: what `buildQuarterlyReport`
// returns and what the report screen, the print layout, the .xlsx and the short text render.
//
// Anonymisation by construction: no field of `QuarterlyReport` is fed from an applicant's
// name, IIN, phone, e-mail or address below street level. The only free text taken from
// appeals is `publicSummary`; from initiatives their title, result and public summary; from
// plan items their title and actions. All of it is scanned at build time (see `pii.ts`);
// anything that looks like personal data blocks the report (`blocked`) and is left out of
// the model, so a blocked report cannot leak the text even if a screen ignored the flag.
// The header carries the deputy's and the office's own public details, which are published
// on purpose.

import type {
  InitiativeStatus,
  InitiativeTarget,
  MaslikhatLevel,
  NotResolvedReason,
  PlanStatus,
  ReportPlaceLevel,
} from '../domain';
import type { Lang } from '../i18n/lang';

// The input types live in input.ts; this module names the whole contract.
export * from './input';
export * from './rows';
import type { ChartSeries, CountRow, Change, QuarterRef, Ratio, SummaryGroup } from './rows';

// ---------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------

export interface ReportHeader {
  /** The deputy's full name in the report language (a public official: published on purpose). */
  deputyName: string;
  /** The deputy's position in the report language. */
  deputyPosition: string;
  /** The maslikhat's name in the report language. */
  maslikhatName: string;
  maslikhatLevel: MaslikhatLevel;
  /** The maslikhat level in the report language. */
  maslikhatLevelLabel: string;
  /** Electoral district (округ) number; null for a deputy elected on a party list. */
  okrugNumber: number | null;
  /** Where the округ is, as the deputy describes it, in the report language. */
  okrugDescription: string;
  /** The office's reception address in the report language. */
  receptionAddress: string;
  /** The office's public phone (E.164) or null. */
  officePhone: string | null;
  /** The office's public e-mail or null. */
  officeEmail: string | null;
  officeTelegram: string;
  officeWebsite: string;
  /** Who signs the report if not the deputy (settings.report.signedBy). */
  signedBy: string;
}

/**
 * Section 1, citizens' appeals. The appeals "of the quarter" are the appeals, not deleted,
 * whose `registeredOn` falls within the quarter (an appeal received after hours on the
 * quarter's last working day is registered on the next working day and so belongs to the
 * next quarter).
 */
export interface AppealsSection {
  /** Appeals of the quarter. */
  total: number;
  /** Appeals of the quarter against appeals of the previous quarter. */
  change: Change;
  /** Appeals of the quarter by topic, every topic with at least one appeal, most first (ties by topic order in settings). */
  byTopic: CountRow[];
  /** The first `TOP_TOPICS` rows of `byTopic` (the "main topics"). */
  topTopics: CountRow[];
  /** Appeals of the quarter by channel, every channel with at least one appeal, most first. */
  byChannel: CountRow[];
  /** Appeals of the quarter by kind (АППК), every kind with at least one appeal, most first. */
  byKind: CountRow[];
  /** Collective appeals of the quarter (exact count). */
  collectiveCount: number;
  /** Sum of `signatories` over the collective appeals of the quarter (exact). */
  collectiveSignatories: number;
  /** Appeals of the quarter marked priority (vulnerable applicants or by hand), exact. */
  priorityCount: number;
  /** Anonymous appeals of the quarter (no applicant), exact. */
  anonymousCount: number;
  /** Appeals of the quarter registered in each of the quarter's three months (exact, always three rows). */
  byMonth: MonthRow[];
  /** Appeals of the quarter by place; see `PlaceBreakdown`. */
  byPlace: PlaceBreakdown;
  /**
   * The problem map, anonymised (shared/map `publicHotSpots`): places with at least 3 appeals
   * (and the office's minimum), most first, with the previous quarter («<3» when 1 or 2, its
   * change then withheld) and the topics with at least 3 appeals there.
   */
  hotSpots: PublicHotSpotRow[];
  /** Receptions and visitors in the quarter. */
  receptions: ReceptionsBlock;
}

export interface MonthRow {
  /** 'YYYY-MM'. */
  month: string;
  /** Month name in the report language (nominative): «шілде» / «июль». */
  label: string;
  /** Appeals registered in the month (exact). */
  count: number;
  /** Receptions held in the month (status held, date in the month). */
  receptionsHeld: number;
}

/**
 * Appeals of the quarter grouped by place, never finer than `level` (settings.report
 * .placeLevel; never building or flat). A place key is locality / district / street joined
 * with ' / ', cut at `level`, trimmed, compared case-insensitively; the label is the first
 * spelling met in registry order. Places with fewer appeals than settings.report
 * .minPlaceCount (at least 3) are folded into `otherPlaces`, so no listed place has fewer
 * than 3 appeals and no row shows "<3" except possibly `otherPlaces`.
 */
export interface PublicHotSpotRow {
  key: string;
  label: string;
  /** The place's own folded name (what a map area is matched by). */
  nameKey: string;
  count: number;
  previousDisplay: string;
  /** null when withheld (a previous count of 1 or 2). */
  change: number | null;
  /** Topic names in the report's language with their counts (each at least 3). */
  topics: { label: string; count: number }[];
}

export interface PlaceBreakdown {
  level: ReportPlaceLevel;
  /** Places with at least the minimum count, most first (ties by label). */
  rows: CountRow[];
  /** All smaller places together («Басқа мекенжайлар» / «Другие адреса»), or null when none. */
  otherPlaces: CountRow | null;
  /** Appeals of the quarter with no locality, district or street given (exact). */
  unspecified: number;
}

/** Receptions: records with status `held` and `date` within the period, not deleted. */
export interface ReceptionsBlock {
  /** Receptions held in the quarter. */
  held: number;
  /** Receptions of the quarter with status cancelled. */
  cancelled: number;
  /**
   * Visitors of the receptions held in the quarter: queue entries whose status is not `left`
   * (a visitor who left before being heard is not counted).
   */
  visitors: number;
  /** Appeals of the quarter with channel `reception` (registered at a reception). */
  appealsAtReceptions: number;
  /** Months of the quarter with no reception held (the seed asks for at least one a month), labels in the report language. */
  monthsWithout: string[];
}

/**
 * Section 2, resolved. The appeals "decided in the quarter" are the appeals, not deleted,
 * whose current record has a decision (`decidedOn` and `outcome` set) with `decidedOn`
 * within the quarter — whenever they were registered. The report reads the records as they
 * are on `today`: an appeal reopened since has no decision and is not counted here.
 */
export interface ResolvedSection {
  /** Appeals decided in the quarter. */
  decidedTotal: number;
  /** Of them, outcome resolved. */
  resolved: number;
  /** Of them, outcome partially_resolved. */
  partiallyResolved: number;
  /** Appeals decided in the quarter by outcome: all seven outcomes in a fixed order (zeros included). */
  byOutcome: CountRow[];
  /**
   * What was solved and how, by topic: every topic with appeals decided in the quarter with
   * an outcome other than not_resolved (those are in section 3), most first (ties in the
   * settings' topic order); each with at most `MAX_EXAMPLES` public summaries (appeals with
   * `inReport` and a summary: highlights first, then collective appeals, then the most
   * recently decided) and «and N more».
   */
  summaries: SummaryGroup[];
}

export type UnresolvedReasonKey = 'open_within_deadline' | 'open_overdue' | NotResolvedReason;

/**
 * Section 3, unresolved. Two groups of appeals, not deleted:
 * - open at the quarter's end: registered on or before the last day of the quarter and not
 *   decided by then (no `decidedOn`, or `decidedOn` after the quarter) — including appeals
 *   carried over from earlier quarters. Split by whether their decision deadline (`decideBy`,
 *   which already includes extensions) had passed at the quarter's end.
 * - not resolved: decided in the quarter with outcome not_resolved, by reason category.
 */
export interface UnresolvedSection {
  /** openAtQuarterEnd + notResolved. */
  total: number;
  /** Appeals open at the quarter's end. */
  openAtQuarterEnd: number;
  /** Of them, appeals whose `decideBy` is on or before the quarter's last day (term passed undecided). */
  openOverdue: number;
  /** Appeals decided in the quarter with outcome not_resolved. */
  notResolved: number;
  /**
   * Reason categories, fixed order: open_within_deadline (decideBy after the quarter's last
   * day), open_overdue (decideBy on or before it), then the not_resolved
   * reasons needs_budget, outside_competence, agency_refused, other. Zeros included.
   */
  byReason: CountRow[];
  /**
   * The rows of `byReason` that have appeals, in the same order, each with at most
   * `MAX_EXAMPLES` public summaries: of the not-resolved appeals and of the appeals open at
   * the quarter's end that are still undecided on `today` (one decided since has a summary
   * of that decision, which belongs to a later report); `outcomeLabel` is null for the open
   * ones.
   */
  summaries: SummaryGroup[];
}

/** Section 4: initiatives with `inReport`, not deleted, not draft, `submittedOn` within the quarter. */
export interface InitiativesSection {
  items: InitiativeRow[];
}

export interface InitiativeRow {
  /** The initiative's id (for the screen's links; not printed). */
  id: string;
  /** 'YYYY-MM-DD'. */
  submittedOn: string;
  /** submittedOn in the report language: «15.08.2026». */
  submittedOnLabel: string;
  /** Title (public text, scanned). */
  title: string;
  target: InitiativeTarget;
  /** Where it was submitted, in the report language. */
  targetLabel: string;
  status: InitiativeStatus;
  statusLabel: string;
  /** Result as recorded (public text, scanned); '' when none yet. */
  result: string;
  /** Topic name in the report language, or '' when none. */
  topicLabel: string;
  /** Public summary (scanned); '' when none. */
  publicSummary: string;
}

/** Section 5: plan items of the next quarter with `inReport`, not deleted, not dropped, by `order`. */
export interface PlanSection {
  /** The quarter the plan is for (the one after the report's). */
  quarter: QuarterRef;
  items: PlanRow[];
}

export interface PlanRow {
  id: string;
  /** Priority (public text, scanned). */
  title: string;
  /** Key actions, one per non-empty line of the item's `actions` (scanned). */
  actions: string[];
  /** Topic name in the report language, or '' when none. */
  topicLabel: string;
  status: PlanStatus;
  statusLabel: string;
}

/**
 * The uniform block of indicators (seed 002, "a uniform reporting standard"). Definitions:
 * - decidedWithinDeadline: of the appeals decided in the quarter, excluding outcomes
 *   withdrawn and not_considered (no decision on the merits, the term does not apply), the
 *   share with `decidedOn` ≤ `decideBy` (the deadline after extensions).
 * - medianWorkingDaysToDecision: over the same appeals, the median of the working days
 *   from registration to decision (working days d with registeredOn < d ≤ decidedOn on the
 *   office's calendar; 0 when decided on the registration day); the mean of the two middle
 *   values when their number is even; null when there are none.
 * - firstContactWithin72h: of the appeals of the quarter with an applicant (anonymous ones
 *   have nobody to contact), excluding those whose `acknowledgeBy` has not come yet on
 *   `today` and which have no first contact, the share with `firstContactAt` ≤
 *   `acknowledgeBy` (registration + the rule's hours, 72 by default).
 * - inquiries: see `InquiryIndicators`.
 * - receptionsPerMonth: receptions held in the quarter / 3, one decimal.
 */
export interface Indicators {
  decidedWithinDeadline: Ratio;
  medianWorkingDaysToDecision: number | null;
  /** The median printed in the report language («4,5»), or «—». */
  medianWorkingDaysDisplay: string;
  firstContactWithin72h: Ratio;
  /** The first-contact rule's hours (settings, 72 by default), for the indicator's caption. */
  acknowledgeHours: number;
  /** Appeals decided in the quarter whose deadline had been extended (`extendedTo` set). */
  extendedCount: number;
  inquiries: InquiryIndicators;
  receptionsHeld: number;
  /** receptionsHeld / 3, rounded to one decimal. */
  receptionsPerMonth: number;
  receptionsPerMonthDisplay: string;
}

/**
 * Deputy inquiries, not deleted, not draft, with `outgoingDate` within the quarter. The due
 * date is the inquiry's `dueDate`, or outgoingDate + the inquiry rule's working days when it
 * has none. "Answered" means a response is recorded.
 */
export interface InquiryIndicators {
  /** Inquiries sent in the quarter. */
  sent: number;
  /** Of them, answered (by `today`). */
  answered: number;
  /** Of them, answered with response.receivedOn ≤ the due date. */
  answeredOnTime: number;
  /** Of them, not answered and the due date is before `today`. */
  overdue: number;
  /** Of them, not answered and the due date is `today` or later (still waiting, not judged). */
  awaiting: number;
  /** answeredOnTime of (sent − awaiting). */
  onTimeShare: Ratio;
}

export type PiiKind =
  | 'iin'
  | 'idDocument'
  | 'birthDate'
  | 'phone'
  | 'email'
  | 'handle'
  | 'bankAccount'
  | 'vehiclePlate'
  | 'address'
  | 'name';

/** A record whose public text looks like it contains personal data. */
export interface BlockedItem {
  source: 'appeal' | 'initiative' | 'planItem';
  /** The record's id (appeal, initiative or plan item) for a fix-it link. */
  id: string;
  /** The appeal's regNo; null for initiatives and plan items. */
  regNo: string | null;
  /** The initiative's or plan item's title when it is NOT itself flagged, else null. */
  title: string | null;
  /** Which fields were flagged: publicSummary, title, result, actions. */
  fields: ('publicSummary' | 'title' | 'result' | 'actions' | 'place')[];
  /** What was found (kinds only: the text itself is never copied). */
  kinds: PiiKind[];
}

/**
 * An appeal whose public summary the report would print, but which has no text in the
 * report's language (only in the other one). Listed on the report screen with a fix-it link;
 * it blocks the export unless the office chose to print the other language in brackets.
 */
export interface MissingTranslationItem {
  /** 'place': a place name the report prints as written (fixed in the place-name glossary). */
  source: 'appeal' | 'initiative' | 'planItem' | 'place';
  id: string;
  /** The appeal's registry number; '' for an initiative or a plan item. */
  regNo: string;
  /** The fields without text in the report's language. */
  fields: ('publicSummary' | 'title' | 'result' | 'actions' | 'place')[];
  /** The language the text is missing in: the report's. */
  lang: Lang;
  /** An initiative's or plan item's title, or the place name, as written, to name it on the list. */
  title?: string;
}

/** A field of a record whose printed text the language check reads. */
export type OtherLanguageField =
  | 'publicSummary'
  | 'title'
  | 'result'
  | 'actions'
  | 'deputyPosition'
  | 'maslikhatName'
  | 'okrugDescription'
  | 'receptionAddress';

/**
 * A record whose printed text seems to be written in the other language than the report's
 * (see `guessTextLanguage` in textLanguage.ts). It does not block the report: a Russian
 * sentence in a Kazakh report is the office's choice to make, but it should be a choice.
 */
export interface OtherLanguageItem {
  /** settings: the header's texts the office typed for this language in the settings. */
  source: 'settings' | 'appeal' | 'initiative' | 'planItem';
  /** The record's id for a fix-it link ('settings' for the settings). */
  id: string;
  /** The appeal's regNo; null for the other sources. */
  regNo: string | null;
  /** The initiative's or plan item's title as printed; null for appeals and settings. */
  title: string | null;
  /** The fields whose text reads as the other language, in the order they are printed. */
  fields: OtherLanguageField[];
  /** The language the text seems to be in: never the report's own. */
  lang: Lang;
}

/** The whole report. Plain JSON: numbers and strings only. */
export interface QuarterlyReport {
  /** Version of this model's shape. */
  modelVersion: 1;
  lang: Lang;
  quarter: QuarterRef;
  previousQuarter: QuarterRef;
  nextQuarter: QuarterRef;
  /** `options.today`, 'YYYY-MM-DD'. */
  generatedOn: string;
  /** generatedOn in the report language («22.11.2026»). */
  generatedOnLabel: string;
  /** Publication due date: 15 calendar days after the quarter's end (office rule). */
  dueOn: string;
  /**
   * True when the quarter has not ended on `today` (the numbers are as of today, a
   * preliminary report).
   */
  preliminary: boolean;
  header: ReportHeader;
  appeals: AppealsSection;
  resolved: ResolvedSection;
  unresolved: UnresolvedSection;
  initiatives: InitiativesSection;
  plan: PlanSection;
  indicators: Indicators;
  charts: {
    /** Appeals of the quarter by topic (the rows of byTopic; small counts as "<3"). */
    topics: ChartSeries;
    /** Appeals registered per month of the quarter, exact. */
    months: ChartSeries;
  };
  /**
   * Null when the report may be published. Otherwise the records whose public text looks
   * like personal data: their text is left out of the model and the report must not be
   * exported until they are fixed.
   */
  blocked: { items: BlockedItem[] } | null;
  /**
   * The printed texts that seem to be written in the other language (the office typed each
   * in one language only): header texts from the settings, then appeals by regNo, then
   * initiatives and plan items in the order they are printed. Texts left out of the report
   * (blocked, too short to tell) are not listed. Empty when every text reads right; it
   * never blocks the export.
   */
  otherLanguage: { items: OtherLanguageItem[] };
  /**
   * The public summaries the report prints (as examples, or in the annex) that have no
   * text in its language, in registry order. With `options.otherLanguageInBrackets` they are
   * printed in the other language in brackets; otherwise they are left out and the report
   * must not be exported until they are translated.
   */
  missingTranslations: { items: MissingTranslationItem[] };
  /** Annex: every public summary of sections 2 and 3 by topic; null unless `options.annex`. */
  annex: SummaryGroup[] | null;
  options: { annex: boolean; otherLanguageInBrackets: boolean };
}

/** Counts under this are printed as "<3" (domain.md: small counts could identify a person). */
export const SMALL_COUNT_THRESHOLD = 3;

/** How many public summaries a group prints in sections 2 and 3 before «and N more». */
export const MAX_EXAMPLES = 3;

/** How many topics count as "main topics". */
export const TOP_TOPICS = 5;
