import type { SheetOutline } from '@shared/journal/analyse';
import type { FileProblem, Sheet, Workbook } from '@shared/journal/model';
import type { JournalPlan, JournalPreview, PlanInput, PreparedPlan } from '@shared/journal/plan';

/** What the page learns of a file: its sheets (the rows stay in the worker until chosen). */
export interface FileSummary {
  kind: Workbook['kind'];
  fileName: string;
  sheets: SheetOutline[];
  csv: Workbook['csv'];
}

export type ReadOutcome = { ok: true; file: FileSummary } | { ok: false; problem: FileProblem };

/** A plan request: everything of PlanInput but the sheet, which the engine holds. */
export type PlanRequest = Omit<PlanInput, 'sheet'> & { sheetName: string };

/**
 * Reads journals and plans imports off the page's thread. The app runs it in a Web Worker
 * (`journal.worker.ts`); tests and browsers without module workers run the same code inline.
 */
export interface JournalEngine {
  read(bytes: Uint8Array, fileName: string): Promise<ReadOutcome>;
  sheet(name: string): Promise<Sheet>;
  /** The preview of a plan; the engine keeps the plan itself for `records`. */
  plan(request: PlanRequest): Promise<JournalPreview>;
  /** The records of the last plan, built now (its batch id checks it is the one previewed). */
  records(batchId: string): Promise<JournalPlan>;
  dispose(): void;
}

type EngineCall =
  | { op: 'read'; bytes: Uint8Array; fileName: string }
  | { op: 'sheet'; name: string }
  | { op: 'plan'; request: PlanRequest }
  | { op: 'records'; batchId: string };

export type EngineRequest = EngineCall & { id: number };

export type EngineResponse =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** The engine's work, shared by the worker and the inline engine. */
export function engineCore() {
  let workbook: Workbook | null = null;
  let prepared: PreparedPlan | null = null;
  return {
    async read(bytes: Uint8Array, fileName: string): Promise<ReadOutcome> {
      const [{ readJournalFile }, { JournalFileError }, { outlineSheets }] = await Promise.all([
        import('@shared/journal/read'),
        import('@shared/journal/model'),
        import('@shared/journal/analyse'),
      ]);
      try {
        workbook = await readJournalFile(bytes, fileName);
      } catch (error) {
        if (error instanceof JournalFileError) return { ok: false, problem: error.problem };
        return {
          ok: false,
          problem: {
            code: 'unreadable',
            detail: error instanceof Error ? error.message : String(error),
          },
        };
      }
      return {
        ok: true,
        file: {
          kind: workbook.kind,
          fileName,
          sheets: outlineSheets(workbook),
          csv: workbook.csv,
        },
      };
    },
    sheet(name: string): Sheet {
      const sheet = workbook?.sheets.find((s) => s.name === name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      return sheet;
    },
    async plan(request: PlanRequest): Promise<JournalPreview> {
      const { prepareJournalImport } = await import('@shared/journal/plan');
      const { sheetName, ...rest } = request;
      prepared = prepareJournalImport({ ...rest, sheet: this.sheet(sheetName) });
      return prepared.preview;
    },
    records(batchId: string): JournalPlan {
      if (!prepared || prepared.preview.batchId !== batchId) throw new Error('no such plan');
      return prepared.build();
    },
  };
}

/** The same work on the page's own thread. */
export function inlineEngine(): JournalEngine {
  const core = engineCore();
  return {
    read: (bytes, fileName) => core.read(bytes, fileName),
    sheet: (name) => Promise.resolve(core.sheet(name)),
    plan: (request) => core.plan(request),
    records: (batchId) => Promise.resolve(core.records(batchId)),
    dispose: () => undefined,
  };
}

/** The engine in a module Web Worker: reading a 10,000-row journal never freezes the page. */
export function workerEngine(): JournalEngine {
  const worker = new Worker(new URL('./journal.worker.ts', import.meta.url), { type: 'module' });
  let next = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  worker.onmessage = (event: MessageEvent<EngineResponse>) => {
    const entry = waiting.get(event.data.id);
    if (!entry) return;
    waiting.delete(event.data.id);
    if (event.data.ok) entry.resolve(event.data.value);
    else entry.reject(new Error(event.data.error));
  };
  worker.onerror = (event) => {
    for (const entry of waiting.values()) entry.reject(new Error(event.message || 'worker failed'));
    waiting.clear();
  };
  function call<T>(message: EngineCall, transfer: Transferable[] = []): Promise<T> {
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...message, id }, transfer);
    });
  }
  return {
    read: (bytes, fileName) => call<ReadOutcome>({ op: 'read', bytes, fileName }, [bytes.buffer]),
    sheet: (name) => call<Sheet>({ op: 'sheet', name }),
    plan: (request) => call<JournalPreview>({ op: 'plan', request }),
    records: (batchId) => call<JournalPlan>({ op: 'records', batchId }),
    dispose: () => worker.terminate(),
  };
}

/** The worker where module workers exist (the app, Chromium), inline elsewhere (jsdom tests). */
export function defaultEngine(): JournalEngine {
  return typeof Worker === 'undefined' ? inlineEngine() : workerEngine();
}
