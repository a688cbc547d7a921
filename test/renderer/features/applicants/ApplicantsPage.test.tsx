import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@renderer/db/database';
import { createAppeal, createApplicant, type WriteContext } from '@renderer/db/repositories';
import { anonymiseApplicant } from '@renderer/db/repositories/anonymise';
import { parseApplicantQuery, searchApplicants } from '@renderer/db/queries/applicants';
import { kazakhAppeal, russianAppeal, WRITTEN_CONSENT } from '@test/renderer/db/helpers';
import { office, polyfillDialog, renderAt, resetDb } from './render';

beforeEach(polyfillDialog);
afterEach(resetDb);

async function people(ctx: WriteContext) {
  const db = getDb();
  const gulnar = await createApplicant(
    db,
    {
      consent: WRITTEN_CONSENT,
      fullName: 'Сейітқали Гүлнар Маратқызы',
      phones: ['8 701 234 56 78'],
      iin: '061211600012',
      vulnerableCategories: ['large_family'],
    },
    ctx,
  );
  const petr = await createApplicant(
    db,
    { consent: WRITTEN_CONSENT, fullName: 'Иванов Пётр Сергеевич', phones: ['+7 747 111 22 33'] },
    ctx,
  );
  const gulnara = await createApplicant(
    db,
    { consent: WRITTEN_CONSENT, fullName: 'Ахметова Гульнара', phones: ['87771234567'] },
    ctx,
  );
  await createAppeal(db, kazakhAppeal({ applicantId: gulnar.id }), ctx);
  await createAppeal(
    db,
    russianAppeal({ applicantId: gulnar.id, receivedAt: '2026-11-18T09:15' }),
    ctx,
  );
  return { gulnar, petr, gulnara };
}

function rows() {
  return within(screen.getByRole('grid')).queryAllByRole('row').slice(1);
}

function names() {
  return rows().map((r) => within(r).getAllByRole('gridcell')[0]!.textContent);
}

/** The list of the three people, as it opens. */
async function openListOfThree() {
  await people(await office());
  await renderAt('/applicants');
  await waitFor(() => expect(rows()).toHaveLength(3));
}

/** Types a search and waits until the list answers it. */
async function search(text: string) {
  const input = screen.getByRole('searchbox', { name: 'Өтініш берушілерді іздеу' });
  await userEvent.clear(input);
  if (text) await userEvent.type(input, text);
  await waitFor(() => expect(screen.getByRole('grid')).toHaveAttribute('aria-busy', 'false'));
}

describe('parseApplicantQuery', () => {
  it('lists everyone for an empty query and hands anything else to the search index', () => {
    expect(parseApplicantQuery('  ')).toEqual({ kind: 'all' });
    expect(parseApplicantQuery(' - ( ) ')).toEqual({ kind: 'all' });
    expect(parseApplicantQuery(' +7 (701) 234-56-78 ')).toEqual({
      kind: 'text',
      text: '+7 (701) 234-56-78',
    });
    expect(parseApplicantQuery('Гүлнар  СЕЙІТ')).toEqual({ kind: 'text', text: 'Гүлнар  СЕЙІТ' });
  });
});

