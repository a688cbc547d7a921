import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@renderer/db/database';
import { createAgency, createInquiry, saveSettings, sendInquiry } from '@renderer/db/repositories';
import { recordInquiryResponse } from '@renderer/db/repositories/inquiryResponses';
import { setPlatform, type Platform } from '@renderer/platform';
import { messageFor } from '@shared/validation/messages';
import {
  ctx,
  polyfillDialog,
  renderAt,
  resetDb,
  seedAppeal,
  USER_ID,
  shiftDay,
  TODAY,
} from '../appeal/setup';

beforeAll(polyfillDialog);

beforeEach(async () => {
  localStorage.clear();
  sessionStorage.clear();
  // The office's phone goes into every letter's contact line.
  await saveSettings(
    getDb(),
    {
      users: [{ id: USER_ID, fullName: 'Айгерім Нұрланқызы', role: 'assistant', active: true }],
      deputy: {
        fullName: { kk: 'Серік Болатұлы Ахметов', ru: 'Ахметов Серик Болатович' },
        position: { kk: 'Мәслихат депутаты', ru: 'Депутат маслихата' },
      },
      contacts: { phone: '+77172555123', email: null, telegram: '', website: '', other: '' },
    },
    ctx,
  );
});
afterEach(async () => {
  setPlatform(undefined);
  await resetDb();
});

async function heating() {
  return createAgency(
    getDb(),
    {
      name: { kk: '«Астана-Жылу желілері» АҚ', ru: 'АО «Астана-Тепловые сети»' },
      kind: 'utility',
      headName: 'Сейітов Б. Е.',
    },
    ctx,
  );
}

async function sentInquiry(
  agencyId: string,
  appealIds: string[],
  outgoingDate: string,
  subject: string,
) {
  const draft = await createInquiry(
    getDb(),
    {
      agencyId,
      addressee: '',
      appealIds,
      subject,
      extra: { problem: 'Ыстық су жоқ.', questions: 'Қашан беріледі?' },
      language: 'kk',
    },
    ctx,
  );
  return (await sendInquiry(getDb(), draft.id, { outgoingDate }, ctx)).inquiry;
}

describe('inquiries list', () => {
  it('shows the overdue view from the Today page link, with late badges', async () => {
    const agency = await heating();
    await sentInquiry(agency.id, [], shiftDay(TODAY, -40), 'Ескі сауал');
    await sentInquiry(agency.id, [], TODAY, 'Жаңа сауал');
    await renderAt('/inquiries?view=overdue');
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(table).toHaveTextContent('Ескі сауал');
    expect(table).not.toHaveTextContent('Жаңа сауал');
    expect(table).toHaveTextContent(/жұмыс күні кешікті/);
    expect(within(table).getByText('Жауап мерзімі өтті')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /Мерзімі өткен/, pressed: true }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Барлығы/ }));
    await waitFor(() => expect(screen.getByRole('table')).toHaveTextContent('Жаңа сауал'));
  });
});

