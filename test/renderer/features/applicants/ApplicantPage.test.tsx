import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@renderer/db/database';
import {
  createAppeal,
  createApplicant,
  mergeApplicants,
  type WriteContext,
} from '@renderer/db/repositories';
import { appealHistory } from '@renderer/db/queries/appeals';
import type * as QueriesModule from '@renderer/db/queries/applicants';
import { kazakhAppeal, russianAppeal, WRITTEN_CONSENT } from '@test/renderer/db/helpers';
import { holdBack } from '@test/renderer/holdBack';
import { office, polyfillDialog, renderAt, resetDb } from './render';

// The applicant's appeal list can be held back, as on a loaded machine.
vi.mock('@renderer/db/queries/applicants', async (importOriginal) => {
  const real = await importOriginal<typeof QueriesModule>();
  const held = (await import('@test/renderer/holdBack')).holdBack;
  return {
    ...real,
    applicantAppeals: async (...args: Parameters<typeof real.applicantAppeals>) => {
      const rows = await real.applicantAppeals(...args);
      await held.wait();
      return rows;
    },
  };
});

beforeEach(polyfillDialog);
afterEach(async () => {
  holdBack.open();
  await resetDb();
});

async function gulnarWithAppeals(ctx: WriteContext) {
  const db = getDb();
  const gulnar = await createApplicant(
    db,
    {
      fullName: 'Сейітқали Гүлнар Маратқызы',
      phones: ['8 701 234 56 78'],
      iin: '061211600012',
      email: 'gulnar@mail.kz',
      address: { locality: 'Астана', street: 'Абай көшесі', building: '12', flat: '34' },
      preferredLanguage: 'kk',
      preferredChannel: 'whatsapp',
      vulnerableCategories: ['large_family'],
      consent: { given: true, date: '2026-11-20', form: 'written' },
    },
    ctx,
  );
  const neighbour = await createApplicant(
    db,
    { consent: WRITTEN_CONSENT, fullName: 'Иванов Пётр' },
    ctx,
  );
  const lead = await createAppeal(
    db,
    kazakhAppeal({ applicantId: gulnar.id, receivedAt: '2026-11-20T09:00' }),
    ctx,
  );
  const co = await createAppeal(
    db,
    russianAppeal({
      applicantId: neighbour.id,
      coApplicantIds: [gulnar.id],
      collective: true,
      signatories: 8,
    }),
    ctx,
  );
  return { gulnar, lead, co };
}

/** The button, once the appeal list it depends on has been read. */
async function anonymiseButton() {
  const button = await screen.findByRole('button', { name: 'Иесіздендіру' });
  await waitFor(() => expect(button).toBeEnabled());
  return button;
}

