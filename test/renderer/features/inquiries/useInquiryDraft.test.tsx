import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@renderer/db/database';
import { loadDraft, saveDraft } from '@renderer/db/repositories';
import type { DraftState } from '@renderer/features/inquiries/draftState';
import {
  draftStateFrom,
  INQUIRY_DRAFT_KIND,
  inquiryDraftKey,
  sameDraftState,
  useInquiryDraft,
  useInquiryDraftStatus,
} from '@renderer/features/inquiries/useInquiryDraft';
import { draftWritesSettled } from '@renderer/ui/useDraft';

// Timers are faked per test, only setTimeout (IndexedDB schedules with setImmediate).
const fakeTimers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

afterEach(async () => {
  vi.useRealTimers();
  const db = getDb();
  // Registry rows are derived: the change layer empties them with the appeals.
  const tables = db.tables.filter((table) => table.name !== 'registryRows');
  await Promise.all(tables.map((table) => table.clear()));
});

const START: DraftState = {
  agencyId: null,
  addressee: '',
  language: 'kk',
  subject: 'Ыстық су жоқ',
  templateId: 'inquiry-standard',
  extra: { problem: 'Екі аптадан бері ыстық су жоқ.' },
  appealIds: ['appeal-1'],
  notes: '',
};

/** Every Kazakh letter, a line break, a double space and a trailing space: kept exactly. */
const PARAGRAPH =
  'Әлихан Бөкейхан көшесіндегі 12-үйге ыстық су екі аптадан бері берілмейді.\n' +
  'Ғимараттың құбырлары тозған; Қуаныш, Өмір, Ұлан, Үміт, Һарун және Іңкәр —  бәрі осы үйде тұрады. ';

const stored = async (key: string) => (await loadDraft(getDb(), INQUIRY_DRAFT_KIND, key))?.data;

async function mount(key: string, start: DraftState = START) {
  const box = { state: start };
  const view = renderHook(() => {
    const draft = useInquiryDraft({
      db: getDb(),
      draftKey: key,
      baseline: start,
      snapshot: () => box.state,
    });
    return { draft, status: useInquiryDraftStatus(draft.status) };
  });
  const type = (patch: Partial<DraftState>) => {
    box.state = { ...box.state, ...patch };
    act(() => view.result.current.draft.schedule());
  };
  // The stored draft is looked up first; until then nothing is written.
  await waitFor(() => expect(view.result.current.draft.checked).toBe(true));
  return { box, type, ...view };
}

describe('inquiryDraftKey', () => {
  it('is the inquiry id once stored, and the sorted appeals before', () => {
    expect(inquiryDraftKey('inq-1', ['b', 'a'])).toBe('inq-1');
    expect(inquiryDraftKey(null, ['b', 'a'])).toBe('new:a,b');
    expect(inquiryDraftKey(null, ['a', 'b'])).toBe(inquiryDraftKey(null, ['b', 'a']));
    expect(inquiryDraftKey(null, [])).toBe('new:');
  });
});

describe('draftStateFrom', () => {
  it('keeps what a draft holds and falls back field by field on damaged data', () => {
    const full = { ...START, subject: 'Жаңа', agencyId: 'ag', extra: { problem: 'ә' } };
    expect(draftStateFrom(full, START)).toEqual(full);
    expect(
      draftStateFrom(
        { subject: 7, language: 'en', extra: { a: 'і', b: 3 }, appealIds: ['x', 1] },
        START,
      ),
    ).toEqual({ ...START, extra: { a: 'і' }, appealIds: ['x'] });
    expect(draftStateFrom(null, START)).toEqual(START);
    expect(sameDraftState({ ...START, extra: { ...START.extra, questions: '' } }, START)).toBe(
      true,
    );
  });
});

