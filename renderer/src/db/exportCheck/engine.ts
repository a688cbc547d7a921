import {
  exportCheckSession,
  type CheckOutcome,
  type ExportCheckSession,
  type ExportTableName,
  type LoadOutcome,
  type ParseProgress,
} from '@shared/export';

/**
 * The check of an export file off the page's thread (shared/export/checkSession.ts): the app
 * runs it in a module Web Worker (`exportCheck.worker.ts`), the file's bytes transferred to
 * it, so the page never parses the JSON nor holds the file; the importer takes the checked
 * records a page at a time. Tests (jsdom) and browsers without workers run the same session
 * inline.
 */
export interface ExportCheckEngine {
  /** The file's bytes (transferred: the caller's copy is emptied), JSON text or a value. */
  load(input: unknown): Promise<LoadOutcome>;
  check(now: Date, onProgress?: (progress: ParseProgress) => void): Promise<CheckOutcome>;
  page(table: ExportTableName, offset: number, limit: number): Promise<unknown[]>;
  dispose(): void;
}

export type ExportCheckCall =
  | { op: 'load'; input: unknown }
  | { op: 'check'; now: number }
  | { op: 'page'; table: ExportTableName; offset: number; limit: number };

export type ExportCheckRequest = ExportCheckCall & { id: number };

export type ExportCheckResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string }
  | { id: number; progress: ParseProgress };

/**
 * One request answered by a session: what the worker does with each message (tests drive it
 * through a stand-in Worker). Progress of a check is posted under the request's id.
 */
export function handleRequest(
  session: ExportCheckSession,
  request: ExportCheckRequest,
  post: (response: ExportCheckResponse) => void,
): void {
  const { id, ...call } = request;
  try {
    const value =
      call.op === 'load'
        ? session.load(call.input)
        : call.op === 'check'
          ? session.check({
              now: new Date(call.now),
              onProgress: (progress) => post({ id, progress }),
            })
          : session.page(call.table, call.offset, call.limit);
    post({ id, ok: true, value });
  } catch (error) {
    post({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}

/** The same work on the page's own thread, in slices (a macrotask between them to repaint). */
export function inlineExportEngine(): ExportCheckEngine {
  const session = exportCheckSession();
  return {
    load: async (input) => session.load(input),
    check: (now, onProgress) =>
      session.checkAsync({
        now,
        onProgress,
        pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
      }),
    page: async (table, offset, limit) => session.page(table, offset, limit),
    dispose: () => session.release(),
  };
}

/** The session in a module Web Worker: checking 50,000 appeals never freezes the page. */
export function workerExportEngine(): ExportCheckEngine {
  const worker = new Worker(new URL('./exportCheck.worker.ts', import.meta.url), {
    type: 'module',
  });
  let next = 1;
  const waiting = new Map<
    number,
    {
      resolve: (v: unknown) => void;
      reject: (e: Error) => void;
      progress?: (p: ParseProgress) => void;
    }
  >();
  const failAll = (error: Error) => {
    for (const entry of waiting.values()) entry.reject(error);
    waiting.clear();
  };
  worker.onmessage = (event: MessageEvent<ExportCheckResponse>) => {
    const message = event.data;
    const entry = waiting.get(message.id);
    if (!entry) return;
    if ('progress' in message) {
      entry.progress?.(message.progress);
      return;
    }
    waiting.delete(message.id);
    if (message.ok) entry.resolve(message.value);
    else entry.reject(new Error(message.error));
  };
  worker.onerror = (event) => failAll(new Error(event.message || 'export check worker failed'));
  worker.onmessageerror = () =>
    failAll(new Error('export check worker sent an unreadable message'));
  function call<T>(
    message: ExportCheckCall,
    transfer: Transferable[] = [],
    progress?: (p: ParseProgress) => void,
  ): Promise<T> {
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, progress });
      worker.postMessage({ ...message, id }, transfer);
    });
  }
  return {
    load: (input) => {
      // Bytes move to the worker rather than being copied; anything else is cloned.
      // (Duck-typed: under test the bytes come from another realm.)
      const whole =
        ArrayBuffer.isView(input) &&
        Object.prototype.toString.call(input.buffer) === '[object ArrayBuffer]' &&
        input.byteOffset === 0 &&
        input.byteLength === input.buffer.byteLength;
      const transfer = whole ? [(input as Uint8Array<ArrayBuffer>).buffer] : [];
      return call<LoadOutcome>({ op: 'load', input }, transfer);
    },
    check: (now, onProgress) =>
      call<CheckOutcome>({ op: 'check', now: now.getTime() }, [], onProgress),
    page: (table, offset, limit) => call<unknown[]>({ op: 'page', table, offset, limit }),
    dispose: () => {
      failAll(new Error('export check engine closed'));
      worker.terminate();
    },
  };
}

/** The worker where workers exist (the app, Chromium), inline elsewhere (jsdom tests). */
export function defaultExportEngine(): ExportCheckEngine {
  return typeof Worker === 'undefined' ? inlineExportEngine() : workerExportEngine();
}
