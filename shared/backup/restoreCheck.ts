/**
 * A backup's content checked as it is read, page by page, exactly as an import checks an
 * export file (../export/parse.ts): every record against its table's schema as its page
 * arrives (sizes and safe text first), duplicate ids and registration numbers, then — once
 * every record is in — the records together (references, merges, IINs, dates as facts) and
 * the derived data recomputed (deadlines, number counters). Only the checked records are
 * kept, never the page they came from, so a restore holds the office once, not twice; and
 * an attachment's bytes are never turned into base64 text: its record is checked without
 * its file, and the size it states is compared with the bytes the backup holds for it.
 */
import {
  checkRecord,
  deriveSteps,
  EXPORT_TABLE_NAMES,
  EXPORT_TABLES,
  MAX_PROBLEMS,
  MAX_TABLE_RECORDS,
  RAW_SKIP,
  tablesIntegritySteps,
  type ExportProblem,
  type ExportTableName,
  type ExportTables,
  type IntegrityProblem,
} from '../export';
import { MAX_ATTACHMENT_BYTES, type Attachment } from '../domain';

/** An attachment's record as a restore stores it: without its file (the bytes come apart). */
export type RestoredAttachment = Omit<Attachment, 'blob'>;

export type CheckedTables = Omit<ExportTables, 'attachments'> & {
  attachments: RestoredAttachment[];
};

export type ContentCheckResult =
  { ok: true; tables: CheckedTables } | { ok: false; problems: ExportProblem[] };

const TABLES: ReadonlySet<string> = new Set(EXPORT_TABLE_NAMES);

/** Stands in for an attachment's base64 while its record is checked; the bytes are counted. */
const NO_FILE = { encoding: 'base64', data: '' } as const;

export class BackupContentCheck {
  private readonly tables = Object.fromEntries(
    EXPORT_TABLE_NAMES.map((name) => [name, [] as unknown[]]),
  ) as Record<ExportTableName, unknown[]>;
  private readonly ids = new Map<ExportTableName, Set<string>>();
  private readonly regNos = new Set<string>();
  private readonly fileBytes = new Map<string, number>();
  private readonly sizes: number[] = [];
  private readonly problems: ExportProblem[] = [];
  private extra = 0;
  /** Records seen per table, checked or not (the index problems name). */
  private readonly seen = new Map<ExportTableName, number>();

  private report(problem: ExportProblem): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(problem);
    else this.extra += 1;
  }

  /** Records checked so far (progress). */
  get checked(): number {
    let n = 0;
    for (const count of this.seen.values()) n += count;
    return n;
  }

  /** One page of a table's records, checked now; tables this app does not know are skipped. */
  add(table: string, records: readonly unknown[]): void {
    if (!TABLES.has(table)) return;
    const name = table as ExportTableName;
    const start = this.seen.get(name) ?? 0;
    this.seen.set(name, start + records.length);
    if (start + records.length > MAX_TABLE_RECORDS) {
      if (start <= MAX_TABLE_RECORDS) {
        this.report({ code: 'too_many_records', table: name, max: MAX_TABLE_RECORDS });
      }
      return;
    }
    const schema = EXPORT_TABLES[name];
    const list = this.tables[name];
    let ids = this.ids.get(name);
    if (ids === undefined) this.ids.set(name, (ids = new Set()));
    for (let i = 0; i < records.length; i++) {
      const index = start + i;
      const raw = records[i];
      const attachment = name === 'attachments' ? withoutFile(raw) : null;
      const result = checkRecord(schema, attachment?.record ?? raw, RAW_SKIP[name]);
      if (!result.ok) {
        this.report({ code: 'invalid_record', table: name, index, ...result.issue });
        continue;
      }
      let data = result.data as { id: string; regNo?: string };
      if (attachment !== null) {
        const { file: _file, ...rest } = data as typeof data & { file: unknown };
        data = { ...rest, size: attachment.size } as typeof data;
        this.sizes[list.length] = index;
      }
      if (ids.has(data.id)) this.report({ code: 'duplicate_id', table: name, index, id: data.id });
      ids.add(data.id);
      if (name === 'appeals') {
        const regNo = data.regNo!;
        if (this.regNos.has(regNo)) this.report({ code: 'duplicate_reg_no', index, regNo });
        this.regNos.add(regNo);
      }
      list.push(data);
    }
  }

  /** Bytes of an attachment's file, as they are read. */
  addFile(id: string, bytes: number): void {
    this.fileBytes.set(id, (this.fileBytes.get(id) ?? 0) + bytes);
  }

  /**
   * The records together, in slices (yields between them so a page can repaint); returns
   * the checked tables with derived data recomputed, or the problems (at most 20 and a
   * count of the rest). Call once, after the last page.
   */
  *finish(now: Date): Generator<void, ContentCheckResult> {
    const attachments = this.tables.attachments as RestoredAttachment[];
    attachments.forEach((attachment, i) => {
      if ((this.fileBytes.get(attachment.id) ?? 0) !== attachment.size) {
        const index = this.sizes[i] ?? i;
        this.report({
          code: 'invalid_record',
          table: 'attachments',
          index,
          path: 'size',
          message: 'attachment_size_mismatch',
        });
      }
    });
    if (this.problems.length > 0) return this.failed();
    yield;
    const tables = this.tables as unknown as ExportTables;
    const between: IntegrityProblem[] = [];
    yield* tablesIntegritySteps(tables, now, between);
    for (const problem of between) this.report(problem);
    if (this.problems.length > 0) return this.failed();
    const derived = yield* deriveSteps(tables);
    // The appeals before their deadlines were recomputed are not needed any more.
    for (const name of EXPORT_TABLE_NAMES) this.tables[name] = [];
    for (const problem of derived.problems) this.report(problem);
    if (this.problems.length > 0) return this.failed();
    return { ok: true, tables: derived.tables as unknown as CheckedTables };
  }

  private failed(): ContentCheckResult {
    const problems = [...this.problems];
    if (this.extra > 0) problems.push({ code: 'too_many_problems', more: this.extra });
    return { ok: false, problems };
  }
}

/**
 * An attachment's record with an empty file in place of its base64 (its schema wants one)
 * and a size of 0 to match; the size it states is checked against the bytes instead.
 */
function withoutFile(raw: unknown): { record: unknown; size: number } | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const size = (raw as { size?: unknown }).size;
  const valid =
    typeof size === 'number' &&
    Number.isSafeInteger(size) &&
    size >= 0 &&
    size <= MAX_ATTACHMENT_BYTES;
  // An invalid size (or a file too large) goes to the schema as it is: refused with its message.
  if (!valid) return { record: { ...raw, file: NO_FILE }, size: -1 };
  return { record: { ...raw, size: 0, file: NO_FILE }, size };
}