describe('applicant page', () => {
  it(
    'shows contacts, the IIN masked until asked, address, consent and all appeals',
    { timeout: 20_000 },
    async () => {
      const ctx = await office();
      const { gulnar, lead, co } = await gulnarWithAppeals(ctx);
      await renderAt(`/applicants/${gulnar.id}`);
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Сейітқали Гүлнар Маратқызы' }),
      ).toBeInTheDocument();
      const contacts = screen.getByRole('region', { name: 'Байланыс деректері' });
      expect(contacts).toHaveTextContent('+7 701 234 56 78');
      expect(contacts).toHaveTextContent('gulnar@mail.kz');
      expect(contacts).toHaveTextContent('WhatsApp');
      expect(contacts).toHaveTextContent('Қазақ тілі');

      const personal = screen.getByRole('region', { name: 'Дербес деректер' });
      expect(within(personal).getByTestId('iin')).toHaveTextContent('••••••••0012');
      expect(personal).not.toHaveTextContent('061211600012');
      await userEvent.click(within(personal).getByRole('button', { name: 'Көрсету' }));
      expect(within(personal).getByTestId('iin')).toHaveTextContent('061211600012');
      expect(within(personal).getByRole('button', { name: 'Жасыру' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      expect(personal).toHaveTextContent('Астана, Абай көшесі, 12-үй, 34-пәтер');
      expect(personal).toHaveTextContent('20.11.2026 берілген (жазбаша)');

      const appeals = screen.getByRole('region', { name: /Өтініштері/ });
      const rows = await within(appeals).findAllByRole('row');
      expect(rows).toHaveLength(3);
      // Newest first: the co-signed appeal came in at 09:30, her own at 09:00.
      expect(rows[1]).toHaveTextContent(co.regNo);
      expect(rows[1]).toHaveTextContent('Бірлескен өтініш беруші');
      expect(rows[2]).toHaveTextContent(lead.regNo);
      expect(rows[2]).toHaveTextContent('Өтініш беруші');
      expect(rows[2]).toHaveTextContent('Тіркелді');
      expect(rows[2]).toHaveTextContent('20.11.2026 09:00');
      await userEvent.click(within(rows[1]!).getByText(co.subject));
      await waitFor(() => expect(window.location.hash).toBe(`#/appeals/${co.id}`));
    },
  );

  it(
    'edits contacts with the domain schema: errors in the user’s language, phones normalised',
    { timeout: 20_000 },
    async () => {
      const ctx = await office();
      const { gulnar } = await gulnarWithAppeals(ctx);
      await renderAt(`/applicants/${gulnar.id}`, 'ru');
      await userEvent.click(await screen.findByRole('button', { name: 'Изменить' }));
      const dialog = await screen.findByRole('dialog', { name: 'Изменение данных заявителя' });
      await userEvent.click(within(dialog).getByRole('button', { name: '+ Ещё телефон' }));
      const second = within(dialog).getByLabelText('Телефон 2');
      await userEvent.type(second, '+7 799 123 45 67');
      const iin = within(dialog).getByLabelText('ИИН');
      await userEvent.clear(iin);
      await userEvent.type(iin, '061211600013');
      await userEvent.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
      expect(
        await within(dialog).findByText(
          'Это не номер телефона: такого кода страны или оператора нет — проверьте номер',
        ),
      ).toBeInTheDocument();
      expect(
        within(dialog).getByText('Не сходится контрольная цифра ИИН — проверьте номер'),
      ).toBeInTheDocument();
      expect((await getDb().applicants.get(gulnar.id))?.version).toBe(gulnar.version);

      await userEvent.clear(second);
      await userEvent.type(second, '8 (747) 111-22-33');
      await userEvent.clear(iin);
      await userEvent.type(iin, '061211600012');
      await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Пенсионер' }));
      await userEvent.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      const stored = await getDb().applicants.get(gulnar.id);
      expect(stored?.phones).toEqual(['+77012345678', '+77471112233']);
      expect(stored?.vulnerableCategories).toEqual(['large_family', 'pensioner']);
      expect(
        await screen.findByText('+7 747 111 22 33', { selector: '.applicant-phones li' }),
      ).toBeInTheDocument();
    },
  );

  it(
    'anonymises on request only after a reason and a second, explicit confirmation',
    { timeout: 20_000 },
    async () => {
      const ctx = await office();
      const { gulnar, lead, co } = await gulnarWithAppeals(ctx);
      await renderAt(`/applicants/${gulnar.id}`);
      await userEvent.click(await anonymiseButton());
      const dialog = await screen.findByRole('dialog', { name: 'Дербес деректерді иесіздендіру' });
      expect(dialog).toHaveTextContent('Әр өтінішті ашып, қолмен тексеріңіз');
      expect(dialog).toHaveTextContent(`${co.regNo}, ${lead.regNo}`);
      expect(dialog).toHaveTextContent('2 өтініш және олардың статистикасы');
      const confirm = within(dialog).getByRole('button', { name: 'Біржола иесіздендіру' });
      expect(confirm).toBeDisabled();
      await userEvent.type(
        within(dialog).getByLabelText(/Негіздеме/),
        '2026 жылғы 20 қарашадағы жазбаша өтініші',
      );
      expect(confirm).toBeDisabled();
      await userEvent.click(within(dialog).getByRole('checkbox'));
      expect(confirm).toBeEnabled();
      await userEvent.click(confirm);

      expect(
        await screen.findByRole('heading', { level: 1, name: 'Иесіздендірілген өтініш беруші' }),
      ).toBeInTheDocument();
      // (Today's deadline notices are statuses too, in the web build.)
      expect(
        screen.getAllByRole('status').filter((s) => s.textContent?.includes('иесіздендірілді')),
      ).toHaveLength(1);
      expect(screen.queryByText(/Сейітқали/)).toBeNull();
      expect(screen.queryByText(/701 234/)).toBeNull();
      expect(screen.queryByRole('button', { name: 'Өңдеу' })).toBeNull();
      // The appeals stay, listed on the page, and the registry shows no name.
      const appeals = screen.getByRole('region', { name: /Өтініштері/ });
      expect(await within(appeals).findAllByRole('row')).toHaveLength(3);
      expect((await getDb().registryRows.get(lead.id))?.applicantName).toBe('');
      expect((await appealHistory(getDb(), co.id)).at(-1)).toMatchObject({
        type: 'applicantAnonymised',
        note: '2026 жылғы 20 қарашадағы жазбаша өтініші',
      });
    },
  );

  it('offers anonymisation only once it can list the appeals it leaves', async () => {
    const ctx = await office();
    const { gulnar, lead, co } = await gulnarWithAppeals(ctx);
    holdBack.close();
    await renderAt(`/applicants/${gulnar.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Сейітқали Гүлнар Маратқызы' });
    // Until the list is read, the dialog would say the person has no appeals to check.
    expect(screen.getByRole('button', { name: 'Иесіздендіру' })).toBeDisabled();
    holdBack.open();
    await userEvent.click(await anonymiseButton());
    const dialog = await screen.findByRole('dialog', { name: 'Дербес деректерді иесіздендіру' });
    expect(dialog).toHaveTextContent(`${co.regNo}, ${lead.regNo}`);
    expect(dialog).toHaveTextContent('2 өтініш және олардың статистикасы');
  });

  it('a merged record says where it went', async () => {
    const ctx = await office();
    const db = getDb();
    const keep = await createApplicant(
      db,
      { consent: WRITTEN_CONSENT, fullName: 'Сейітқали Гүлнар' },
      ctx,
    );
    const dup = await createApplicant(
      db,
      { consent: WRITTEN_CONSENT, fullName: 'Гүлнар Сейітқали' },
      ctx,
    );
    await mergeApplicants(db, { keepId: keep.id, mergeId: dup.id }, ctx);
    await renderAt(`/applicants/${dup.id}`, 'ru');
    await userEvent.click(await screen.findByRole('link', { name: 'Открыть ту запись' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Сейітқали Гүлнар' }),
    ).toBeInTheDocument();
  });
});
