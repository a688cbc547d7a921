/**
 * A JSON export (`tizilim-export`, any size) as backup items: the command line backs up an
 * export this way, and the desktop app restores the unencrypted backups older versions
 * wrote. Two passes over the bytes, never the whole file in memory: `scanExportJson` checks
 * the envelope and every record (the import's own schemas) and counts what a backup header
 * needs; `exportJsonItems` then hands out record pages and attachment files.
 */
import {
  EXPORT_FORMAT,
  EXPORT_TABLES,
  EXPORT_VERSION,
  exportHeaderSchema,
  type ExportTableName,
} from '../export/schema';
import { MAX_PROBLEMS, type ExportProblem } from '../export/parse';
import { fromBase64, fromUtf8, utf8 } from './bytes';
import { type BackupItem, type BackupRecord, isExportTable } from './content';
import type { WriterItem } from './writer';
import { splitExportJson } from './exportStream';

type Source = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface ExportEnvelope {
  exportedAt: string;
  appVersion: string;
  demo: boolean;
}

export interface ExportScan {
  ok: boolean;
  problems: ExportProblem[];
  envelope: ExportEnvelope | null;
  counts: Partial<Record<ExportTableName, number>>;
  files: { count: number; bytes: number };
}

/** Bytes a base64 text decodes to, without decoding it. */
function base64Length(text: string): number {
  let padding = 0;
  if (text.endsWith('==')) padding = 2;
  else if (text.endsWith('=')) padding = 1;
  return Math.floor((text.length * 3) / 4) - padding;
}

export async function scanExportJson(
  source: Source,
  options: { validate?: boolean } = {},
): Promise<ExportScan> {
  const validate = options.validate ?? true;
  const fields: Record<string, unknown> = {};
  const counts: Partial<Record<ExportTableName, number>> = {};
  const ids = new Map<ExportTableName, Set<string>>();
  const regNos = new Set<string>();
  const problems: ExportProblem[] = [];
  let extra = 0;
  const report = (problem: ExportProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
    else extra += 1;
  };
  const files = { count: 0, bytes: 0 };
  for await (const event of splitExportJson(source)) {
    if (event.kind === 'field') {
      fields[event.key] = event.value;
      continue;
    }
    if (!isExportTable(event.table)) continue;
    const table = event.table;
    const index = counts[table] ?? 0;
    counts[table] = index + 1;
    const record = event.value as Record<string, unknown> | null;
    if (validate) {
      const result = EXPORT_TABLES[table].safeParse(record);
      if (!result.success) {
        const issue = result.error.issues[0];
        report({
          code: 'invalid_record',
          table,
          index,
          path: issue ? issue.path.map(String).join('.') : '',
          message: issue?.message ?? 'invalid_value',
        });
        continue;
      }
    }
    // Even unchecked, every record must be an object with an id: a backup keys records by it.
    const id = typeof record === 'object' && record !== null ? record['id'] : undefined;
    if (typeof id !== 'string' || Array.isArray(record)) {
      report({ code: 'invalid_record', table, index, path: 'id', message: 'invalid_id' });
      continue;
    }
    let seen = ids.get(table);
    if (seen === undefined) ids.set(table, (seen = new Set()));
    if (seen.has(id)) report({ code: 'duplicate_id', table, index, id });
    seen.add(id);
    if (table === 'appeals' && typeof record?.['regNo'] === 'string') {
      if (regNos.has(record['regNo']))
        report({ code: 'duplicate_reg_no', index, regNo: record['regNo'] });
      regNos.add(record['regNo']);
    }
    if (table === 'attachments') {
      const file = record?.['file'] as { data?: unknown } | undefined;
      files.count += 1;
      files.bytes += typeof file?.data === 'string' ? base64Length(file.data) : 0;
    }
  }
  if (fields['format'] !== EXPORT_FORMAT)
    return { ok: false, problems: [{ code: 'wrong_format' }], envelope: null, counts, files };
  if (typeof fields['version'] === 'number' && fields['version'] > EXPORT_VERSION) {
    return {
      ok: false,
      problems: [{ code: 'newer_version', version: fields['version'] }],
      envelope: null,
      counts,
      files,
    };
  }
  const header = exportHeaderSchema.safeParse(fields);
  if (!header.success) {
    for (const issue of header.error.issues.slice(0, MAX_PROBLEMS)) {
      problems.unshift({
        code: 'invalid_header',
        path: issue.path.map(String).join('.'),
        message: issue.message,
      });
    }
  }
  if (extra > 0) problems.push({ code: 'too_many_problems', more: extra });
  const envelope = header.success
    ? {
        exportedAt: header.data.exportedAt,
        appVersion: header.data.appVersion,
        demo: header.data.demo,
      }
    : null;
  return {
    ok: problems.length === 0,
    problems: problems.slice(0, MAX_PROBLEMS + 1),
    envelope,
    counts,
    files,
  };
}

/** Records of a page before it is handed out, and bytes of a file chunk. */
const PAGE = 1_000;
const FILE_CHUNK = 4 * 1024 * 1024;

/**
 * The export's records and files as backup items (attachment records lose their base64).
 * `exportJsonLines` hands out the records other than attachments as their compact JSON
 * lines, not parsed — for a file already checked by `scanExportJson`.
 */
export function exportJsonItems(source: Source): AsyncGenerator<BackupItem> {
  // Without `raw` no lines item is ever made.
  return exportItems(source, false) as AsyncGenerator<BackupItem>;
}

/** The same with records other than attachments as their lines (see LinesItem). */
export function exportJsonLines(source: Source): AsyncGenerator<WriterItem> {
  return exportItems(source, true);
}

async function* exportItems(source: Source, raw: boolean): AsyncGenerator<WriterItem> {
  let table: ExportTableName | null = null;
  let page: BackupRecord[] = [];
  let lines: Uint8Array[] = [];
  const flush = function* (): Generator<WriterItem> {
    if (table !== null && page.length > 0) yield { kind: 'records', table, records: page };
    if (table !== null && lines.length > 0) yield { kind: 'lines', table, lines };
    page = [];
    lines = [];
  };
  for await (const event of splitExportJson(source, { parseRecords: !raw })) {
    if (event.kind !== 'record' || !isExportTable(event.table)) continue;
    if (table !== event.table || page.length + lines.length >= PAGE) {
      yield* flush();
      table = event.table;
    }
    if (raw && event.table !== 'attachments') {
      // A pretty-printed export has line breaks between fields: those records are re-printed.
      lines.push(
        event.raw.includes(0x0a)
          ? utf8(JSON.stringify(JSON.parse(fromUtf8(event.raw))))
          : event.raw,
      );
      continue;
    }
    const record = (event.value ?? JSON.parse(fromUtf8(event.raw))) as Record<string, unknown>;
    if (event.table !== 'attachments') {
      page.push(record);
      continue;
    }
    const { file, ...metadata } = record as { file?: { data?: string } };
    page.push(metadata);
    const bytes = fromBase64(typeof file?.data === 'string' ? file.data : '');
    const id = String(metadata['id' as keyof typeof metadata]);
    if (bytes.byteLength === 0) yield { kind: 'file', id, data: bytes, final: true };
    for (let at = 0; at < bytes.byteLength; at += FILE_CHUNK) {
      yield {
        kind: 'file',
        id,
        data: bytes.subarray(at, at + FILE_CHUNK),
        final: at + FILE_CHUNK >= bytes.byteLength,
      };
    }
  }
  yield* flush();
}
