import { searchIndexOf } from '@renderer/db/searchIndex';
import { describe, expect, it } from 'vitest';
import {
  createApplicant,
  createAppeal,
  describeRepositoryError,
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
  rejection,
  russianAppeal,
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

  /** Every applicant, appeal and event as stored: a refused merge leaves all of it as it was. */
  async function everything(target: TizilimDb) {
    return {
      applicants: await target.applicants.toArray(),
      appeals: await target.appeals.toArray(),
      events: await target.events.toArray(),
    };
  }

  it('refuses a merge whose person would have an IIN another live applicant has, changing nothing', async () => {
    db = freshDb();
    const keep = await createApplicant(
      db,
      { fullName: 'Сейітқали Гүлнар', consent: WRITTEN_CONSENT },
      ctxAt(),
    );
    const dup = await createApplicant(db, { ...gulnar, fullName: 'Гүлнар Сейітқали' }, ctxAt());
    await createAppeal(db, kazakhAppeal({ applicantId: dup.id }), ctxAt());
    // A third record with the same IIN (an old import): the merge would make two holders.
    await db.applicants.put({ ...dup, id: 'third-holder', fullName: 'Сейітқали Г.' });
    const before = await everything(db);
    const error = await rejection(
      mergeApplicants(db, { keepId: keep.id, mergeId: dup.id }, ctxAt()),
    );
    expect(error).toMatchObject({ code: 'merge', detail: 'merge_iin_taken' });
    expect(describeRepositoryError(error, 'kk').message).toContain(
      'бір ЖСН бір ғана өтініш берушіде',
    );
    expect(describeRepositoryError(error, 'ru').message).toContain(
      'один ИИН — только у одного заявителя',
    );
    expect(await everything(db)).toEqual(before);
  });

  it('refuses to move appeals to a person without recorded consent, changing nothing', async () => {
    db = freshDb();
    const keep = await createApplicant(
      db,
      { fullName: 'Нұрлан Әбенов', phones: ['+77051234567'] },
      ctxAt(),
    );
    const dup = await createApplicant(
      db,
      { fullName: 'Нурлан Абенов', consent: WRITTEN_CONSENT },
      ctxAt(),
    );
    await createAppeal(db, russianAppeal({ applicantId: dup.id }), ctxAt());
    // Consent withdrawn afterwards: neither record has it now.
    await updateApplicant(db, dup.id, { consent: null }, ctxAt());
    const before = await everything(db);
    const error = await rejection(
      mergeApplicants(db, { keepId: keep.id, mergeId: dup.id }, ctxAt()),
    );
    expect(error).toMatchObject({ code: 'merge', detail: 'merge_consent_required' });
    expect(describeRepositoryError(error, 'ru').message).toContain('нет согласия');
    expect(describeRepositoryError(error, 'kk').message).toContain('келісімі жазылмаған');
    expect(await everything(db)).toEqual(before);
  });

  it('takes the consent the duplicate has when the one who stays has none', async () => {
    db = freshDb();
    const keep = await createApplicant(db, { fullName: 'Нұрлан Әбенов' }, ctxAt());
    const dup = await createApplicant(
      db,
      { fullName: 'Нурлан Абенов', consent: WRITTEN_CONSENT },
      ctxAt(),
    );
    const appeal = await createAppeal(db, russianAppeal({ applicantId: dup.id }), ctxAt());
    const { applicant } = await mergeApplicants(db, { keepId: keep.id, mergeId: dup.id }, ctxAt());
    expect(applicant.consent).toEqual(WRITTEN_CONSENT);
    expect((await db.appeals.get(appeal.id))?.applicantId).toBe(keep.id);
  });

  it('refuses a merge with a record merged already (no chains, no cycles), changing nothing', async () => {
    db = freshDb();
    const a = await createApplicant(
      db,
      { fullName: 'Айгүл Серікова', consent: WRITTEN_CONSENT },
      ctxAt(),
    );
    const b = await createApplicant(
      db,
      { fullName: 'Айгуль Серикова', consent: WRITTEN_CONSENT },
      ctxAt(),
    );
    const c = await createApplicant(
      db,
      { fullName: 'Серікова Айгүл', consent: WRITTEN_CONSENT },
      ctxAt(),
    );
    await mergeApplicants(db, { keepId: a.id, mergeId: b.id }, ctxAt());
    const before = await everything(db);
    for (const pair of [
      { keepId: b.id, mergeId: c.id },
      { keepId: c.id, mergeId: b.id },
      { keepId: b.id, mergeId: a.id },
    ]) {
      const error = await rejection(mergeApplicants(db, pair, ctxAt()));
      expect(error).toMatchObject({ code: 'merge', detail: 'merge_already_merged' });
      expect(describeRepositoryError(error, 'kk').message).toContain('біріктіріліп қойған');
    }
    expect(await everything(db)).toEqual(before);
  });

  it('the appeal form refuses a new person without consent before storing anything', async () => {
    db = freshDb();
    const before = await everything(db);
    const error = await rejection(
      createApplicant(db, { ...gulnar, consent: null }, ctxAt(), { forAppeal: true }),
    );
    expect(error.issues).toEqual([{ path: 'consentGiven', code: 'consent_before_storing' }]);
    expect(describeRepositoryError(error, 'kk').fields.consentGiven).toContain(
      'жазбаша келісіммен',
    );
    expect(describeRepositoryError(error, 'ru').fields.consentGiven).toContain('анонимно');
    expect(await everything(db)).toEqual(before);
    // With consent the same person is stored.
    const stored = await createApplicant(db, gulnar, ctxAt(), { forAppeal: true });
    expect(stored.consent).toEqual(WRITTEN_CONSENT);
  });
});
