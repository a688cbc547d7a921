import type { AppealChannel, AppealKind } from '../domain/enums';
import { OTHER_TOPIC_ID, type Topic } from '../domain/topics';
import { JOURNAL_FIELDS, type JournalField, type ValueField } from './fields';
import { fold } from './fold';
import { MIN_SCORE, scoreLabel, type HeaderInfo } from './header';
import { fnv1a64 } from './hash';
import { cellText, type Sheet } from './model';
import { isDataLike } from './rows';
import {
  suggestChannel,
  suggestKind,
  suggestResult,
  suggestTopic,
  type ResultMeaning,
} from './values';

/** Which column fills which field, how values map to the app's lists, and the defaults. */
export interface JournalMapping {
  /** Field → 0-based column index. */
  columns: Partial<Record<JournalField, number>>;
  /** Value maps keyed by the folded cell value (`fold`). */
  values: {
    channel: Record<string, AppealChannel>;
    kind: Record<string, AppealKind>;
    result: Record<string, ResultMeaning>;
    topic: Record<string, string>;
  };
  /** Used when a row has no value (or no column) for these. */
  defaults: { channel: AppealChannel; kind: AppealKind; topic: string };
}

export function emptyMapping(): JournalMapping {
  return {
    columns: {},
    values: { channel: {}, kind: {}, result: {}, topic: {} },
    defaults: { channel: 'other', kind: 'application', topic: OTHER_TOPIC_ID },
  };
}

export interface ColumnSuggestion {
  field: JournalField;
  column: number;
  score: number;
}

/**
 * The best field for each column, each field used once: the pairs are taken strongest
 * first, so «Дата ответа» keeps its column even though «Дата» alone also names the
 * received date. A column is judged by its own sub-header and by group + sub-header.
 */
