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

/** Records validated between two progress reports (and pauses, in the async form). */
const STEP = 2_000;

/**
 * Checks a file (JSON text or an already parsed value) against the export format: the
 * envelope first — a file of another program or of a newer app is named as such rather than
 * listed as thousands of bad records — then every record with the domain's own schemas.
 * Nothing is written anywhere; the importer writes only what this returns.
 */
export function parseExportFile(
  input: unknown,
  onProgress?: (progress: ParseProgress) => void,
): ParseExportResult {
  const steps = parseSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value);
  }
}

/**
 * The same check in slices, awaiting `pause` between them so a page can repaint its
 * progress bar while 50,000 appeals and their histories are validated.
 */
export async function parseExportFileAsync(
  input: unknown,
  options: { onProgress?: (progress: ParseProgress) => void; pause: () => Promise<void> },
): Promise<ParseExportResult> {
  const steps = parseSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    await options.pause();
  }
}

function* parseSteps(input: unknown): Generator<ParseProgress, ParseExportResult> {
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
    const schema = EXPORT_TABLES[table];
    const parsed: unknown[] = new Array<unknown>(raw.length);
    const ids = new Set<string>();
    for (let index = 0; index < raw.length; index++) {
      const result = schema.safeParse(raw[index]);
      if (!result.success) {
        const issue = result.error.issues[0];
        report({
          code: 'invalid_record',
          table,
          index,
          path: issue ? issue.path.map(String).join('.') : '',
          message: issue?.message ?? 'invalid_value',
        });
      } else {
        const id = (result.data as { id: string }).id;
        if (ids.has(id)) report({ code: 'duplicate_id', table, index, id });
        ids.add(id);
        parsed[index] = result.data;
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
  if (extra > 0) problems.push({ code: 'too_many_problems', more: extra });
  if (problems.length > 0) return { ok: false, problems };
  yield { done: total, total };
  return {
    ok: true,
    file: { ...header.data, version: EXPORT_VERSION, tables: tables as ExportTables },
  };
}