describe('useInquiryDraft', { timeout: 30_000 }, () => {
  it('writes after a pause in typing, and nothing while the text is as it started', async () => {
    const { type, result } = await mount('new:appeal-1');
    await act(() => result.current.draft.flush());
    expect(await stored('new:appeal-1')).toBeUndefined();
    type({ subject: 'Ыстық су жоқ (қайталанған)' });
    await waitFor(async () =>
      expect(await stored('new:appeal-1')).toEqual({
        ...START,
        subject: 'Ыстық су жоқ (қайталанған)',
      }),
    );
    await waitFor(() => expect(result.current.status.kind).toBe('saved'));
    // Typed back to the start: the draft goes.
    type({ subject: START.subject });
    await waitFor(async () => expect(await stored('new:appeal-1')).toBeUndefined());
  });

  it('writes at least once a second while typing never pauses', async () => {
    const { type, result } = await mount('new:appeal-1');
    fakeTimers();
    const seen: number[] = [];
    let problem = '';
    // A keystroke every 100 ms for 2.5 s of the clock: the pause alone would never come.
    for (const letter of PARAGRAPH.slice(0, 25)) {
      problem += letter;
      type({ extra: { problem } });
      await act(() => vi.advanceTimersByTimeAsync(100));
      // Reading waits for the writes started before it (one store, in order).
      const data = (await stored('new:appeal-1')) as DraftState | undefined;
      const length = data?.extra.problem?.length;
      if (length !== undefined && seen.at(-1) !== length) seen.push(length);
    }
    // Written at 1 s and 2 s of unbroken typing, never by the pause.
    expect(seen).toEqual([10, 20]);
    await act(() => result.current.draft.flush());
    expect(await stored('new:appeal-1')).toEqual({ ...START, extra: { problem } });
  });

  it('writes what is on screen when the editor leaves it', async () => {
    const { box, unmount } = await mount('inq-7');
    box.state = { ...box.state, notes: PARAGRAPH };
    unmount();
    await waitFor(async () =>
      expect(await stored('inq-7')).toEqual({ ...START, notes: PARAGRAPH }),
    );
  });

  it('stops before a save, so a late write cannot bring the removed draft back', async () => {
    const { box, type, result, unmount } = await mount('new:appeal-1');
    fakeTimers();
    type({ subject: PARAGRAPH });
    await act(() => result.current.draft.flush());
    expect(await stored('new:appeal-1')).toMatchObject({ subject: PARAGRAPH });
    // More typing scheduled, then the save starts.
    type({ notes: 'кейін' });
    await act(() => result.current.draft.stop());
    await act(() => result.current.draft.remove());
    expect(await stored('new:appeal-1')).toBeUndefined();
    // Nothing is left scheduled; a blur and leaving the screen come after: none writes.
    expect(vi.getTimerCount()).toBe(0);
    await act(() => result.current.draft.flush());
    box.state = { ...box.state, notes: 'тағы' };
    unmount();
    await draftWritesSettled();
    expect(await stored('new:appeal-1')).toBeUndefined();
  });

  it('saving an existing inquiry removes the draft and keeps autosaving against the saved text', async () => {
    const { box, type, result } = await mount('inq-8');
    type({ subject: 'Бірінші' });
    await act(() => result.current.draft.flush());
    expect(await stored('inq-8')).toMatchObject({ subject: 'Бірінші' });
    await act(() => result.current.draft.stop());
    await act(() => result.current.draft.saved(box.state));
    expect(await stored('inq-8')).toBeUndefined();
    type({ subject: 'Бірінші, екінші' });
    await waitFor(async () =>
      expect(await stored('inq-8')).toMatchObject({ subject: 'Бірінші, екінші' }),
    );
  });

  it('offers a stored draft back, does not overwrite it meanwhile, and restores it exactly', async () => {
    const offered = { ...START, subject: 'Қайта сауал: ыстық су', extra: { problem: PARAGRAPH } };
    await saveDraft(getDb(), { kind: INQUIRY_DRAFT_KIND, key: 'new:appeal-1', data: offered });
    const { type, result } = await mount('new:appeal-1');
    expect(result.current.draft.offer).not.toBeNull();
    // Typing while the offer is open schedules nothing and writes nothing over it.
    fakeTimers();
    type({ subject: 'басқа' });
    expect(vi.getTimerCount()).toBe(0);
    await act(() => result.current.draft.flush());
    await draftWritesSettled();
    expect(await stored('new:appeal-1')).toEqual(offered);
    vi.useRealTimers();
    let restored: DraftState | null = null;
    await act(async () => {
      restored = await result.current.draft.resolveOffer('restore');
    });
    expect(restored).toEqual(offered);
    expect(restored!.extra.problem).toBe(PARAGRAPH);
    expect(result.current.draft.offer).toBeNull();
  });

  it('discards an offered draft and autosaves from then on', async () => {
    const offered = { ...START, notes: PARAGRAPH };
    await saveDraft(getDb(), { kind: INQUIRY_DRAFT_KIND, key: 'inq-9', data: offered });
    const { type, result } = await mount('inq-9');
    expect(result.current.draft.offer).not.toBeNull();
    await act(async () => {
      expect(await result.current.draft.resolveOffer('discard')).toBeNull();
    });
    expect(await stored('inq-9')).toBeUndefined();
    type({ notes: 'Жаңа ескертпе' });
    await waitFor(async () =>
      expect(await stored('inq-9')).toMatchObject({ notes: 'Жаңа ескертпе' }),
    );
  });

  it('does not offer a draft equal to the stored inquiry, and clears it', async () => {
    await saveDraft(getDb(), { kind: INQUIRY_DRAFT_KIND, key: 'inq-10', data: START });
    const { result } = await mount('inq-10');
    await waitFor(async () => expect(await stored('inq-10')).toBeUndefined());
    expect(result.current.draft.offer).toBeNull();
  });
});