describe('searchApplicants', () => {
  it('reads through the search index and stops at the limit', { timeout: 20_000 }, async () => {
    const ctx = await office();
    const db = getDb();
    await db.applicants.bulkAdd(
      Array.from({ length: 40 }, (_, i) => ({
        id: `019a0000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        createdAt: '2026-11-20T05:00:00.000Z',
        updatedAt: '2026-11-20T05:00:00.000Z',
        createdBy: ctx.userId,
        updatedBy: ctx.userId,
        version: 1,
        deletedAt: null,
        fullName: `Серікбаев Нұрлан ${i}`,
        phones: [],
        iin: null,
        email: null,
        address: { locality: '', district: '', street: '', building: '', flat: '' },
        preferredLanguage: 'kk' as const,
        preferredChannel: null,
        vulnerableCategories: [],
        consent: null,
        anonymisedAt: null,
        importBatchId: null,
        mergedInto: null,
        searchWords: ['серікбаев', 'нұрлан', String(i)],
      })),
    );
    const page = await searchApplicants(db, parseApplicantQuery('нұр сер'), { limit: 25 });
    expect(page.items).toHaveLength(25);
    expect(page.more).toBe(true);
    const all = await searchApplicants(db, parseApplicantQuery(''), { limit: 100 });
    expect(all.items).toHaveLength(40);
    expect(all.more).toBe(false);
    // Newest first: UUIDv7 ids sort by creation time.
    expect(all.items[0]?.fullName).toBe('Серікбаев Нұрлан 39');
  });
});

describe('applicants list', () => {
  it(
    'lists everyone with formatted phones, categories, number of appeals and the last appeal date',
    { timeout: 20_000 },
    async () => {
      await openListOfThree();
      expect(screen.getByRole('heading', { name: 'Өтініш берушілер' })).toBeInTheDocument();
      expect(await screen.findByText('Барлығы: 3 адам')).toBeInTheDocument();
      const gulnarRow = rows().find((r) => r.textContent?.includes('Сейітқали'))!;
      await waitFor(() =>
        expect(
          within(gulnarRow)
            .getAllByRole('gridcell')
            .map((c) => c.textContent),
        ).toEqual([
          'Сейітқали Гүлнар Маратқызы',
          // The list may be seen by a visitor: the phone is masked.
          '+7 ••• ••• •• 78',
          'Көпбалалы отбасы',
          '2',
          '20.11.2026',
        ]),
      );
    },
  );

  it(
    'finds by name prefixes in any word order, in Kazakh and Russian spelling',
    { timeout: 20_000 },
    async () => {
      await openListOfThree();

      await search('гүлн сейіт');
      await waitFor(() => expect(names()).toEqual(['Сейітқали Гүлнар Маратқызы']));

      await search('Маратқызы Сейітқали');
      await waitFor(() => expect(names()).toEqual(['Сейітқали Гүлнар Маратқызы']));

      // ё and е are the same letter for search.
      await search('петр иван');
      await waitFor(() => expect(names()).toEqual(['Иванов Пётр Сергеевич']));

      // Folding widens what is found (Гүлнар typed without Kazakh letters), never what
      // ranks first: the exact letters come first.
      await search('Гульн');
      await waitFor(() =>
        expect(names()).toEqual(['Ахметова Гульнара', 'Сейітқали Гүлнар Маратқызы']),
      );
      await search('Gulnar Seiitkali');
      await waitFor(() => expect(names()).toEqual(['Сейітқали Гүлнар Маратқызы']));

      await search('Жоқадам');
      expect(await screen.findByText('«Жоқадам» бойынша ешкім табылмады')).toBeInTheDocument();
    },
  );

  it(
    'finds by a phone written in any format, by its last digits and by IIN',
    { timeout: 20_000 },
    async () => {
      await openListOfThree();
      for (const phone of ['+7 (701) 234-56-78', '87012345678', '701 234 56 78', '234-56-78']) {
        await search(phone);
        await waitFor(() => expect(names(), phone).toEqual(['Сейітқали Гүлнар Маратқызы']));
      }
      await search('8 747 111');
      await waitFor(() => expect(names()).toEqual(['Иванов Пётр Сергеевич']));
      await search('061211600012');
      await waitFor(() => expect(names()).toEqual(['Сейітқали Гүлнар Маратқызы']));
    },
  );

  it(
    'Enter opens the highlighted applicant; arrows move the highlight',
    { timeout: 20_000 },
    async () => {
      await openListOfThree();
      await search('с');
      await waitFor(() => expect(rows().length).toBeGreaterThan(1));
      const input = screen.getByRole('searchbox');
      await userEvent.type(input, '{ArrowDown}');
      const second = names()[1]!;
      expect(rows()[1]).toHaveAttribute('aria-selected', 'true');
      await userEvent.type(input, '{Enter}');
      expect(await screen.findByRole('heading', { level: 1, name: second })).toBeInTheDocument();
    },
  );

  it(
    'the highlight follows the person while the search changes, and Enter opens them',
    { timeout: 20_000 },
    async () => {
      await openListOfThree();
      const input = screen.getByRole('searchbox');
      const highlighted = () =>
        names()[rows().findIndex((r) => r.getAttribute('aria-selected') === 'true')];
      await userEvent.type(input, '{ArrowDown}{ArrowDown}');
      expect(highlighted()).toBe('Сейітқали Гүлнар Маратқызы');
      // «с» also finds Иванов Пётр Сергеевич, listed first; the highlight stays on Гүлнар.
      await search('с');
      expect(names()).toEqual(['Иванов Пётр Сергеевич', 'Сейітқали Гүлнар Маратқызы']);
      expect(highlighted()).toBe('Сейітқали Гүлнар Маратқызы');
      await search('');
      expect(highlighted()).toBe('Сейітқали Гүлнар Маратқызы');
      // A search that leaves the highlighted person out hands the highlight to its first row.
      await search('ахм');
      expect(highlighted()).toBe('Ахметова Гульнара');
      await search('');
      expect(highlighted()).toBe('Ахметова Гульнара');
      await userEvent.type(input, '{ArrowDown}{Enter}');
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Иванов Пётр Сергеевич' }),
      ).toBeInTheDocument();
    },
  );

  it(
    'anonymised applicants are listed without a name and cannot be found',
    { timeout: 20_000 },
    async () => {
      const ctx = await office();
      const { gulnar } = await people(ctx);
      await anonymiseApplicant(getDb(), gulnar.id, { reason: 'Өтініш бойынша' }, ctx);
      await renderAt('/applicants', 'ru');
      await waitFor(() => expect(rows()).toHaveLength(3));
      expect(names()).toContain('Обезличенный заявитель');
      expect(screen.queryByText(/Сейітқали/)).toBeNull();
      const input = screen.getByRole('searchbox', { name: 'Поиск заявителей' });
      await userEvent.type(input, '87012345678');
      expect(
        await screen.findByText('По запросу «87012345678» никого не найдено'),
      ).toBeInTheDocument();
    },
  );
});
