import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@renderer/db/database';
import {
  createAgency,
  createInquiry,
  listDrafts,
  loadDraft,
  saveDraft,
  saveSettings,
  sendInquiry,
} from '@renderer/db/repositories';
import { INQUIRY_DRAFT_KIND } from '@renderer/features/inquiries/useInquiryDraft';
import {
  ctx,
  polyfillDialog,
  renderAt,
  resetDb,
  seedAppeal,
  TODAY,
  USER_ID,
} from '../appeal/setup';

beforeAll(polyfillDialog);

const ADDRESSEE = '«Астана-Жылу желілері» АҚ\nБасқарма төрағасы\nБ.Е. Сейітовке';
const SUBJECT = 'Әлихан Бөкейхан көшесі, 12-үй: ыстық су мен жылу туралы';
/** Every Kazakh letter, a line break, a double space and a trailing space: kept exactly. */
const PARAGRAPH =
  'Ғимараттың құбырлары тозған, екі аптадан бері ыстық су берілмейді.\n' +
  'Қуаныш, Өмір, Ұлан, Үміт, Һарун және Іңкәр —  бәрі осы үйде тұрады; пәтер иелері үш рет жүгінді. ';

beforeEach(async () => {
  localStorage.clear();
  sessionStorage.clear();
  await saveSettings(
    getDb(),
    {
      users: [{ id: USER_ID, fullName: 'Айгерім Нұрланқызы', role: 'assistant', active: true }],
      deputy: {
        fullName: { kk: 'Серік Болатұлы Ахметов', ru: 'Ахметов Серик Болатович' },
        position: { kk: 'Мәслихат депутаты', ru: 'Депутат маслихата' },
      },
    },
    ctx,
  );
});
afterEach(resetDb);

const problemField = () =>
  document.querySelector<HTMLTextAreaElement>('textarea[data-extra="problem"]')!;

