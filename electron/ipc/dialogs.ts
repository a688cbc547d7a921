/**
 * Dialogs and file writes shared by the capabilities. Dialogs are modal to the asking
 * window when there is one, so the user cannot keep editing behind a pending save.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import {
  BrowserWindow,
  dialog,
  type OpenDialogOptions,
  type OpenDialogReturnValue,
  type SaveDialogOptions,
  type SaveDialogReturnValue,
  type WebContents,
} from 'electron';

export function showSaveDialog(
  sender: WebContents,
  options: SaveDialogOptions,
): Promise<SaveDialogReturnValue> {
  const parent = BrowserWindow.fromWebContents(sender);
  return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
}

export function showOpenDialog(
  sender: WebContents,
  options: OpenDialogOptions,
): Promise<OpenDialogReturnValue> {
  const parent = BrowserWindow.fromWebContents(sender);
  return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
}

/**
 * Writes through a temporary file in the same folder and renames it into place, so a crash
 * or a full disk never leaves a truncated document under the name the user chose.
 */
export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`,
  );
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/**
 * A plain Uint8Array over exactly the given bytes. Structured cloning sends a view's whole
 * backing store, and small Node Buffers share an 8 KB pool with unrelated data.
 */
export function plainBytes(data: Uint8Array): Uint8Array {
  return data.byteOffset === 0 && data.byteLength === data.buffer.byteLength
    ? new Uint8Array(data.buffer, 0, data.byteLength)
    : new Uint8Array(data);
}
