import { WRITTEN_CONSENT } from '@test/renderer/db/helpers';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@renderer/db/database';
import { createApplicant, loadDraft } from '@renderer/db/repositories';
import { MAX_ATTACHMENT_BYTES } from '@renderer/db/repositories/attachments';
import {
  ASSISTANT,
  control,
  office,
  openForm,
  polyfillDialog,
  resetBrowserState,
  resetDb,
} from './helpers';

beforeAll(polyfillDialog);
beforeEach(resetBrowserState);
afterEach(resetDb);

// Typing into a whole app in jsdom is slow; no pauses between keys.
const user = () => userEvent.setup({ delay: null });
vi.setConfig({ testTimeout: 20_000 });

async function fillRequired(u: ReturnType<typeof user>, except: string[] = []) {
  if (!except.includes('channel')) await u.selectOptions(control('Келіп түсу тәсілі'), 'letter');
  if (!except.includes('applicant'))
    await u.click(control('Жасырын өтініш (өтініш беруші белгісіз)'));
  if (!except.includes('subject')) await u.type(control('Қысқаша мазмұны'), 'Ыстық су жоқ');
  if (!except.includes('text'))
    await u.type(control('Мәселе (өтініш берушінің сөзімен)'), 'Екі аптадан бері ыстық су жоқ.');
  if (!except.includes('topic')) await u.selectOptions(control('Тақырып'), 'water');
}

describe('appeal form: validation', () => {
  it('an empty save shows what is required, in Kazakh, and stores nothing', async () => {
    await office();
    await openForm('kk');
    await user().click(screen.getByRole('button', { name: 'Тіркеу' }));
    const channel = control('Келіп түсу тәсілі');
    await waitFor(() => expect(channel).toHaveAttribute('aria-invalid', 'true'));
    expect(channel).toHaveAccessibleDescription('Тізімнен мән таңдаңыз');
    expect(control('Қысқаша мазмұны')).toHaveAccessibleDescription('Бұл өрісті толтырыңыз');
    expect(control('Мәселе (өтініш берушінің сөзімен)')).toHaveAccessibleDescription(
      /Бұл өрісті толтырыңыз/,
    );
    expect(control('Тақырып')).toHaveAccessibleDescription('Бұл өрісті толтырыңыз');
    expect(screen.getByText(/Өтініш берушіні таңдаңыз немесе жаңасын қосыңыз/)).toBeInTheDocument();
    expect(await getDb().appeals.count()).toBe(0);
  });

  it('shows the same errors in Russian, and translates them when the language changes', async () => {
    await office();
    const { i18n } = await openForm('ru');
    await user().click(screen.getByRole('button', { name: 'Зарегистрировать' }));
    const subject = control('Краткое содержание');
    await waitFor(() => expect(subject).toHaveAccessibleDescription('Заполните это поле'));
    expect(control('Канал поступления')).toHaveAccessibleDescription('Выберите значение из списка');
    expect(screen.getByText(/Выберите заявителя или добавьте нового/)).toBeInTheDocument();
    await act(() => i18n.changeLanguage('kk'));
    expect(control('Қысқаша мазмұны')).toHaveAccessibleDescription('Бұл өрісті толтырыңыз');
  });

  it('moves focus to the first error on the screen, custom controls included', async () => {
    await office();
    await openForm('kk');
    const u = user();
    await u.selectOptions(control('Келіп түсу тәсілі'), 'phone');
    await u.click(screen.getByRole('button', { name: 'Тіркеу' }));
    // The applicant search box (a custom control) comes before the subject.
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: /Өтініш беруші/ })).toHaveFocus(),
    );

    await fillRequired(u, ['channel', 'subject']);
    await u.click(screen.getByRole('button', { name: 'Тіркеу' }));
    await waitFor(() => expect(control('Қысқаша мазмұны')).toHaveFocus());
  });

  it('Ctrl+Enter saves and Esc asks before leaving with unsaved changes', async () => {
    await office();
    await openForm('kk');
    const u = user();
    await u.type(control('Қысқаша мазмұны'), 'Жол');
    await u.keyboard('{Escape}');
    const dialog = await screen.findByRole('dialog', { name: 'Сақталмаған өзгерістер бар' });
    await u.click(within(dialog).getByRole('button', { name: 'Формада қалу' }));
    await waitFor(() => expect(dialog).not.toHaveAttribute('open'));
    expect(control('Қысқаша мазмұны')).toHaveValue('Жол');

    await u.click(control('Қысқаша мазмұны'));
    await u.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() =>
      expect(control('Келіп түсу тәсілі')).toHaveAttribute('aria-invalid', 'true'),
    );
  });
});