describe('inquiry editor autosave', () => {
  it('keeps a new inquiry typed in Kazakh through a crash, restores every character, and drops the draft on save', async () => {
    const appeal = await seedAppeal();
    const route = `/inquiries/new?appeals=${appeal.id}`;
    const first = await renderAt(route);
    const subject = await screen.findByLabelText(/Тақырыбы/);
    fireEvent.change(screen.getByLabelText(/Хат алушы/), { target: { value: ADDRESSEE } });
    await userEvent.clear(subject);
    await userEvent.type(subject, SUBJECT);
    // The paragraph as pasted into the problem field, then one more word typed.
    fireEvent.change(problemField(), { target: { value: PARAGRAPH } });
    await userEvent.type(problemField(), 'Көмектесіңіз.');
    const typed = `${PARAGRAPH}Көмектесіңіз.`;
    expect(problemField()).toHaveValue(typed);
    expect(
      await screen.findByText(/Терілген мәтін автоматты түрде сақталды \(\d\d:\d\d\)/),
    ).toBeInTheDocument();
    await waitFor(async () => {
      const drafts = await listDrafts(getDb(), INQUIRY_DRAFT_KIND);
      expect(drafts).toHaveLength(1);
      expect(drafts[0]!.data).toMatchObject({ subject: SUBJECT, extra: { problem: typed } });
    });

    // The app goes away without saving (a crash), and is opened again on the same inquiry.
    first.unmount();
    await renderAt(route);
    const offer = await screen.findByRole('alert');
    expect(offer).toHaveTextContent(
      /Бұл сауалдың сақталмаған мәтіні табылды \(соңғы рет \d\d\.\d\d\.\d{4} \d\d:\d\d сақталған\)/,
    );
    // Until the offer is answered the editor shows the fresh start.
    expect(screen.getByLabelText(/Тақырыбы/)).toHaveValue('Ыстық су жоқ');
    await userEvent.click(screen.getByRole('button', { name: 'Қалпына келтіру' }));
    await waitFor(() => expect(screen.getByLabelText(/Тақырыбы/)).toHaveValue(SUBJECT));
    expect(problemField()).toHaveValue(typed);
    expect(screen.getByLabelText(/Хат алушы/)).toHaveValue(ADDRESSEE);
    expect(screen.queryByText(/сақталмаған мәтіні табылды/)).not.toBeInTheDocument();

    // Saving the inquiry: it holds the text, and the draft is gone for good.
    await userEvent.click(screen.getByRole('button', { name: /Жобаны сақтау/ }));
    await waitFor(() => expect(window.location.hash).toMatch(/#\/inquiries\/(?!new)/));
    const inquiries = await getDb().inquiries.toArray();
    expect(inquiries).toHaveLength(1);
    expect(inquiries[0]).toMatchObject({
      addressee: ADDRESSEE,
      subject: SUBJECT,
      extra: { problem: typed },
    });
    await screen.findByRole('heading', { name: 'Сауал жобасы' });
    expect(await listDrafts(getDb(), INQUIRY_DRAFT_KIND)).toEqual([]);
  });

  it('offers the unsaved text of a stored draft inquiry in Russian, and deletes it when told to', async () => {
    const appeal = await seedAppeal();
    const first = await renderAt(`/inquiries/new?appeals=${appeal.id}`, 'ru');
    const subject = await screen.findByLabelText(/Тема/);
    await userEvent.type(screen.getByLabelText(/Адресат/), 'Акиму района Сарыарка');
    await userEvent.click(screen.getByRole('button', { name: /Сохранить черновик/ }));
    await waitFor(() => expect(window.location.hash).toMatch(/#\/inquiries\/(?!new)/));
    const [inquiry] = await getDb().inquiries.toArray();
    await waitFor(() => expect(screen.getByLabelText(/Тема/)).not.toBe(subject));
    await userEvent.type(screen.getByLabelText(/Тема/), ' — повторно');
    await waitFor(async () =>
      expect((await loadDraft(getDb(), INQUIRY_DRAFT_KIND, inquiry!.id))?.data).toMatchObject({
        subject: 'Ыстық су жоқ — повторно',
      }),
    );
    first.unmount();
    await renderAt(`/inquiries/${inquiry!.id}`, 'ru');
    const offer = await screen.findByRole('alert');
    expect(offer).toHaveTextContent(/Найден несохранённый текст этого запроса/);
    await userEvent.click(screen.getByRole('button', { name: 'Удалить' }));
    await waitFor(async () =>
      expect(await loadDraft(getDb(), INQUIRY_DRAFT_KIND, inquiry!.id)).toBeUndefined(),
    );
    expect(screen.getByLabelText(/Тема/)).toHaveValue('Ыстық су жоқ');
  });

  it('cancelling a new inquiry asks first, then gives up its typed text', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    const appeal = await seedAppeal();
    await renderAt(`/inquiries/new?appeals=${appeal.id}`);
    await userEvent.type(await screen.findByLabelText(/Тақырыбы/), ' (қайталанған)');
    await waitFor(async () =>
      expect(await listDrafts(getDb(), INQUIRY_DRAFT_KIND)).toHaveLength(1),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Бас тарту' }));
    expect(confirm).toHaveBeenCalledWith(
      'Сауал сақталмайды, терілген мәтін жойылады. Болдырмайсыз ба?',
    );
    await waitFor(async () => expect(await listDrafts(getDb(), INQUIRY_DRAFT_KIND)).toEqual([]));
    confirm.mockRestore();
  });

  it('drops a text left from a draft once the inquiry is sent', async () => {
    const agency = await createAgency(
      getDb(),
      {
        name: { kk: '«Астана-Жылу желілері» АҚ', ru: 'АО «Астана-Тепловые сети»' },
        kind: 'utility',
      },
      ctx,
    );
    const draft = await createInquiry(
      getDb(),
      {
        agencyId: agency.id,
        addressee: '',
        appealIds: [],
        subject: 'Ыстық су туралы',
        extra: { problem: 'Ыстық су жоқ.', questions: 'Қашан беріледі?' },
        language: 'kk',
      },
      ctx,
    );
    await saveDraft(getDb(), {
      kind: INQUIRY_DRAFT_KIND,
      key: draft.id,
      data: { subject: 'Ескі мәтін' },
    });
    await sendInquiry(getDb(), draft.id, { outgoingDate: TODAY }, ctx);
    await renderAt(`/inquiries/${draft.id}`);
    await waitFor(async () =>
      expect(await loadDraft(getDb(), INQUIRY_DRAFT_KIND, draft.id)).toBeUndefined(),
    );
    expect(screen.queryByText(/сақталмаған мәтіні табылды/)).not.toBeInTheDocument();
  });
});
