import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@renderer/db/database';
import {
  createAppeal,
  createApplicant,
  mergeApplicants,
  type WriteContext,
} from '@renderer/db/repositories';
import { MergePreviewTable } from '@renderer/features/applicants/MergeDialog';
import { MERGE_FIELDS, previewMerge } from '@renderer/features/applicants/mergePreview';
import { initI18n } from '@renderer/i18n';
import {
  CONSENT_FORMS,
  CONTACT_CHANNELS,
  VULNERABLE_CATEGORIES,
  type ApplicantInput,
} from '@shared/domain';
import {
  ctxAt,
  freshDb,
  kazakhAppeal,
  russianAppeal,
  WRITTEN_CONSENT,
} from '@test/renderer/db/helpers';
import { office, polyfillDialog, renderAt, resetDb } from './render';

beforeEach(polyfillDialog);
afterEach(resetDb);

const applicantInput: fc.Arbitrary<ApplicantInput> = fc.record({
  fullName: fc.constantFrom('Сейітқали Гүлнар', 'Гүлнар Сейітқали', 'Иванов Пётр'),
  iin: fc.option(fc.constantFrom('061211600012', '900101300007'), { nil: null }),
  phones: fc.subarray(['+77012345678', '+77471112233', '+77770001122']),
  email: fc.option(fc.constantFrom('a@mail.kz', 'b@mail.kz'), { nil: null }),
  address: fc.constantFrom(
    { locality: '', district: '', street: '', building: '', flat: '' },
    { locality: 'Астана', district: '', street: 'Абай', building: '12', flat: '34' },
    { locality: 'Алматы', district: 'Самал-2', street: '', building: '5', flat: '' },
  ),
  preferredLanguage: fc.constantFrom('kk' as const, 'ru' as const),
  preferredChannel: fc.option(fc.constantFrom(...CONTACT_CHANNELS), { nil: null }),
  vulnerableCategories: fc.subarray([...VULNERABLE_CATEGORIES]),
  consent: fc.option(
    fc.record({
      given: fc.constant(true),
      date: fc.constantFrom('2026-11-20', '2025-03-01'),
      form: fc.constantFrom(...CONSENT_FORMS),
    }),
    { nil: null },
  ),
});

describe('previewMerge', () => {
  it(
    'shows exactly what mergeApplicants stores, or the reason it refuses',
    { timeout: 30_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(applicantInput, applicantInput, async (a, b) => {
          const db = freshDb();
          try {
            const keep = await createApplicant(db, a, ctxAt());
            const merge = await createApplicant(db, b, ctxAt());
            const preview = previewMerge(keep, merge);
            const outcome = await mergeApplicants(
              db,
              { keepId: keep.id, mergeId: merge.id },
              ctxAt(),
            ).catch((e: { detail: string }) => e);
            if (preview.refusal) {
              expect(outcome).toMatchObject({ detail: preview.refusal });
            } else {
              const stored = await db.applicants.get(keep.id);
              for (const field of MERGE_FIELDS)
                expect(stored?.[field], field).toEqual(preview.result[field]);
            }
          } finally {
            await db.delete();
          }
        }),
        { numRuns: 40 },
      );
    },
  );
});

