// The building blocks of the report model (types.ts): a quarter, a counted row, a share, a
// change against the previous quarter, a chart, a group of public summaries.

/** A quarter, e.g. `{ id: '2026-Q3', year: 2026, quarter: 3, from: '2026-07-01', to: '2026-09-30' }`. */
export interface QuarterRef {
  /** 'YYYY-Qn'. */
  id: string;
  year: number;
  /** 1–4. */
  quarter: 1 | 2 | 3 | 4;
  /** First day, 'YYYY-MM-DD'. */
  from: string;
  /** Last day, 'YYYY-MM-DD'. */
  to: string;
  /** In the report language: «2026 жылғы III тоқсан» / «III квартал 2026 года». */
  label: string;
  /** Dates in the report language: «2026 жылғы 1 шілде – 30 қыркүйек» / «1 июля – 30 сентября 2026 года». */
  periodLabel: string;
}

/**
 * A count of appeals in one category of a breakdown, with the small-count rule applied.
 * Rule ("<3"): in breakdowns of appeals by topic, channel, kind, outcome, unresolved reason
 * and place, a category with 1 or 2 appeals is not shown exactly: `count` is null and
 * `display` is "<3", and its share is null too. 0 is shown as 0 (it points at nobody).
 * Totals, month-by-month counts and indicators are always exact.
 */
export interface CountRow {
  /** Stable key: topic id, channel, kind, outcome, reason, 'YYYY-MM', or a place key. */
  key: string;
  /** Category name in the report language. */
  label: string;
  /** Number of appeals, or null when it is 1 or 2 (shown as "<3"). */
  count: number | null;
  /** What to print: the number in the report language's format, or "<3". */
  display: string;
  /** count / the breakdown's total × 100, rounded to one decimal; null when count is null or the total is 0. */
  percent: number | null;
}

/** A ratio indicator: `numerator` of `denominator`. */
export interface Ratio {
  numerator: number;
  denominator: number;
  /** numerator / denominator × 100, rounded to one decimal; null when the denominator is 0. */
  percent: number | null;
  /** What to print: «87,5 %» in the report language's format, or «—» when percent is null. */
  display: string;
}

/** Change of a count against the previous quarter. */
export interface Change {
  /** This quarter's count. */
  current: number;
  /** The previous quarter's count (same definition). */
  previous: number;
  /** current − previous. */
  absolute: number;
  /** (current − previous) / previous × 100, rounded to one decimal; null when previous is 0. */
  percent: number | null;
  /** What to print: «+12 (+15,0 %)», «−3 (−5,2 %)», «0 (0 %)», «+4» when percent is null. */
  display: string;
}

/** One bar of a chart. */
export interface ChartPoint {
  key: string;
  /** Axis or bar label in the report language. */
  label: string;
  /** Bar length; null when the count is 1 or 2 and suppressed (draw as "<3", not to scale). */
  value: number | null;
  /** What to print on the bar. */
  display: string;
}

export interface ChartSeries {
  /** Chart title in the report language. */
  title: string;
  points: ChartPoint[];
}

/**
 * Public summaries of one group of appeals: a topic (section 2, the annex) or a reason an
 * appeal is still open or was not resolved (section 3). The report is an editor's one: a
 * section prints at most `MAX_EXAMPLES` texts of a group (highlights first, then collective
 * appeals, then the most recent) and «and N more»; the annex prints them all.
 */
export interface SummaryGroup {
  /** Topic id, or the reason key of section 3. */
  key: string;
  /** Topic or reason in the report language. */
  label: string;
  /** Appeals in the group, with or without a public summary (exact). */
  count: number;
  /** What to print for `count`: the number, or "<3" (the small-count rule). */
  display: string;
  /** The texts printed, in the order chosen. */
  items: SummaryItem[];
  /**
   * Appeals of the group not printed as an example («and N more»); 0 when the group has
   * fewer than 3 appeals (an exact remainder would undo the "<3" rule).
   */
  more: number;
}

export interface SummaryItem {
  /** The appeal's id (for the screen's links; not printed). */
  id: string;
  /** The appeal's registry number (for the screen; not printed). */
  regNo: string;
  /**
   * The appeal's public summary in the report language, verbatim (already scanned; never a
   * name, IIN, phone, e-mail or house/flat number); or, when it is missing and the office
   * chose to print the other language in brackets, that text.
   */
  text: string;
  /** True when `text` is the other language's (printed in brackets). */
  otherLanguage: boolean;
  /** The appeal's outcome label in the report language, or null when it has none yet. */
  outcomeLabel: string | null;
  /** Whether the problem counts as solved (resolved or partially resolved). */
  solved: boolean;
}
