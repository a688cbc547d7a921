import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppeal, createApplicant, RepositoryError } from '@renderer/db/repositories';
import { writeLostKind } from '@renderer/backup/storage';
import { describeWriteError, lostWriteCode, showError, toFormError } from '@renderer/ui/errors';
import {
  ctxAt,
  deleteFreshDbsAfterEach,
  freshDb,
  kazakhAppeal,
  WRITTEN_CONSENT,
} from '../db/helpers';
import { fillTheDisk } from '../diskFull';

deleteFreshDbsAfterEach();
let disk: ReturnType<typeof fillTheDisk> | null = null;
afterEach(() => {
  disk?.free();
  disk = null;
});

/** What a repository write throws while the disk is full (and the tables after it). */
async function failedWrite(errorName: 'QuotaExceededError' | 'AbortError') {
  const db = freshDb();
  const ctx = ctxAt();
  await createAppeal(db, kazakhAppeal({ subject: 'Бұрынғы өтініш' }), ctx);
  const before = { appeals: await db.appeals.count(), events: await db.events.count() };
  disk = fillTheDisk(errorName);
  const error = await createAppeal(db, kazakhAppeal({ subject: 'Жаңа өтініш' }), ctx).then(
    () => null,
    (e: unknown) => e,
  );
  disk.free();
  const after = { appeals: await db.appeals.count(), events: await db.events.count() };
  return { db, ctx, error, before, after };
}

describe('a repository write on a full disk', () => {
  it('whose database Chromium closed and no longer opens is not saved, and the form keeps it', async () => {
    // Chromium on a full disk may close the database; Dexie then opens it again for the next
    // write, and the open fails ("Internal error opening backing store", an UnknownError).
    const db = freshDb();
    await db.open();
    db.close();
    const closed = await createAppeal(db, kazakhAppeal(), ctxAt()).then(
      () => null,
      (e: unknown) => e,
    );
    expect((closed as Error).name).toBe('DatabaseClosedError');
    // Dexie's error for a failed open, with the browser's error inside it (`inner`).
    const openFailed = Object.assign(
      new Error('UnknownError Internal error opening backing store'),
      {
        name: 'OpenFailedError',
        inner: new DOMException(
          'Internal error opening backing store for indexedDB.open.',
          'UnknownError',
        ),
      },
    );
    for (const error of [closed, openFailed]) {
      expect(writeLostKind(error)).toBe('aborted');
      expect(toFormError(error)).toEqual({
        kind: 'code',
        code: 'not_saved_aborted_form',
        field: undefined,
      });
    }
    expect(writeLostKind(new TypeError('x is undefined'))).toBeNull();
  });

  it('is recognised through Dexie as the disk being full, and nothing of it is stored', async () => {
    const { error, before, after } = await failedWrite('QuotaExceededError');
    expect(error).not.toBeNull();
    expect(error).not.toBeInstanceOf(RepositoryError);
    expect(writeLostKind(error)).toBe('disk_full');
    expect(after).toEqual(before);
  });

  it('is shown as not saved, in Kazakh and Russian, saying the form keeps the text', async () => {
    const { error } = await failedWrite('QuotaExceededError');
    const formError = toFormError(error);
    expect(formError).toEqual({ kind: 'code', code: 'not_saved_disk_full_form', field: undefined });
    const t = i18next.t.bind(i18next);
    expect(showError(formError, 'kk', t, ['subject'])).toEqual({
      message:
        'Сақталмады: дискіде бос орын жоқ. Орын босатып, қайта сақтаңыз — енгізгеніңіз формада тұр',
      fields: {},
    });
    expect(showError(formError, 'ru', t, []).message).toBe(
      'Не сохранено: на диске нет свободного места. Освободите место и сохраните ещё раз — введённое осталось в форме',
    );
    // A button with no form behind it does not promise a kept text.
    expect(describeWriteError(error, 'ru', false)).toEqual({
      message: 'Не сохранено: на диске нет свободного места. Освободите место и повторите',
      fields: {},
    });
  });

  it('an aborted write is not saved either, and says the usual reason', async () => {
    const { error, before, after } = await failedWrite('AbortError');
    expect(writeLostKind(error)).toBe('aborted');
    expect(lostWriteCode(error, true)).toBe('not_saved_aborted_form');
    expect(describeWriteError(error, 'kk', true)?.message).toMatch(
      /^Сақталмады: дерекқор жазбаны қабылдамады \(көбіне дискіде орын жетпегендіктен\)/,
    );
    expect(after).toEqual(before);
  });

  it('the same write goes through once space is freed', async () => {
    const { db, ctx } = await failedWrite('QuotaExceededError');
    const person = await createApplicant(
      db,
      { fullName: 'Ержан Серікұлы', consent: WRITTEN_CONSENT },
      ctx,
    );
    await createAppeal(db, kazakhAppeal({ subject: 'Жаңа өтініш', applicantId: person.id }), ctx);
    expect(await db.appeals.count()).toBe(2);
  });

  it('leaves refusals and other errors as they were', () => {
    const refusal = new RepositoryError('conflict', 'edit_conflict');
    expect(lostWriteCode(refusal, true)).toBeNull();
    expect(describeWriteError(refusal, 'ru', true)?.message).toMatch(/другой сотрудник/);
    expect(describeWriteError(new TypeError('x is undefined'), 'kk', true)).toBeNull();
    expect(toFormError(new Error('QuotaExceededError')).kind).toBe('unexpected');
  });
});
