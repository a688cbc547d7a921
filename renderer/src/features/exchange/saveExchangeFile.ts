import { getPlatform } from '@renderer/platform';

/** Hands a written package or receipt to the user to save (a save dialog, or a download). */
export async function saveExchangeFile(written: {
  fileName: string;
  bytes: Uint8Array;
}): Promise<boolean> {
  const result = await getPlatform().saveFile({
    fileName: written.fileName,
    mimeType: 'application/octet-stream',
    data: written.bytes as Uint8Array<ArrayBuffer>,
  });
  return result.saved;
}
