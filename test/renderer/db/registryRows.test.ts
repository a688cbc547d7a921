import { describe, expect, it } from 'vitest';
import {
  createApplicant,
  createAppeal,
  mergeApplicants,
  softDeleteAppeal,
  transitionAppeal,
  updateApplicant,
  updateAppeal,
} from '@renderer/db/repositories';
import type { TizilimDb } from '@renderer/db/database';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, kazakhAppeal, WRITTEN_CONSENT } from './helpers';

let db: TizilimDb;
deleteFreshDbsAfterEach();

describe('registry rows follow every write', () => {
  it('appear on registration and change with edits, transitions, renames, merges and deletion', async () => {
    db = freshDb();
    const gulnar = await createApplicant(
      db,
      { consent: WRITTEN_CONSENT, fullName: 'Сейітқали Гүлнар', phones: ['87012345678'] },
      ctxAt(),
    );
    const appeal = await createAppeal(db, kazakhAppeal({ applicantId: gulnar.id }), ctxAt());
    expect(await db.registryRows.get(appeal.id)).toMatchObject({
      regNo: '2026-0001',
      applicantName: 'Сейітқали Гүлнар',
      subject: 'Ыстық су жоқ',
      status: 'registered',
      decideBy: '2026-12-11',
      locality: 'Астана',
    });

    await updateAppeal(
      db,
      appeal.id,
      { subject: 'Ыстық су мен жылу жоқ', topic: 'housing' },
      ctxAt(),
    );
    await transitionAppeal(db, appeal.id, { type: 'start' }, ctxAt());
    expect(await db.registryRows.get(appeal.id)).toMatchObject({
      subject: 'Ыстық су мен жылу жоқ',
      topic: 'housing',
      status: 'in_progress',
    });

    await updateApplicant(db, gulnar.id, { fullName: 'Сейітқали Гүлнар Маратқызы' }, ctxAt());
    expect((await db.registryRows.get(appeal.id))?.applicantName).toBe(
      'Сейітқали Гүлнар Маратқызы',
    );

    const other = await createApplicant(
      db,
      { consent: WRITTEN_CONSENT, fullName: 'Гүлнар Сейітқали', phones: ['87471112233'] },
      ctxAt(),
    );
    const second = await createAppeal(db, kazakhAppeal({ applicantId: other.id }), ctxAt());
    await mergeApplicants(db, { keepId: gulnar.id, mergeId: other.id }, ctxAt());
    expect(await db.registryRows.get(second.id)).toMatchObject({
      applicantId: gulnar.id,
      applicantName: 'Сейітқали Гүлнар Маратқызы',
    });

    await softDeleteAppeal(db, second.id, 'Қайталама тіркеу', ctxAt());
    expect(await db.registryRows.get(second.id)).toBeUndefined();
    expect(await db.registryRows.count()).toBe(1);
  });
});
