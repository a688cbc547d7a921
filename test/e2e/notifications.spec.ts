import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fillTodayOffice, TODAY_INSTANT } from '../renderer/features/dashboard/todayOffice';
import { installDesktopHarness, type DesktopHarness } from './desktopHarness';
import { baseUrl } from './harness';
import { buildOffice, openSeededApp, useBrowser } from './seed';

describe('deadline notifications', () => {
  const run = useBrowser();
  const dir = mkdtempSync(join(tmpdir(), 'tizilim-notify-'));
  let desktop: DesktopHarness | null = null;
  afterAll(async () => {
    await desktop?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the desktop app asks main to notify of an overdue appeal at start; a click opens the overdue list', async () => {
    const dump = await buildOffice(async ({ db, ctx }) => {
      await fillTodayOffice(db, ctx);
    });
    const { page, errors } = await openSeededApp(run.browser, dump, {
      now: TODAY_INSTANT,
      contexts: run.contexts,
      prepare: async (_page, context) => {
        desktop = await installDesktopHarness(context, {
          baseUrl: baseUrl(),
          userDataDir: join(dir, 'userData'),
          // The person clicks the overdue one.
          answerNotification: (request) => ({ shown: true, clicked: request.kind === 'overdue' }),
        });
      },
    });
    const harness = desktop!;
    // The notifier starts once the first screen has painted and the page is idle (Layout).
    await expect
      .poll(() => harness.notifications.find((n) => n.kind === 'overdue'), { timeout: 15_000 })
      .toEqual({
        kind: 'overdue',
        title: 'Мерзімі өткен өтініштер: 1',
        body: 'Тізімді ашу үшін басыңыз.',
      });
    // One notification per list, each shown in its turn.
    await expect
      .poll(() => harness.notifications.map((n) => n.kind).sort())
      .toEqual(['due_today', 'not_contacted', 'overdue']);
    expect(harness.calls.filter((c) => c.channel === 'notify:show').every((c) => c.ok)).toBe(true);
    await expect.poll(() => page.url()).toContain('view=overdue');
    expect(errors).toEqual([]);
  });
});
