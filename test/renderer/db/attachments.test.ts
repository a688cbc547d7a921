import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TizilimDb } from '@renderer/db/database';
import { createAppeal, describeRepositoryError } from '@renderer/db/repositories';
import { appealHistory } from '@renderer/db/queries/appeals';
import {
  addAttachment,
  addAttachments,
  createAppealWithAttachments,
  fitFileName,
  MAX_ATTACHMENT_BYTES,
  removeAttachment,
  updateAppealWithAttachments,
  type NewAttachmentFile,
} from '@renderer/db/repositories/attachments';
import {
  ctxAt,
  deleteFreshDbsAfterEach,
  freshDb,
  kazakhAppeal,
  rejection,
  rowsOf,
} from './helpers';

/**
 * What is stored: the app hands IndexedDB the browser's File/Blob (Chromium keeps it as a
 * Blob; the e2e test checks that). Under jsdom, fake-indexeddb's structured clone silently
 * turns jsdom's Blob into an empty object, so these tests store bytes instead (a Uint8Array,
 * which every IndexedDB clones); the attachment schema only requires the file to be present,
 * so it accepts both.
 */
function file(name: string, text: string, mimeType = 'application/pdf'): NewAttachmentFile {
  const bytes = new TextEncoder().encode(text);
  return { fileName: name, mimeType, size: bytes.byteLength, blob: bytes };
}

let db: TizilimDb;
deleteFreshDbsAfterEach();
afterEach(() => {
  vi.restoreAllMocks();
});

function snapshot(db: TizilimDb) {
  return rowsOf(db, 'appeals', 'attachments', 'events', 'counters', 'registryRows');
}

