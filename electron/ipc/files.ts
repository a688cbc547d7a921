/**
 * `files:save`: documents the user exports (.docx, .xlsx, PDF, JSON). Files come in through
 * the page's own file input, so there is no channel to open one.
 */
import path from 'node:path';
import type { FileFilter } from '@shared/ipc';
import { showSaveDialog, writeFileAtomic } from './dialogs';
import type { IpcImplementation } from './guard';

/** Without explicit filters, offer the extension of the proposed name, so it is kept. */
export function defaultFilters(fileName: string): FileFilter[] {
  const extension = path.extname(fileName).slice(1);
  return /^[A-Za-z0-9]{1,16}$/.test(extension)
    ? [{ name: extension.toUpperCase(), extensions: [extension] }]
    : [];
}

export function createSaveFileHandler(options: {
  defaultDir: () => string;
}): IpcImplementation<'saveFile'> {
  return async (request, { sender }) => {
    const choice = await showSaveDialog(sender, {
      defaultPath: path.join(options.defaultDir(), request.fileName),
      filters: request.filters ?? defaultFilters(request.fileName),
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    await writeFileAtomic(choice.filePath, request.data);
    return { saved: true, path: choice.filePath };
  };
}
