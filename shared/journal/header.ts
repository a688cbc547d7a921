import { FIELD_PHRASES, NOT_FIELD, type JournalField } from './fields';
import { fold } from './fold';
import { cellText, type MergeRange, type Sheet, type SheetRow } from './model';

/** Stands for a letter lost as «?» (a Kazakh journal saved as Windows-1251 CSV). */
const LOST = 'ǂ';
/** The Kazakh letters Windows-1251 has no place for: what a lost «?» was. */
const KAZAKH_ONLY = new Set('әғқңөұүһ');

/** A label's words, a «?» next to a Cyrillic letter kept as a lost letter: «?ысқаша мазм?ны». */
function labelWords(label: string): string[] {
  return fold(label.replace(/\?(?=[\u0400-\u04FF])|(?<=[\u0400-\u04FF])\?/gu, LOST))
    .split(' ')
    .filter((w) => w !== '');
}

/**
 * The words a label abbreviates with a stop: «Дата пост.», «Кр. содерж.», «Рез-т рассм.» —
 * two letters at least (the letters of «Ф.И.О.» abbreviate nothing by themselves).
 */
function abbreviations(label: string): Set<string> {
  const out = new Set<string>();
  for (const m of label.matchAll(/(\p{L}{2,})\./gu)) out.add(fold(m[1]!));
  return out;
}

/**
 * A label's word is the phrase's word: the same, each lost letter standing for a Kazakh
 * letter, or its beginning written with a stop («пост.» for «поступления»).
 */
function sameWord(word: string, phraseWord: string, short?: ReadonlySet<string>): boolean {
  if (word === phraseWord) return true;
  if (short?.has(word) && phraseWord.length > word.length && phraseWord.startsWith(word)) {
    return true;
  }
  if (!word.includes(LOST) || word.length !== phraseWord.length) return false;
  for (let i = 0; i < word.length; i++) {
    if (word[i] === phraseWord[i]) continue;
    if (word[i] !== LOST || !KAZAKH_ONLY.has(phraseWord[i]!)) return false;
  }
  return true;
}

/**
 * The halves of a header written in both languages: «Күні / Дата», «Аты-жөні\nФ.И.О.»,
 * «Дата поступления (Түскен күні)». Empty when the label is one phrase.
 */
function bilingualParts(label: string): string[] {
  const parts = label
    .split(/\s*(?:[/\\|\n]|\(|\))\s*/u)
    .map((part) => part.trim())
    .filter((part) => /\p{L}{2}/u.test(part));
  return parts.length > 1 ? parts : [];
}

/** How much less a half of a two-language label counts than a whole label naming the field. */
const PART_PENALTY = 20;

/**
 * How well a header label names a field: 0 (not at all) to ~130 (word for word, long). A label
 * in both languages («Күні / Дата») names a field when one of its halves does; a label naming
 * a person and an address or phone names the combined column.
 */
export function scoreLabel(label: string, field: JournalField): number {
  const best = ownScore(label, field);
  if (field !== 'nameAddress') return best;
  // A label naming the person and where to reach them («Өтініш берушінің аты-жөні,
  // мекенжайы, телефоны», «Фамилия, имя, отчество, адрес»): one column holding both.
  const name = ownScore(label, 'fullName');
  const reach = Math.max(
    ownScore(label, 'address'),
    ownScore(label, 'phoneAddress'),
    ownScore(label, 'phone'),
  );
  return name >= MIN_SCORE && reach >= MIN_SCORE ? Math.max(best, name + 5, reach + 5) : best;
}

function ownScore(label: string, field: JournalField): number {
  let best = scoreWords(label, field);
  for (const part of bilingualParts(label)) {
    best = Math.max(best, scoreWords(part, field) - PART_PENALTY);
  }
  return best;
}

function scoreWords(label: string, field: JournalField): number {
  let best = 0;
  const words = labelWords(label);
  if (words.length === 0) return 0;
  if (NOT_FIELD[field]?.some((w) => words.includes(w))) return 0;
  const short = abbreviations(label);
  const loose = short.size > 0 || words.some((w) => w.includes(LOST));
  const set = new Set(words);
  const has = (w: string) => set.has(w) || (loose && words.some((x) => sameWord(x, w, short)));
  for (const phrase of FIELD_PHRASES) {
    if (phrase.field !== field) continue;
    let score: number;
    if (
      phrase.words.length === words.length &&
      phrase.words.every((w, i) => sameWord(words[i]!, w, short))
    ) {
      // A word written out counts more than its abbreviation.
      const cut = phrase.words.filter((w, i) => w !== words[i]).length;
      score = 100 + phrase.words.length * 5 - cut * 3;
    } else if (phrase.words.every(has)) {
      score = 40 + phrase.words.length * 10 - (words.length - phrase.words.length) * 4;
    } else {
      continue;
    }
    if (!phrase.strong) score -= 45;
    best = Math.max(best, score);
  }
  return best;
}

