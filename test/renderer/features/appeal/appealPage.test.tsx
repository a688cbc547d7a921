import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@renderer/db/database';
import { setPlatform, type Platform } from '@renderer/platform';
import { newBaseFields } from '@shared/domain';
import { newId } from '@shared/ids';
import { polyfillDialog, renderAt, seedAppeal, seededOfficeEachTest, USER_ID } from './setup';

beforeAll(polyfillDialog);
seededOfficeEachTest();

describe('appeal page', () => {
  it('shows the header: number, subject, status, applicant with contacts, dates and deadlines', async () => {
    const appeal = await seedAppeal();
    await renderAt(`/appeals/${appeal.id}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Ыстық су жоқ' }),
    ).toBeInTheDocument();
    const header = screen.getByRole('banner');
    expect(header).toHaveTextContent(`Өтініш № ${appeal.regNo}`);
    expect(header).toHaveTextContent('Тіркелді');
    expect(within(header).getByRole('link', { name: 'Сейітқали Гүлнар' })).toHaveAttribute(
      'href',
      expect.stringContaining(`/applicants/${appeal.applicantId}`),
    );
    // The header is masked; the applicant panel is where the number is read in full.
    expect(header).toHaveTextContent('+7 ••• ••• •• 78');
    expect(header).not.toHaveTextContent('701 234');
    const deadlines = screen.getByRole('region', { name: 'Мерзімдер' });
    expect(deadlines).toHaveTextContent('Қарау мерзімі');
    expect(deadlines).toHaveTextContent('Алғашқы байланыс (72 сағат)');
    expect(deadlines).toHaveTextContent('Шешім қабылданғаннан кейін есептеледі');
  });

  it('after registration offers the receipt first and prints it through the platform', async () => {
    const printToPdf = vi.fn<Platform['printToPdf']>().mockResolvedValue({ saved: true });
    setPlatform({ kind: 'electron', saveFile: vi.fn(), printToPdf });
    const appeal = await seedAppeal({}, { preferredLanguage: 'ru' });
    await renderAt(`/appeals/${appeal.id}?registered=1`);
    const banner = await screen.findByRole('region', {
      name: `Өтініш тіркелді: № ${appeal.regNo}`,
    });
    await userEvent.click(within(banner).getByRole('button', { name: 'PDF ретінде сақтау' }));
    expect(printToPdf).toHaveBeenCalledWith({
      route: `/print/receipt/${appeal.id}?lang=ru`,
      fileName: `${appeal.regNo} талон.pdf`,
    });
    expect((await screen.findAllByText('Құжат дайын.')).length).toBeGreaterThan(0);
    await userEvent.click(within(banner).getByRole('button', { name: 'Жасыру' }));
    await waitFor(() => expect(screen.queryByText(/Өтініш тіркелді:/)).toBeNull());

    await userEvent.click(
      within(screen.getByRole('region', { name: 'Құжаттар' })).getAllByRole('button', {
        name: 'Басып шығару',
      })[1]!,
    );
    expect(printToPdf).toHaveBeenLastCalledWith({
      route: `/print/appeal/${appeal.id}?lang=kk`,
      fileName: `${appeal.regNo} өтініш карточкасы.pdf`,
    });
  });

  it('a note is added with Ctrl+Enter and appears in the history; an empty one is refused', async () => {
    const appeal = await seedAppeal();
    await renderAt(`/appeals/${appeal.id}`);
    const box = await screen.findByLabelText('Ескертпе қосу');
    await userEvent.click(screen.getByRole('button', { name: 'Ескертпені сақтау' }));
    expect(screen.getByText('Бұл өрісті толтырыңыз')).toBeInTheDocument();
    await userEvent.type(box, 'Өтініш берушіге қоңырау шалдым{Control>}{Enter}{/Control}');
    const history = screen.getByRole('list', { name: 'Өтініш тарихы' });
    await waitFor(() => expect(history).toHaveTextContent('Өтініш берушіге қоңырау шалдым'));
    expect(box).toHaveValue('');
    const events = await getDb().events.where('appealId').equals(appeal.id).toArray();
    expect(events.filter((e) => e.type === 'noteAdded')).toHaveLength(1);
  });

  it('records the first contact now', async () => {
    const appeal = await seedAppeal();
    await renderAt(`/appeals/${appeal.id}`);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Байланыс болды — қазір белгілеу' }),
    );
    await waitFor(async () =>
      expect((await getDb().appeals.get(appeal.id))?.firstContactAt).not.toBeNull(),
    );
    expect(await screen.findByText(/Байланыс болды: /)).toBeInTheDocument();
  });

  it('public summary: the switch needs a summary; saved with the switch, hints at personal data', async () => {
    const appeal = await seedAppeal();
    await renderAt(`/appeals/${appeal.id}`, 'ru');
    const toggle = await screen.findByRole('switch', { name: 'Включить в публичный отчёт' });
    await userEvent.click(toggle);
    expect(
      await screen.findByText(
        'Чтобы включить обращение в отчёт, сначала напишите краткое описание.',
      ),
    ).toBeInTheDocument();
    expect(toggle).not.toBeChecked();

    // Both languages side by side; the Russian field is typed here.
    const pair = screen.getByRole('group', { name: 'Краткое описание для публичного отчёта' });
    const text = within(pair).getByLabelText('На русском');
    await userEvent.type(text, 'Позвонить 87012345678');
    // The report's own check: what it warns about, the report would refuse.
    expect(
      screen.getByText(/В тексте есть то, что похоже на персональные данные \(номер телефона\)/),
    ).toBeInTheDocument();
    await userEvent.clear(text);
    await userEvent.type(text, 'В доме восстановлена подача горячей воды.');
    // The Kazakh text is missing: the form says so, but the appeal may still go in.
    expect(
      within(pair).getByText('Нет перевода: в отчёте на этом языке не появится'),
    ).toBeInTheDocument();
    await userEvent.click(toggle);
    await waitFor(() => expect(toggle).toBeChecked());
    expect(await getDb().appeals.get(appeal.id)).toMatchObject({
      publicSummary: { kk: '', ru: 'В доме восстановлена подача горячей воды.' },
      inReport: true,
    });
  });

  it('lists attachments with size and downloads them through an object URL', async () => {
    const appeal = await seedAppeal();
    await getDb().attachments.add({
      ...newBaseFields({ id: newId(), now: new Date().toISOString(), userId: USER_ID }),
      appealId: appeal.id,
      inquiryId: null,
      fileName: 'акт-обследования.pdf',
      mimeType: 'application/pdf',
      size: 350 * 1024,
      blob: new Blob(['%PDF-1.7'], { type: 'application/pdf' }),
    });
    const createObjectURL = vi.fn(() => 'blob:test');
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = vi.fn();
    await renderAt(`/appeals/${appeal.id}`);
    const files = await screen.findByRole('region', { name: 'Файлдар' });
    expect(await within(files).findByText('акт-обследования.pdf')).toBeInTheDocument();
    expect(files).toHaveTextContent('350 КБ');
    await userEvent.click(within(files).getByRole('button', { name: 'Жүктеп алу' }));
    expect(createObjectURL).toHaveBeenCalled();
    expect(click).toHaveBeenCalled();
    click.mockRestore();
    URL.createObjectURL = original.create;
    URL.revokeObjectURL = original.revoke;
  });

  it('an unknown appeal says so', async () => {
    await renderAt('/appeals/01900000-0000-7000-8000-00000000dead');
    expect(await screen.findByRole('heading', { name: 'Өтініш табылмады' })).toBeInTheDocument();
  });
});

describe('print routes', () => {
  it('the receipt reports readiness once rendered, in the applicant’s language', async () => {
    const appeal = await seedAppeal({}, { preferredLanguage: 'ru' });
    await renderAt(`/print/receipt/${appeal.id}`);
    await waitFor(() => expect(window.__tizilimPrintReady).toBeDefined());
    await window.__tizilimPrintReady;
    const receipt = screen.getByRole('region', { name: 'Талон о принятии обращения' });
    expect(receipt).toHaveTextContent(`№ ${appeal.regNo}`);
    expect(receipt).toHaveTextContent('Ахметов Серик Болатович');
    expect(receipt).toHaveTextContent('избирательный округ № 7');
    expect(receipt).toHaveTextContent('Айгерім Нұрланқызы, помощник депутата');
    expect(receipt).toHaveTextContent(/до \d+ [а-я]+ \d{4} г\./);
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('the card lists the fields and the history in the requested language', async () => {
    const appeal = await seedAppeal();
    await renderAt(`/print/appeal/${appeal.id}?lang=kk`, 'ru');
    await waitFor(() => expect(window.__tizilimPrintReady).toBeDefined());
    await window.__tizilimPrintReady;
    const card = screen.getByRole('article');
    expect(card).toHaveTextContent('Өтініштің тіркеу-бақылау карточкасы');
    expect(card).toHaveTextContent('Екі аптадан бері ыстық су жоқ.');
    expect(card).toHaveTextContent('Өтініш тіркелді');
    expect(card).toHaveTextContent(`Басып шығарылды:`);
  });

  it('a missing appeal makes the print readiness fail instead of hanging', async () => {
    await renderAt('/print/receipt/01900000-0000-7000-8000-00000000dead');
    await waitFor(() => expect(window.__tizilimPrintReady).toBeDefined());
    await expect(window.__tizilimPrintReady).rejects.toThrow(/not found/);
  });
});
