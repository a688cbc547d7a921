/**
 * What the date and time boxes of the app read and show: dd.mm.yyyy and 24-hour HH:MM in
 * both languages, whatever the operating system's locale (a native date box follows the
 * OS locale, so an English Windows would show 11/20/2026 and «10:00 AM»). The form keeps
 * the app's own forms — `YYYY-MM-DD`, `HH:MM`, `YYYY-MM-DDTHH:MM` — and the box shows them
 * as people write them here.
 *
 * What is typed is read generously: «20.11.2026», «20112026», «20/11/2026», «20-11-2026»,
 * «1.3.2026», «20.11.26» (this century), and the app's own «2026-11-20» (pasted, or typed by
 * a test); a time «10:00», «1000», «9.30», «9:30». A text that is not a real date (31.02,
 * 25:00) is passed on as typed, so the form's own rule names the field.
 */

export type DateInputKind = 'date' | 'time' | 'datetime';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days && year >= 1000 && year <= 9999;
}

function dayOf(year: number, month: number, day: number): string | null {
  return validDay(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
}

/** A typed date as `YYYY-MM-DD`, or null when it is not one. */
export function parseDayText(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return dayOf(year, Number(m[2]), Number(m[1]));
  }
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (m) return dayOf(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** A typed time as 24-hour `HH:MM`, or null. */
export function parseTimeText(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{1,2})(?:[:.\s]?(\d{2}))?$/.exec(t);
  if (!m) return null;
  // «930» reads as 9:30, «1000» as 10:00, «9» as 09:00.
  const hours = Number(m[1]);
  const minutes = m[2] === undefined ? 0 : Number(m[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}

/** A typed date and time as `YYYY-MM-DDTHH:MM`, or null. */
export function parseDateTimeText(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4}-\d{1,2}-\d{1,2})[T\s](\d{1,2}:\d{2})(?::\d{2})?$/.exec(t);
  const local = /^([^\s,]+)[\s,]+(\S+)$/.exec(t);
  const parts = iso ?? local;
  if (!parts) return null;
  const day = parseDayText(parts[1]!);
  const time = parseTimeText(parts[2]!);
  return day && time ? `${day}T${time}` : null;
}

/** How the box shows the form's value: «20.11.2026», «10:00», «20.11.2026 10:00». */
export function displayOf(kind: DateInputKind, value: string | null | undefined): string {
  if (!value) return '';
  if (kind === 'time') return parseTimeText(value) ?? value;
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!day) return value;
  const shown = `${day[3]}.${day[2]}.${day[1]}`;
  if (kind === 'date') return value.length === 10 ? shown : value;
  const time = /T(\d{2}:\d{2})/.exec(value);
  return time ? `${shown} ${time[1]}` : value;
}

/**
 * The form's value for what is typed: the app's form when it reads as one, '' for an empty
 * box, and the text itself otherwise (the form's rule then refuses it on its field).
 */
export function valueOf(kind: DateInputKind, text: string): string {
  if (text.trim() === '') return '';
  const parsed =
    kind === 'date'
      ? parseDayText(text)
      : kind === 'time'
        ? parseTimeText(text)
        : parseDateTimeText(text);
  return parsed ?? text;
}

/** What the box says it expects, in each language. */
export const DATE_INPUT_PLACEHOLDERS = {
  date: { kk: 'кк.аа.жжжж', ru: 'дд.мм.гггг' },
  time: { kk: 'сс:мм', ru: 'чч:мм' },
  datetime: { kk: 'кк.аа.жжжж сс:мм', ru: 'дд.мм.гггг чч:мм' },
} as const;
