import { mergeCounters } from '../numbering';
import {
  parseExportFile,
  parseExportFileAsync,
  type ExportProblem,
  type ParseExportResult,
  type ParseProgress,
} from './parse';
import { EXPORT_TABLE_NAMES, type ExportFile, type ExportTableName } from './schema';

/**
 * The check of an export file before it is imported, as a session that holds the file: the
 * bytes are read and their envelope checked (`load`), every record is checked (`check`),
 * then the importer takes the checked records a page at a time (`page`). The app runs it in
 * a Web Worker, so the page neither parses the JSON nor holds the whole file; tests and the
 * command line run the same code inline.
 */

/** What the confirmation shows before anything is checked further: the envelope and counts. */
export interface ExportEnvelope {
  demo: boolean;
  exportedAt: string;
  /** Records per table as the file lists them (before any record is checked). */
  counts: Partial<Record<ExportTableName, number>>;
}

export type LoadOutcome =
  { ok: true; envelope: ExportEnvelope } | { ok: false; problems: ExportProblem[] };

/** A checked file, ready to be written: how many records of each table it will write. */
export interface CheckedExport {
  demo: boolean;
  /** Records to write per table; counters already merged with the numbers the file uses. */
  counts: Record<ExportTableName, number>;
  total: number;
  appeals: number;
}

export type CheckOutcome =
  { ok: true; file: CheckedExport } | { ok: false; problems: ExportProblem[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** UTF-8 bytes (a byte-order mark allowed), JSON text, or an already parsed value. */
function decode(input: unknown): { ok: true; value: unknown } | { ok: false } {
  let text: unknown = input;
  if (ArrayBuffer.isView(input)) {
    text = new TextDecoder('utf-8').decode(input as Uint8Array);
  }
  if (typeof text !== 'string') return { ok: true, value: input };
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch {
    return { ok: false };
  }
}

/**
 * Counters keep their number blocks; a hand-edited file may lack counters: new records must
 * still continue after its numbers (current and earlier, appeals and inquiries).
 */
function countersOf(file: ExportFile) {
  const tables = file.tables;
  return mergeCounters(
    tables.counters,
    [],
    [
      ...tables.appeals.flatMap((a) => [a.regNo, ...(a.aliases ?? [])]),
      ...tables.inquiries.flatMap((i) => [
        ...(i.outgoingNo ? [i.outgoingNo] : []),
        ...(i.aliases ?? []),
      ]),
    ],
  );
}

export interface CheckOptions {
  /** The moment the file is checked against (no date in it may be later). */
  now: Date;
  onProgress?: (progress: ParseProgress) => void;
}

export type ExportCheckSession = ReturnType<typeof exportCheckSession>;

export function exportCheckSession() {
  let value: unknown = undefined;
  let rows: Record<ExportTableName, readonly unknown[]> | null = null;
  const take = () => {
    if (value === undefined) throw new Error('no file loaded');
    const taken = value;
    value = undefined;
    return taken;
  };
  const checked = (parsed: ParseExportResult): CheckOutcome => {
    if (!parsed.ok) return { ok: false, problems: parsed.problems };
    const file = parsed.file;
    const written = { ...file.tables, counters: countersOf(file) };
    rows = written;
    const counts = Object.fromEntries(
      EXPORT_TABLE_NAMES.map((name) => [name, written[name].length]),
    ) as Record<ExportTableName, number>;
    const total = EXPORT_TABLE_NAMES.reduce((sum, name) => sum + counts[name], 0);
    return {
      ok: true,
      file: { demo: file.demo, counts, total, appeals: file.tables.appeals.length },
    };
  };
  return {
    /** Reads the file and checks its envelope; the records are checked by `check`. */
    load(input: unknown): LoadOutcome {
      rows = null;
      value = undefined;
      const decoded = decode(input);
      if (!decoded.ok) return { ok: false, problems: [{ code: 'not_json' }] };
      // The envelope alone: format, version, header fields.
      const header = parseExportFile(
        isRecord(decoded.value) ? { ...decoded.value, tables: {} } : decoded.value,
        // No record is read yet, so no date is compared with `now`.
        { now: new Date(0) },
      );
      if (!header.ok) return { ok: false, problems: header.problems };
      value = decoded.value;
      const tables = isRecord((value as { tables?: unknown }).tables)
        ? (value as { tables: Record<string, unknown> }).tables
        : {};
      const counts: Partial<Record<ExportTableName, number>> = {};
      for (const name of EXPORT_TABLE_NAMES) {
        const list = tables[name];
        if (Array.isArray(list)) counts[name] = list.length;
      }
      return {
        ok: true,
        envelope: { demo: header.file.demo, exportedAt: header.file.exportedAt, counts },
      };
    },

    /**
     * Checks every record (shared/export/parse.ts); the file's parsed value is let go of
     * afterwards, only the checked records stay for `page`.
     */
    check(options: CheckOptions): CheckOutcome {
      return checked(parseExportFile(take(), options));
    },

    /** The same check in slices, awaiting `pause` between them (a page's own thread). */
    async checkAsync(
      options: CheckOptions & { pause: () => Promise<void> },
    ): Promise<CheckOutcome> {
      return checked(await parseExportFileAsync(take(), options));
    },

    /** Checked records of one table, `limit` of them from `offset`. */
    page(table: ExportTableName, offset: number, limit: number): unknown[] {
      if (!rows) throw new Error('no checked file');
      return rows[table].slice(offset, offset + limit);
    },

    /** Lets go of everything held. */
    release(): void {
      value = undefined;
      rows = null;
    },
  };
}
