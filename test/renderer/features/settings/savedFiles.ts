import { setPlatform, type SaveFileRequest } from '@renderer/platform';

/**
 * A browser platform whose "save file" keeps what the app handed over (every save accepted),
 * so a test reads the files the office would have got. `setPlatform(undefined)` undoes it.
 */
export function recordSavedFiles(): SaveFileRequest[] {
  const saved: SaveFileRequest[] = [];
  setPlatform({
    kind: 'browser',
    saveFile: async (request) => {
      saved.push(request);
      return { saved: true };
    },
    printToPdf: async () => ({ saved: false }),
  });
  return saved;
}
