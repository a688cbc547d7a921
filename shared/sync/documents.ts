/**
 * One office record ↔ one CouchDB document (docs/sync.md, "Documents"). Pure: the renderer's
 * sync reads and writes Dexie, this module says what a document looks like and whether one
 * that arrived from the server may be applied.
 */
import type { z } from 'zod';
import { EXPORT_TABLE_NAMES, EXPORT_TABLES, type ExportTableName } from '../export/schema';

/** The document format this app writes; the server's design document lists what it accepts. */
export const SYNC_SCHEMA = 1;
/** Document formats this app can read. A newer one is quarantined until the app is updated. */
export const READABLE_SCHEMAS: readonly number[] = [1];

export type SyncTable = ExportTableName;
export const SYNC_TABLES: readonly SyncTable[] = EXPORT_TABLE_NAMES;
const TABLE_SET: ReadonlySet<string> = new Set(SYNC_TABLES);

/**
 * Fields never sent and never taken from the server: `searchWords` was derived by the app
 * before schema version 4 (documents written then may still carry it), the file travels apart.
 */
export const DERIVED_FIELDS: Readonly<Partial<Record<SyncTable, readonly string[]>>> = {
  appeals: ['searchWords'],
  applicants: ['searchWords'],
  agencies: ['searchWords'],
  // The file travels as the document's CouchDB attachment, not inside `data`.
  attachments: ['blob'],
};

/** The name of an attachment record's file among the document's `_attachments`. */
export const FILE_ATTACHMENT = 'file';

/** What the app writes to the server for one record. */
export interface RecordDocBody {
  table: SyncTable;
  schema: number;
  /**
   * The office database the record belongs to: it stays with the document when the
   * secretariat replicates every office into its own database (docs/sync-server.md).
   */
  office?: string;
  data: Record<string, unknown>;
}

export interface InlineAttachment {
  content_type: string;
  /** base64 */
  data: string;
}

/** A document revision as it travels in the protocol (`_bulk_get`, `_bulk_docs`). */
export interface WireDoc {
  _id: string;
  _rev: string;
  _revisions?: { start: number; ids: string[] };
  _deleted?: boolean;
  _attachments?: Record<string, InlineAttachment | { stub: true; content_type?: string }>;
  [field: string]: unknown;
}

export function docIdOf(table: SyncTable, id: string): string {
  return `${table}:${id}`;
}

/** The table and record id a document id names, or null when it names no record. */
export function parseDocId(docId: string): { table: SyncTable; id: string } | null {
  const colon = docId.indexOf(':');
  if (colon <= 0) return null;
  const table = docId.slice(0, colon);
  const id = docId.slice(colon + 1);
  if (!TABLE_SET.has(table) || id === '') return null;
  return { table: table as SyncTable, id };
}

/**
 * Documents of the office database that are not records and that the app leaves alone:
 * design documents and the number series (numbers.ts).
 */
export function isServiceDoc(docId: string): boolean {
  return docId.startsWith('_design/') || docId.startsWith('numbers:');
}

/** A record's data as synced: the record without its derived fields. */
export function dataOf(table: SyncTable, record: object): Record<string, unknown> {
  const data: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const field of DERIVED_FIELDS[table] ?? []) delete data[field];
  return data;
}

/** JSON with object keys sorted and `undefined` left out: equal data, equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  const keys = Object.keys(value as object)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

export function sameData(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function recordDocBody(table: SyncTable, record: object, office?: string): RecordDocBody {
  return office === undefined
    ? { table, schema: SYNC_SCHEMA, data: dataOf(table, record) }
    : { table, schema: SYNC_SCHEMA, office, data: dataOf(table, record) };
}

export type QuarantineReason =
  /** The id names no table of the office. */
  | 'unknown_document'
  /** Written by a newer app (or by hand) in a format this app cannot read. */
  | 'unknown_schema'
  /** The document's table or record id disagrees with its id. */
  | 'id_mismatch'
  /** The record fails the app's rules (zod schemas of shared/domain). */
  | 'invalid_record'
  /** An appeal with a registry number another appeal on this laptop already has. */
  | 'number_taken';

export interface DocIssue {
  path: string;
  code: string;
}

export type DocCheck =
  | { ok: true; table: SyncTable; id: string; record: Record<string, unknown> }
  | { ok: false; reason: QuarantineReason; issues: DocIssue[] };

function refuse(reason: QuarantineReason, issues: DocIssue[] = []): DocCheck {
  return { ok: false, reason, issues };
}

function issuesOf(error: z.ZodError): DocIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.message,
  }));
}

/**
 * Whether a live document from the server may be applied, and the record it carries, parsed
 * by the app's own schemas (defaults filled, text trimmed). An attachment's file is checked
 * and returned as `file: {encoding: 'base64', data}`, as an export carries it.
 */
export function checkDoc(doc: WireDoc): DocCheck {
  const target = parseDocId(doc._id);
  if (!target) return refuse('unknown_document');
  if (typeof doc.schema !== 'number' || !READABLE_SCHEMAS.includes(doc.schema)) {
    return refuse('unknown_schema', [{ path: 'schema', code: String(doc.schema) }]);
  }
  const data = doc.data;
  if (doc.table !== target.table || typeof data !== 'object' || data === null) {
    return refuse('id_mismatch', [{ path: 'table', code: String(doc.table) }]);
  }
  if ((data as { id?: unknown }).id !== target.id) {
    return refuse('id_mismatch', [{ path: 'data.id', code: 'id_mismatch' }]);
  }
  const input: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const field of DERIVED_FIELDS[target.table] ?? []) delete input[field];
  if (target.table === 'attachments') {
    const file = doc._attachments?.[FILE_ATTACHMENT];
    input.file =
      file && 'data' in file && typeof file.data === 'string'
        ? { encoding: 'base64', data: file.data }
        : undefined;
  }
  const schema = EXPORT_TABLES[target.table] as z.ZodType;
  const parsed = schema.safeParse(input);
  if (!parsed.success) return refuse('invalid_record', issuesOf(parsed.error));
  return {
    ok: true,
    table: target.table,
    id: target.id,
    record: parsed.data as Record<string, unknown>,
  };
}