describe('addAttachment', () => {
  it('writes the file, the appeal’s attachmentIds and an attachmentAdded event together', async () => {
    db = freshDb();
    const appeal = await createAppeal(db, kazakhAppeal(), ctxAt());
    const stored = await addAttachment(db, appeal.id, file('арыз-скан.pdf', '%PDF-1.4 …'), ctxAt());

    expect(stored).toMatchObject({
      appealId: appeal.id,
      inquiryId: null,
      fileName: 'арыз-скан.pdf',
      mimeType: 'application/pdf',
      size: 12,
      createdBy: 'aigerim',
      version: 1,
      deletedAt: null,
    });
    const saved = await db.attachments.get(stored.id);
    expect(new TextDecoder().decode(saved!.blob as Uint8Array)).toBe('%PDF-1.4 …');

    const after = await db.appeals.get(appeal.id);
    expect(after!.attachmentIds).toEqual([stored.id]);
    expect(after!.version).toBe(2);
    const history = await appealHistory(db, appeal.id);
    expect(history.map((e) => e.type)).toEqual(['created', 'attachmentAdded']);
    expect(history[1]).toMatchObject({
      userId: 'aigerim',
      data: { attachmentId: stored.id, fileName: 'арыз-скан.pdf' },
    });
  });

  it('adds several files with one version step and one event each', async () => {
    db = freshDb();
    const appeal = await createAppeal(db, kazakhAppeal(), ctxAt());
    const { appeal: after, attachments } = await addAttachments(
      db,
      appeal.id,
      [file('фото-1.jpg', 'jpeg', 'image/jpeg'), file('фото-2.jpg', 'jpeg', 'image/jpeg')],
      ctxAt(),
    );
    expect(after.version).toBe(2);
    expect(after.attachmentIds).toEqual(attachments.map((a) => a.id));
    const events = (await appealHistory(db, appeal.id)).filter((e) => e.type === 'attachmentAdded');
    expect(events).toHaveLength(2);
  });

  it('writes nothing when the event cannot be stored (one transaction)', async () => {
    db = freshDb();
    const appeal = await createAppeal(db, kazakhAppeal(), ctxAt());
    const before = await snapshot(db);
    vi.spyOn(db.events, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(addAttachment(db, appeal.id, file('скан.pdf', 'pdf'), ctxAt())).rejects.toThrow(
      'disk full',
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a missing appeal, a file over the limit and a file without a name, writing nothing', async () => {
    db = freshDb();
    const appeal = await createAppeal(db, kazakhAppeal(), ctxAt());
    const before = await snapshot(db);

    const missing = await rejection(
      addAttachment(db, '01938a4e-0000-7000-8000-000000000000', file('a.pdf', 'x'), ctxAt()),
    );
    expect(missing.code).toBe('not_found');

    const big = await rejection(
      addAttachment(
        db,
        appeal.id,
        { ...file('үлкен.pdf', 'x'), size: MAX_ATTACHMENT_BYTES + 1 },
        ctxAt(),
      ),
    );
    expect(big.issues).toEqual([{ path: 'attachments.0', code: 'file_too_large' }]);

    const unnamed = await rejection(addAttachment(db, appeal.id, file('   ', 'x'), ctxAt()));
    expect(unnamed.issues).toEqual([{ path: 'attachments.0.fileName', code: 'required' }]);
    expect(describeRepositoryError(unnamed, 'ru').fields['attachments.0.fileName']).toBe(
      'Заполните это поле',
    );

    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps the extension of a file name longer than the stored limit', async () => {
    const long = `${'ұзын-атау-'.repeat(40)}.pdf`;
    const fitted = fitFileName(long);
    expect(fitted).toHaveLength(255);
    expect(fitted.endsWith('.pdf')).toBe(true);
    expect(fitFileName('  скан.pdf ')).toBe('скан.pdf');
  });
});

describe('removeAttachment', () => {
  it('soft-deletes the file and records the change on the appeal', async () => {
    db = freshDb();
    const appeal = await createAppeal(db, kazakhAppeal(), ctxAt());
    const stored = await addAttachment(db, appeal.id, file('қате-файл.pdf', 'x'), ctxAt());
    const after = await removeAttachment(db, stored.id, ctxAt());

    expect(after.attachmentIds).toEqual([]);
    expect((await db.attachments.get(stored.id))!.deletedAt).not.toBeNull();
    const last = (await appealHistory(db, appeal.id)).at(-1)!;
    expect(last).toMatchObject({
      type: 'fieldChanged',
      note: 'қате-файл.pdf',
      data: { changes: [{ field: 'attachmentIds', from: [stored.id], to: [] }] },
    });
    expect((await rejection(removeAttachment(db, stored.id, ctxAt()))).code).toBe('not_found');
  });
});

describe('createAppealWithAttachments', () => {
  it('registers the appeal and stores its files in one go', async () => {
    db = freshDb();
    const { appeal, attachments } = await createAppealWithAttachments(
      db,
      kazakhAppeal(),
      [file('фото.png', 'png', 'image/png'), file('хат.pdf', 'pdf')],
      ctxAt(),
    );
    expect(appeal.regNo).toBe('2026-0001');
    expect(appeal.attachmentIds).toEqual(attachments.map((a) => a.id));
    expect((await db.appeals.get(appeal.id))!.attachmentIds).toHaveLength(2);
    expect(attachments.every((a) => a.appealId === appeal.id)).toBe(true);
    const history = await appealHistory(db, appeal.id);
    expect(history.map((e) => e.type)).toEqual(['created', 'attachmentAdded', 'attachmentAdded']);
  });

  it('without files is a plain registration', async () => {
    db = freshDb();
    const { appeal, attachments } = await createAppealWithAttachments(
      db,
      kazakhAppeal(),
      [],
      ctxAt(),
    );
    expect(attachments).toEqual([]);
    expect(appeal.version).toBe(1);
  });

  it('a file that cannot be stored leaves no appeal and burns no registry number', async () => {
    db = freshDb();
    const before = await snapshot(db);
    vi.spyOn(db.attachments, 'bulkAdd').mockRejectedValueOnce(new Error('quota exceeded'));
    await expect(
      createAppealWithAttachments(db, kazakhAppeal(), [file('скан.pdf', 'pdf')], ctxAt()),
    ).rejects.toThrow('quota exceeded');
    expect(await snapshot(db)).toEqual(before);

    const tooBig = { ...file('үлкен.pdf', 'x'), size: MAX_ATTACHMENT_BYTES + 1 };
    await rejection(createAppealWithAttachments(db, kazakhAppeal(), [tooBig], ctxAt()));
    expect(await snapshot(db)).toEqual(before);

    const { appeal } = await createAppealWithAttachments(db, kazakhAppeal(), [], ctxAt());
    expect(appeal.regNo).toBe('2026-0001');
  });
});

describe('updateAppealWithAttachments', () => {
  it('saves the edit, removes and adds files in one transaction', async () => {
    db = freshDb();
    const { appeal, attachments } = await createAppealWithAttachments(
      db,
      kazakhAppeal(),
      [file('ескі.pdf', 'old')],
      ctxAt(),
    );
    const { appeal: after } = await updateAppealWithAttachments(
      db,
      appeal.id,
      { subject: 'Ыстық су әлі жоқ' },
      { add: [file('жаңа.pdf', 'new')], remove: [attachments[0]!.id] },
      ctxAt(),
      { expectedVersion: appeal.version },
    );
    expect(after.subject).toBe('Ыстық су әлі жоқ');
    expect(after.attachmentIds).toHaveLength(1);
    expect(after.attachmentIds[0]).not.toBe(attachments[0]!.id);
    const types = (await appealHistory(db, appeal.id)).map((e) => e.type);
    expect(types).toEqual([
      'created',
      'attachmentAdded',
      'fieldChanged',
      'fieldChanged',
      'attachmentAdded',
    ]);
  });

  it('an edit conflict stores neither the edit nor the files', async () => {
    db = freshDb();
    const { appeal } = await createAppealWithAttachments(db, kazakhAppeal(), [], ctxAt());
    const before = await snapshot(db);
    const error = await rejection(
      updateAppealWithAttachments(
        db,
        appeal.id,
        { subject: 'Басқа' },
        { add: [file('жаңа.pdf', 'new')], remove: [] },
        ctxAt(),
        { expectedVersion: appeal.version + 1 },
      ),
    );
    expect(error.code).toBe('conflict');
    expect(await snapshot(db)).toEqual(before);
  });
});
