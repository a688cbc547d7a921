import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TizilimDb } from '@renderer/db/database';
import {
  defaultExportEngine,
  handleRequest,
  inlineExportEngine,
  workerExportEngine,
  type ExportCheckEngine,
  type ExportCheckRequest,
  type ExportCheckResponse,
} from '@renderer/db/exportCheck/engine';
import {
  DataTransferError,
  importExportFile,
  importLoadedExport,
  type ImportProgressStep,
} from '@renderer/db/repositories/dataExport';
import {
  EXPORT_TABLE_NAMES,
  describeExportProblem,
  exportCheckSession,
  type ExportFile,
} from '@shared/export';
import { generateOffice } from '@test/fixtures/generateOffice';
import { ctxAt, deleteFreshDbsAfterEach, freshDb } from './helpers';

const office: ExportFile = generateOffice({
  appeals: 40,
  seed: 7,
  from: '2026-05-01',
  demo: false,
});
const NOW = new Date('2026-11-22T06:00:00Z');
const ctx = ctxAt(NOW);
const bytesOf = (file: unknown) => new TextEncoder().encode(JSON.stringify(file));

deleteFreshDbsAfterEach();

/**
 * A stand-in for the module Worker: messages are structured-cloned both ways (as between
 * threads) and answered by the worker's own handler, a macrotask later. `failPages` makes
 * the worker die when it is asked for a page.
 */
class FakeWorker {
  static failPages = false;
  static created = 0;
  static last: FakeWorker | null = null;
  onmessage: ((event: MessageEvent<ExportCheckResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  private session = exportCheckSession();
  private terminated = false;
  transferred: ArrayBuffer[] = [];
  constructor(url: URL, options: WorkerOptions) {
    expect(String(url)).toMatch(/exportCheck\.worker\.ts(\?|$)/);
    expect(options.type).toBe('module');
    FakeWorker.created += 1;
    FakeWorker.last = this;
  }
  postMessage(message: ExportCheckRequest, transfer: Transferable[] = []) {
    this.transferred.push(...(transfer as ArrayBuffer[]));
    const request = structuredClone(message);
    setTimeout(() => {
      if (this.terminated) return;
      if (request.op === 'page' && FakeWorker.failPages) {
        this.onerror?.({ message: 'worker ran out of memory' } as ErrorEvent);
        return;
      }
      handleRequest(this.session, request, (response) => {
        const copy = structuredClone(response);
        setTimeout(() => {
          if (!this.terminated) this.onmessage?.({ data: copy } as MessageEvent);
        }, 0);
      });
    }, 0);
  }
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.failPages = false;
});

/** Every table's rows, for comparing a database before and after. */
async function dump(d: TizilimDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of d.tables) out[table.name] = await table.toArray();
  return out;
}

async function pagesOf(engine: ExportCheckEngine, table: (typeof EXPORT_TABLE_NAMES)[number]) {
  const out: unknown[] = [];
  for (;;) {
    const page = await engine.page(table, out.length, 7);
    out.push(...page);
    if (page.length < 7) return out;
  }
}

