import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@renderer/db/database';
import { copyTemplate, saveDraft, saveSettings, transitionAppeal } from '@renderer/db/repositories';
import { setPlatform, type Platform } from '@renderer/platform';
import { LETTER_DRAFT_KIND, letterFileName } from '@renderer/features/templates/letterOutput';
import { builtInTemplate, type RenderedLetter } from '@shared/templates';
import {
  ctx,
  openDialog,
  polyfillDialog,
  renderAt,
  seedAppeal,
  seededOfficeEachTest,
  TODAY,
  USER_ID,
} from '../appeal/setup';
beforeAll(polyfillDialog);
seededOfficeEachTest();
beforeEach(async () => {
  // Letters need the deputy's position and the office phone besides the name.
  await saveSettings(
    getDb(),
    {
      users: [{ id: USER_ID, fullName: 'Айгерім Нұрланқызы', role: 'assistant', active: true }],
      deputy: {
        fullName: { kk: 'Серік Болатұлы Ахметов', ru: 'Ахметов Серик Болатович' },
        position: {
          kk: 'Астана қалалық мәслихатының депутаты',
          ru: 'Депутат маслихата города Астаны',
        },
      },
      contacts: { phone: '+77172555123', email: null, telegram: '', website: '', other: '' },
    },
    ctx,
  );
});

describe('templates page and editor', () => {
  it('lists built-ins by kind and opens a built-in read-only with a copy button', async () => {
    await renderAt('/templates');
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Өтініш берушіге жауап' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Кіріктірілген')).toHaveLength(8);
    await userEvent.click(screen.getByRole('link', { name: 'Өтініш берушіге жауап (бес бөлім)' }));
    expect(
      await screen.findByText(/кіріктірілген үлгі, оны өзгертуге болмайды/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Сақтау' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Көшірме жасау' }));
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Өтініш берушіге жауап (бес бөлім) (көшірме)',
      }),
    ).toBeInTheDocument();
    const own = (await getDb().templates.toArray())[0];
    expect(own?.copiedFromId).toBe(builtInTemplate('reply').id);
  });

  it('inserts a placeholder at the cursor, refuses an unknown one and saves a valid edit', async () => {
    const copy = await copyTemplate(getDb(), builtInTemplate('extension').id, ctx);
    await renderAt(`/templates/${copy.id}`);
    const body = await screen.findByLabelText<HTMLTextAreaElement>('Мәтін (Қазақ тілі)', {
      selector: '[data-body="2-kk"]',
    });
    fireEvent.change(body, { target: { value: 'Басы  соңы' } });
    body.focus();
    body.setSelectionRange(5, 5);
    await userEvent.click(screen.getByRole('button', { name: /Өтініштің тіркеу нөмірі/ }));
    await waitFor(() => expect(body.value).toBe('Басы {{appeal.regNo}} соңы'));

    fireEvent.change(body, { target: { value: 'Қате {{appeal.nomer}}' } });
    await userEvent.click(screen.getByRole('button', { name: 'Сақтау' }));
    await screen.findAllByRole('alert');
    const alert = document.querySelector('.notice.error');
    expect(alert).toHaveTextContent('Үлгіде белгісіз толтырғыш бар');
    expect(alert).toHaveTextContent('{{appeal.nomer}}');
    expect((await getDb().templates.get(copy.id))?.version).toBe(1);

    fireEvent.change(body, { target: { value: 'Мерзім {{appeal.extendedTo|to}} дейін.' } });
    await userEvent.click(screen.getByRole('button', { name: 'Сақтау' }));
    expect(await screen.findByText('Үлгі сақталды.')).toBeInTheDocument();
    const saved = await getDb().templates.get(copy.id);
    expect(saved?.version).toBe(2);
    expect(saved?.sections[2]?.body.kk).toBe('Мерзім {{appeal.extendedTo|to}} дейін.');
  });

  it('previews the template with a real appeal in both languages', async () => {
    const appeal = await seedAppeal();
    await renderAt(`/templates/${builtInTemplate('acknowledgement').id}`);
    const preview = async (lang: 'kk' | 'ru') =>
      waitFor(() => {
        const text = document.querySelector(`[data-preview="${lang}"] .preview-text`);
        if (!text) throw new Error('no preview yet');
        return text;
      });
    const kk = await preview('kk');
    expect(kk).toHaveTextContent(`№ ${appeal.regNo} болып тіркелді`);
    expect(kk).toHaveTextContent('Астана қалалық мәслихатының депутаты');
    expect(await preview('ru')).toHaveTextContent(`под № ${appeal.regNo}`);
  });
});

