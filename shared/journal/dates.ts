import { isLocalDate } from '../domain/common';
import type { SheetCell } from './model';

export interface JournalDate {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm when the cell carried a time of day. */
  time: string | null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function build(y: number, m: number, d: number, hh?: number, mm?: number): JournalDate | null {
  const date = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  if (!isLocalDate(date)) return null;
  if (hh === undefined || mm === undefined) return { date, time: null };
  if (hh > 23 || mm > 59) return null;
  return { date, time: hh === 0 && mm === 0 ? null : `${pad(hh)}:${pad(mm)}` };
}

/** Two-digit years are this century: a journal from 1926 is not on anyone's laptop. */
function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

/** Days from 1970-01-01 to a civil date (proleptic Gregorian). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [m <= 2 ? y + 1 : y, m, d];
}

const EPOCH_1900 = daysFromCivil(1899, 12, 30);
const EPOCH_1904 = daysFromCivil(1904, 1, 1);

/**
 * An Excel serial date: days since 1899-12-30 (the 1900 system, whose day 60 is the
 * non-existent 29 February 1900 — every later serial already counts it) or since 1904-01-01
 * (the 1904 system of old Mac workbooks); the fraction is the time of day.
 */
export function fromExcelSerial(serial: number, date1904: boolean): JournalDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  let days = Math.floor(serial);
  const minutes = Math.round((serial - days) * 1440);
  if (minutes === 1440) days += 1;
  const [y, m, d] = civilFromDays((date1904 ? EPOCH_1904 : EPOCH_1900) + days);
  const mins = minutes % 1440;
  return build(y, m, d, Math.floor(mins / 60), mins % 60);
}

/** Excel's serial of a date and time (1900 system), for the journal export. */
export function toExcelSerial(date: string, time: string | null = null): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const days = daysFromCivil(y, m, d) - EPOCH_1900;
  if (time === null) return days;
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return days + (hh * 60 + mm) / 1440;
}

const MONTHS: readonly [RegExp, number][] = [
  [/^(январ|янв|қаңтар)/, 1],
  [/^(феврал|фев|ақпан)/, 2],
  [/^(март|мар|наурыз)/, 3],
  [/^(апрел|апр|сәуір|сауір)/, 4],
  [/^(мамыр|май|мая|мае)/, 5],
  [/^(июн|маусым)/, 6],
  [/^(июл|шілде)/, 7],
  [/^(август|авг|тамыз)/, 8],
  [/^(сентябр|сен|қыркүйек)/, 9],
  [/^(октябр|окт|қазан)/, 10],
  [/^(ноябр|ноя|қараша)/, 11],
  [/^(декабр|дек|желтоқсан)/, 12],
];

/** A month name with its case ending («марта», «наурызда»), not any word that starts like one. */
function monthOf(word: string): number | null {
  for (const [re, month] of MONTHS) {
    const m = re.exec(word);
    if (m && word.length - m[0].length <= 3) return month;
  }
  return null;
}

