import type { Appeal } from '../domain/appeal';
import type { Applicant, PersonAddress } from '../domain/applicant';
import { labelOf } from '../domain/labels';
import type { StaffUser } from '../domain/settings';
import { topicLabel, type Topic } from '../domain/topics';
import type { Lang } from '../i18n/lang';
import { formatKzPhone } from '../validation/phone';
import type { JournalField } from './fields';
import { FIELD_LABELS } from './messages';

/** A value of the exported journal: text, a number, or a date (with a time, or not). */
export type JournalValue = string | number | { date: string; time: string | null } | null;

export interface JournalTable {
  title: string;
  columns: { field: JournalField; label: string; width: number }[];
  rows: JournalValue[][];
}

/** The columns of the exported journal, in the order an office expects them. */
export const EXPORT_FIELDS: readonly { field: JournalField; width: number }[] = [
  { field: 'regNo', width: 12 },
  { field: 'journalNo', width: 10 },
  { field: 'receivedDate', width: 17 },
  { field: 'registeredDate', width: 12 },
  { field: 'fullName', width: 28 },
  { field: 'iin', width: 14 },
  { field: 'phone', width: 18 },
  { field: 'address', width: 34 },
  { field: 'channel', width: 16 },
  { field: 'kind', width: 14 },
  { field: 'topic', width: 24 },
  { field: 'subject', width: 34 },
  { field: 'text', width: 60 },
  { field: 'result', width: 22 },
  { field: 'answerDate', width: 12 },
  { field: 'informedDate', width: 17 },
  { field: 'outcomeSummary', width: 40 },
  { field: 'forwardedTo', width: 24 },
  { field: 'assignee', width: 20 },
  { field: 'signatories', width: 10 },
];

const MARKS = {
  ru: { locality: 'г. ', district: 'мкр ', street: 'ул. ', building: 'д. ', flat: 'кв. ' },
  kk: { locality: '', district: ' ш/а', street: ' көшесі', building: '-үй', flat: '-пәтер' },
} as const;

/** An address in one cell, each part marked so the journal import reads it back into parts. */
export function composeAddress(a: PersonAddress, lang: Lang): string {
  const m = MARKS[lang];
  const typed = (value: string, re: RegExp) => re.test(value);
  const parts: string[] = [];
  if (a.locality) {
    parts.push(
      typed(a.locality, /(^|\s)(г\.|с\.|п\.|қ\.|қаласы|ауылы|кенті)/iu)
        ? a.locality
        : lang === 'ru'
          ? `${m.locality}${a.locality}`
          : `${a.locality} қ.`,
    );
  }
  if (a.district) {
    parts.push(
      typed(a.district, /мкр|микрорайон|ш\/а|шағын|район|ауданы/iu)
        ? a.district
        : lang === 'ru'
          ? `${MARKS.ru.district}${a.district}`
          : `${a.district}${MARKS.kk.district}`,
    );
  }
  if (a.street) {
    parts.push(
      typed(a.street, /(^|\s)(ул\.|пр\.|пер\.|проспект|улица|көшесі|даңғылы|тұйығы|мкр)/iu)
        ? a.street
        : lang === 'ru'
          ? `${MARKS.ru.street}${a.street}`
          : `${a.street}${MARKS.kk.street}`,
    );
  }
  if (a.building)
    parts.push(
      lang === 'ru' ? `${MARKS.ru.building}${a.building}` : `${a.building}${MARKS.kk.building}`,
    );
  if (a.flat) parts.push(lang === 'ru' ? `${MARKS.ru.flat}${a.flat}` : `${a.flat}${MARKS.kk.flat}`);
  return parts.join(', ');
}

function splitLocal(value: string | null): { date: string; time: string | null } | null {
  if (value === null) return null;
  return { date: value.slice(0, 10), time: value.length > 10 ? value.slice(11, 16) : null };
}

export interface JournalExportInput {
  appeals: readonly Appeal[];
  applicants: ReadonlyMap<string, Pick<Applicant, 'fullName' | 'iin' | 'phones' | 'address'>>;
  topics: readonly Topic[];
  users: readonly StaffUser[];
  lang: Lang;
  title: string;
}