describe('the export check engine', () => {
  it('reads the envelope, checks every record and hands them back in pages, in a worker as inline', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    for (const engine of [workerExportEngine(), inlineExportEngine()]) {
      const bytes = bytesOf(office);
      const loaded = await engine.load(bytes);
      expect(loaded).toEqual({
        ok: true,
        envelope: {
          demo: false,
          exportedAt: office.exportedAt,
          counts: Object.fromEntries(
            EXPORT_TABLE_NAMES.map((name) => [name, office.tables[name].length]),
          ),
        },
      });
      const progress: number[] = [];
      const checked = await engine.check(NOW, ({ done }) => progress.push(done));
      expect(checked.ok).toBe(true);
      if (!checked.ok) return;
      expect(checked.file.appeals).toBe(40);
      expect(progress.at(-1)).toBe(checked.file.total);
      // The records come back as checked: Kazakh and Russian text intact, page after page.
      const applicants = (await pagesOf(engine, 'applicants')) as {
        id: string;
        fullName: string;
      }[];
      expect(applicants.map((a) => a.id)).toEqual(office.tables.applicants.map((a) => a.id));
      expect(applicants.map((a) => a.fullName)).toEqual(
        office.tables.applicants.map((a) => a.fullName),
      );
      expect(applicants.some((a) => /[әғқңөұүһі]/i.test(a.fullName))).toBe(true);
      const appeals = (await pagesOf(engine, 'appeals')) as { subject: string }[];
      expect(appeals.map((a) => a.subject)).toEqual(office.tables.appeals.map((a) => a.subject));
      expect(await pagesOf(engine, 'counters')).toHaveLength(checked.file.counts.counters);
      engine.dispose();
    }
    expect(FakeWorker.created).toBeGreaterThan(0);
  });

  it('moves the file’s bytes to the worker instead of copying them', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const engine = defaultExportEngine();
    const bytes = bytesOf(office);
    await engine.load(bytes);
    expect(FakeWorker.last?.transferred).toEqual([bytes.buffer]);
    engine.dispose();
    vi.unstubAllGlobals();
    // Without a Worker (jsdom, the command line) the same session runs inline.
    const inline = defaultExportEngine();
    expect((await inline.load(bytesOf(office))).ok).toBe(true);
    inline.dispose();
  });

  it('names a bad record in Kazakh and Russian and leaves the data as it was', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const d = freshDb();
    await importExportFile(d, office, ctx, { mode: 'empty', fileAs: 'bytes' });
    const before = await dump(d);
    const bad = JSON.parse(JSON.stringify(office)) as ExportFile;
    (bad.tables.appeals[3] as { receivedAt: string }).receivedAt = '2026-13-45';
    const steps: ImportProgressStep['phase'][] = [];
    const error = await importExportFile(d, bytesOf(bad), ctx, {
      mode: 'replace',
      fileAs: 'bytes',
      backup: async () => undefined,
      onProgress: ({ phase }) => steps.push(phase),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataTransferError);
    const problem = (error as DataTransferError).problems[0]!;
    expect(problem).toMatchObject({ code: 'invalid_record', table: 'appeals', index: 3 });
    expect(describeExportProblem(problem, 'kk')).toBe(
      '«Өтініштер» кестесі, 4-жазба, «receivedAt» өрісі: Күні немесе уақыты дұрыс емес.',
    );
    expect(describeExportProblem(problem, 'ru')).toBe(
      'Таблица «Обращения», запись № 4, поле «receivedAt»: Неверная дата или время.',
    );
    // Refused while checking: no backup taken, nothing written.
    expect(new Set(steps)).toEqual(new Set(['validate']));
    expect(await dump(d)).toEqual(before);
  });

  it('writes a checked file from the worker page by page, the same as inline', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const viaWorker = freshDb();
    const steps: ImportProgressStep[] = [];
    const summary = await importExportFile(viaWorker, bytesOf(office), ctx, {
      mode: 'empty',
      fileAs: 'bytes',
      onProgress: (step) => steps.push(step),
    });
    const inline = freshDb();
    await importExportFile(inline, office, ctx, { mode: 'empty', fileAs: 'bytes' });
    const [a, b] = [await dump(viaWorker), await dump(inline)];
    for (const name of EXPORT_TABLE_NAMES) expect(a[name]).toEqual(b[name]);
    expect(a.registryRows).toEqual(b.registryRows);
    const writes = steps.filter((s) => s.phase === 'write');
    expect(writes.at(-1)).toEqual({
      phase: 'write',
      done: summary.records,
      total: summary.records,
    });
    expect(writes.map((s) => s.done)).toEqual([...writes.map((s) => s.done)].sort((x, y) => x - y));
  });

  it('when the worker dies halfway through writing, says so truly: nothing was changed', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const d = freshDb();
    await importExportFile(d, office, ctx, { mode: 'empty', fileAs: 'bytes' });
    const before = await dump(d);
    const engine = workerExportEngine();
    const other = generateOffice({ appeals: 30, seed: 8, from: '2026-05-01', demo: false });
    expect((await engine.load(bytesOf(other))).ok).toBe(true);
    FakeWorker.failPages = true;
    const error = await importLoadedExport(d, engine, ctx, {
      mode: 'replace',
      fileAs: 'bytes',
      backup: async () => undefined,
    }).catch((e: unknown) => e);
    engine.dispose();
    expect(error).toBeInstanceOf(DataTransferError);
    expect((error as DataTransferError).code).toBe('write_failed');
    expect(await dump(d)).toEqual(before);
  });
});
