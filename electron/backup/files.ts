/**
 * Files of the backup folders, written so that a crash, a kill -9 or a pulled USB stick
 * never leaves a half-written file under a backup's name: bytes go to a recognisable
 * partial file in the same folder, are fsynced, verified by the caller, renamed into place
 * and the folder is fsynced, so the rename itself survives a power cut.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  mkdir,
  open,
  readdir,
  rename,
  stat,
  statfs,
  unlink,
  type FileHandle,
} from 'node:fs/promises';
import path from 'node:path';
import { isOwnPartial, partialName } from '@shared/backup/names';

/** Makes a rename or a new file in `dir` durable (a no-op where folders cannot be opened). */
export async function fsyncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open a folder as a file; NTFS journals the rename itself.
    const code = (error as { code?: string }).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EACCES' && code !== 'EINVAL')
      throw error;
  } finally {
    await handle?.close();
  }
}

/** A file being written under a partial name in its final folder. */
export class PartialFile {
  readonly path: string;
  readonly dir: string;
  #handle: FileHandle | null;
  #bytes = 0;

  private constructor(dir: string, file: string, handle: FileHandle) {
    this.dir = dir;
    this.path = path.join(dir, file);
    this.#handle = handle;
  }

  /** Creates `.tizilim-partial-<tag>-<random>` in `dir` (never an existing file). */
  static async create(dir: string, deviceTag: string): Promise<PartialFile> {
    const name = partialName(deviceTag, randomBytes(8).toString('hex'));
    const handle = await open(path.join(dir, name), 'wx');
    return new PartialFile(dir, name, handle);
  }

  get bytes(): number {
    return this.#bytes;
  }

  async write(chunk: Uint8Array): Promise<void> {
    const handle = this.#open();
    let written = 0;
    while (written < chunk.byteLength) {
      const { bytesWritten } = await handle.write(chunk, written, chunk.byteLength - written);
      written += bytesWritten;
    }
    this.#bytes += chunk.byteLength;
  }

  /** fsync and close; the file stays under its partial name. */
  async seal(): Promise<void> {
    const handle = this.#open();
    await handle.sync();
    await handle.close();
    this.#handle = null;
  }

  /**
   * Renames the sealed file to `name` in its folder and fsyncs the folder. Never replaces
   * an existing file: a backup is never overwritten.
   */
  async commit(name: string, options: { replace?: boolean } = {}): Promise<string> {
    if (this.#handle !== null) throw new Error('seal() before commit()');
    const target = path.join(this.dir, name);
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    if (exists && options.replace !== true) {
      throw Object.assign(new Error(`${name} exists`), { code: 'EEXIST' });
    }
    await rename(this.path, target);
    await fsyncDir(this.dir);
    return target;
  }

  /** Closes and removes the partial file (after a failure or a cancel). */
  async discard(): Promise<void> {
    const handle = this.#handle;
    this.#handle = null;
    await handle?.close().catch(() => undefined);
    await unlink(this.path).catch(() => undefined);
  }

  #open(): FileHandle {
    if (this.#handle === null) throw new Error('the partial file is closed');
    return this.#handle;
  }
}

/** Removes what a crash of this device left behind in `dir`; other laptops' are left alone. */
export async function removeOwnPartials(
  dir: string,
  deviceTag: string,
  keep: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!isOwnPartial(name, deviceTag) || keep.has(path.join(dir, name))) continue;
    await unlink(path.join(dir, name)).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}

/** A file's bytes as an async iterable of chunks, read as they are needed. */
export async function* readChunks(
  file: string,
  chunkBytes = 1024 * 1024,
): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(file, { highWaterMark: chunkBytes });
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      yield new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    }
  } finally {
    stream.destroy();
  }
}

/** The first bytes of a file (the header of a backup). */
export async function readHead(file: string, bytes: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const out = new Uint8Array(bytes);
    const { bytesRead } = await handle.read(out, 0, bytes, 0);
    return out.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export type StatFs = (dir: string) => Promise<{ bavail: number; bsize: number }>;

/** Free bytes for this user on the disk holding `dir`, or null when it cannot be told. */
export async function freeBytes(dir: string, statFs: StatFs = statfs): Promise<number | null> {
  try {
    const info = await statFs(dir);
    return Number(info.bavail) * Number(info.bsize);
  } catch {
    return null;
  }
}

/** Replaces a small settings file atomically (temp, fsync, rename, fsync of the folder). */
export async function writeSettingsFile(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = await PartialFile.create(path.dirname(file), 'conf');
  try {
    await partial.write(new TextEncoder().encode(text));
    await partial.seal();
    await partial.commit(path.basename(file), { replace: true });
  } catch (error) {
    await partial.discard();
    throw error;
  }
}