/** Scores at or above this make a suggestion. */
export const MIN_SCORE = 30;

export interface ColumnHeader {
  /** 0-based column index. */
  index: number;
  /** What the header says: the group and the sub-header of a two-row header joined by « / ». */
  label: string;
  /** The sub-header alone (or the label, for a one-row header). */
  own: string;
  /** The group of a two-row header («Заявитель» over «Ф.И.О.», «Адрес», «Телефон»). */
  group: string;
}

export interface HeaderInfo {
  /** Sheet row numbers of the header (one or two rows). */
  rows: number[];
  columns: ColumnHeader[];
  /** Index into sheet.rows of the first row after the header. */
  dataStart: number;
}

function mergeAt(merges: readonly MergeRange[], row: number, col: number): MergeRange | null {
  for (const m of merges) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  }
  return null;
}

/** A row's text per column, merged cells spreading the master's text over their range. */
function rowLabels(
  sheet: Sheet,
  row: SheetRow,
  width: number,
  rowsByNumber: Map<number, SheetRow>,
): string[] {
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    let text = cellText(row.cells[c]).trim();
    if (text === '') {
      const m = mergeAt(sheet.merges, row.n, c + 1);
      if (m) text = cellText(rowsByNumber.get(m.top)?.cells[m.left - 1]).trim();
    }
    out.push(text.replace(/\s+/g, ' '));
  }
  return out;
}

function bestFieldScore(label: string): number {
  if (label === '') return 0;
  let best = 0;
  const seen = new Set<JournalField>();
  for (const phrase of FIELD_PHRASES) {
    if (seen.has(phrase.field)) continue;
    seen.add(phrase.field);
    best = Math.max(best, scoreLabel(label, phrase.field));
  }
  return best;
}

/**
 * How header-like a row of labels is: matched labels count most, plain text a little. Columns
 * in `spread` only repeat a merged cell's label (a group «Заявитель» over three columns) and
 * count once, with the merge's first column.
 */
function headerScore(labels: readonly string[], spread: ReadonlySet<number> = new Set()): number {
  let score = 0;
  for (const [i, label] of labels.entries()) {
    if (spread.has(i)) continue;
    const s = bestFieldScore(label);
    if (s >= MIN_SCORE) score += 10 + s / 20;
  }
  return score;
}

function isTextLike(row: SheetRow): boolean {
  const values = row.cells.filter((c) => c !== null);
  if (values.length === 0) return false;
  const text = values.filter(
    (c) => c!.t === 'text' && !/^\s*\d+([.,]\d+)?\s*$/.test(c!.v as string),
  );
  return text.length >= Math.max(1, values.length - 1) && !values.some((c) => c!.t === 'date');
}

/** Rows looked at for a header: offices put titles and a few blank lines above it. */
const HEADER_SEARCH_ROWS = 40;

/**
 * Finds the header: the row (or two rows, for a header with merged group cells over
 * sub-headers) whose cells best name the app's fields; title rows above it are left out.
 * Returns null when no row names at least two fields — the user then picks the row.
 */
