import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@renderer/db/database';
import { createAppeal } from '@renderer/db/repositories';
import { DEFAULT_TOPICS } from '@shared/domain';
import { openApp, resetDatabase, seedOffice, storedSettings } from './officeApp';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(resetDatabase);

const LIGHTING = { id: 'lighting', kk: 'Көше жарығы', ru: 'Уличное освещение', retired: false };
const TREES = { id: 'trees', kk: 'Ағаш кесу', ru: 'Вырубка деревьев', retired: false };

async function officeWithCustomTopics() {
  const userId = await seedOffice({ topics: [...DEFAULT_TOPICS, LIGHTING, TREES] });
  await createAppeal(
    getDb(),
    {
      receivedAt: '2026-11-16T10:00',
      channel: 'phone',
      applicantId: null,
      subject: 'Көшеде шам жанбайды',
      text: 'Абай көшесінде үш шам жанбайды.',
      topic: 'lighting',
    },
    { userId },
  );
}

function rowOf(kk: string) {
  return screen.getByText(kk, { selector: 'td' }).closest('tr')!;
}

describe('settings: topics', { timeout: 30_000 }, () => {
  it('a topic in use cannot be deleted, only retired and restored', async () => {
    await officeWithCustomTopics();
    await openApp('/settings/topics');
    const user = userEvent.setup();
    const del = await screen.findByRole('button', { name: 'Көше жарығы: жою' });
    await waitFor(() => expect(within(rowOf('Көше жарығы')).getByText('1')).toBeInTheDocument());
    expect(del).toBeDisabled();
    expect(del).toHaveAttribute(
      'title',
      'Бұл тақырыпта 1 өтініш бар: оны жоюға болмайды, тек мұрағатқа жіберуге болады',
    );

    await user.click(screen.getByRole('button', { name: 'Көше жарығы: мұрағатқа жіберу' }));
    expect(
      await screen.findByText('«Көше жарығы» тақырыбы мұрағатқа жіберілді'),
    ).toBeInTheDocument();
    expect((await storedSettings()).topics.find((t) => t.id === 'lighting')?.retired).toBe(true);
    // The notice comes from the click; the row follows the stored settings a moment later.
    expect(await within(rowOf('Көше жарығы')).findByText('мұрағатта')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Көше жарығы: мұрағаттан қайтару' }));
    await waitFor(async () =>
      expect((await storedSettings()).topics.find((t) => t.id === 'lighting')?.retired).toBe(false),
    );
  });

  it('an unused custom topic can be deleted; built-in ones cannot', async () => {
    await officeWithCustomTopics();
    await openApp('/settings/topics', 'ru');
    const user = userEvent.setup();
    const del = await screen.findByRole('button', { name: 'Удалить: Вырубка деревьев' });
    // Built-in topics are named by reports and imports: they can only be archived.
    expect(
      screen.queryByRole('button', { name: 'Удалить: Водоснабжение и водоотведение' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'В архив: Водоснабжение и водоотведение' }),
    ).toBeEnabled();
    await waitFor(() => expect(del).toBeEnabled());
    await user.click(del);
    expect(await screen.findByText('Тема «Вырубка деревьев» удалена')).toBeInTheDocument();
    const ids = (await storedSettings()).topics.map((t) => t.id);
    expect(ids).not.toContain('trees');
    expect(ids).toContain('lighting');
  });

  it('refuses the delete if an appeal took the topic meanwhile', async () => {
    const userId = await seedOffice({ topics: [...DEFAULT_TOPICS, TREES] });
    await openApp('/settings/topics');
    const del = await screen.findByRole('button', { name: 'Ағаш кесу: жою' });
    await waitFor(() => expect(del).toBeEnabled());
    // Registered in another window a moment before the click: the count on screen has not
    // refreshed yet, so the button is still enabled when it is clicked.
    await createAppeal(
      getDb(),
      {
        receivedAt: '2026-11-16T10:00',
        channel: 'phone',
        applicantId: null,
        subject: 'Ағаш кесілді',
        text: 'Аулада үш ағаш кесілді.',
        topic: 'trees',
      },
      { userId },
    );
    expect(del).toBeEnabled();
    fireEvent.click(del);
    expect(await screen.findByRole('status')).toHaveTextContent(/Бұл тақырыпта 1 өтініш бар/);
    expect((await storedSettings()).topics.map((t) => t.id)).toContain('trees');
  });

  it('adds a topic with an id made from its name, and renames it in both languages', async () => {
    await seedOffice();
    await openApp('/settings/topics');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Атауы \(қазақша\)/), 'Ойын алаңдары');
    await user.type(screen.getByLabelText(/^Атауы \(орысша\)/), 'Детские площадки');
    expect(screen.getByLabelText('Коды')).toHaveAttribute('placeholder', 'detskie_ploshchadki');
    await user.click(screen.getByRole('button', { name: 'Қосу' }));
    expect(await screen.findByText('«Ойын алаңдары» тақырыбы қосылды')).toBeInTheDocument();
    expect((await storedSettings()).topics.at(-1)).toEqual({
      id: 'detskie_ploshchadki',
      kk: 'Ойын алаңдары',
      ru: 'Детские площадки',
      retired: false,
    });

    await user.click(await screen.findByRole('button', { name: 'Ойын алаңдары: атауын өзгерту' }));
    const dialog = await screen.findByRole('dialog');
    const kk = within(dialog).getByLabelText(/^Атауы \(қазақша\)/);
    await user.clear(kk);
    await user.type(kk, 'Балалар ойын алаңдары');
    await user.click(within(dialog).getByRole('button', { name: 'Сақтау' }));
    await waitFor(async () =>
      expect((await storedSettings()).topics.at(-1)).toMatchObject({
        id: 'detskie_ploshchadki',
        kk: 'Балалар ойын алаңдары',
      }),
    );
  });

  it.each([
    ['kk', 'Бұл өрісті толтырыңыз', 'Тақырып коды тек латын', 'Бұл мән тізімде бұрыннан бар'],
    ['ru', 'Заполните это поле', 'Код темы может содержать', 'Такое значение уже есть в списке'],
  ] as const)('validates a new topic in %s', async (lang, required, badId, duplicate) => {
    await seedOffice();
    await openApp('/settings/topics', lang);
    const user = userEvent.setup();
    const code = await screen.findByLabelText(lang === 'kk' ? 'Коды' : 'Код');
    await user.type(code, 'Жарық');
    await user.click(screen.getByRole('button', { name: lang === 'kk' ? 'Қосу' : 'Добавить' }));
    expect((await screen.findAllByText(required)).length).toBe(2);
    expect(screen.getByText(new RegExp(badId))).toBeInTheDocument();
    await user.clear(code);
    await user.type(code, 'water');
    await user.click(screen.getByRole('button', { name: lang === 'kk' ? 'Қосу' : 'Добавить' }));
    expect(await screen.findByText(duplicate)).toBeInTheDocument();
    expect((await storedSettings()).topics).toHaveLength(DEFAULT_TOPICS.length);
  });
});
