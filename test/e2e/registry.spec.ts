import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  createAppeal,
  createApplicant,
  transitionAppeal,
  updateAppeal,
} from '@renderer/db/repositories';
import { baseUrl, collectPageErrors, launchBrowser, OFFICE_LAPTOP, screenshot } from './harness';
import { AppShell } from './pages/AppShell';
import { RegistryPage } from './pages/RegistryPage';
import { buildOffice, seedPage, type TableDump } from './seed';

// Friday 20 November 2026, 10:00 in Astana.
const NOW = new Date('2026-11-20T05:00:00Z');

let dump: TableDump;
let browser: Browser;

beforeAll(async () => {
  dump = await buildOffice(
    async ({ db, ctx, userIds }) => {
      const gulnar = await createApplicant(
        db,
        {
          consent: { given: true, date: '2026-11-20', form: 'written' },
          fullName: 'Сейітқали Гүлнар Маратқызы',
          phones: ['87012345678'],
          iin: '061211600012',
        },
        ctx,
      );
      const ivan = await createApplicant(
        db,
        {
          consent: { given: true, date: '2026-11-20', form: 'written' },
          fullName: 'Петров Иван Сергеевич',
          phones: ['+77471112233'],
        },
        ctx,
      );
      const base = {
        channel: 'reception' as const,
        topic: 'housing',
        location: { locality: 'Астана', district: '', street: 'Абай', building: '12' },
      };
      // 2026-0001: received 23 Oct → decision due 13 Nov, overdue by today.
      const overdue = await createAppeal(
        db,
        {
          ...base,
          receivedAt: '2026-10-23T10:00',
          applicantId: gulnar.id,
          subject: 'Шатыр ағып тұр',
          text: 'Жаңбыр жауса бесінші қабаттағы пәтерге су ағады.',
        },
        ctx,
      );
      await transitionAppeal(db, overdue.id, { type: 'start' }, ctx);
      // 2026-0002: received 30 Oct → due 20 Nov: due today.
      await createAppeal(
        db,
        {
          ...base,
          receivedAt: '2026-10-30T11:00',
          applicantId: ivan.id,
          subject: 'Нет горячей воды',
          text: 'Во всём подъезде нет горячей воды вторую неделю.',
          topic: 'water',
        },
        ctx,
      );
      // 2026-0003: waiting for an agency, assigned to the second user.
      const waiting = await createAppeal(
        db,
        {
          ...base,
          receivedAt: '2026-11-16T09:30',
          applicantId: ivan.id,
          subject: 'Яма на дороге',
          text: 'Глубокая яма у остановки, машины объезжают по встречной.',
          topic: 'roads_transport',
        },
        ctx,
      );
      await updateAppeal(
        db,
        waiting.id,
        { assignee: userIds[0]!, firstContactAt: '2026-11-16T15:00' },
        ctx,
      );
      await transitionAppeal(db, waiting.id, { type: 'start' }, ctx);
      await transitionAppeal(db, waiting.id, { type: 'awaitAgency' }, ctx);
      // 2026-0004: anonymous, closed.
      const closed = await createAppeal(
        db,
        {
          ...base,
          receivedAt: '2026-11-02T10:00',
          applicantId: null,
          subject: 'Аулада жарық жоқ',
          text: 'Кешкі уақытта аула қараңғы.',
          topic: 'public_safety',
        },
        ctx,
      );
      await transitionAppeal(
        db,
        closed.id,
        {
          type: 'decide',
          outcome: 'explained',
          outcomeSummary: 'Түсіндірілді',
          decidedOn: '2026-11-05',
        },
        ctx,
      );
      await transitionAppeal(
        db,
        closed.id,
        { type: 'informApplicant', informedAt: '2026-11-05T12:00', via: 'publication' },
        ctx,
      );
      await transitionAppeal(db, closed.id, { type: 'close' }, ctx);
    },
    { now: NOW },
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function openRegistry(
  query = '',
  office: TableDump = dump,
): Promise<{ page: Page; registry: RegistryPage; errors: string[] }> {
  const context = await browser.newContext({ viewport: OFFICE_LAPTOP });
  const page = await context.newPage();
  await page.clock.setFixedTime(NOW);
  const errors = collectPageErrors(page);
  await page.goto(baseUrl());
  await page.waitForSelector('.gate, aside nav');
  await seedPage(page, office);
  await page.goto(`${baseUrl()}#/registry${query}`);
  await page.reload();
  await new AppShell(page).navigation.waitFor();
  const registry = new RegistryPage(page);
  await registry.grid.waitFor();
  return { page, registry, errors };
}

describe('registry', () => {
  it('lists appeals newest first with deadline badges and view counts', async () => {
    const { page, registry, errors } = await openRegistry();
    expect(await registry.regNos()).toEqual(['2026-0003', '2026-0004', '2026-0002', '2026-0001']);
    const badge = (regNo: string) =>
      page.locator('.registry-row', { hasText: regNo }).locator('.deadline-badge');
    expect(await badge('2026-0001').getAttribute('class')).toContain('overdue');
    expect(await badge('2026-0002').textContent()).toBe('Мерзімі бүгін бітеді');
    expect(await registry.viewTab('Мерзімі өткен').locator('.view-count').textContent()).toBe('1');
    expect(
      await registry.viewTab('Мекеме жауабын күтуде').locator('.view-count').textContent(),
    ).toBe('1');
    expect(await registry.viewTab('Менің өтініштерім').locator('.view-count').textContent()).toBe(
      '1',
    );
    await screenshot(page, 'registry-kk');
    await new AppShell(page).switchLanguage('ru');
    await expect
      .poll(() => page.locator('.registry-page h1').textContent())
      .toBe('Реестр обращений');
    await screenshot(page, 'registry-ru');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows every number, status and deadline whole at 1366×768, in kk and ru', async () => {
    // A registry past 10,000 appeals a year has five- and six-digit sequences, and a laptop
    // without a number block gives provisional numbers: an ellipsis cutting them would make
    // two appeals look alike in the list.
    const long = ['2026-23565', '2026-KTM-0042', '2026-123456', '2026-MNP-0417'];
    const numberOf = new Map(
      dump.appeals!.map((appeal, i) => [(appeal as { id: string }).id, long[i]!]),
    );
    // The appeals and the registry's rows derived from them (written together by the app).
    const renumber = (records: unknown[]) =>
      records.map((record) => ({
        ...(record as object),
        regNo: numberOf.get((record as { id: string }).id),
      }));
    const renumbered: TableDump = {
      ...dump,
      appeals: renumber(dump.appeals!),
      registryRows: renumber(dump.registryRows!),
    };
    const { page, registry } = await openRegistry('', renumbered);
    expect([...(await registry.regNos())].sort()).toEqual([...long].sort());
    // The text of each cell against the room its box leaves it (a Range measures the text
    // even where an ellipsis hides the end of it).
    const cut = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.registry-row')].flatMap((row) =>
          ['col-regNo', 'col-status', 'col-deadline'].flatMap((column) => {
            const cell = row.querySelector<HTMLElement>(`.${column}`)!;
            const style = getComputedStyle(cell);
            const room =
              cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            const range = document.createRange();
            range.selectNodeContents(cell);
            const width = range.getBoundingClientRect().width;
            return width > room + 0.01 ? [`${cell.textContent} (${width} > ${room})`] : [];
          }),
        ),
      );
    expect(await cut()).toEqual([]);
    await new AppShell(page).switchLanguage('ru');
    await expect
      .poll(() => page.locator('.registry-page h1').textContent())
      .toBe('Реестр обращений');
    expect(await cut()).toEqual([]);
    await page.context().close();
  });

  it('finds appeals by phone in any format, IIN, regNo and a Kazakh word prefix', async () => {
    const { page, registry } = await openRegistry();
    const expectRows = (regNos: string[]) => expect.poll(() => registry.regNos()).toEqual(regNos);
    await registry.searchFor('+7 (701) 234-56-78');
    await expectRows(['2026-0001']);
    await registry.searchFor('8 747 111 22 33');
    await expectRows(['2026-0003', '2026-0002']);
    await registry.searchFor('061211600012');
    await expectRows(['2026-0001']);
    await registry.searchFor('2026-4');
    await expectRows(['2026-0004']);
    await registry.searchFor('шаты');
    await expectRows(['2026-0001']);
    await registry.searchFor('гүлнар');
    await expectRows(['2026-0001']);
    await registry.searchFor('горячей подъезд');
    await expectRows(['2026-0002']);
    await registry.searchFor('жоқсөз');
    await expect.poll(() => page.locator('.registry-empty').textContent()).toContain('табылмады');
    await page.context().close();
  });

  it('keeps filters, views and search in the URL, so a view reopens as it was', async () => {
    const { page, registry } = await openRegistry();
    await registry.openFilters();
    await registry.filter('Тақырып').selectOption('roads_transport');
    await expect.poll(() => registry.regNos()).toEqual(['2026-0003']);
    expect(page.url()).toContain('topic=roads_transport');
    await registry.filter('Тақырып').selectOption('');
    await registry.viewTab('Мерзімі өткен').click();
    await expect.poll(() => registry.regNos()).toEqual(['2026-0001']);
    const url = page.url();
    await page.goto('about:blank');
    await page.goto(url);
    await registry.grid.waitFor();
    expect(await registry.regNos()).toEqual(['2026-0001']);
    await page.context().close();
  });

  it('works from the keyboard: / searches, arrows move, Enter opens, N starts a new appeal', async () => {
    const { page, registry } = await openRegistry();
    await page.keyboard.press('/');
    expect(await registry.search.evaluate((el) => el === document.activeElement)).toBe(true);
    // A fast typist moves on before the search has answered: the arrows still select, and
    // the selection and the focus survive the answer.
    await page.keyboard.type('абай');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.url()).toContain('q=%D0%B0%D0%B1%D0%B0%D0%B9');
    // Every seeded appeal is on Абай street, so the rows alone cannot tell that the search has
    // been answered; the table says so by no longer being busy.
    await registry.settled();
    await expect
      .poll(() => registry.regNos())
      .toEqual(['2026-0003', '2026-0004', '2026-0002', '2026-0001']);
    await expect
      .poll(() => page.locator('.registry-row.active .col-regNo').textContent())
      .toBe('2026-0002');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/#\/appeals\/[0-9a-f-]{36}$/);
    await page.goBack();
    await registry.grid.waitFor();
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    await expect.poll(() => page.url()).toContain('#/appeals/new');
    await page.context().close();
  });
});

