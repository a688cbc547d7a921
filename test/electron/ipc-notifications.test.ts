import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createShowNotificationHandler } from '@electron/ipc/notifications';
import { fake, FakeNotification, flush } from './fakeElectron';
import { inProcessApi } from './inProcessApi';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const overdue = {
  kind: 'overdue' as const,
  title: 'Мерзімі өткен өтініштер: 3',
  body: '2026-0042 Ыстық су жоқ және тағы 2',
};

function api(focusWindow = vi.fn()) {
  const made = inProcessApi({
    showNotification: createShowNotificationHandler({
      Notification: FakeNotification,
      focusWindow,
    }),
  });
  return { focusWindow, show: (payload: unknown) => made['showNotification']!(payload) };
}

describe('deadline notifications in the main process', () => {
  beforeEach(() => fake.reset());

  it('shows the page’s words and, on a click, brings the window forward and says so', async () => {
    const { focusWindow, show } = api();
    const answer = show(overdue);
    await flush();
    const [shown] = FakeNotification.instances;
    expect(shown?.options).toEqual({ title: overdue.title, body: overdue.body });
    expect(shown?.shown).toBe(true);
    shown!.emit('click');
    expect(await answer).toEqual({ shown: true, clicked: true });
    expect(focusWindow).toHaveBeenCalledTimes(1);
  });

  it('answers "not clicked" when it is closed, and "not shown" without system notifications', async () => {
    const { focusWindow, show } = api();
    const answer = show({ ...overdue, kind: 'not_contacted' });
    await flush();
    FakeNotification.instances[0]!.emit('close');
    expect(await answer).toEqual({ shown: true, clicked: false });
    expect(focusWindow).not.toHaveBeenCalled();

    FakeNotification.supported = false;
    expect(await show(overdue)).toEqual({ shown: false, clicked: false });
    expect(FakeNotification.instances).toHaveLength(1);
  });

  it('refuses a request outside the contract, showing nothing', async () => {
    const { show } = api();
    for (const bad of [
      { ...overdue, kind: 'birthday' },
      { ...overdue, title: '' },
      { ...overdue, body: 'х'.repeat(1_001) },
      { ...overdue, icon: '/etc/passwd' },
      undefined,
    ]) {
      await expect(show(bad)).rejects.toThrow(/^\[INVALID_PAYLOAD\]/);
    }
    expect(FakeNotification.instances).toEqual([]);
  });
});
