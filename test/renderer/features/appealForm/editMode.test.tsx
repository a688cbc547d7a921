import { WRITTEN_CONSENT } from '@test/renderer/db/helpers';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@renderer/app/App';
import { getDb } from '@renderer/db/database';
import { createApplicant } from '@renderer/db/repositories';
import { appealHistory } from '@renderer/db/queries/appeals';
import { createAppealWithAttachments } from '@renderer/db/repositories/attachments';
import { initI18n } from '@renderer/i18n';
import { newId } from '@shared/ids';
import { control, office, openForm, polyfillDialog, resetBrowserState, resetDb } from './helpers';

beforeAll(polyfillDialog);
beforeEach(resetBrowserState);
afterEach(resetDb);
vi.setConfig({ testTimeout: 20_000 });

async function storedAppeal(userId: string) {
  const db = getDb();
  const ctx = { userId };
  const person = await createApplicant(
    db,
    { consent: WRITTEN_CONSENT, fullName: 'Омаров Ерлан', phones: ['87011112233'] },
    ctx,
  );
  const bytes = new TextEncoder().encode('%PDF-1.4');
  const { appeal } = await createAppealWithAttachments(
    db,
    {
      receivedAt: '2026-11-20T10:00',
      channel: 'letter',
      kind: 'complaint',
      applicantId: person.id,
      subject: 'Аялдама жоқ',
      text: 'Жаңа шағын ауданда автобус аялдамасы жоқ.',
      topic: 'roads_transport',
    },
    [{ fileName: 'хат.pdf', mimeType: 'application/pdf', size: bytes.byteLength, blob: bytes }],
    ctx,
  );
  return appeal;
}

describe('appeal form: editing', () => {
  it('edits a stored appeal, takes a file off and fills the report fields', async () => {
    const { userId } = await office();
    const appeal = await storedAppeal(userId);
    await openForm('kk', `/appeals/${appeal.id}/edit`, 'Өзгерістерді сақтау');
    expect(
      screen.getByRole('heading', { level: 1, name: '№ 2026-0001 өтінішті өңдеу' }),
    ).toBeInTheDocument();
    expect(control('Қысқаша мазмұны')).toHaveValue('Аялдама жоқ');
    expect(await screen.findByText('Омаров Ерлан')).toBeInTheDocument();
    // Stored dates are shown as stored.
    expect(document.querySelector('.deadline-line')).toHaveTextContent('Тіркеу күні: 20.11.2026');

    const u = userEvent.setup({ delay: null });
    const files = screen.getByRole('list', { name: '1 файл' });
    await u.click(within(files).getByRole('button', { name: '«хат.pdf» файлын алып тастау' }));
    expect(within(files).getByText('Сақтағанда алынып тасталады')).toBeInTheDocument();
    await u.clear(control('Қысқаша мазмұны'));
    await u.type(control('Қысқаша мазмұны'), 'Аялдама салу керек');
    const pair = screen.getByRole('group', { name: 'Есепке арналған қысқаша сипаттама' });
    await u.type(within(pair).getByLabelText('Қазақша'), 'Шағын ауданда аялдама салынды.');
    await u.type(within(pair).getByLabelText('Орысша'), 'В микрорайоне построена остановка.');
    await u.click(control('Жария есепке енгізу'));
    await u.click(screen.getByRole('button', { name: 'Өзгерістерді сақтау' }));

    await waitFor(() => expect(window.location.hash).toBe(`#/appeals/${appeal.id}`));
    const after = await getDb().appeals.get(appeal.id);
    expect(after).toMatchObject({
      subject: 'Аялдама салу керек',
      publicSummary: {
        kk: 'Шағын ауданда аялдама салынды.',
        ru: 'В микрорайоне построена остановка.',
      },
      inReport: true,
      attachmentIds: [],
    });
    const types = (await appealHistory(getDb(), appeal.id)).map((e) => e.type);
    expect(types.filter((t) => t === 'fieldChanged')).toHaveLength(2);
    expect(await getDb().drafts.count()).toBe(0);
  });

  it('says so when the appeal does not exist', async () => {
    await office();
    window.location.hash = `#/appeals/${newId()}/edit`;
    render(<App i18n={await initI18n('ru')} />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Обращение не найдено' }),
    ).toBeInTheDocument();
  });
});