export function suggestColumns(header: HeaderInfo, sheet?: Sheet): ColumnSuggestion[] {
  const pairs: ColumnSuggestion[] = [];
  for (const column of header.columns) {
    if (column.label === '') continue;
    for (const field of JOURNAL_FIELDS) {
      const score = Math.max(
        scoreLabel(column.own, field),
        // The sub-header speaks first: «Заявитель / Адрес, телефон» is an address and phone.
        column.group ? scoreLabel(`${column.group} ${column.own}`, field) - 15 : 0,
        column.group ? scoreLabel(column.group, field) - 30 : 0,
      );
      if (score >= MIN_SCORE) pairs.push({ field, column: column.index, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.column - b.column);
  const usedFields = new Set<JournalField>();
  const usedColumns = new Set<number>();
  const out: ColumnSuggestion[] = [];
  for (const pair of pairs) {
    if (usedFields.has(pair.field) || usedColumns.has(pair.column)) continue;
    usedFields.add(pair.field);
    usedColumns.add(pair.column);
    out.push(pair);
  }
  const named = splitName(out);
  return sheet ? adjustByValues(named, header, sheet) : named;
}

/**
 * A first name or patronymic column is one part of a name kept in three columns (surname,
 * first name, patronymic); beside no surname (full name) column, a lone «Имя» / «Аты» column
 * is the name, and a patronymic alone is left unmapped.
 */
function splitName(suggestions: ColumnSuggestion[]): ColumnSuggestion[] {
  if (suggestions.some((s) => s.field === 'fullName')) return suggestions;
  // Beside a name-and-address column the name is there: a first name would replace it.
  const combined = suggestions.some((s) => s.field === 'nameAddress');
  return suggestions
    .filter((s) => s.field !== 'patronymic' && !(combined && s.field === 'firstName'))
    .map((s) => (s.field === 'firstName' ? { ...s, field: 'fullName' } : s));
}

/** A «Телефон» column whose cells hold addresses too is a phone-and-address column. */
function adjustByValues(
  suggestions: ColumnSuggestion[],
  header: HeaderInfo,
  sheet: Sheet,
): ColumnSuggestion[] {
  const taken = new Set(suggestions.map((s) => s.field));
  return suggestions.map((s) => {
    if (s.field !== 'phone' || taken.has('phoneAddress')) return s;
    const samples = columnValues(sheet, header, s.column, 30);
    const withWords = samples.filter(
      (v) => /\p{L}{3,}/u.test(v) && /\d{5,}|\d{3}[\s-]\d{2}[\s-]\d{2}/.test(v),
    );
    return withWords.length * 3 >= samples.length && samples.length > 0
      ? { ...s, field: 'phoneAddress' }
      : s;
  });
}

/** The first `limit` non-empty values of a column below the header, as text. */
export function columnValues(
  sheet: Sheet,
  header: HeaderInfo,
  column: number,
  limit: number,
): string[] {
  const out: string[] = [];
  for (let i = header.dataStart; i < sheet.rows.length && out.length < limit; i++) {
    const row = sheet.rows[i]!;
    const text = cellText(row.cells[column]).trim();
    if (text === '' || !isDataLike(row, header)) continue;
    out.push(text);
  }
  return out;
}

export function isGoogleForm(header: HeaderInfo): boolean {
  return header.columns.some((c) =>
    /^(отметка времени|timestamp|уақыт белгісі)$/.test(fold(c.label)),
  );
}

/** The whole suggested mapping: columns, then the values seen in the value columns. */
export function suggestMapping(
  sheet: Sheet,
  header: HeaderInfo,
  topics: readonly Topic[],
): JournalMapping {
  const mapping = emptyMapping();
  for (const s of suggestColumns(header, sheet)) mapping.columns[s.field] = s.column;
  if (isGoogleForm(header)) mapping.defaults.channel = 'website';
  for (const field of ['channel', 'kind', 'result', 'topic'] as const) {
    for (const v of distinctValues(sheet, header, mapping, field)) {
      setSuggested(mapping, field, v.key, v.value, topics);
    }
  }
  return mapping;
}

function setSuggested(
  mapping: JournalMapping,
  field: ValueField,
  key: string,
  value: string,
  topics: readonly Topic[],
) {
  if (field === 'channel') {
    const s = suggestChannel(value);
    if (s) mapping.values.channel[key] = s;
  } else if (field === 'kind') {
    const s = suggestKind(value);
    if (s) mapping.values.kind[key] = s;
  } else if (field === 'result') {
    const s = suggestResult(value);
    if (s) mapping.values.result[key] = s;
  } else {
    const s = suggestTopic(value, topics);
    if (s) mapping.values.topic[key] = s;
  }
}

export interface DistinctValue {
  /** The value as first written in the sheet. */
  value: string;
  /** Its folded form, the key of the value map. */
  key: string;
  count: number;
  /** Sheet row numbers where it appears (the first few). */
  rows: number[];
}

/** The values of a value column, most frequent first. */
export function distinctValues(
  sheet: Sheet,
  header: HeaderInfo,
  mapping: JournalMapping,
  field: ValueField,
): DistinctValue[] {
  const column = mapping.columns[field];
  if (column === undefined) return [];
  const byKey = new Map<string, DistinctValue>();
  for (let i = header.dataStart; i < sheet.rows.length; i++) {
    const row = sheet.rows[i]!;
    const value = cellText(row.cells[column]).trim();
    if (value === '' || !isDataLike(row, header)) continue;
    const key = fold(value);
    const entry = byKey.get(key);
    if (entry) {
      entry.count++;
      if (entry.rows.length < 5) entry.rows.push(row.n);
    } else {
      byKey.set(key, { value, key, count: 1, rows: [row.n] });
    }
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Values of a value column that the mapping does not map (listed for the user to decide). */
export function unknownValues(
  sheet: Sheet,
  header: HeaderInfo,
  mapping: JournalMapping,
  field: ValueField,
): DistinctValue[] {
  const map = mapping.values[field] as Record<string, unknown>;
  return distinctValues(sheet, header, mapping, field).filter((v) => !(v.key in map));
}

/**
 * The key a mapping is remembered under: the set of header labels, folded and sorted, so
 * next year's journal with the same columns (in any order) maps itself.
 */
export function mappingProfileKey(header: HeaderInfo): string {
  const labels = [
    ...new Set(header.columns.map((c) => fold(c.label)).filter((l) => l !== '')),
  ].sort();
  return fnv1a64(labels.join('|'));
}

/** A mapping as it is remembered: columns by header label rather than position. */
export interface MappingProfile {
  columns: Partial<Record<JournalField, string>>;
  values: JournalMapping['values'];
  defaults: JournalMapping['defaults'];
}

export function toProfile(mapping: JournalMapping, header: HeaderInfo): MappingProfile {
  const columns: Partial<Record<JournalField, string>> = {};
  for (const [field, index] of Object.entries(mapping.columns) as [JournalField, number][]) {
    const label = header.columns[index]?.label;
    if (label) columns[field] = fold(label);
  }
  return { columns, values: mapping.values, defaults: mapping.defaults };
}

/** A remembered profile on this file's header; fields whose column is gone are left out. */
export function fromProfile(profile: MappingProfile, header: HeaderInfo): JournalMapping {
  const columns: Partial<Record<JournalField, number>> = {};
  for (const [field, label] of Object.entries(profile.columns) as [JournalField, string][]) {
    const column = header.columns.find((c) => fold(c.label) === label);
    if (column) columns[field] = column.index;
  }
  return {
    columns,
    values: structuredCloneValues(profile.values),
    defaults: { ...profile.defaults },
  };
}

function structuredCloneValues(values: JournalMapping['values']): JournalMapping['values'] {
  return {
    channel: { ...values.channel },
    kind: { ...values.kind },
    result: Object.fromEntries(Object.entries(values.result).map(([k, v]) => [k, { ...v }])),
    topic: { ...values.topic },
  };
}