describe('MergePreviewTable', () => {
  it('puts both records and the result side by side and marks what comes from the duplicate', async () => {
    const db = freshDb();
    const keep = await createApplicant(
      db,
      {
        consent: WRITTEN_CONSENT,
        fullName: 'Сейітқали Гүлнар Маратқызы',
        phones: ['87012345678'],
        iin: '061211600012',
        vulnerableCategories: ['large_family'],
      },
      ctxAt(),
    );
    const merge = await createApplicant(
      db,
      {
        consent: WRITTEN_CONSENT,
        fullName: 'Гүлнар Сейітқали',
        phones: ['+77471112233', '87012345678'],
        email: 'gulnar@mail.kz',
        address: { locality: 'Астана', street: 'Абай көшесі', building: '12', flat: '34' },
        vulnerableCategories: ['pensioner'],
      },
      ctxAt(),
    );
    await db.delete();
    const i18n = await initI18n('kk');
    render(
      <I18nextProvider i18n={i18n}>
        <MergePreviewTable
          keep={keep}
          merge={merge}
          counts={{ keep: 1, merge: 2, moving: 2, after: 3 }}
        />
      </I18nextProvider>,
    );
    const table = screen.getByRole('table', { name: 'Біріктіру нәтижесі' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Дерек', 'Қалатын жазба', 'Біріктірілетін жазба', 'Біріктіргеннен кейін']);
    const row = (name: string) =>
      within(table).getByRole('rowheader', { name }).closest('tr')!.querySelectorAll('td');
    const [, , name] = row('Аты-жөні');
    expect(name?.textContent).toBe('Сейітқали Гүлнар Маратқызы');
    const [, , phones] = row('Телефондары');
    expect(phones?.textContent).toBe('+7 701 234 56 78+7 747 111 22 33біріктірілетін жазбадан');
    const [keepEmail, , email] = row('Электрондық пошта');
    expect(keepEmail?.textContent).toBe('—');
    expect(email).toHaveClass('merge-filled');
    expect(email?.textContent).toContain('gulnar@mail.kz');
    const [, , address] = row('Мекенжайы');
    expect(address?.textContent).toContain('Астана, Абай көшесі, 12-үй, 34-пәтер');
    const [iinKept, iinMerged, iin] = row('ЖСН');
    // The IIN stays masked in the preview too: restricted data.
    expect(iinKept?.textContent).toBe('••••••••0012');
    expect(iinMerged?.textContent).toBe('—');
    expect(iin).not.toHaveClass('merge-filled');
    const [, , categories] = row('Осал санаттар');
    expect(categories?.textContent).toContain('Көпбалалы отбасы, Зейнеткер');
    const [, , appeals] = row('Өтініштер');
    expect(appeals?.textContent).toBe('3+2 ауысады');
  });
});

async function twoGulnars(ctx: WriteContext, otherIin: string | null = null) {
  const db = getDb();
  const keep = await createApplicant(
    db,
    {
      consent: WRITTEN_CONSENT,
      fullName: 'Сейітқали Гүлнар Маратқызы',
      phones: ['87012345678'],
      iin: '061211600012',
    },
    ctx,
  );
  const dup = await createApplicant(
    db,
    {
      consent: WRITTEN_CONSENT,
      fullName: 'Гүлнар Сейітқали',
      phones: ['+7 701 234-56-78', '+77471112233'],
      email: 'gulnar@mail.kz',
      iin: otherIin,
    },
    ctx,
  );
  await createAppeal(db, kazakhAppeal({ applicantId: keep.id }), ctx);
  await createAppeal(db, russianAppeal({ applicantId: dup.id }), ctx);
  await createAppeal(
    db,
    kazakhAppeal({ applicantId: dup.id, subject: 'Жарық жоқ', receivedAt: '2026-11-19T09:00' }),
    ctx,
  );
  return { keep, dup };
}

describe('merging from the applicant page', () => {
  it(
    'suggests the duplicate, previews the merge and moves the appeals',
    { timeout: 20_000 },
    async () => {
      const ctx = await office();
      const { keep, dup } = await twoGulnars(ctx);
      await renderAt(`/applicants/${keep.id}`);
      await userEvent.click(
        await screen.findByRole('button', { name: 'Қайталанатын жазбамен біріктіру' }),
      );
      const dialog = await screen.findByRole('dialog', {
        name: 'Қайталанатын жазбаларды біріктіру',
      });
      const list = await within(dialog).findByRole('list', { name: 'Осы адам болуы мүмкін' });
      expect(within(list).getByText('Гүлнар Сейітқали')).toBeInTheDocument();
      expect(within(list).getByText('Телефоны бірдей')).toBeInTheDocument();
      await userEvent.click(
        within(list).getByRole('button', { name: '«Гүлнар Сейітқали» жазбасымен салыстыру' }),
      );
      expect(
        await within(dialog).findByText(
          '2 өтініш «Гүлнар Сейітқали» жазбасынан «Сейітқали Гүлнар Маратқызы» жазбасына ауысады.',
          { exact: false },
        ),
      ).toBeInTheDocument();
      await userEvent.click(within(dialog).getByRole('button', { name: 'Біріктіру' }));

      expect(
        await screen.findByText('Жазбалар біріктірілді: 2 өтініш осы жазбаға ауыстырылды.', {
          exact: false,
        }),
      ).toBeInTheDocument();
      const appeals = screen.getByRole('region', { name: /Өтініштері/ });
      await waitFor(() => expect(within(appeals).getAllByRole('row')).toHaveLength(4));
      const stored = await getDb().applicants.get(dup.id);
      expect(stored).toMatchObject({ mergedInto: keep.id });
      expect((await getDb().applicants.get(keep.id))?.phones).toEqual([
        '+77012345678',
        '+77471112233',
      ]);
    },
  );

  it('can keep the other record instead, and then opens it', { timeout: 20_000 }, async () => {
    const ctx = await office();
    const { keep, dup } = await twoGulnars(ctx);
    await renderAt(`/applicants/${keep.id}`, 'ru');
    await userEvent.click(await screen.findByRole('button', { name: 'Объединить с дублем' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      await within(dialog).findByRole('button', { name: 'Сравнить с записью «Гүлнар Сейітқали»' }),
    );
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Гүлнар Сейітқали' }));
    expect(
      await within(dialog).findByText(
        '1 обращение перейдёт из записи «Сейітқали Гүлнар Маратқызы» в запись «Гүлнар Сейітқали».',
        { exact: false },
      ),
    ).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Объединить' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Гүлнар Сейітқали' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Записи объединены: 1 обращение перенесено в эту запись.', { exact: false }),
    ).toBeInTheDocument();
    expect(await getDb().applicants.get(keep.id)).toMatchObject({ mergedInto: dup.id });
    // The kept record took the IIN it did not have.
    expect((await getDb().applicants.get(dup.id))?.iin).toBe('061211600012');
  });

  it(
    'refuses two people with different IINs, found by search, with the message in the user’s language',
    { timeout: 20_000 },
    async () => {
      const ctx = await office();
      const { keep, dup } = await twoGulnars(ctx, '900101300007');
      await renderAt(`/applicants/${keep.id}`, 'ru');
      await userEvent.click(await screen.findByRole('button', { name: 'Объединить с дублем' }));
      const dialog = await screen.findByRole('dialog');
      await userEvent.type(
        within(dialog).getByRole('searchbox', { name: 'Найти другого заявителя' }),
        'гүлнар',
      );
      const found = await within(dialog).findByRole('list', { name: 'Найти другого заявителя' });
      await userEvent.click(
        within(found).getByRole('button', { name: 'Сравнить с записью «Гүлнар Сейітқали»' }),
      );
      expect(await within(dialog).findByRole('alert')).toHaveTextContent(
        'Нельзя объединить двух людей с разными ИИН',
      );
      expect(within(dialog).getByRole('button', { name: 'Объединить' })).toBeDisabled();
      expect((await getDb().applicants.get(dup.id))?.mergedInto).toBeNull();
    },
  );
});