export function detectHeader(sheet: Sheet): HeaderInfo | null {
  const width = sheet.columnCount;
  const rowsByNumber = new Map(sheet.rows.map((r) => [r.n, r]));
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  let best: { score: number; index: number; two: Sheet | null } | null = null;
  for (let i = 0; i < limit; i++) {
    const row = sheet.rows[i]!;
    if (!isTextLike(row)) continue;
    // The lower row of a two-row header borrows its labels from cells merged down into it:
    // it is judged together with the row above, not alone.
    if (sheet.merges.some((m) => m.top === row.n - 1 && m.bottom >= row.n)) continue;
    const one = rowLabels(sheet, row, width, rowsByNumber);
    let score = headerScore(one, spreadColumns(sheet, row.n));
    let two: Sheet | null = null;
    const next = sheet.rows[i + 1];
    const grouped =
      next && next.n === row.n + 1 && isTextLike(next) ? groupedView(sheet, row, next) : null;
    if (grouped !== null) {
      const combined = combineLabels(
        rowLabels(grouped, row, width, rowsByNumber),
        rowLabels(grouped, next!, width, rowsByNumber),
        grouped,
        row.n,
      );
      const twoScore = headerScore(combined.map((c) => c.own));
      if (twoScore >= score) {
        two = grouped;
        score = twoScore;
      }
    }
    if (score >= 20 && (best === null || score > best.score)) best = { score, index: i, two };
  }
  if (best === null) return null;
  const row = sheet.rows[best.index]!;
  if (best.two !== null) {
    const view = best.two;
    const next = sheet.rows[best.index + 1]!;
    const columns = combineLabels(
      rowLabels(view, row, width, rowsByNumber),
      rowLabels(view, next, width, rowsByNumber),
      view,
      row.n,
    );
    return { rows: [row.n, next.n], columns, dataStart: best.index + 2 };
  }
  const top = rowLabels(sheet, row, width, rowsByNumber);
  return {
    rows: [row.n],
    columns: top.map((label, index) => ({ index, label, own: label, group: '' })),
    dataStart: best.index + 1,
  };
}

/**
 * The sheet as a two-row header starting at `top` would be read, or null when the rows do not
 * look like one: a group cell merged across columns with sub-labels under it — or, in a CSV
 * (which keeps no merges) and in sheets whose merges were undone, a group label followed by
 * empty cells, with sub-labels under the label and under those cells («Заявитель;;» over
 * «Ф.И.О.;Адрес;Телефон»). Such a group is taken as merged over its sub-labels.
 */
function groupedView(sheet: Sheet, top: SheetRow, next: SheetRow): Sheet | null {
  if (hasGroupOver(sheet, top.n, next)) return sheet;
  const text = (row: SheetRow, c: number) => cellText(row.cells[c]).trim();
  // Besides its groups, such a header has columns named in the top row alone («№», «Дата»);
  // a title above a full row of column names has none.
  let ownColumns = 0;
  for (let c = 0; c < sheet.columnCount; c++) {
    if (text(top, c) !== '' && text(next, c) === '') ownColumns++;
  }
  if (ownColumns === 0) return null;
  const implied: MergeRange[] = [];
  for (let c = 0; c < sheet.columnCount; c++) {
    if (text(top, c) === '' || text(next, c) === '') continue;
    if (mergeAt(sheet.merges, top.n, c + 1) !== null) continue;
    let end = c;
    while (
      end + 1 < sheet.columnCount &&
      text(top, end + 1) === '' &&
      text(next, end + 1) !== '' &&
      mergeAt(sheet.merges, top.n, end + 2) === null
    ) {
      end++;
    }
    if (end > c) implied.push({ top: top.n, bottom: top.n, left: c + 1, right: end + 1 });
    c = end;
  }
  return implied.length === 0 ? null : { ...sheet, merges: [...sheet.merges, ...implied] };
}

/** 0-based columns of a row that a horizontally merged cell covers, besides its first. */
function spreadColumns(sheet: Sheet, row: number): Set<number> {
  const out = new Set<number>();
  for (const m of sheet.merges) {
    if (row < m.top || row > m.bottom) continue;
    for (let c = m.left + 1; c <= m.right; c++) out.add(c - 1);
  }
  return out;
}

/** A two-row header: a cell of the top row merged across columns, with sub-labels under it. */
function hasGroupOver(sheet: Sheet, top: number, next: SheetRow): boolean {
  return sheet.merges.some(
    (m) =>
      m.top === top &&
      m.bottom === top &&
      m.right > m.left &&
      next.cells.slice(m.left - 1, m.right).some((c) => c !== null && cellText(c).trim() !== ''),
  );
}

function combineLabels(
  top: readonly string[],
  sub: readonly string[],
  sheet: Sheet,
  topRow: number,
): ColumnHeader[] {
  return top.map((t, index) => {
    const s = sub[index] ?? '';
    const m = mergeAt(sheet.merges, topRow, index + 1);
    // A top cell merged down over the sub-row is a header of its own («№», «Дата»).
    const verticallyMerged = m !== null && m.bottom > topRow && m.left === m.right;
    if (s === '' || s === t || verticallyMerged) return { index, label: t, own: t, group: '' };
    if (t === '') return { index, label: s, own: s, group: '' };
    return { index, label: `${t} / ${s}`, own: s, group: t };
  });
}
