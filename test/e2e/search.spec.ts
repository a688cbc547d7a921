import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createAppeal, createApplicant } from '@renderer/db/repositories';
import { baseUrl, launchBrowser, OFFICE_LAPTOP } from './harness';
import { AppShell } from './pages/AppShell';
import { ApplicantsPage } from './pages/ApplicantsPage';
import { RegistryPage } from './pages/RegistryPage';
import { buildOffice, seedPage, type TableDump } from './seed';

/** Both people agreed in writing to their data being kept (an appeal needs it). */
const WRITTEN_CONSENT = { given: true, date: '2026-11-20', form: 'written' } as const;

// Friday 20 November 2026, 10:00 in Astana.
const NOW = new Date('2026-11-20T05:00:00Z');

let dump: TableDump;
let browser: Browser;

beforeAll(async () => {
  dump = await buildOffice(
    async ({ db, ctx }) => {
      const zhanar = await createApplicant(
        db,
        {
          fullName: 'Төлегенова Жанар Серікқызы',
          phones: ['+7 701 555 43 21'],
          consent: WRITTEN_CONSENT,
        },
        ctx,
      );
      const other = await createApplicant(
        db,
        { fullName: 'Омарова Айгүл', phones: ['+7 747 111 22 33'], consent: WRITTEN_CONSENT },
        ctx,
      );
      const base = {
        channel: 'reception' as const,
        topic: 'housing',
        location: { locality: 'Астана', district: '', street: 'Абай', building: '12' },
      };
      // 2026-0001
      await createAppeal(
        db,
        {
          ...base,
          receivedAt: '2026-11-16T10:00',
          applicantId: zhanar.id,
          subject: 'Шатыр ағып тұр',
          text: 'Жаңбыр жауса бесінші қабаттағы пәтерге су ағады.',
        },
        ctx,
      );
      // 2026-0002
      await createAppeal(
        db,
        {
          ...base,
          receivedAt: '2026-11-18T11:00',
          applicantId: other.id,
          subject: 'Аулада жарық жоқ',
          text: 'Кешкі уақытта аула қараңғы.',
        },
        ctx,
      );
    },
    { now: NOW },
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function open(route: string): Promise<Page> {
  const context = await browser.newContext({ viewport: OFFICE_LAPTOP });
  const page = await context.newPage();
  await page.clock.setFixedTime(NOW);
  await page.goto(baseUrl());
  await page.waitForSelector('.gate, aside nav');
  await seedPage(page, dump);
  await page.goto(`${baseUrl()}#/${route}`);
  await page.reload();
  await new AppShell(page).navigation.waitFor();
  return page;
}

describe('search that forgives how people type', () => {
  it('finds the appeal in the registry by the name in any spelling, its number and phone', async () => {
    const page = await open('registry');
    const registry = new RegistryPage(page);
    await registry.grid.waitFor();
    expect(await registry.regNos()).toEqual(['2026-0002', '2026-0001']);
    for (const q of [
      'Төлегенова',
      'Толегенова',
      'tolegenova',
      'Tölegenova Janar',
      '0001',
      '4321',
    ]) {
      await registry.searchFor(q);
      await expect.poll(() => registry.regNos(), { message: q }).toEqual(['2026-0001']);
    }
    await page.context().close();
  });

  it('finds the applicant in the applicants list the same way', async () => {
    const page = await open('applicants');
    const applicants = new ApplicantsPage(page);
    for (const q of ['Толегенова', 'tolegenova', 'Zhanar', '4321']) {
      await applicants.searchFor(q);
      await expect
        .poll(() => applicants.names(), { message: q })
        .toEqual(['Төлегенова Жанар Серікқызы']);
    }
    await page.context().close();
  });
});
