import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeSettingsFile } from './files';

/** Where the office's chosen backup folder is remembered, as `{ "folder": "..." }`. */
export class BackupFolderStore {
  readonly #file: string;

  constructor(settingsFile: string) {
    this.#file = settingsFile;
  }

  async get(): Promise<string | null> {
    let text: string;
    try {
      text = await readFile(this.#file, 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      const folder =
        typeof parsed === 'object' && parsed !== null && 'folder' in parsed ? parsed.folder : null;
      return typeof folder === 'string' && path.isAbsolute(folder) ? folder : null;
    } catch {
      return null;
    }
  }

  async set(folder: string): Promise<void> {
    await writeSettingsFile(this.#file, JSON.stringify({ folder }, null, 2));
  }
}
