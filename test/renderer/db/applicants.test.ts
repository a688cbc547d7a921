import { searchIndexOf } from '@renderer/db/searchIndex';
import { describe, expect, it } from 'vitest';
import {
  createApplicant,
  createAppeal,
  mergeApplicants,
  RepositoryError,
  updateApplicant,
} from '@renderer/db/repositories';
import { findDuplicateApplicants } from '@renderer/db/queries/applicants';
import { appealHistory } from '@renderer/db/queries/appeals';
import type { TizilimDb } from '@renderer/db/database';
import type { ApplicantInput } from '@shared/domain';
import {
  counts,
  ctxAt,
  deleteFreshDbsAfterEach,
  freshDb,
  kazakhAppeal,
  WRITTEN_CONSENT,
} from './helpers';

let db: TizilimDb;
deleteFreshDbsAfterEach();

const gulnar: ApplicantInput = {
  fullName: 'Сейітқали Гүлнар Маратқызы',
  phones: ['8 701 234 56 78'],
  iin: '061211600012',
  address: { locality: 'Астана', district: '', street: 'Абай көшесі', building: '12', flat: '34' },
  vulnerableCategories: ['large_family'],
  consent: WRITTEN_CONSENT,
};

describe('applicants', () => {
  it('stores phones in E.164 and makes the applicant findable by name words, phone and IIN', async () => {
    db = freshDb();
    const a = await createApplicant(db, gulnar, ctxAt());
    expect(a.phones).toEqual(['+77012345678']);
    // Found by name in any spelling, by phone in any format or its end, and by IIN.
    const search = await searchIndexOf(db).ready();
    for (const q of [
      'сейітқали',
      'Seiitkali Gulnar',
      '77012345678',
      '7012345678',
      '5678',
      '0612116',
    ]) {
      expect(search.searchApplicants(q)?.ids, q).toEqual([a.id]);
    }
  });

  it('rejects a wrong IIN and a phone in an unused block, writing nothing', async () => {
    db = freshDb();
    const error = await createApplicant(
      db,
      { ...gulnar, iin: '061211600013', phones: ['+7 799 123 45 67'] },
      ctxAt(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RepositoryError);
    expect((error as RepositoryError).issues.map((i) => i.path).sort()).toEqual([
      'iin',
      'phones.0',
    ]);
    expect(await db.applicants.count()).toBe(0);
  });

  it('updates an applicant and refuses a stale version', async () => {
    db = freshDb();
    const a = await createApplicant(db, gulnar, ctxAt());
    const b = await updateApplicant(db, a.id, { phones: ['+7 (747) 111-22-33'] }, ctxAt());
    expect(b.phones).toEqual(['+77471112233']);
    expect(b.version).toBe(2);
    await expect(
      updateApplicant(db, a.id, { fullName: 'X' }, ctxAt(), { expectedVersion: 1 }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('finds duplicates by IIN, by a phone written differently, and by name + address', async () => {
    db = freshDb();
    const a = await createApplicant(db, gulnar, ctxAt());
    await createApplicant(db, { fullName: 'Басқа Адам', phones: ['+77015550000'] }, ctxAt());

    const byIin = await findDuplicateApplicants(db, { iin: '061211600012' });
    expect(byIin.map((d) => [d.applicant.id, d.reasons])).toEqual([[a.id, ['iin']]]);

    const byPhone = await findDuplicateApplicants(db, { phones: ['+7 (701) 234-56-78'] });
    expect(byPhone.map((d) => d.applicant.id)).toEqual([a.id]);

    const byNameAddress = await findDuplicateApplicants(db, {
      fullName: 'гүлнар  Маратқызы Сейітқали',
      address: { locality: 'Астана', street: 'Абай', building: '12', flat: '34' },
    });
    expect(byNameAddress.map((d) => d.reasons)).toEqual([['nameAddress']]);

    const all = await findDuplicateApplicants(db, {
      fullName: gulnar.fullName,
      iin: gulnar.iin,
      phones: ['87012345678'],
      address: gulnar.address,
    });
    expect(all[0]?.reasons.sort()).toEqual(['iin', 'nameAddress', 'phone']);

    expect(await findDuplicateApplicants(db, { iin: '061211600012', excludeId: a.id })).toEqual([]);
    expect(
      await findDuplicateApplicants(db, {
        fullName: 'Сейітқали Гүлнар',
        address: { street: 'Кенесары' },
      }),
    ).toEqual([]);
  });

  it('merges a duplicate: appeals move with a merged event, contacts are combined', async () => {
    db = freshDb();
    const keep = await createApplicant(db, gulnar, ctxAt());
    const dup = await createApplicant(
      db,
      {
        fullName: 'Гүлнар Сейітқали',
        phones: ['+77471112233'],
        email: 'gulnar@mail.kz',
        consent: WRITTEN_CONSENT,
      },
      ctxAt(),
    );
    const lead = await createAppeal(db, kazakhAppeal({ applicantId: dup.id }), ctxAt());
    const co = await createAppeal(
      db,
      kazakhAppeal({
        applicantId: keep.id,
        coApplicantIds: [dup.id],
        collective: true,
        signatories: 14,
      }),
      ctxAt(),
    );

    const { applicant, movedAppeals } = await mergeApplicants(
      db,
      { keepId: keep.id, mergeId: dup.id },
      ctxAt(),
    );
    expect(movedAppeals).toBe(2);
    expect(applicant.phones).toEqual(['+77012345678', '+77471112233']);
    expect(applicant.email).toBe('gulnar@mail.kz');
    expect((await db.appeals.get(lead.id))?.applicantId).toBe(keep.id);
    // The kept applicant leads this appeal already, so she is not also its co-applicant.
    expect((await db.appeals.get(co.id))?.coApplicantIds).toEqual([]);
    expect((await appealHistory(db, lead.id)).at(-1)).toMatchObject({
      type: 'merged',
      data: { sourceId: dup.id, targetId: keep.id },
    });
    expect(await db.applicants.get(dup.id)).toMatchObject({ mergedInto: keep.id });
    expect((await db.applicants.get(dup.id))?.deletedAt).not.toBeNull();
    expect(await findDuplicateApplicants(db, { phones: ['+77471112233'] })).toHaveLength(1);
  });

  it('refuses to merge two people with different IINs, or a person into herself, changing nothing', async () => {
    db = freshDb();
    const a = await createApplicant(db, gulnar, ctxAt());
    const b = await createApplicant(
      db,
      { fullName: 'Сейітқали Гүлнар', iin: '900101300007', consent: WRITTEN_CONSENT },
      ctxAt(),
    );
    await createAppeal(db, kazakhAppeal({ applicantId: b.id }), ctxAt());
    const before = await counts(db);
    await expect(
      mergeApplicants(db, { keepId: a.id, mergeId: b.id }, ctxAt()),
    ).rejects.toMatchObject({
      code: 'merge',
      detail: 'merge_iin_conflict',
    });
    await expect(
      mergeApplicants(db, { keepId: a.id, mergeId: a.id }, ctxAt()),
    ).rejects.toMatchObject({
      detail: 'merge_into_self',
    });
    expect(await counts(db)).toEqual(before);
    expect((await db.applicants.get(b.id))?.mergedInto).toBeNull();
  });
});
