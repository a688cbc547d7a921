import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@renderer/db/database';
import {
  addVisitor,
  callVisitor,
  createReception,
  INTAKE_DRAFT_KIND,
  intakeDraftKey,
  loadDraft,
  saveDraft,
} from '@renderer/db/repositories';
import {
  useIntakeDraft,
  useIntakeSaveStatus,
} from '@renderer/features/reception/run/useIntakeDraft';
import { openApp, seedOffice } from '@test/renderer/features/settings/officeApp';

/** Tuesday 24 November 2026, 10:00 in Astana. */
const INSTANT = new Date('2026-11-24T05:00:00Z');

const TEXT =
  'Біздің ауладағы балалар алаңы әбден тозған: әткеншек сынған, құм жоқ.\n' +
  'Үй басқармасы «қаражат жоқ» дейді. Ғалым, Өмір, Ұлан, Үміт, Һарун — бәрі осы аулада ойнайды.  ';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  vi.useFakeTimers({ now: INSTANT, toFake: ['Date'] });
});
afterEach(async () => {
  vi.useRealTimers();
  const db = getDb();
  // Registry rows are derived: the change layer empties them with the appeals.
  const tables = db.tables.filter((table) => table.name !== 'registryRows');
  await Promise.all(tables.map((table) => table.clear()));
});

async function office() {
  const userId = await seedOffice();
  const ctx = { userId, now: () => INSTANT };
  const reception = await createReception(
    getDb(),
    {
      date: '2026-11-24',
      startTime: '10:00',
      endTime: '13:00',
      place: 'Астана, Сарыарқа ауданы, мәслихат ғимараты, 104-кабинет',
      format: 'in_person',
      accessibilityNotes: '',
      notes: '',
    },
    ctx,
  );
  return { ctx, reception };
}