describe('inquiry page', () => {
  it('flags an answer missing a part and turns it into a repeat inquiry draft', async () => {
    const agency = await heating();
    const appeal = await seedAppeal();
    const inquiry = await sentInquiry(agency.id, [appeal.id], TODAY, 'Ыстық су туралы');
    await recordInquiryResponse(
      getDb(),
      inquiry.id,
      {
        receivedOn: TODAY,
        theirNo: '03-12/4455',
        check: {
          reference: true,
          receipt: true,
          answer: true,
          furtherActions: false,
          conclusion: true,
        },
      },
      [],
      ctx,
    );
    await renderAt(`/inquiries/${inquiry.id}`);
    const answer = await screen.findByRole('region', { name: 'Мекеменің жауабы' });
    expect(answer).toHaveTextContent('Жауап толық емес: 1 бөлім жоқ.');
    expect(answer).toHaveTextContent('Алдағы әрекеттер туралы түсіндірме — жоқ');
    await userEvent.click(screen.getByRole('button', { name: 'Қайта сауал жазу' }));
    await waitFor(async () =>
      expect((await getDb().inquiries.toArray()).some((i) => i.repeatOfId === inquiry.id)).toBe(
        true,
      ),
    );
    const repeat = (await getDb().inquiries.toArray()).find((i) => i.repeatOfId === inquiry.id);
    await waitFor(() => expect(window.location.hash).toBe(`#/inquiries/${repeat!.id}`));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Қайта сауал жобасы' }),
    ).toBeInTheDocument();
    // Back on the original: no second repeat is offered, the draft is.
    window.location.hash = `#/inquiries/${inquiry.id}`;
    expect(await screen.findByRole('link', { name: 'Қайта сауал жобасын ашу' })).toHaveAttribute(
      'href',
      `#/inquiries/${repeat!.id}`,
    );
    expect(screen.queryByRole('button', { name: 'Қайта сауал жазу' })).toBeNull();
    expect(repeat).toMatchObject({ status: 'draft', appealIds: [appeal.id], agencyId: agency.id });
  });

  it('saves the letter as Word through the platform, named by number and date', async () => {
    const saveFile = vi.fn<Platform['saveFile']>().mockResolvedValue({ saved: true });
    setPlatform({ kind: 'electron', saveFile, printToPdf: vi.fn() });
    const agency = await heating();
    const inquiry = await sentInquiry(agency.id, [], TODAY, 'Ыстық су туралы');
    await renderAt(`/inquiries/${inquiry.id}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Word (.docx)' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled());
    const request = saveFile.mock.calls[0]![0];
    expect(request.fileName).toBe(
      `Депутаттық сауал ${inquiry.outgoingNo!.replace('/', '-')} ${TODAY}.docx`,
    );
    const xml = strFromU8(unzipSync(request.data)['word/document.xml']!);
    expect(xml).toContain('ДЕПУТАТТЫҚ САУАЛ');
    expect(xml).toContain('Қашан беріледі?');
    expect(await screen.findByText('Word файлы сақталды.')).toBeInTheDocument();
  });
});

describe('draft editor', () => {
  it('asks before leaving a draft with unsaved text, and stays when told to', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const appeal = await seedAppeal();
    await renderAt(`/inquiries/new?appeals=${appeal.id}`);
    const subject = await screen.findByLabelText(/Тақырыбы/);
    expect(subject).toHaveValue('Ыстық су жоқ');
    await userEvent.type(subject, ' (қайталанған)');
    await userEvent.click(screen.getByRole('link', { name: 'Бүгін' }));
    expect(confirm).toHaveBeenCalledWith(
      'Сауал жобасындағы өзгерістер әлі сақталмаған. Терілген мәтін жоғалмайды: сауалды қайта ашқанда оны қалпына келтіруге болады. Шығасыз ба?',
    );
    expect(window.location.hash).toContain('/inquiries/new');
    expect(screen.getByLabelText(/Тақырыбы/)).toHaveValue('Ыстық су жоқ (қайталанған)');
    confirm.mockRestore();
  });
});

describe('agency directory', () => {
  it('refuses an agency without a name in kk and stores it once named', async () => {
    await renderAt('/agencies');
    await userEvent.click(await screen.findByRole('button', { name: /Мекеме қосу/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Сақтау' }));
    expect(await within(dialog).findByText(messageFor('name_required', 'kk'))).toBeInTheDocument();
    expect(await getDb().agencies.count()).toBe(0);
    await userEvent.type(within(dialog).getByLabelText(/Атауы \(қазақша\)/), 'Білім басқармасы');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Сақтау' }));
    const table = await screen.findByRole('table');
    expect(
      await within(table).findByRole('link', { name: 'Білім басқармасы' }),
    ).toBeInTheDocument();
    expect(await getDb().agencies.count()).toBe(1);
  });
});
