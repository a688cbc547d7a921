import { searchIndexOf } from '@renderer/db/searchIndex';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createApplicant,
  createAppeal,
  mergeApplicants,
  RepositoryError,
  softDeleteAppeal,
  updateApplicant,
} from '@renderer/db/repositories';
import { findDuplicateApplicants } from '@renderer/db/queries/applicants';
import { appealHistory } from '@renderer/db/queries/appeals';
import { anonymiseApplicant } from '@renderer/db/repositories/anonymise';
import type { TizilimDb } from '@renderer/db/database';
import type { ApplicantInput } from '@shared/domain';
import {
  ctxAt,
  deleteFreshDbsAfterEach,
  failingWrites,
  freshDb,
  kazakhAppeal,
  rowsOf,
  russianAppeal,
  WRITTEN_CONSENT,
} from './helpers';

let db: TizilimDb;
deleteFreshDbsAfterEach();
afterEach(() => {
  vi.restoreAllMocks();
});

const LATER = new Date('2026-12-01T06:30:00Z');

const gulnar: ApplicantInput = {
  fullName: 'Сейітқали Гүлнар Маратқызы',
  phones: ['8 701 234 56 78', '+7 747 111 22 33'],
  iin: '061211600012',
  email: 'gulnar@mail.kz',
  address: { locality: 'Астана', district: 'Сарыарқа', street: 'Абай', building: '12', flat: '34' },
  preferredLanguage: 'kk',
  preferredChannel: 'whatsapp',
  vulnerableCategories: ['large_family', 'low_income'],
  consent: { given: true, date: '2026-11-20', form: 'written' },
};

/** Gulnar leads two appeals and co-signs a third; someone else leads that one. */
async function office() {
  const a = await createApplicant(db, gulnar, ctxAt());
  const other = await createApplicant(
    db,
    { consent: WRITTEN_CONSENT, fullName: 'Иванов Пётр', phones: ['87015550000'] },
    ctxAt(),
  );
  const first = await createAppeal(db, kazakhAppeal({ applicantId: a.id }), ctxAt());
  const second = await createAppeal(db, russianAppeal({ applicantId: a.id }), ctxAt());
  const co = await createAppeal(
    db,
    kazakhAppeal({
      applicantId: other.id,
      coApplicantIds: [a.id],
      collective: true,
      signatories: 12,
    }),
    ctxAt(),
  );
  return { a, other, first, second, co };
}

function snapshot() {
  return rowsOf(db, 'counters', 'applicants', 'registryRows', 'appeals', 'events', 'changes');
}