describe('reception run screen', { timeout: 30_000 }, () => {
  it('queues visitors, calls the vulnerable one first and registers the intake', async () => {
    const { reception } = await office();
    const user = userEvent.setup();
    await openApp(`/reception/${reception.id}/run`);
    const form = await screen.findByRole('form', { name: 'Келушіні кезекке қосу Alt+N' });
    const add = async (name: string, category?: string) => {
      await user.type(within(form).getByLabelText('Аты-жөні'), name);
      if (category) await user.click(within(form).getByLabelText(category));
      await user.click(within(form).getByRole('button', { name: 'Кезекке қосу' }));
      await screen.findByText(name, { selector: '.visitor-name' });
    };
    await add('Асқаров Ерлан');
    await add('Иванова Мария');
    await add('Омарова Күләш', 'Зейнеткер');

    const waiting = screen.getByRole('list', { name: 'Кезекте күтіп отыр' });
    const rows = within(waiting).getAllByRole('listitem');
    expect(rows.map((li) => li.querySelector('.visitor-name')?.textContent)).toEqual([
      'Омарова Күләш',
      'Асқаров Ерлан',
      'Иванова Мария',
    ]);
    expect(rows[0]).toHaveTextContent('Басымдық: Зейнеткер');

    await user.keyboard('{Alt>}c{/Alt}');
    const text = await screen.findByRole('textbox', { name: 'Мәселе (сөзбе-сөз)' });
    await waitFor(() => expect(text).toHaveFocus());
    expect(screen.getByRole('heading', { level: 2, name: /Омарова Күләш/ })).toBeInTheDocument();

    // Finishing with nothing written is refused, in words, and nothing is registered.
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Бұл өрісті толтырыңыз')).toBeInTheDocument();
    expect(await getDb().appeals.count()).toBe(0);

    await user.type(text, 'Балалар алаңы сынған.');
    await user.type(
      screen.getByRole('textbox', { name: 'Азаматтың депутаттан күтетіні' }),
      'Жөндету',
    );
    await user.click(screen.getByRole('radio', { name: 'Кездесу' }));
    // The consent is an explicit choice: none made, the deputy is asked for it at the choice.
    await user.keyboard('{Control>}{Enter}{/Control}');
    const given = screen.getByRole('radio', { name: 'Жазбаша келісім алынды' });
    await waitFor(() => expect(given).toHaveFocus());
    // (The focus can come before the message is rendered.)
    await waitFor(() =>
      expect(
        screen.getByRole('group', { name: 'Дербес деректерді өңдеуге келісім' }),
      ).toHaveTextContent('өтінішті жеке деректерсіз тіркеуді таңдаңыз'),
    );
    expect(await getDb().appeals.count()).toBe(0);
    await user.click(given);
    await user.keyboard('{Control>}{Enter}{/Control}');
    const done = await screen.findByTestId('intake-done');
    expect(within(done).getByTestId('intake-regno')).toHaveTextContent('2026-0001');
    expect(done).toHaveTextContent('Кездесу');
    const [appeal] = await getDb().appeals.toArray();
    expect(appeal).toMatchObject({
      channel: 'reception',
      receptionId: reception.id,
      text: 'Балалар алаңы сынған.',
      expectation: 'Жөндету',
      proposedAction: 'meeting',
      priority: true,
      priorityReason: 'Зейнеткер',
    });
    expect((await getDb().applicants.get(appeal!.applicantId!))?.consent).toMatchObject({
      given: true,
      form: 'written',
    });
    const entry = (await getDb().receptions.get(reception.id))?.queue.find(
      (e) => e.appealId === appeal?.id,
    );
    expect(entry?.status).toBe('done');
    expect(
      await loadDraft(getDb(), INTAKE_DRAFT_KIND, intakeDraftKey(reception.id, entry!.id)),
    ).toBe(undefined);
  });

  it('numbers the meeting checklist and the intake steps from 1', async () => {
    const { reception, ctx } = await office();
    await openApp(`/reception/${reception.id}/run`);
    await waitFor(() => expect(document.querySelector('ol.checklist-reminder')).not.toBeNull());
    const reminder = document.querySelector<HTMLOListElement>('ol.checklist-reminder')!;
    expect(reminder.start).toBe(1);
    expect(reminder.querySelector('li')).toHaveTextContent('Сөзін бөлмей тыңдаңыз');
    const { entry } = await addVisitor(getDb(), reception.id, { name: 'Асқаров Ерлан' }, ctx);
    await callVisitor(getDb(), reception.id, entry.id, ctx);
    const user = userEvent.setup();
    const talking = await screen.findByRole('list', { name: 'Қабылдауда' });
    const open = within(talking).queryByRole('button', { name: 'Ашу' });
    if (open) await user.click(open);
    const first = await screen.findByRole('heading', { level: 3, name: /Сөзін бөлмей тыңдаңыз/ });
    expect(first.querySelector('.step-number')).toHaveTextContent('1');
    expect(first).toHaveTextContent('Alt+1');
  });

  it('shows no full phone, IIN or address anywhere on the intake screen', async () => {
    const { reception, ctx } = await office();
    const db = getDb();
    const { createApplicant } = await import('@renderer/db/repositories');
    await createApplicant(
      db,
      {
        fullName: 'Серікова Айгүл Бекқызы',
        phones: ['+77012345678'],
        iin: '061211600012',
        address: { locality: 'Астана', street: 'Кенесары көшесі', building: '12', flat: '34' },
        consent: { given: true, date: '2026-11-20', form: 'written' },
      },
      ctx,
    );
    const { entry } = await addVisitor(
      db,
      reception.id,
      { name: 'Иванова Мария', phone: '+7 777 123 45 67' },
      ctx,
    );
    await callVisitor(db, reception.id, entry.id, ctx);
    const user = userEvent.setup();
    await openApp(`/reception/${reception.id}/run`);
    const form = await screen.findByRole('form', { name: 'Келушіні кезекке қосу Alt+N' });
    // A returning visitor is offered by phone: masked, and picking her types nothing back.
    await user.type(within(form).getByLabelText('Телефоны'), '8701');
    await user.type(within(form).getByLabelText('Аты-жөні'), 'Серікова');
    const offer = await screen.findByRole('button', { name: /Серікова Айгүл Бекқызы/ });
    await user.click(offer);
    await screen.findByTestId('returning-chosen');
    expect(within(form).getByLabelText('Телефоны')).toHaveValue('8701');
    const page = document.body.textContent ?? '';
    expect(page).toContain('+7 ••• ••• •• 67');
    for (const full of [
      '777 123 45 67',
      '7771234567',
      '701 234 56 78',
      '061211600012',
      'Кенесары',
    ]) {
      expect(page).not.toContain(full);
    }
  });

  it('saves the words as they are typed and puts them back exactly on reopening', async () => {
    const { reception, ctx } = await office();
    const db = getDb();
    const { entry } = await addVisitor(db, reception.id, { name: 'Нұрланов Дәурен' }, ctx);
    await callVisitor(db, reception.id, entry.id, ctx);
    const key = intakeDraftKey(reception.id, entry.id);

    const user = userEvent.setup();
    const first = await openApp(`/reception/${reception.id}/run`);
    const text = await screen.findByRole('textbox', { name: 'Мәселе (сөзбе-сөз)' });
    await user.type(text, 'Ыстық су жоқ');
    await waitFor(async () =>
      expect((await loadDraft(db, INTAKE_DRAFT_KIND, key))?.data).toMatchObject({
        text: 'Ыстық су жоқ',
      }),
    );
    first.view.unmount();

    // What a crash leaves behind: the last draft, written before the app died.
    await saveDraft(db, {
      kind: INTAKE_DRAFT_KIND,
      key,
      data: { text: TEXT, expectation: 'Сауал', proposedAction: 'inquiry', result: '' },
    });
    await openApp(`/reception/${reception.id}/run`, 'ru');
    const again = await screen.findByRole('textbox', { name: 'Суть проблемы (дословно)' });
    expect(again).toHaveValue(TEXT);
    expect(screen.getByRole('textbox', { name: 'Чего гражданин ждёт от депутата' })).toHaveValue(
      'Сауал',
    );
    expect(screen.getByRole('radio', { name: 'Депутатский запрос' })).toBeChecked();
    expect(screen.getByRole('heading', { level: 2, name: /Нұрланов Дәурен/ })).toBeInTheDocument();
  });
});