describe('letters from an appeal', () => {
  it('composes a reply, saves it as Word with a named file and notes it on the history', async () => {
    const saveFile = vi.fn<Platform['saveFile']>().mockResolvedValue({ saved: true });
    setPlatform({ kind: 'electron', saveFile, printToPdf: vi.fn() });
    const appeal = await seedAppeal();
    await transitionAppeal(getDb(), appeal.id, { type: 'start' }, ctx);
    await renderAt(`/appeals/${appeal.id}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Өтініш берушіге жауап' }));
    const dialog = openDialog();
    const word = await within(dialog).findByRole('button', { name: 'Word (.docx) сақтау' });
    // No outcome yet: the answer is missing, and nothing can be produced.
    expect(
      await within(dialog).findByText('Хатты дайындау үшін мына мәндер жетіспейді:'),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('listitem')).toHaveTextContent('Нақты жауап');
    expect(word).toBeDisabled();

    fireEvent.change(within(dialog).getByLabelText('Нақты жауап'), {
      target: { value: 'Ыстық су 18 қарашада берілді.' },
    });
    await waitFor(() => expect(word).toBeEnabled());
    expect(within(dialog).getByDisplayValue('Құрметті Сейітқали Гүлнар!')).toBeInTheDocument();
    await userEvent.click(word);
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    const request = saveFile.mock.calls[0]?.[0];
    expect(request?.fileName).toBe(`${appeal.regNo}_жауап_${TODAY}.docx`);
    expect(request?.data.byteLength).toBeGreaterThan(1000);
    expect(await within(dialog).findByText('Word файлы сақталды.')).toBeInTheDocument();
    await waitFor(async () => {
      const notes = (await getDb().events.where('appealId').equals(appeal.id).toArray()).filter(
        (e) => e.type === 'noteAdded',
      );
      expect(notes.map((n) => n.note)).toEqual([
        'Хат әзірленді: Өтініш берушіге жауап — «Өтініш берушіге жауап (бес бөлім)» (Қазақ тілі, Word)',
      ]);
    });
    expect((await getDb().appeals.get(appeal.id))?.status).toBe('in_progress');
  });
});

describe('letter print route', () => {
  it('prints a parked letter with letterhead and signature, and reports readiness', async () => {
    const letter: RenderedLetter = {
      templateId: null,
      templateKey: 'reply',
      kind: 'reply',
      lang: 'ru',
      title: 'Ответ',
      sections: [
        { key: 'addressee', title: 'Адресат', text: 'Иванова Ольга Петровна', layout: 'addressee' },
        {
          key: 'answer',
          title: 'Ответ',
          text: 'Мусор вывезен.\nГрафик согласован.',
          layout: 'body',
        },
      ],
    };
    await saveDraft(getDb(), {
      kind: LETTER_DRAFT_KIND,
      key: 'k1',
      data: { letter, outgoing: { number: '7-12', date: '2026-11-22' } },
    });
    await renderAt('/print/letter/k1');
    expect(await screen.findByText('Мусор вывезен.')).toBeInTheDocument();
    expect(screen.getByText('График согласован.')).toBeInTheDocument();
    expect(screen.getByText('№ 7-12')).toBeInTheDocument();
    expect(screen.getByText('22 ноября 2026 г.')).toBeInTheDocument();
    expect(screen.getByText('Ахметов Серик Болатович')).toBeInTheDocument();
    await expect(window.__tizilimPrintReady).resolves.toBeUndefined();
  });

  it('names output files with the reference, the kind and the date', () => {
    expect(letterFileName({ kind: 'reply', lang: 'kk' }, '2026-0042', '2026-11-22', 'docx')).toBe(
      '2026-0042_жауап_2026-11-22.docx',
    );
    expect(letterFileName({ kind: 'inquiry', lang: 'ru' }, '12-04/118', '2026-11-22', 'pdf')).toBe(
      '12-04-118_запрос_2026-11-22.pdf',
    );
    expect(letterFileName({ kind: 'inquiry', lang: 'kk' }, '', '2026-11-22', 'pdf')).toBe(
      'сауал_2026-11-22.pdf',
    );
  });
});
