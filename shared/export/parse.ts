import { deriveSteps, type DerivedTables } from './derive';
import {
  MAX_TABLE_RECORDS,
  checkRawRecord,
  tablesIntegritySteps,
  type IntegrityProblem,
  type RecordIssue,
} from './integrity';
import {
  EXPORT_FORMAT,
  EXPORT_TABLES,
  EXPORT_TABLE_NAMES,
  EXPORT_VERSION,
  exportHeaderSchema,
  type ExportFile,
  type ExportTableName,
  type ExportTables,
} from './schema';

/**
 * Why a file was refused. Codes, not texts: `describeExportProblem` words them in Kazakh or
 * Russian. `index` is the record's position in its table (0-based), `path` the field.
 */
export type ExportProblem =
  | { code: 'not_json' }
  | { code: 'wrong_format' }
  | { code: 'newer_version'; version: number }
  | { code: 'invalid_header'; path: string; message: string }
  | { code: 'invalid_table'; table: ExportTableName }
  | { code: 'invalid_record'; table: ExportTableName; index: number; path: string; message: string }
  | { code: 'duplicate_id'; table: ExportTableName; index: number; id: string }
  | { code: 'duplicate_reg_no'; index: number; regNo: string }
  | { code: 'too_many_records'; table: ExportTableName; max: number }
  | IntegrityProblem
  | { code: 'too_many_problems'; more: number };

export type ParseExportResult =
  { ok: true; file: ExportFile } | { ok: false; problems: ExportProblem[] };

/** A user fixing a file by hand needs the first few problems, not fifty thousand. */
export const MAX_PROBLEMS = 20;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface ParseProgress {
  done: number;
  total: number;
}

export interface ParseExportOptions {
  /**
   * The moment the file is checked against: no date in it may be later (Kazakhstan time,
   * a few minutes of tolerance). Passed in, never read from a clock here.
   */
  now: Date;
  onProgress?: (progress: ParseProgress) => void;
}

/** The attachment's base64 is checked by its schema, not by the generic size limits. */
export const RAW_SKIP: Partial<Record<ExportTableName, ReadonlySet<string>>> = {
  attachments: new Set(['file.data']),
};

/** Records validated between two progress reports (and pauses, in the async form). */
const STEP = 2_000;

/**
 * Checks a file (JSON text or an already parsed value) against the export format: the
 * envelope first — a file of another program or of a newer app is named as such rather than
 * listed as thousands of bad records — then every record (sizes and safe text, then the
 * domain's own schema), then the records together (shared/export/integrity.ts: references,
 * merges, IINs, dates as facts). What it returns has every derived field recomputed
 * (deadlines, search words, counters), never read from the file. Nothing is written
 * anywhere; the importer writes only what this returns.
 */
export function parseExportFile(input: unknown, options: ParseExportOptions): ParseExportResult {
  const steps = parseSteps(input, options.now);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
  }
}

/**
 * The same check in slices, awaiting `pause` between them so a page can repaint its
 * progress bar while 50,000 appeals and their histories are validated.
 */
export async function parseExportFileAsync(
  input: unknown,
  options: ParseExportOptions & { pause: () => Promise<void> },
): Promise<ParseExportResult> {
  const steps = parseSteps(input, options.now);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    await options.pause();
  }
}

/**
 * One record: sizes and safe text first (before zod walks a 10 MB string), then its schema.
 * Exported for readers that check a file page by page (a backup's restore).
 */
export function checkRecord(
  schema: (typeof EXPORT_TABLES)[ExportTableName],
  value: unknown,
  skip: ReadonlySet<string> | undefined,
): { ok: true; data: unknown } | { ok: false; issue: RecordIssue } {
  const unsafe = checkRawRecord(value, skip);
  if (unsafe) return { ok: false, issue: unsafe };
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0];
  return {
    ok: false,
    issue: {
      path: issue ? issue.path.map(String).join('.') : '',
      message: issue?.message ?? 'invalid_value',
    },
  };
}

