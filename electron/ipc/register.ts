import { ipcMain } from 'electron';
import { IPC_CONTRACT, IPC_METHODS, type IpcMethod } from '@shared/ipc';
import { guardHandler, type IpcImplementations } from './guard';

/**
 * Registers one guarded handler per contract channel. The mapped type of `implementations`
 * makes a missing capability a compile error rather than an "no handler registered" at run
 * time.
 */
export function registerIpcHandlers(
  implementations: IpcImplementations,
  origins: readonly string[],
): void {
  for (const method of IPC_METHODS) register(method, implementations, origins);
}

function register<M extends IpcMethod>(
  method: M,
  implementations: IpcImplementations,
  origins: readonly string[],
): void {
  ipcMain.handle(
    IPC_CONTRACT[method].channel,
    guardHandler(method, implementations[method], origins),
  );
}