describe('useIntakeDraft', () => {
  it('writes at least once a second while typing never pauses, and once more at the end', async () => {
    vi.useRealTimers();
    // Only setTimeout is faked: IndexedDB schedules its work with setImmediate.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = getDb();
    let text = '';
    const { result } = renderHook(() => {
      const draft = useIntakeDraft({ db, draftKey: 'r:e', snapshot: () => ({ text }) });
      const status = useIntakeSaveStatus(draft.status);
      return { draft, status };
    });
    const saves: number[] = [];
    // A keystroke every 100 ms for 2.5 s of the clock: the debounce alone would never fire.
    for (let i = 0; i < 25; i++) {
      text += 'ә';
      act(() => result.current.draft.schedule());
      await act(() => vi.advanceTimersByTimeAsync(100));
      // Reading waits for the writes started before it (one store, in order).
      const stored = (await loadDraft(db, INTAKE_DRAFT_KIND, 'r:e'))?.data as
        { text: string } | undefined;
      if (stored && saves.at(-1) !== stored.text.length) saves.push(stored.text.length);
    }
    // Written at 1 s and 2 s of unbroken typing, never by the pause.
    expect(saves).toEqual([10, 20]);
    await act(() => result.current.draft.flush());
    expect(result.current.status).toMatchObject({ kind: 'saved', data: { text: 'ә'.repeat(25) } });
    expect((await loadDraft(db, INTAKE_DRAFT_KIND, 'r:e'))?.data).toEqual({ text: 'ә'.repeat(25) });
  });

  it('stops autosaving for the registration and resumes when it fails', async () => {
    vi.useRealTimers();
    const db = getDb();
    let text = 'бір';
    const { result, unmount } = renderHook(() =>
      useIntakeDraft({ db, draftKey: 'r:f', snapshot: () => ({ text }) }),
    );
    await act(() => result.current.stop());
    expect((await loadDraft(db, INTAKE_DRAFT_KIND, 'r:f'))?.data).toEqual({ text: 'бір' });
    text = 'бір екі';
    await act(() => result.current.flush());
    expect((await loadDraft(db, INTAKE_DRAFT_KIND, 'r:f'))?.data).toEqual({ text: 'бір' });
    act(() => result.current.resume());
    await waitFor(async () =>
      expect((await loadDraft(db, INTAKE_DRAFT_KIND, 'r:f'))?.data).toEqual({ text: 'бір екі' }),
    );
    // Leaving the screen writes what is there.
    text = 'бір екі үш';
    unmount();
    await waitFor(async () =>
      expect((await loadDraft(db, INTAKE_DRAFT_KIND, 'r:f'))?.data).toEqual({ text: 'бір екі үш' }),
    );
  });
});