function* parseSteps(input: unknown, now: Date): Generator<ParseProgress, ParseExportResult> {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return { ok: false, problems: [{ code: 'not_json' }] };
    }
  }
  if (!isRecord(value) || value.format !== EXPORT_FORMAT) {
    return { ok: false, problems: [{ code: 'wrong_format' }] };
  }
  if (typeof value.version === 'number' && value.version > EXPORT_VERSION) {
    return { ok: false, problems: [{ code: 'newer_version', version: value.version }] };
  }
  const header = exportHeaderSchema.safeParse(value);
  if (!header.success) {
    return {
      ok: false,
      problems: header.error.issues.slice(0, MAX_PROBLEMS).map((issue) => ({
        code: 'invalid_header' as const,
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    };
  }
  const rawTables = value.tables ?? {};
  if (!isRecord(rawTables)) {
    return { ok: false, problems: [{ code: 'wrong_format' }] };
  }

  const problems: ExportProblem[] = [];
  let extra = 0;
  const report = (problem: ExportProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
    else extra += 1;
  };
  const total = EXPORT_TABLE_NAMES.reduce((sum, table) => {
    const raw = rawTables[table];
    return sum + (Array.isArray(raw) ? raw.length : 0);
  }, 0);
  let done = 0;
  yield { done, total };
  const tables: Partial<Record<ExportTableName, unknown[]>> = {};
  for (const table of EXPORT_TABLE_NAMES) {
    const raw: unknown = rawTables[table] ?? [];
    if (!Array.isArray(raw)) {
      report({ code: 'invalid_table', table });
      continue;
    }
    if (raw.length > MAX_TABLE_RECORDS) {
      report({ code: 'too_many_records', table, max: MAX_TABLE_RECORDS });
      continue;
    }
    const schema = EXPORT_TABLES[table];
    const parsed: unknown[] = new Array<unknown>(raw.length);
    const ids = new Set<string>();
    for (let index = 0; index < raw.length; index++) {
      const record = checkRecord(schema, raw[index], RAW_SKIP[table]);
      if (!record.ok) {
        report({ code: 'invalid_record', table, index, ...record.issue });
      } else {
        const id = (record.data as { id: string }).id;
        if (ids.has(id)) report({ code: 'duplicate_id', table, index, id });
        ids.add(id);
        parsed[index] = record.data;
      }
      done += 1;
      if (done % STEP === 0) yield { done, total };
    }
    tables[table] = parsed;
  }
  const regNos = new Set<string>();
  (tables.appeals ?? []).forEach((appeal, index) => {
    if (!appeal) return;
    const { regNo } = appeal as { regNo: string };
    if (regNos.has(regNo)) report({ code: 'duplicate_reg_no', index, regNo });
    regNos.add(regNo);
  });
  const finish = (): ParseExportResult => {
    if (extra > 0) problems.push({ code: 'too_many_problems', more: extra });
    return { ok: false, problems };
  };
  // Records that failed their own schema are missing from `tables`: checking references to
  // them would only repeat the same problem as "missing record".
  if (problems.length > 0) return finish();
  yield { done: total, total };

  const between: IntegrityProblem[] = [];
  for (const _pause of tablesIntegritySteps(tables as ExportTables, now, between)) {
    yield { done: total, total };
  }
  for (const problem of between) report(problem);
  if (problems.length > 0) return finish();
  const derived = yield* deriveSlices(tables as ExportTables, total);
  for (const problem of derived.problems) report(problem);
  if (problems.length > 0) return finish();
  return {
    ok: true,
    file: { ...header.data, version: EXPORT_VERSION, tables: derived.tables },
  };
}

/** Derived data recomputed in slices, reporting the (full) progress between them. */
function* deriveSlices(
  tables: ExportTables,
  total: number,
): Generator<ParseProgress, DerivedTables> {
  const steps = deriveSteps(tables);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    yield { done: total, total };
  }
}