describe('anonymiseApplicant', () => {
  it('erases the personal fields and keeps the categories, language and consent', async () => {
    db = freshDb();
    const { a } = await office();
    const { applicant, appeals, duplicates } = await anonymiseApplicant(
      db,
      a.id,
      { reason: '  Азаматтың 2026-12-01 жазбаша өтініші  ' },
      ctxAt(LATER, 'serik'),
    );
    expect(appeals).toBe(3);
    expect(duplicates).toBe(0);
    expect(applicant).toMatchObject({
      id: a.id,
      fullName: '',
      iin: null,
      phones: [],
      email: null,
      address: { locality: '', district: '', street: '', building: '', flat: '' },
      preferredChannel: null,
      anonymisedAt: LATER.toISOString(),
      // Kept: they feed statistics and identify nobody on their own.
      vulnerableCategories: ['large_family', 'low_income'],
      preferredLanguage: 'kk',
      consent: { given: true, date: '2026-11-20', form: 'written' },
      version: a.version + 1,
      updatedBy: 'serik',
      deletedAt: null,
      mergedInto: null,
    });
    expect(await db.applicants.get(a.id)).toEqual(applicant);
  });

  it('writes an applicantAnonymised event with the reason on every appeal, lead or co-applicant', async () => {
    db = freshDb();
    const { a, first, second, co } = await office();
    await anonymiseApplicant(db, a.id, { reason: 'Өтініш бойынша' }, ctxAt(LATER, 'serik'));
    for (const appeal of [first, second, co]) {
      const last = (await appealHistory(db, appeal.id)).at(-1);
      expect(last).toMatchObject({
        type: 'applicantAnonymised',
        data: { applicantId: a.id },
        note: 'Өтініш бойынша',
        userId: 'serik',
        at: LATER.toISOString(),
      });
    }
    expect(await db.events.where('type').equals('applicantAnonymised').count()).toBe(3);
  });

  it('empties the name in the registry rows of their appeals and leaves the appeals as they were', async () => {
    db = freshDb();
    const { a, other, first, second, co } = await office();
    const appealsBefore = await db.appeals.toArray();
    await anonymiseApplicant(db, a.id, { reason: 'Өтініш бойынша' }, ctxAt(LATER));
    expect((await db.registryRows.get(first.id))?.applicantName).toBe('');
    expect((await db.registryRows.get(second.id))?.applicantName).toBe('');
    // Gulnar only co-signed this one: the lead's name stays.
    expect((await db.registryRows.get(co.id))?.applicantName).toBe(other.fullName);
    expect(await db.registryRows.get(first.id)).toMatchObject({
      regNo: first.regNo,
      subject: first.subject,
      status: 'registered',
      applicantId: a.id,
    });
    // Appeals, their texts and statistics are untouched.
    expect(await db.appeals.toArray()).toEqual(appealsBefore);
  });

  it('makes the person unfindable by name, phone or IIN', async () => {
    db = freshDb();
    const { a } = await office();
    await anonymiseApplicant(db, a.id, { reason: 'Өтініш бойынша' }, ctxAt(LATER));
    const search = await searchIndexOf(db).ready();
    for (const q of ['сейіт', 'Seiit', '2345678', '061211600012']) {
      expect(search.searchApplicants(q)?.ids, q).not.toContain(a.id);
    }
    expect(
      await findDuplicateApplicants(db, {
        iin: '061211600012',
        phones: ['87012345678'],
        fullName: gulnar.fullName,
        address: gulnar.address,
      }),
    ).toEqual([]);
  });

  it('erases the merged duplicates too, through a chain of merges', async () => {
    db = freshDb();
    const { a } = await office();
    const dup1 = await createApplicant(
      db,
      { consent: WRITTEN_CONSENT, fullName: 'Гүлнар Сейітқали', phones: ['+77770001122'] },
      ctxAt(),
    );
    const dup2 = await createApplicant(
      db,
      { consent: WRITTEN_CONSENT, fullName: 'Гулнар Сеиткали', email: 'g.seitkali@mail.kz' },
      ctxAt(),
    );
    await mergeApplicants(db, { keepId: dup1.id, mergeId: dup2.id }, ctxAt());
    await mergeApplicants(db, { keepId: a.id, mergeId: dup1.id }, ctxAt());

    const result = await anonymiseApplicant(db, a.id, { reason: 'Өтініш бойынша' }, ctxAt(LATER));
    expect(result.duplicates).toBe(2);
    for (const id of [dup1.id, dup2.id]) {
      const stored = await db.applicants.get(id);
      expect(stored).toMatchObject({
        fullName: '',
        phones: [],
        email: null,
        iin: null,
        anonymisedAt: LATER.toISOString(),
      });
      // Still a merged, soft-deleted record pointing where it went.
      expect(stored?.deletedAt).not.toBeNull();
      expect(stored?.mergedInto).not.toBeNull();
    }
  });

  it('counts deleted appeals too: they are the same person’s history', async () => {
    db = freshDb();
    const { a, second } = await office();
    await softDeleteAppeal(db, second.id, 'Қате тіркелген', ctxAt());
    const { appeals } = await anonymiseApplicant(db, a.id, { reason: 'Өтініш' }, ctxAt(LATER));
    expect(appeals).toBe(3);
    expect((await appealHistory(db, second.id)).at(-1)?.type).toBe('applicantAnonymised');
    expect(await db.registryRows.get(second.id)).toBeUndefined();
  });

  it('an applicant with no appeals is anonymised with no events', async () => {
    db = freshDb();
    const lone = await createApplicant(
      db,
      { consent: WRITTEN_CONSENT, fullName: 'Жалғыз Адам' },
      ctxAt(),
    );
    const before = await db.events.count();
    const result = await anonymiseApplicant(db, lone.id, { reason: 'Өтініш' }, ctxAt(LATER));
    expect(result).toMatchObject({ appeals: 0, applicant: { fullName: '' } });
    expect(await db.events.count()).toBe(before);
  });

  it('cannot anonymise twice: the second call changes nothing', async () => {
    db = freshDb();
    const { a } = await office();
    await anonymiseApplicant(db, a.id, { reason: 'Өтініш' }, ctxAt(LATER));
    const before = await snapshot();
    const error = await anonymiseApplicant(db, a.id, { reason: 'Тағы' }, ctxAt()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RepositoryError);
    expect(error).toMatchObject({ code: 'conflict', detail: 'applicant_already_anonymised' });
    expect(await snapshot()).toEqual(before);
  });

  it('cannot anonymise a merged record (its data live in the record it went into) or an unknown id', async () => {
    db = freshDb();
    const { a } = await office();
    const dup = await createApplicant(
      db,
      { consent: WRITTEN_CONSENT, fullName: 'Гүлнар Сейітқали' },
      ctxAt(),
    );
    await mergeApplicants(db, { keepId: a.id, mergeId: dup.id }, ctxAt());
    const before = await snapshot();
    await expect(
      anonymiseApplicant(db, dup.id, { reason: 'Өтініш' }, ctxAt()),
    ).rejects.toMatchObject({ code: 'not_found', detail: 'record_not_found' });
    await expect(
      anonymiseApplicant(db, '019a0000-0000-7000-8000-000000000000', { reason: 'Өтініш' }, ctxAt()),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await snapshot()).toEqual(before);
  });

  it('requires a reason (the request it was done on), writing nothing without one', async () => {
    db = freshDb();
    const { a } = await office();
    const before = await snapshot();
    await expect(anonymiseApplicant(db, a.id, { reason: '   ' }, ctxAt())).rejects.toMatchObject({
      code: 'validation',
      issues: [{ path: 'reason', code: 'required' }],
    });
    await expect(
      anonymiseApplicant(db, a.id, { reason: 'x'.repeat(1001) }, ctxAt()),
    ).rejects.toMatchObject({ issues: [{ path: 'reason', code: 'too_long' }] });
    expect(await snapshot()).toEqual(before);
  });

  it('is all or nothing: a failure while writing the events leaves everything unchanged', async () => {
    db = freshDb();
    const { a } = await office();
    const before = await snapshot();
    vi.spyOn(db.events, 'bulkAdd').mockImplementation(() => {
      throw new Error('disk full');
    });
    await expect(anonymiseApplicant(db, a.id, { reason: 'Өтініш' }, ctxAt(LATER))).rejects.toThrow(
      'disk full',
    );
    vi.restoreAllMocks();
    expect(await snapshot()).toEqual(before);
    expect((await db.applicants.get(a.id))?.fullName).toBe(gulnar.fullName);
  });

  it('is all or nothing: a failure after the applicant was written rolls the applicant back', async () => {
    db = freshDb();
    // The registry rows are rewritten right after the applicant (by the change layer).
    const disk = failingWrites(db, 'registryRows');
    const { a } = await office();
    const before = await snapshot();
    disk.armed = true;
    await expect(anonymiseApplicant(db, a.id, { reason: 'Өтініш' }, ctxAt(LATER))).rejects.toThrow(
      'quota exceeded',
    );
    disk.armed = false;
    expect(await snapshot()).toEqual(before);
  });
});

describe('after anonymisation', () => {
  it('the person cannot be edited or merged back to life', async () => {
    db = freshDb();
    const a = await createApplicant(
      db,
      { consent: WRITTEN_CONSENT, fullName: 'Сейітқали Гүлнар', phones: ['87012345678'] },
      ctxAt(),
    );
    const b = await createApplicant(
      db,
      { consent: WRITTEN_CONSENT, fullName: 'Гүлнар Сейітқали', phones: ['87471112233'] },
      ctxAt(),
    );
    await anonymiseApplicant(db, a.id, { reason: 'Өтініш беруші жазбаша сұрады' }, ctxAt());
    await expect(
      updateApplicant(db, a.id, { fullName: 'Сейітқали Гүлнар' }, ctxAt()),
    ).rejects.toMatchObject({
      detail: 'applicant_already_anonymised',
    });
    await expect(
      mergeApplicants(db, { keepId: a.id, mergeId: b.id }, ctxAt()),
    ).rejects.toMatchObject({
      detail: 'applicant_already_anonymised',
    });
    expect((await db.applicants.get(b.id))?.mergedInto).toBeNull();
  });
});
