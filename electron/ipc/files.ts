/** `files:save` and `files:open`: documents the user exports or imports (.docx, .xlsx, JSON). */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES, type FileFilter } from '@shared/ipc';
import { plainBytes, showOpenDialog, showSaveDialog, writeFileAtomic } from './dialogs';
import { IpcError, type IpcImplementation } from './guard';

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

function tooLarge(maxBytes: number): IpcError {
  return new IpcError(
    'TOO_LARGE',
    `The file is larger than ${Math.floor(maxBytes / (1024 * 1024))} MB.`,
  );
}

export function createOpenFileHandler(): IpcImplementation<'openFile'> {
  return async (request, { sender }) => {
    const maxBytes = request.maxBytes ?? MAX_FILE_BYTES;
    const choice = await showOpenDialog(sender, {
      properties: ['openFile'],
      ...(request.filters === undefined ? {} : { filters: request.filters }),
    });
    const filePath = choice.filePaths[0];
    if (choice.canceled || filePath === undefined) return null;

    // Checked before reading, so a huge file is refused without being loaded into memory.
    const info = await stat(filePath);
    if (!info.isFile()) throw new IpcError('NOT_FOUND', 'The selection is not a file.');
    if (info.size > maxBytes) throw tooLarge(maxBytes);
    const data = await readFile(filePath);
    // The file may have grown between stat and read.
    if (data.byteLength > maxBytes) throw tooLarge(maxBytes);
    return {
      fileName: path.basename(filePath),
      data: plainBytes(data),
    };
  };
}
