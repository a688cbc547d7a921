/**
 * The journal on disk: created atomically (header written, fsynced, renamed into place),
 * then appended entry by entry, each write fsynced before the renderer hears "saved". A
 * write that fails (a full disk) is cut back off, so the file never ends in a half entry
 * that a later append would bury; one torn by a crash is cut off when the file is reopened.
 */
import { open, type FileHandle } from 'node:fs/promises';
import {
  createJournal,
  type JournalAppender,
  type JournalChange,
  type JournalContents,
  type JournalInfo,
  openJournal,
} from '@shared/backup/journal';
import type { BackupLocks, BackupSecret, SlotOptions } from '@shared/backup/keys';
import { withAnySecret } from './errors';
import { PartialFile, readChunks } from './files';

export class JournalFile {
  readonly path: string;
  readonly #handle: FileHandle;
  readonly #appender: JournalAppender;
  #size: number;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(file: string, handle: FileHandle, appender: JournalAppender, size: number) {
    this.path = file;
    this.#handle = handle;
    this.#appender = appender;
    this.#size = size;
  }

  get header() {
    return this.#appender.header;
  }

  get lastSeq(): number | null {
    return this.#appender.lastSeq;
  }

  get entries(): number {
    return this.#appender.entries;
  }

  get bytes(): number {
    return this.#size;
  }

  static async create(
    dir: string,
    name: string,
    tag: string,
    info: JournalInfo,
    locks: BackupLocks,
    options: SlotOptions = {},
  ): Promise<JournalFile> {
    const { prefix, appender } = await createJournal(info, locks, options);
    const partial = await PartialFile.create(dir, tag);
    try {
      await partial.write(prefix);
      await partial.seal();
      const target = await partial.commit(name);
      const handle = await open(target, 'r+');
      return new JournalFile(target, handle, appender, prefix.byteLength);
    } catch (error) {
      await partial.discard();
      throw error;
    }
  }

  /**
   * Opens a journal for reading and appending: verifies every entry with one of the
   * secrets and cuts off a torn tail. Returns the contents read as well.
   */
  static async open(
    file: string,
    secrets: readonly BackupSecret[],
  ): Promise<{ journal: JournalFile; contents: JournalContents }> {
    const contents = await readJournalFile(file, secrets);
    const handle = await open(file, 'r+');
    try {
      if (contents.torn !== null) {
        await handle.truncate(contents.validBytes);
        await handle.sync();
      }
      return {
        journal: new JournalFile(file, handle, contents.appender, contents.validBytes),
        contents,
      };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Appends one entry and fsyncs; returns when the changes are durable. */
  append(changes: readonly JournalChange[]): Promise<void> {
    const run = this.#queue.then(() => this.#append(changes));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #append(changes: readonly JournalChange[]): Promise<void> {
    const { frame, commit } = await this.#appender.encode(changes);
    const start = this.#size;
    try {
      let written = 0;
      while (written < frame.byteLength) {
        const { bytesWritten } = await this.#handle.write(
          frame,
          written,
          frame.byteLength - written,
          start + written,
        );
        written += bytesWritten;
      }
      await this.#handle.sync();
    } catch (error) {
      // Leave no half entry behind: the next append must follow the last good one.
      await this.#handle.truncate(start).catch(() => undefined);
      await this.#handle.sync().catch(() => undefined);
      throw error;
    }
    this.#size = start + frame.byteLength;
    commit();
  }

  async close(): Promise<void> {
    await this.#queue;
    await this.#handle.close();
  }
}

/** Reads a journal with the first secret that opens it. */
export function readJournalFile(
  file: string,
  secrets: readonly BackupSecret[],
): Promise<JournalContents> {
  return withAnySecret(secrets, async (secret) => {
    const opened = await openJournal(readChunks(file));
    try {
      return await opened.unlock(secret);
    } finally {
      await opened.close();
    }
  });
}
