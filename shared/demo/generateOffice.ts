/**
 * A whole office as a data export: the appeals, applicants and histories of
 * `generateDataset`, plus what the office keeps around them — its settings, the agency
 * directory, the deputy inquiries behind the "waiting for an agency" steps (sent, answered,
 * late, some answers missing parts of the five-part structure), monthly receptions with
 * their visitor queues linked to the appeals registered there, the deputy's initiatives and
 * the quarterly plans. Used by `npm run demo-data`, by tests of the export and of the report.
 * Seeded: one seed always gives the same export.
 */
import { formatDay, parseDay } from '../calendar/dates';
import {
  DEFAULT_CHECKLIST_TEMPLATES,
  checklistTemplateSchema,
  counterId,
  type ChecklistTemplate,
  type Counter,
} from '../domain';
import {
  bytesToBase64,
  EXPORT_FORMAT,
  EXPORT_TABLES,
  EXPORT_VERSION,
  emptyTables,
  type ExportFile,
} from '../export';
import { generateDataset, type DatasetOptions } from './generate';
import { isoOf, newOfficeState, stamped } from './office/core';
import { officeInitiatives, officePlanItems } from './office/initiatives';
import { agencyDirectory, officeInquiries } from './office/inquiries';
import { officeReceptions } from './office/receptions';
import { officeSettings } from './office/settings';

// The office's parts, by concern: office/core (state, stamps, quarters), settings,
// inquiries (agency directory and inquiries), receptions, initiatives (and plan items).

export interface OfficeOptions extends DatasetOptions {
  /** Marks the export as demo data (the app shows a banner and can remove it). Default true. */
  demo?: boolean;
}

const DEFAULT_TODAY = '2026-11-20';

/** A PDF attached to an appeal, as an export file carries it: the bytes in base64. */
export function exportedPdf(
  appealId: string,
  fileName: string,
  content: string,
): ExportFile['tables']['attachments'][number] {
  const bytes = new TextEncoder().encode(content);
  return {
    id: '019aa0d6-1c00-7000-8000-000000000001',
    createdAt: '2026-11-20T05:00:00.000Z',
    updatedAt: '2026-11-20T05:00:00.000Z',
    createdBy: 'aigerim',
    updatedBy: 'aigerim',
    version: 1,
    deletedAt: null,
    appealId,
    inquiryId: null,
    fileName,
    mimeType: 'application/pdf',
    size: bytes.byteLength,
    file: { encoding: 'base64', data: bytesToBase64(bytes) },
  };
}

/** A realistic office as an export file (valid against `exportFileSchema`). */
export function generateOffice(options: OfficeOptions): ExportFile {
  const seed = options.seed ?? 1;
  const today = options.today ?? DEFAULT_TODAY;
  const from = options.from ?? '2025-01-01';
  const data = generateDataset({ ...options, seed, today, from });
  const office = newOfficeState(seed, today, data.users);
  const setupAt = `${formatDay(parseDay(from) - 5)}T09:00`;
  const settings = officeSettings({
    users: data.users,
    now: isoOf(setupAt),
    userId: data.users[0]!.id,
  });

  const checklistTemplates: ChecklistTemplate[] = DEFAULT_CHECKLIST_TEMPLATES.map((t) =>
    checklistTemplateSchema.parse({ ...stamped(office, setupAt, data.users[0]!.id), ...t }),
  );
  const agencies = agencyDirectory(office, formatDay(parseDay(from) - 3));
  const events = [...data.events];
  const { inquiries, counters: inquiryCounters } = officeInquiries(
    office,
    data.appeals,
    events,
    agencies.byName,
  );
  const applicants = new Map(data.applicants.map((a) => [a.id, a]));
  // Pushed onto the copies the export carries; generateDataset's own arrays stay as they were.
  const appeals = data.appeals.map((a) => ({ ...a }));
  const receptions = officeReceptions(
    office,
    appeals,
    applicants,
    settings,
    checklistTemplates.find((t) => t.key === 'reception_preparation'),
  );
  const counters: Counter[] = [
    ...data.counters,
    ...[...inquiryCounters].map(([year, value]) => ({ id: counterId('inquiry', year), value })),
  ];
  const tables = emptyTables();
  Object.assign(tables, {
    applicants: data.applicants,
    appeals,
    events,
    counters,
  });
  // The office's smaller tables go through their schemas, so fields other features add
  // later (with defaults) are filled in as the app would store them.
  const small = {
    settings: [settings],
    agencies: agencies.records,
    inquiries,
    receptions,
    checklistTemplates,
    initiatives: officeInitiatives(office, from, appeals),
    planItems: officePlanItems(office, from),
  };
  for (const [name, records] of Object.entries(small)) {
    const schema = EXPORT_TABLES[name as keyof typeof small];
    Object.assign(tables, { [name]: records.map((r: unknown) => schema.parse(r)) });
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: isoOf(`${today}T18:30`),
    appVersion: 'demo-data',
    demo: options.demo ?? true,
    tables,
  };
}
