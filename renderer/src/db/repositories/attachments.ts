import {
  appealSchema,
  attachmentSchema,
  makeEvent,
  newBaseFields,
  type Appeal,
  type AppealInput,
  type Attachment,
} from '@shared/domain';
import { newId } from '@shared/ids';
import type { TizilimDb } from '../database';
import { appealTables, createAppeal, storeAppeal, updateAppeal, type AppealPatch } from './appeals';
import { stamp, type Stamp, type WriteContext } from './context';
import { numberingTables } from './numbering';
import { notFound, parseOrThrow, RepositoryError } from './errors';
import { nextVersion, softDeleted } from './records';

/** The largest file the office may attach: scans and phone photos fit easily. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** Longest stored file name (the schema's limit); longer names keep their extension. */
const MAX_FILE_NAME = 255;

/**
 * A file to attach. The app passes the browser's File or Blob, which IndexedDB stores as is;
 * tests in Node pass bytes (Uint8Array/ArrayBuffer), which the schema accepts as well.
 */
export interface NewAttachmentFile {
  fileName: string;
  mimeType: string;
  size: number;
  blob: Blob | ArrayBuffer | ArrayBufferView;
}

/** Message code of a file that is larger than MAX_ATTACHMENT_BYTES (shown by the form). */
export const FILE_TOO_LARGE = 'file_too_large';

/** Shortens a file name to the stored limit, keeping its extension (`…скан.pdf`). */
export function fitFileName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length <= MAX_FILE_NAME) return trimmed;
  const dot = trimmed.lastIndexOf('.');
  const ext = dot > 0 && trimmed.length - dot <= 16 ? trimmed.slice(dot) : '';
  return trimmed.slice(0, MAX_FILE_NAME - ext.length) + ext;
}

/** Builds validated attachment records before any transaction starts. */
function attachmentRecords(
  appealId: string,
  files: readonly NewAttachmentFile[],
  ctx: WriteContext,
  time: Stamp,
): Attachment[] {
  return files.map((file, i) => {
    if (file.size > MAX_ATTACHMENT_BYTES) {
      throw new RepositoryError('validation', null, [
        { path: `attachments.${String(i)}`, code: FILE_TOO_LARGE },
      ]);
    }
    try {
      return parseOrThrow(attachmentSchema, {
        ...newBaseFields({ id: newId(), now: time.iso, userId: ctx.userId }),
        appealId,
        inquiryId: null,
        fileName: fitFileName(file.fileName),
        mimeType: file.mimeType,
        size: file.size,
        blob: file.blob,
      });
    } catch (error) {
      // Report which file was refused, so the form can point at it.
      if (error instanceof RepositoryError) {
        throw new RepositoryError(
          error.code,
          error.detail,
          error.issues.map((issue) => ({
            ...issue,
            path: `attachments.${String(i)}.${issue.path}`,
          })),
        );
      }
      throw error;
    }
  });
}

/** Writes prepared records, the appeal's attachmentIds and one event per file. */
async function storeAttachments(
  db: TizilimDb,
  appealId: string,
  records: readonly Attachment[],
  ctx: WriteContext,
  time: Stamp,
): Promise<Appeal> {
  const current = await db.appeals.get(appealId);
  if (!current || current.deletedAt !== null) throw notFound();
  if (records.length === 0) return current;
  await db.attachments.bulkAdd([...records]);
  const appeal = parseOrThrow(
    appealSchema,
    nextVersion(
      current,
      { attachmentIds: [...current.attachmentIds, ...records.map((r) => r.id)] },
      time,
      ctx.userId,
    ),
  );
  await storeAppeal(db, appeal);
  await db.events.bulkAdd(
    records.map((record) =>
      makeEvent({
        appealId,
        type: 'attachmentAdded',
        data: { attachmentId: record.id, fileName: record.fileName },
        now: time.iso,
        userId: ctx.userId,
      }),
    ),
  );
  return appeal;
}

/** The tables a transaction that attaches files must cover. */
export function attachmentTables(db: TizilimDb) {
  return [...appealTables(db), db.attachments];
}

/**
 * Attaches files to an appeal: the attachment records, the appeal's `attachmentIds` and an
 * `attachmentAdded` event per file are written in one transaction, or nothing is.
 */
