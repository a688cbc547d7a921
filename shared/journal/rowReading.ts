/**
 * Reading parts of one journal row: the person who wrote, a value from a list (channel, kind,
 * topic), the staff member. What a row's reading needs beyond the row is a `RowContext`,
 * worked out once per import by `prepareJournalImport`.
 */
import type { WorkCalendar } from '../calendar';
import type { PersonAddress } from '../domain/applicant';
import type { StaffUser } from '../domain/settings';
import type { Lang } from '../i18n/lang';
import type { DateParseOptions } from './dates';
import type { JournalField, ValueField } from './fields';
import { fold } from './fold';
import type { RowWarning } from './issues';
import type { JournalMapping } from './mapping';
import { noteLine } from './messages';
import { cellText, type SheetRow } from './model';
import {
  looksKazakh,
  parseAddress,
  readIin,
  splitNameAddress,
  splitPhones,
  tidyName,
} from './people';
import type { PlanInput, PlanSettings, RegistrySnapshot } from './planTypes';
import { cellOf, textOf } from './rows';

/** What reading a row needs besides the row: the import's input and what was worked out once. */
export interface RowContext {
  input: PlanInput;
  /** The input's mapping, a lone registration date column read as the date of receipt. */
  mapping: JournalMapping;
  lang: Lang;
  settings: PlanSettings;
  registry: RegistrySnapshot;
  /** The import's Kazakhstan local date 'YYYY-MM-DD' and moment 'YYYY-MM-DDTHH:mm'. */
  today: string;
  nowLocal: string;
  calendar: WorkCalendar;
  dateOptions: DateParseOptions;
  /**
   * The year the sheet's name or title gives (`journalYear`), for registration dates written
   * without it; answer dates without a year stay unread (they may fall in the next year).
   */
  journalYear: number | null;
  /** The date column's Excel dates may have day and month swapped (`dateCellsMaybeSwapped`). */
  swappedDateCells: boolean;
  /** Registry numbers of the file's own rows kept so far; reading a row adds its number. */
  keptInFile: Set<string>;
}

export interface Person {
  row: number;
  fullName: string;
  iin: string | null;
  phones: string[];
  email: string | null;
  address: PersonAddress;
  lang: Lang;
  registeredOn: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMAIL_IN_TEXT = /[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+/;

export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function mapValue<T extends string>(
  ctx: RowContext,
  row: SheetRow,
  field: ValueField,
  map: Record<string, T>,
  fallback: T,
  warnings: RowWarning[],
  notes: string[],
): T {
  const { mapping, lang } = ctx;
  const raw = textOf(row, mapping, field);
  if (raw === '') return fallback;
  const mapped = map[fold(raw)];
  if (mapped !== undefined) return mapped;
  warnings.push({ code: 'unknown_value', field, value: raw });
  notes.push(noteLine(field === 'result' ? 'result' : field, lang, { value: raw }));
  return fallback;
}

export function readPerson(
  ctx: RowContext,
  row: SheetRow,
  registeredOn: string,
  body: string,
  warnings: RowWarning[],
  notes: string[],
): Person | null {
  const { mapping, lang } = ctx;
  const text = (field: JournalField) => textOf(row, mapping, field);
  // A name kept in columns of its own — surname, first name, patronymic — is one name.
  let name = [text('fullName'), text('firstName'), text('patronymic')]
    .filter((part) => part !== '')
    .join(' ');
  let addressText = text('address');
  const phones: string[] = [];
  const invalidPhones: string[] = [];
  const take = (source: string): string => {
    const parts = splitPhones(source);
    for (const p of parts.phones) if (!phones.includes(p)) phones.push(p);
    invalidPhones.push(...parts.invalid);
    return parts.rest;
  };
  const combined = text('nameAddress');
  if (combined !== '') {
    const split = splitNameAddress(combined);
    const ownName = take(split.name);
    const ownAddress = take(split.address);
    if (name === '') name = ownName;
    if (addressText === '') addressText = ownAddress;
  }
  const phoneCell = cellOf(row, mapping, 'phone');
  if (phoneCell !== null) {
    const raw = phoneCell.t === 'number' ? String(Math.round(phoneCell.v)) : cellText(phoneCell);
    const parts = splitPhones(raw);
    phones.push(...parts.phones.filter((p) => !phones.includes(p)));
    invalidPhones.push(...parts.invalid);
    // A number too short for the phone pattern («дом. 55-66-77» beside a mobile) is still what
    // was written: keep it in the notes.
    if (/\d/.test(parts.rest)) invalidPhones.push(parts.rest);
  }
  const phoneAddress = text('phoneAddress');
  if (phoneAddress !== '') {
    const rest = take(phoneAddress);
    if (addressText === '') addressText = rest;
  }
  const { iin, invalid: badIin } = readIin(cellOf(row, mapping, 'iin'));
  // An e-mail written into a contacts cell belongs to the e-mail field, not the address.
  const mailInText = EMAIL_IN_TEXT.exec(addressText);
  if (mailInText)
    addressText = addressText.replace(mailInText[0], ' ').replace(/^[\s,;]+|[\s,;]+$/g, '');
  const rawEmail = text('email') || (mailInText?.[0] ?? '');
  let email: string | null = null;
  if (rawEmail !== '') {
    if (EMAIL.test(rawEmail)) email = rawEmail.toLowerCase();
    else {
      warnings.push({ code: 'email_invalid', value: rawEmail });
      notes.push(noteLine('email', lang, { value: rawEmail }));
    }
  }
  for (const value of invalidPhones) {
    warnings.push({ code: 'phone_invalid', value });
    notes.push(noteLine('phone', lang, { value }));
  }
  if (badIin !== null) {
    warnings.push({ code: 'iin_invalid', value: badIin });
    notes.push(noteLine('iin', lang, { value: badIin }));
  }
  name = tidyName(name);
  if (name === '') {
    const contacts = [...phones, iin ?? '', email ?? '', addressText]
      .filter((v) => v !== '')
      .join(', ');
    if (contacts !== '') {
      warnings.push({ code: 'no_name', value: contacts });
      notes.push(noteLine('contacts', lang, { value: contacts }));
    } else {
      warnings.push({ code: 'anonymous' });
    }
    return null;
  }
  const address =
    addressText === ''
      ? { locality: '', district: '', street: '', building: '', flat: '' }
      : parseAddress(addressText);
  if (address.locality === '' && text('locality') !== '')
    address.locality = text('locality').slice(0, 200);
  return {
    row: row.n,
    fullName: cut(name, 200),
    iin,
    phones,
    email,
    address,
    lang: looksKazakh(`${name} ${body}`) ? 'kk' : 'ru',
    registeredOn,
  };
}

export function matchUser(value: string, users: readonly StaffUser[]): string | null {
  const f = fold(value);
  const exact = users.find((u) => fold(u.fullName) === f);
  if (exact) return exact.id;
  const surname = f.split(' ')[0] ?? '';
  const bySurname = users.filter((u) => fold(u.fullName).split(' ')[0] === surname);
  return bySurname.length === 1 ? bySurname[0]!.id : null;
}