/**
 * The registry (or a filtered list of it) as an office journal: one row per appeal in
 * registration order, kk or ru headers. Import reads this layout back with the suggested
 * mapping, so an export imported into an empty office gives the same appeals.
 */
export function buildJournalTable(input: JournalExportInput): JournalTable {
  const { lang } = input;
  const appeals = [...input.appeals].sort(
    (a, b) => a.registeredOn.localeCompare(b.registeredOn) || a.regNo.localeCompare(b.regNo),
  );
  const rows = appeals.map((a): JournalValue[] => {
    const person = a.applicantId ? input.applicants.get(a.applicantId) : undefined;
    const decided = a.outcome !== null;
    const values: Record<string, JournalValue> = {
      regNo: a.regNo,
      journalNo: a.journalNo,
      receivedDate: splitLocal(a.receivedAt),
      registeredDate: { date: a.registeredOn, time: null },
      fullName: person?.fullName || null,
      iin: person?.iin ?? null,
      phone:
        person && person.phones.length > 0 ? person.phones.map(formatKzPhone).join(', ') : null,
      address: person ? composeAddress(person.address, lang) || null : null,
      channel: labelOf('channel', a.channel, lang),
      kind: labelOf('kind', a.kind, lang),
      topic: topicLabel(input.topics, a.topic, lang),
      subject: a.subject,
      text: a.text,
      result: decided ? labelOf('outcome', a.outcome!, lang) : labelOf('status', a.status, lang),
      answerDate: a.decidedOn === null ? null : { date: a.decidedOn, time: null },
      informedDate: splitLocal(a.applicantInformedAt),
      outcomeSummary: a.outcomeSummary || null,
      forwardedTo: a.forwardedTo,
      assignee:
        a.assignee === null
          ? null
          : (input.users.find((u) => u.id === a.assignee)?.fullName ?? null),
      signatories: a.collective ? a.signatories : null,
    };
    return EXPORT_FIELDS.map(({ field }) => values[field] ?? null);
  });
  return {
    title: input.title,
    columns: EXPORT_FIELDS.map(({ field, width }) => ({
      field,
      label: FIELD_LABELS[field][lang],
      width,
    })),
    rows,
  };
}

function dmy(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

function csvValue(value: JournalValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text =
    typeof value === 'string'
      ? value
      : value.time
        ? `${dmy(value.date)} ${value.time}`
        : dmy(value.date);
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The journal as CSV for Excel: UTF-8 with a byte-order mark, «;» between columns, CRLF. */
export function journalCsv(table: JournalTable): Uint8Array {
  const lines = [
    table.columns.map((c) => csvValue(c.label)),
    ...table.rows.map((r) => r.map(csvValue)),
  ];
  const text = `\uFEFF${lines.map((l) => l.join(';')).join('\r\n')}\r\n`;
  return utf8(text);
}

function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else
      out.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 63),
        0x80 | ((cp >> 6) & 63),
        0x80 | (cp & 63),
      );
  }
  return Uint8Array.from(out);
}

/**
 * The journal as an .xlsx workbook: a title row, a frozen header, dates as real Excel dates
 * (so the office can sort and filter them), long texts wrapped.
 */
export async function journalXlsx(table: JournalTable, sheetName: string): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(
    sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Journal',
    {
      views: [{ state: 'frozen', ySplit: 2 }],
    },
  );
  table.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  ws.getCell(1, 1).value = table.title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  const header = ws.getRow(2);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.label;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'top', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6EEF2' } };
  });
  table.rows.forEach((values, r) => {
    const row = ws.getRow(3 + r);
    values.forEach((value, i) => {
      if (value === null) return;
      const cell = row.getCell(i + 1);
      if (typeof value === 'object') {
        cell.value = new Date(`${value.date}T${value.time ?? '00:00'}:00Z`);
        cell.numFmt = value.time ? 'dd.mm.yyyy hh:mm' : 'dd.mm.yyyy';
      } else {
        cell.value = value;
      }
      cell.alignment = {
        vertical: 'top',
        wrapText: typeof value === 'string' && value.length > 30,
      };
    });
  });
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