export async function addAttachments(
  db: TizilimDb,
  appealId: string,
  files: readonly NewAttachmentFile[],
  ctx: WriteContext,
): Promise<{ appeal: Appeal; attachments: Attachment[] }> {
  const time = stamp(ctx);
  const records = attachmentRecords(appealId, files, ctx, time);
  return db.transaction('rw', attachmentTables(db), async () => {
    const appeal = await storeAttachments(db, appealId, records, ctx, time);
    return { appeal, attachments: records };
  });
}

/** One file: see `addAttachments`. */
export async function addAttachment(
  db: TizilimDb,
  appealId: string,
  file: NewAttachmentFile,
  ctx: WriteContext,
): Promise<Attachment> {
  const { attachments } = await addAttachments(db, appealId, [file], ctx);
  return attachments[0]!;
}

/**
 * Takes a file off an appeal. The record is soft-deleted (history never loses what was
 * attached) and the change of `attachmentIds` is an ordinary `fieldChanged` event naming
 * the file.
 */
export async function removeAttachment(
  db: TizilimDb,
  attachmentId: string,
  ctx: WriteContext,
): Promise<Appeal> {
  const time = stamp(ctx);
  return db.transaction('rw', attachmentTables(db), async () => {
    const attachment = await db.attachments.get(attachmentId);
    if (!attachment || attachment.deletedAt !== null || attachment.appealId === null) {
      throw notFound();
    }
    const current = await db.appeals.get(attachment.appealId);
    if (!current || current.deletedAt !== null) throw notFound();
    await db.attachments.put(softDeleted(attachment, time, ctx.userId));
    const attachmentIds = current.attachmentIds.filter((id) => id !== attachmentId);
    const appeal = parseOrThrow(
      appealSchema,
      nextVersion(current, { attachmentIds }, time, ctx.userId),
    );
    await storeAppeal(db, appeal);
    await db.events.add(
      makeEvent({
        appealId: appeal.id,
        type: 'fieldChanged',
        data: {
          changes: [{ field: 'attachmentIds', from: current.attachmentIds, to: attachmentIds }],
        },
        now: time.iso,
        userId: ctx.userId,
        note: attachment.fileName,
      }),
    );
    return appeal;
  });
}

/**
 * Registers a new appeal together with the files chosen on its form: the appeal (with its
 * number and `created` event) and every attachment are stored in one transaction, so a file
 * that cannot be stored leaves no half-registered appeal and burns no registry number.
 */
export async function createAppealWithAttachments(
  db: TizilimDb,
  input: AppealInput,
  files: readonly NewAttachmentFile[],
  ctx: WriteContext,
): Promise<{ appeal: Appeal; attachments: Attachment[] }> {
  const time = stamp(ctx);
  // Validate the files before anything is written (the real appeal id is filled in below).
  attachmentRecords(newId(), files, ctx, time);
  return db.transaction('rw', [...attachmentTables(db), ...numberingTables(db)], async () => {
    const created = await createAppeal(db, { ...input, attachmentIds: [] }, ctx);
    const records = attachmentRecords(created.id, files, ctx, time);
    const appeal = await storeAttachments(db, created.id, records, ctx, time);
    return { appeal, attachments: records };
  });
}

/**
 * Saves an edited appeal with its file changes in one transaction: the field edit (one
 * `fieldChanged` event), files taken off, files added.
 */
export async function updateAppealWithAttachments(
  db: TizilimDb,
  appealId: string,
  patch: AppealPatch,
  files: { add: readonly NewAttachmentFile[]; remove: readonly string[] },
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<{ appeal: Appeal; attachments: Attachment[] }> {
  const time = stamp(ctx);
  const records = attachmentRecords(appealId, files.add, ctx, time);
  return db.transaction('rw', [...attachmentTables(db), db.settings], async () => {
    await updateAppeal(db, appealId, patch, ctx, options);
    for (const id of files.remove) {
      const attachment = await db.attachments.get(id);
      if (attachment?.appealId !== appealId) throw notFound();
      await removeAttachment(db, id, ctx);
    }
    const appeal = await storeAttachments(db, appealId, records, ctx, time);
    return { appeal, attachments: records };
  });
}