describe('appeal form: registering', () => {
  it('registers an appeal of a person found by phone and lands on it', async () => {
    await office();
    const db = getDb();
    const person = await createApplicant(
      db,
      {
        consent: WRITTEN_CONSENT,
        fullName: 'Сейітқали Гүлнар',
        phones: ['+77012345678'],
        vulnerableCategories: ['pensioner'],
      },
      { userId: 'setup' },
    );
    await openForm('kk');
    const u = user();
    await u.selectOptions(control('Келіп түсу тәсілі'), 'reception');
    await u.type(screen.getByRole('combobox', { name: /Өтініш беруші/ }), '8 701 234');
    const option = await screen.findByRole('option', { name: /Сейітқали Гүлнар/ });
    await u.click(option);
    expect(await screen.findByText('Сейітқали Гүлнар')).toBeInTheDocument();
    // A pensioner: priority is suggested with the reason.
    await waitFor(() => expect(control('Басым тәртіппен қарау')).toBeChecked());
    expect(control('Басымдық себебі')).toHaveValue('Әлеуметтік осал топ: Зейнеткер');

    await u.type(control('Қысқаша мазмұны'), 'Ыстық су жоқ');
    await u.type(control('Мәселе (өтініш берушінің сөзімен)'), 'Екі аптадан бері ыстық су жоқ.');
    await u.selectOptions(control('Тақырып'), 'water');
    await u.type(control('Белгілер'), 'ыстық су{Enter}');
    await u.click(screen.getByRole('button', { name: 'Тіркеу' }));

    await waitFor(() =>
      expect(window.location.hash).toMatch(/^#\/appeals\/[0-9a-f-]{36}\?registered=1$/),
    );
    const [appeal] = await db.appeals.toArray();
    expect(appeal).toMatchObject({
      applicantId: person.id,
      channel: 'reception',
      subject: 'Ыстық су жоқ',
      priority: true,
      priorityReason: 'Әлеуметтік осал топ: Зейнеткер',
      tags: ['ыстық су'],
    });
    expect(appeal!.regNo).toMatch(/^\d{4}-0001$/);
    expect(window.location.hash).toContain(appeal!.id);
    expect(await db.drafts.count()).toBe(0);
  });

  it('shows duplicate candidates for the same phone typed differently and takes the existing person', async () => {
    await office();
    const db = getDb();
    await createApplicant(
      db,
      {
        consent: WRITTEN_CONSENT,
        fullName: 'Нұрланова Айжан',
        phones: ['+77012345678'],
        address: { locality: 'Астана', street: 'Кенесары', building: '5' },
      },
      { userId: 'setup' },
    );
    await openForm('kk');
    const u = user();
    await u.type(screen.getByRole('combobox', { name: /Өтініш беруші/ }), 'Айжан Н');
    await u.click(await screen.findByRole('option', { name: /Жаңа өтініш беруші қосу/ }));
    const panel = screen.getByRole('group', { name: 'Жаңа өтініш беруші' });
    await u.clear(within(panel).getByLabelText(/^Тегі, аты, әкесінің аты/));
    await u.type(within(panel).getByLabelText(/^Тегі, аты, әкесінің аты/), 'Айжан Нұрланова');
    await u.type(within(panel).getByLabelText('Телефон'), '8 (701) 234-56-78');
    await u.click(within(panel).getByRole('button', { name: 'Қосу' }));

    const prompt = await within(panel).findByRole('alert');
    expect(prompt).toHaveTextContent('1 ұқсас адам табылды');
    expect(prompt).toHaveTextContent('Нұрланова Айжан');
    expect(prompt).toHaveTextContent('Телефон сәйкес');
    // Focus moves to the choice once the prompt has rendered.
    await waitFor(() =>
      expect(within(prompt).getByRole('button', { name: 'Осы адамды таңдау' })).toHaveFocus(),
    );
    await u.click(within(prompt).getByRole('button', { name: 'Осы адамды таңдау' }));
    expect(await screen.findByText('Нұрланова Айжан')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Жаңа өтініш беруші' })).not.toBeInTheDocument();
    expect(await db.applicants.count()).toBe(1);
  });

  it('creates a new person with consent when nobody matches', async () => {
    await office();
    await openForm('kk');
    const u = user();
    await u.selectOptions(control('Келіп түсу тәсілі'), 'phone');
    await u.type(screen.getByRole('combobox', { name: /Өтініш беруші/ }), '87475556677');
    await u.click(await screen.findByRole('option', { name: /Жаңа өтініш беруші қосу/ }));
    const panel = screen.getByRole('group', { name: 'Жаңа өтініш беруші' });
    expect(within(panel).getByLabelText('Телефон')).toHaveValue('87475556677');
    await u.type(within(panel).getByLabelText(/^Тегі, аты, әкесінің аты/), 'Жаңа Адам');
    await u.type(within(panel).getByLabelText('ЖСН'), '061211600012');
    await u.click(within(panel).getByLabelText('Өтініш беруші келісім берді'));
    // Consent taken over the phone is oral by default.
    expect(within(panel).getByLabelText('Келісім нысаны')).toHaveValue('oral');
    await u.click(within(panel).getByRole('button', { name: 'Қосу' }));
    expect(await screen.findByText('Жаңа Адам')).toBeInTheDocument();
    const [stored] = await getDb().applicants.toArray();
    expect(stored).toMatchObject({
      fullName: 'Жаңа Адам',
      phones: ['+77475556677'],
      iin: '061211600012',
      consent: { given: true, form: 'oral' },
    });
  });

  it('refuses a new person without consent on the consent box, storing nobody', async () => {
    await office();
    await openForm('ru');
    const u = user();
    await u.type(screen.getByRole('combobox', { name: /Заявитель/ }), '87475556677');
    await u.click(await screen.findByRole('option', { name: /Добавить нового заявителя/ }));
    const panel = screen.getByRole('group', { name: 'Новый заявитель' });
    await u.type(within(panel).getByLabelText(/^Фамилия, имя, отчество/), 'Новый Человек');
    await u.click(within(panel).getByRole('button', { name: 'Добавить' }));
    const box = within(panel).getByLabelText('Заявитель дал согласие');
    await waitFor(() => expect(box).toHaveAttribute('aria-invalid', 'true'));
    await waitFor(() => expect(box).toHaveFocus());
    expect(within(panel).getByRole('alert')).toHaveTextContent(
      'Данные заявителя сохраняются только с письменным согласием',
    );
    expect(await getDb().applicants.count()).toBe(0);
  });

  it('counts the problem text against its 50,000 characters and refuses a longer one', async () => {
    await office();
    await openForm('kk');
    const u = user();
    const box = control('Мәселе (өтініш берушінің сөзімен)');
    const counter = screen.getByTestId('text-counter');
    expect(counter).toHaveTextContent('0 / 50 000 таңба');
    await u.type(box, 'Су жоқ.');
    expect(counter).toHaveTextContent('7 / 50 000 таңба');
    fireEvent.change(box, { target: { value: 'а'.repeat(50_001) } });
    await waitFor(() => expect(counter).toHaveTextContent('50 001 / 50 000 таңба'));
    expect(counter).toHaveClass('over');
    await fillRequired(u, ['text']);
    await u.click(screen.getByRole('button', { name: 'Тіркеу' }));
    await waitFor(() => expect(box).toHaveAttribute('aria-invalid', 'true'));
    expect(await getDb().appeals.count()).toBe(0);
  });

  it('refuses a file over the size limit with its name, and keeps the others', async () => {
    await office();
    const { container } = await openForm('kk');
    const input = container.querySelector<HTMLInputElement>('input[type=file]')!;
    const big = new File(['x'], 'үлкен-скан.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: MAX_ATTACHMENT_BYTES + 1 });
    const small = new File(['hello'], 'хат.pdf', { type: 'application/pdf' });
    await user().upload(input, [big, small]);
    expect(
      await screen.findByText(
        /«үлкен-скан\.pdf» қосылмады: файл тым үлкен \(25 МБ\), бір файлдың шегі — 25 МБ/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('хат.pdf')).toBeInTheDocument();
    expect(screen.getByText('5 Б')).toBeInTheDocument();
  });
});

describe('appeal form: more people and files', () => {
  it('takes files dropped onto the area', async () => {
    await office();
    await openForm('ru');
    const scan = new File(['%PDF-1.4 скан'], 'скан-заявления.pdf', { type: 'application/pdf' });
    fireEvent.dragOver(screen.getByTestId('dropzone'), {
      dataTransfer: { types: ['Files'], files: [scan] },
    });
    fireEvent.drop(screen.getByTestId('dropzone'), {
      dataTransfer: { types: ['Files'], files: [scan] },
    });
    const list = await screen.findByRole('list', { name: '1 файл' });
    expect(within(list).getByText('скан-заявления.pdf')).toBeInTheDocument();
    await user().click(
      within(list).getByRole('button', { name: 'Убрать файл «скан-заявления.pdf»' }),
    );
    expect(screen.queryByRole('list', { name: '1 файл' })).not.toBeInTheDocument();
  });

  it('adds co-applicants and a collective appeal’s signatories', async () => {
    await office();
    const db = getDb();
    const ctx = { userId: 'setup' };
    const lead = await createApplicant(
      db,
      { consent: WRITTEN_CONSENT, fullName: 'Ахметова Дана', phones: [] },
      ctx,
    );
    const co = await createApplicant(
      db,
      { consent: WRITTEN_CONSENT, fullName: 'Ахметов Бауыржан', phones: [] },
      ctx,
    );
    await openForm('kk');
    const u = user();
    await fillRequired(u, ['applicant']);
    await u.type(screen.getByRole('combobox', { name: /^Өтініш беруші/ }), 'ахметова');
    await u.click(await screen.findByRole('option', { name: /Ахметова Дана/ }));
    // The lead is not offered again as a co-applicant.
    await u.type(screen.getByRole('combobox', { name: 'Басқа өтініш берушілер' }), 'ахмет');
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).not.toContain('Ахметова Дана');
    await u.click(await screen.findByRole('option', { name: /Ахметов Бауыржан/ }));
    await u.click(control('Ұжымдық өтініш'));
    await u.type(control('Қол қойғандар саны'), '1');
    await u.click(screen.getByRole('button', { name: 'Тіркеу' }));
    expect(
      await screen.findByText('Ұжымдық өтініште қол қойғандар саны кемінде 2 болуы керек'),
    ).toBeInTheDocument();
    await u.clear(control('Қол қойғандар саны'));
    await u.type(control('Қол қойғандар саны'), '48');
    await u.click(screen.getByRole('button', { name: 'Тіркеу' }));
    await waitFor(() => expect(window.location.hash).toMatch(/registered=1/));
    expect(await db.appeals.toArray()).toMatchObject([
      { applicantId: lead.id, coApplicantIds: [co.id], collective: true, signatories: 48 },
    ]);
  });
});

describe('appeal form: drafts', () => {
  it('autosaves what is typed and offers it back when the form is opened again', async () => {
    await office();
    const view = await openForm('kk');
    const u = user();
    await u.type(control('Қысқаша мазмұны'), 'Лифт істемейді');
    await u.type(control('Мәселе (өтініш берушінің сөзімен)'), 'Үш күннен бері лифт тоқтап тұр.');
    await waitFor(
      async () => {
        const draft = await loadDraft(getDb(), 'appeal', 'new');
        expect(draft?.data).toMatchObject({ values: { text: 'Үш күннен бері лифт тоқтап тұр.' } });
      },
      { timeout: 10_000 },
    );
    expect(await screen.findByText(/Жоба автоматты түрде сақталды/)).toBeInTheDocument();
    view.unmount();

    await openForm('kk');
    expect(await screen.findByText(/Сақталмаған жоба бар/)).toBeInTheDocument();
    expect(control('Қысқаша мазмұны')).toHaveValue('');
    await u.click(screen.getByRole('button', { name: 'Қалпына келтіру' }));
    expect(control('Қысқаша мазмұны')).toHaveValue('Лифт істемейді');
    expect(control('Мәселе (өтініш берушінің сөзімен)')).toHaveValue(
      'Үш күннен бері лифт тоқтап тұр.',
    );
    expect(screen.queryByText(/Сақталмаған жоба бар/)).not.toBeInTheDocument();
  });

  it('discarding the offered draft removes it, and so does saving the appeal', async () => {
    await office();
    const view = await openForm('kk');
    const u = user();
    await u.type(control('Қысқаша мазмұны'), 'Жоба');
    await waitFor(async () => expect(await getDb().drafts.count()).toBe(1));
    view.unmount();

    await openForm('kk');
    await u.click(await screen.findByRole('button', { name: 'Жою' }));
    await waitFor(async () => expect(await getDb().drafts.count()).toBe(0));
    expect(control('Қысқаша мазмұны')).toHaveValue('');

    await fillRequired(u);
    await waitFor(async () => expect(await getDb().drafts.count()).toBe(1));
    await u.click(screen.getByRole('button', { name: 'Тіркеу' }));
    await waitFor(() => expect(window.location.hash).toMatch(/registered=1/));
    expect(await getDb().drafts.count()).toBe(0);
    expect(await getDb().appeals.count()).toBe(1);
  });

  it('keeps the unfinished new person in the draft too', async () => {
    await office();
    const view = await openForm('kk');
    const u = user();
    await u.type(screen.getByRole('combobox', { name: /Өтініш беруші/ }), 'Бекова Сәуле');
    await u.click(await screen.findByRole('option', { name: /Жаңа өтініш беруші қосу/ }));
    await u.type(screen.getByLabelText('Телефон'), '87015550011');
    await waitFor(
      async () => {
        const draft = await loadDraft(getDb(), 'appeal', 'new');
        expect(draft?.data).toMatchObject({
          newApplicant: { fullName: 'Бекова Сәуле', phones: ['87015550011'] },
        });
      },
      { timeout: 10_000 },
    );
    view.unmount();
    await openForm('kk');
    await u.click(await screen.findByRole('button', { name: 'Қалпына келтіру' }));
    const panel = await screen.findByRole('group', { name: 'Жаңа өтініш беруші' });
    expect(within(panel).getByLabelText(/^Тегі, аты, әкесінің аты/)).toHaveValue('Бекова Сәуле');
    expect(within(panel).getByLabelText('Телефон')).toHaveValue('87015550011');
  });
});

describe('appeal form: screen', () => {
  it('shows the registration day and decision deadline while typing', async () => {
    await office();
    await openForm('kk');
    const u = user();
    const receivedAt = control('Келіп түскен күні мен уақыты');
    // Friday 20 Nov 2026 at 19:00, after hours: registered Monday 23 Nov.
    await u.clear(receivedAt);
    await u.type(receivedAt, '2026-11-20T19:00');
    const line = document.querySelector('.deadline-line')!;
    await waitFor(() => expect(line).toHaveTextContent('Тіркеу күні: 23.11.2026'));
    // 15 working days after Monday 23 Nov.
    expect(line).toHaveTextContent('Шешім мерзімі: 14.12.2026');
    expect(line).toHaveTextContent('Алғашқы байланыс: 23.11.2026 19:00 дейін');
    expect(
      screen.getByText('Жұмыс уақытынан тыс немесе демалыс күні келді: тіркеу күні — 23.11.2026'),
    ).toBeInTheDocument();
    expect(screen.getByText(ASSISTANT, { selector: 'option' })).toBeInTheDocument();
  });
});
