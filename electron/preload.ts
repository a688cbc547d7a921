/**
 * The only bridge between the page and the main process: one object, `window.tizilim`, with
 * one method per contract entry, each bound to its fixed channel. ipcRenderer itself, and
 * any way to name a channel, stay on this side of the bridge.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  IPC_CONTRACT,
  IPC_METHODS,
  unwrapIpcResult,
  type IpcChannel,
  type IpcResult,
  type TizilimApi,
} from '@shared/ipc';

type Invoke = (channel: IpcChannel, payload: unknown) => Promise<unknown>;

function buildTizilimApi(invoke: Invoke): TizilimApi {
  const api: Record<string, (payload?: unknown) => Promise<unknown>> = {};
  for (const method of IPC_METHODS) {
    const { channel } = IPC_CONTRACT[method];
    // Exactly one argument is forwarded, whatever the page passes.
    api[method] = async (payload?: unknown) =>
      unwrapIpcResult((await invoke(channel, payload)) as IpcResult<unknown>);
  }
  // Built from IPC_CONTRACT, whose methods and types TizilimApi is checked against in
  // shared/ipc/index.ts; the loop cannot express that per method.
  return Object.freeze(api) as unknown as TizilimApi;
}

contextBridge.exposeInMainWorld(
  'tizilim',
  buildTizilimApi((channel, payload) => ipcRenderer.invoke(channel, payload)),
);