describe('a registry longer than the screen', () => {
  let long: TableDump;
  beforeAll(async () => {
    long = await buildOffice(
      async ({ db, ctx }) => {
        // 150 letters an hour apart from 1 October: 2026-0001 the oldest, 2026-0150 the newest.
        for (let i = 0; i < 150; i++) {
          const at = new Date(Date.UTC(2026, 9, 1, 4 + i));
          const local = new Date(at.getTime() + 5 * 3_600_000).toISOString().slice(0, 16);
          await createAppeal(
            db,
            {
              channel: 'letter',
              topic: 'roads_transport',
              location: { locality: 'Астана', district: '', street: 'Сарыарқа', building: '5' },
              receivedAt: local,
              applicantId: null,
              subject: `Жолды жөндеу, хат №${String(i + 1)}`,
              text: 'Аулаға кіретін жол ойылып қалған.',
            },
            ctx,
          );
        }
      },
      { now: NOW },
    );
  });

  /** Whether the row of this number is rendered and wholly inside the table's visible body. */
  const inView = (page: Page, regNo: string) =>
    page.evaluate((wanted) => {
      const body = document.querySelector('.registry-body')!.getBoundingClientRect();
      const row = [...document.querySelectorAll('.registry-row')].find(
        (el) => el.querySelector('.col-regNo')?.textContent === wanted,
      );
      if (!row) return false;
      const box = row.getBoundingClientRect();
      return box.top >= body.top - 1 && box.bottom <= body.bottom + 1;
    }, regNo);

  it('renders the rows in view only, and the keyboard and the scroll bar reach every row', async () => {
    const { page, registry, errors } = await openRegistry('', long);
    await expect.poll(() => registry.regNos().then((r) => r[0])).toBe('2026-0150');
    const rendered = await page.locator('.registry-row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(40);

    await registry.grid.focus();
    await page.keyboard.press('End');
    await expect
      .poll(() => page.locator('.registry-row.active .col-regNo').textContent())
      .toBe('2026-0001');
    await expect.poll(() => inView(page, '2026-0001')).toBe(true);
    await screenshot(page, 'registry-long-end-kk');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowUp');
    const active = await page.locator('.registry-row.active .col-regNo').textContent();
    await expect.poll(() => inView(page, active!)).toBe(true);
    await page.keyboard.press('Home');
    await expect
      .poll(() => page.locator('.registry-row.active .col-regNo').textContent())
      .toBe('2026-0150');
    await expect.poll(() => inView(page, '2026-0150')).toBe(true);

    // The scroll bar: row 100 (2026-0050) comes into view and is rendered.
    await page.locator('.registry-body').evaluate((el) => (el.scrollTop = 100 * 40));
    await expect.poll(() => inView(page, '2026-0050')).toBe(true);
    expect(await inView(page, '2026-0150')).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('paints each scroll with its rows: they are rendered within the scroll event', async () => {
    const { page, registry, errors } = await openRegistry('', long);
    await expect.poll(() => registry.regNos().then((r) => r[0])).toBe('2026-0150');
    // Jumps far beyond the rows rendered around the view, down and back up. The browser
    // fires a scroll event in the frame it is about to paint, before painting it; a
    // listener added after the table's own runs after it, and what it sees is what that
    // frame paints: the rows of the new position must be there.
    const missing = await page.evaluate(async () => {
      const body = document.querySelector<HTMLElement>('.registry-body')!;
      const gaps: string[] = [];
      let seen = 0;
      body.addEventListener('scroll', () => {
        seen++;
        const first = Math.floor(body.scrollTop / 40);
        const last = Math.ceil((body.scrollTop + body.clientHeight) / 40) - 1;
        const rendered = new Set(
          [...document.querySelectorAll('.registry-row .col-regNo')].map((el) => el.textContent),
        );
        for (let index = first; index <= Math.min(last, 149); index++) {
          // Row `index` is 2026-(150 - index), newest first.
          const wanted = `2026-${String(150 - index).padStart(4, '0')}`;
          if (!rendered.has(wanted)) gaps.push(`${wanted} at scrollTop ${body.scrollTop}`);
        }
      });
      for (const top of [60 * 40, 20 * 40 + 13, 130 * 40, 0, 95 * 40]) {
        const before = seen;
        body.scrollTop = top;
        while (seen === before) await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return gaps;
    });
    expect(missing).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
