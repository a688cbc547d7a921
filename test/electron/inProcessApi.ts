/**
 * window.tizilim as the preload builds it, in one process: each method goes through the
 * app's own guard (sender check, schema validation, the IpcResult envelope) to the real
 * implementations, with requests and answers structured-cloned as IPC would. For tests
 * that run the renderer's bridges against the main process without Electron.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { IPC_CONTRACT, type IpcMethod, unwrapIpcResult, type IpcResult } from '@shared/ipc';
import { guardHandler, type IpcImplementation } from '@electron/ipc/guard';

export type PartialImplementations = { [M in IpcMethod]?: IpcImplementation<M> };

export const TEST_ORIGIN = 'app://tizilim';

/** The guarded handler of every method given; others answer INTERNAL, as if unregistered. */
export function guardedHandlers(
  implementations: PartialImplementations,
  origins: readonly string[] = [TEST_ORIGIN],
): Map<string, (frameUrl: string, payload: unknown) => Promise<IpcResult<unknown>>> {
  const out = new Map<
    string,
    (frameUrl: string, payload: unknown) => Promise<IpcResult<unknown>>
  >();
  for (const method of Object.keys(IPC_CONTRACT) as IpcMethod[]) {
    const implementation = (implementations[method] ??
      (async () => {
        throw new Error(`${method} is not available here`);
      })) as IpcImplementation<typeof method>;
    const handler = guardHandler(method, implementation, origins);
    out.set(
      IPC_CONTRACT[method].channel,
      (frameUrl, payload) =>
        handler(
          {
            senderFrame: { url: frameUrl, parent: null },
            sender: {},
          } as unknown as IpcMainInvokeEvent,
          payload,
        ) as Promise<IpcResult<unknown>>,
    );
  }
  return out;
}

/** An in-process window.tizilim over the guarded handlers (requests and answers cloned as IPC does). */
export function inProcessApi(
  implementations: PartialImplementations,
): Record<string, (payload?: unknown) => Promise<unknown>> {
  const handlers = guardedHandlers(implementations);
  const api: Record<string, (payload?: unknown) => Promise<unknown>> = {};
  for (const method of Object.keys(IPC_CONTRACT) as IpcMethod[]) {
    const handler = handlers.get(IPC_CONTRACT[method].channel)!;
    api[method] = async (payload?: unknown) =>
      structuredClone(
        unwrapIpcResult(await handler(`${TEST_ORIGIN}/index.html`, structuredClone(payload))),
      );
  }
  return api;
}
