import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createAppeal, createApplicant } from '@renderer/db/repositories';
import { baseUrl, launchBrowser, OFFICE_LAPTOP } from './harness';
import { AppShell } from './pages/AppShell';
import { buildOffice, seedPage } from './seed';

describe('e2e seeding', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('copies an office built by the repositories into the browser', async () => {
    const dump = await buildOffice(async ({ db, ctx }) => {
      const a = await createApplicant(
        db,
        {
          consent: { given: true, date: '2026-11-20', form: 'written' },
          fullName: 'Сейітқали Гүлнар',
          phones: ['87012345678'],
        },
        ctx,
      );
      await createAppeal(
        db,
        {
          receivedAt: '2026-11-20T10:00',
          channel: 'reception',
          applicantId: a.id,
          subject: 'Ыстық су жоқ',
          text: 'Екі аптадан бері ыстық су жоқ.',
          topic: 'water',
        },
        ctx,
      );
    });
    const context = await browser.newContext({ viewport: OFFICE_LAPTOP });
    const page = await context.newPage();
    await page.goto(baseUrl());
    await page.waitForSelector('.gate, aside nav');
    await seedPage(page, dump);
    await page.reload();
    // Seeded with one user: no first-run questions, straight into the app.
    await new AppShell(page).navigation.waitFor();
    const stored = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const r = indexedDB.open('tizilim');
          r.onsuccess = () => {
            const c = r.result.transaction('registryRows').objectStore('registryRows').count();
            c.onsuccess = () => resolve(c.result);
          };
        }),
    );
    expect(stored).toBe(1);
    await context.close();
  });
});