const NUMERIC =
  /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?:г\.?)?(?:[\sT,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;
const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** Year first with dots or slashes («2025.03.05»): never day before month. */
const YMD = /^(\d{4})[./](\d{1,2})[./](\d{1,2})(?:[\sT,]+(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?)?$/;
const TIME_TAIL = /(?:\s|,|в|сағ\.?)*(\d{1,2})[:.](\d{2})(?::\d{2})?\s*$/u;

export interface DateParseOptions {
  date1904?: boolean;
  /** Month before day in «3/5/2026» (a Google Forms file from an English-locale account). */
  monthFirst?: boolean;
  /**
   * The journal's year, where its dates leave it out («12.03», «5 марта») because the sheet
   * or its title says it («Наурыз 2024», «Журнал … за 2024 год»): see `journalYear`. Without
   * it such a date is not read.
   */
  year?: number;
}

/** A day and a month without a year («12.03», «12/03»), with a time after. */
const DAY_MONTH = /^(\d{1,2})[./](\d{1,2})(?:[\sT,]+(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?)?$/;

/** A date typed as text the ways offices type it, in Kazakh, Russian and numbers. */
export function parseDateText(raw: string, options: DateParseOptions = {}): JournalDate | null {
  const s = raw
    .trim()
    // The day in quotes of official letters: «05» марта 2025 г., "5" наурыз 2025 ж.
    .replace(/^[«"“„']\s*(\d{1,2})\s*[»"”']/u, '$1')
    .replace(/\s+/g, ' ')
    .replace(/\s*\(.*\)\s*$/, '')
    .replace(/(?:\s*|-)(г\.?|года|год|ж\.?|жыл[ғы]*)\s*$/u, '')
    // A full stop after the year: «05.03.2025.»
    .replace(/(\d)\.$/, '$1');
  if (s === '') return null;
  let m = NUMERIC.exec(s);
  if (m) {
    let [a, b] = [Number(m[1]), Number(m[2])];
    if (options.monthFirst && m[0].includes('/')) [a, b] = [b, a];
    return build(
      fullYear(m[3]!),
      b,
      a,
      m[4] === undefined ? undefined : Number(m[4]),
      m[5] === undefined ? undefined : Number(m[5]),
    );
  }
  m = YMD.exec(s) ?? ISO.exec(s);
  if (m) {
    return build(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      m[4] === undefined ? undefined : Number(m[4]),
      m[5] === undefined ? undefined : Number(m[5]),
    );
  }
  m = COMPACT.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  if (options.year !== undefined) {
    m = DAY_MONTH.exec(s);
    if (m) {
      let [a, b] = [Number(m[1]), Number(m[2])];
      if (options.monthFirst && m[0].includes('/')) [a, b] = [b, a];
      return build(
        options.year,
        b,
        a,
        m[3] === undefined ? undefined : Number(m[3]),
        m[4] === undefined ? undefined : Number(m[4]),
      );
    }
  }
  return parseWordDate(s, options.year) ?? dateWithin(s, options);
}

/** A whole day.month.year date among other text, with a time right after it. */
const DATE_WITHIN =
  /(?<![\d./-])\d{1,2}[./]\d{1,2}[./]\d{4}(?:[\sT,]+\d{1,2}[:.]\d{2}(?![\d.]))?(?![\d./])/g;

/**
 * The one full date written among words: «от 12.01.2024», «вх. 12.01.2024», «№ 45 от
 * 12.01.2024», «поступило 12.01.2024 в 10:30». A text holding two dates («12.01.2024, повторно
 * 20.01.2024») gives none: which is meant is not guessed.
 */
function dateWithin(s: string, options: DateParseOptions): JournalDate | null {
  const found = [...s.matchAll(DATE_WITHIN)];
  if (found.length !== 1) return null;
  const date = found[0]![0];
  if (date === s) return null;
  return parseDateText(date, options);
}

/**
 * «5 марта 2026», «5 наурыз 2026 ж.», «2026 жылғы 5 наурыз», «05-наурыз, 2026», with a time
 * after; «5 марта» in the journal's year when it is known (`journalYear`).
 */
function parseWordDate(s: string, journalYear?: number): JournalDate | null {
  let time: [number, number] | undefined;
  let rest = s;
  const t = TIME_TAIL.exec(rest);
  if (t && /\p{L}/u.test(rest.slice(0, t.index))) {
    time = [Number(t[1]), Number(t[2])];
    rest = rest.slice(0, t.index);
  }
  const words = rest
    .toLowerCase()
    .split(/[\s,.\-/]+/)
    .filter((w) => w !== '');
  let day: number | null = null;
  let month: number | null = null;
  let year: number | null = null;
  for (const word of words) {
    const digits = /^(\d+)(?:-?\p{L}*)?$/u.exec(word);
    if (digits) {
      const n = Number(digits[1]);
      if (digits[1]!.length === 4) year = n;
      else if (day === null && n >= 1 && n <= 31) day = n;
      else return null;
      continue;
    }
    const mo = monthOf(word);
    if (mo !== null && month === null) {
      month = mo;
      continue;
    }
    // «жылғы», «года», «г» and the like are allowed between the parts.
    if (/^(г|года?|ж|жыл\p{L}*|от|күні)$/u.test(word)) continue;
    return null;
  }
  year ??= journalYear ?? null;
  if (day === null || month === null || year === null) return null;
  return build(year, month, day, time?.[0], time?.[1]);
}

const YEAR_WORD = /(?<!\d)(20\d{2})(?!\d)/g;

/**
 * The one year a journal's sheet name and title rows (the rows above its header) name:
 * «2024», «Наурыз 2024», «Журнал регистрации обращений за 2024 год», «2024 жылғы өтініштер».
 * Null when they name none or more than one (a title «2023–2024» does not say which).
 */
export function journalYear(sheetName: string, titles: readonly string[]): number | null {
  const years = new Set<number>();
  for (const text of [sheetName, ...titles]) {
    for (const m of text.matchAll(YEAR_WORD)) years.add(Number(m[1]));
  }
  return years.size === 1 ? [...years][0]! : null;
}

/** A date cell of any kind: a real Excel date, a serial number, or text. */
export function parseDateCell(
  cell: SheetCell | null,
  options: DateParseOptions = {},
): JournalDate | null {
  if (cell === null) return null;
  switch (cell.t) {
    case 'date': {
      const [date, time] = cell.v.split('T') as [string, string];
      const hh = Number(time.slice(0, 2));
      const mm = Number(time.slice(3, 5));
      return build(
        Number(date.slice(0, 4)),
        Number(date.slice(5, 7)),
        Number(date.slice(8, 10)),
        hh,
        mm,
      );
    }
    case 'number': {
      if (Number.isInteger(cell.v) && cell.v >= 19000101 && cell.v <= 29991231) {
        return parseDateText(String(cell.v));
      }
      return fromExcelSerial(cell.v, options.date1904 ?? false);
    }
    case 'text':
      return parseDateText(cell.v, options);
    default:
      return null;
  }
}

/** A time of day in its own column: «14:30», «14.30», an Excel time, a fraction of a day. */
export function parseTimeCell(cell: SheetCell | null): string | null {
  if (cell === null) return null;
  if (cell.t === 'date') {
    const time = cell.v.slice(11, 16);
    return /^\d{2}:\d{2}$/.test(time) ? time : null;
  }
  if (cell.t === 'number') {
    if (cell.v < 0 || cell.v >= 1) return null;
    const minutes = Math.round(cell.v * 1440) % 1440;
    return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  }
  if (cell.t === 'text') {
    const m = /^\s*(\d{1,2})[:.-](\d{2})(?:[:.]\d{2})?\s*$/.exec(cell.v);
    if (!m) return null;
    const hh = Number(m[1]);
    const mm = Number(m[2]);
    return hh <= 23 && mm <= 59 ? `${pad(hh)}:${pad(mm)}` : null;
  }
  return null;
}

/**
 * Whether a column's real Excel dates may have had their day and month swapped by Excel: in
 * a workbook set to month-first dates, «05/03/2025» typed as day/month became 3 May, while
 * «13/03/2025», which cannot be read month-first, stayed text. Told by such text beside date
 * cells none of whose days is over 12 (a swapped day was a typed month).
 */
export function dateCellsMaybeSwapped(cells: readonly (SheetCell | null)[]): boolean {
  let dayFirstText = false;
  let dateCells = 0;
  for (const cell of cells) {
    if (cell?.t === 'date') {
      if (Number(cell.v.slice(8, 10)) > 12) return false;
      dateCells++;
    } else if (cell?.t === 'text') {
      const m = /^\s*(\d{1,2})\/(\d{1,2})\/\d{2,4}/.exec(cell.v);
      if (m && Number(m[1]) > 12 && Number(m[2]) <= 12) dayFirstText = true;
    }
  }
  return dayFirstText && dateCells > 0;
}

/**
 * Whether a column of slash dates is month-first. A value whose first number cannot be a
 * month (13/03/2026) says day-first; one whose second number cannot be (3/15/2026) says
 * month-first. When no value decides, the order of the rows does: a journal (and a Google
 * Forms answer sheet) is kept in the order appeals came in, so the reading under which the
 * dates run in order is the right one — month-first only when it puts the column in order
 * better than day-first does; otherwise day-first, the way Kazakhstan writes dates.
 */
export function looksMonthFirst(cells: readonly (SheetCell | null)[]): boolean {
  let monthFirst = false;
  const texts: string[] = [];
  for (const cell of cells) {
    if (cell?.t !== 'text') continue;
    const m = /^\s*(\d{1,2})\/(\d{1,2})\/\d{2,4}/.exec(cell.v);
    if (!m) continue;
    if (Number(m[1]) > 12) return false;
    if (Number(m[2]) > 12) monthFirst = true;
    texts.push(cell.v);
  }
  if (monthFirst || texts.length < 3) return monthFirst;
  return disorder(texts, true) < disorder(texts, false);
}

/** How far a column's dates are from running one way: the fewer of its rises and falls. */
function disorder(texts: readonly string[], monthFirst: boolean): number {
  let rises = 0;
  let falls = 0;
  let previous: string | null = null;
  for (const text of texts) {
    const d = parseDateText(text, { monthFirst });
    if (d === null) continue;
    const moment = `${d.date}T${d.time ?? '00:00'}`;
    if (previous !== null && moment > previous) rises++;
    if (previous !== null && moment < previous) falls++;
    previous = moment;
  }
  return Math.min(rises, falls);
}
