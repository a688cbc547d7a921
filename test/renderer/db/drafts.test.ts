import { describe, expect, it } from 'vitest';
import { discardDraft, listDrafts, loadDraft, saveDraft } from '@renderer/db/repositories';
import type { TizilimDb } from '@renderer/db/database';
import { deleteFreshDbsAfterEach, freshDb } from './helpers';

let db: TizilimDb;
deleteFreshDbsAfterEach();

describe('drafts', () => {
  it('keeps one draft per form instance, replaced on every save, until discarded', async () => {
    db = freshDb();
    const first = await saveDraft(db, {
      kind: 'appeal',
      key: 'new',
      data: { text: 'Біздің үйде' },
    });
    const second = await saveDraft(db, {
      kind: 'appeal',
      key: 'new',
      data: { text: 'Біздің үйде ыстық су жоқ' },
    });
    expect(second.id).toBe(first.id);
    expect((await loadDraft(db, 'appeal', 'new'))?.data).toEqual({
      text: 'Біздің үйде ыстық су жоқ',
    });

    await saveDraft(db, { kind: 'intake', key: 'reception-1:3', data: { text: 'Жол жөндеу' } });
    expect((await listDrafts(db, 'appeal')).map((d) => d.key)).toEqual(['new']);

    await discardDraft(db, 'appeal', 'new');
    expect(await loadDraft(db, 'appeal', 'new')).toBeUndefined();
    expect(await loadDraft(db, 'intake', 'reception-1:3')).toBeDefined();
  });

  it('refuses a draft without a kind and stores nothing', async () => {
    db = freshDb();
    await expect(saveDraft(db, { kind: '', key: 'new', data: {} })).rejects.toMatchObject({
      code: 'validation',
    });
    expect(await db.drafts.count()).toBe(0);
  });
});
