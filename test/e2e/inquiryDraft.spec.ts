import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createAgency } from '@renderer/db/repositories';
import { createKzCalendar, isWorkingDay } from '@shared/calendar';
import { formatDay, parseDay } from '@shared/calendar/dates';
import { toKzLocalDate } from '@shared/calendar/zone';
import {
  baseUrl,
  collectPageErrors,
  killBrowser,
  launchProfile,
  screenshot,
  tempProfile,
} from './harness';
import { AppShell } from './pages/AppShell';
import { InquiryPage } from './pages/InquiryPage';
import { astanaOfficeSettings, GULNAR, HOT_WATER_COMPLAINT, officeWithAppeal } from './offices';
import { seedPage } from './seed';

/** The appeal came in on the last working day before today. */
const cal = createKzCalendar();
let RECEIVED_DAY = formatDay(parseDay(toKzLocalDate(new Date())) - 1);
while (!isWorkingDay(cal, RECEIVED_DAY)) RECEIVED_DAY = formatDay(parseDay(RECEIVED_DAY) - 1);

const SUBJECT = 'Әлихан Бөкейхан көшесі 12-үй: ыстық су мен жылу туралы';
/** Every Kazakh letter, line breaks, a double space and a trailing space: kept exactly. */
const PROBLEM =
  'Ғимараттың құбырлары тозған, екі аптадан бері ыстық су берілмейді.\n' +
  'Қуаныш, Өмір, Ұлан, Үміт, Һарун және Іңкәр —  бәрі осы үйде тұрады; пәтер иелері үш рет жүгінді.\n' +
  'Бөлмедегі температура +14° қана, қарттар мен балалар ауырып жүр. ';
const QUESTIONS = 'Ыстық су қашан беріледі?\nАпаттың себебі анықталды ма?';

/** The inquiry drafts in the page's IndexedDB, read directly (not through the app). */
async function inquiryDrafts(
  page: Page,
): Promise<{ key: string; data: Record<string, unknown> }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('tizilim');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction('drafts').objectStore('drafts').getAll();
          all.onsuccess = () => {
            resolve(
              (all.result as { kind: string; key: string; data: Record<string, unknown> }[])
                .filter((d) => d.kind === 'inquiry')
                .map(({ key, data }) => ({ key, data })),
            );
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

describe('inquiry draft autosave', () => {
  it('keeps a new inquiry through a killed browser, to the last character', async () => {
    const seeded = await officeWithAppeal(
      { ...GULNAR, preferredChannel: 'phone' },
      {
        ...HOT_WATER_COMPLAINT,
        receivedAt: `${RECEIVED_DAY}T10:00`,
        subject: 'Абай көшесі 12-үйде ыстық су жоқ',
        text: 'Абай көшесі 12-үйде екі аптадан бері ыстық су жоқ.',
        proposedAction: 'inquiry',
      },
      {
        settings: astanaOfficeSettings(),
        more: async ({ db, ctx }) => {
          await createAgency(
            db,
            {
              name: { kk: '«Астана-Жылу желілері» АҚ', ru: 'АО «Астана-Тепловые сети»' },
              kind: 'utility',
              headName: 'Сейітов Бауыржан Ерланұлы',
              headPosition: { kk: 'Басқарма төрағасы', ru: 'Председатель правления' },
            },
            ctx,
          );
        },
      },
    );
    const route = `${baseUrl()}#/inquiries/new?appeals=${seeded.appealId}`;
    const profile = tempProfile();
    try {
      const first = await launchProfile(profile.dir);
      const errors = collectPageErrors(first.page);
      await first.page.goto(baseUrl());
      await first.page.waitForSelector('.gate, aside nav');
      await seedPage(first.page, seeded.dump);
      await first.page.goto(route);
      await first.page.reload();
      const inq = new InquiryPage(first.page);
      await inq.heading.filter({ hasText: 'Жаңа депутаттық сауал' }).waitFor();
      await inq.field('Мекеме').selectOption({ label: '«Астана-Жылу желілері» АҚ' });
      await inq.field('Тақырыбы').fill(SUBJECT);
      await inq.extra('problem').fill('');
      await inq.extra('problem').pressSequentially(PROBLEM);
      await inq.extra('questions').pressSequentially(QUESTIONS);
      await first.page.getByText(/Терілген мәтін автоматты түрде сақталды/).waitFor();
      // The last keystroke is in the table without leaving the field: then the browser dies.
      await poll(async () => (await inquiryDrafts(first.page))[0]?.data.extra).toEqual({
        problem: PROBLEM,
        questions: QUESTIONS,
      });
      killBrowser(profile.dir);
      await first.context.close().catch(() => undefined);
      expect(errors).toEqual([]);

      const second = await launchProfile(profile.dir);
      const errorsAfter = collectPageErrors(second.page);
      await second.page.goto(route);
      const again = new InquiryPage(second.page);
      const offer = second.page.locator('.draft-offer');
      await offer.waitFor();
      expect(await offer.textContent()).toMatch(
        /Бұл сауалдың сақталмаған мәтіні табылды \(соңғы рет \d\d\.\d\d\.\d{4} \d\d:\d\d сақталған\)/,
      );
      // The offer has not been answered: nothing typed is on screen yet, nothing overwritten.
      expect(await again.field('Тақырыбы').inputValue()).toBe('Абай көшесі 12-үйде ыстық су жоқ');
      await screenshot(second.page, 'inquiry-draft-offer-kk');
      const shell = new AppShell(second.page);
      await shell.switchLanguage('ru');
      await offer.getByText(/Найден несохранённый текст этого запроса/).waitFor();
      await screenshot(second.page, 'inquiry-draft-offer-ru');
      expect((await inquiryDrafts(second.page))[0]?.data.subject).toBe(SUBJECT);

      await offer.getByRole('button', { name: 'Восстановить' }).click();
      await offer.waitFor({ state: 'detached' });
      expect(await again.field('Тема').inputValue()).toBe(SUBJECT);
      expect(await again.extra('problem').inputValue()).toBe(PROBLEM);
      expect(await again.extra('questions').inputValue()).toBe(QUESTIONS);
      expect(await again.field('Организация').inputValue()).not.toBe('');
      expect(await again.field('Адресат').inputValue()).toContain('Сейітов Бауыржан Ерланұлы');
      expect(await again.letter.textContent()).toContain('Іңкәр');

      // One more word: the status line shows it is kept.
      await again.extra('questions').press('End');
      await again.extra('questions').pressSequentially(' Кім жауапты?');
      const status = second.page.locator('.inquiry-editor .draft-status');
      await status.getByText(/Набранный текст сохранён автоматически \(\d\d:\d\d\)/).waitFor();
      await status.scrollIntoViewIfNeeded();
      await screenshot(second.page, 'inquiry-draft-status-ru');
      await shell.switchLanguage('kk');
      await status.getByText(/Терілген мәтін автоматты түрде сақталды \(\d\d:\d\d\)/).waitFor();
      await screenshot(second.page, 'inquiry-draft-status-kk');

      // Ctrl+S saves the inquiry; the draft goes with it.
      await again.field('Тақырыбы').focus();
      await second.page.keyboard.press('Control+s');
      await second.page.waitForURL(/#\/inquiries\/(?!new)/);
      await again.heading.filter({ hasText: 'Сауал жобасы' }).waitFor();
      expect(await again.extra('questions').inputValue()).toBe(`${QUESTIONS} Кім жауапты?`);
      await poll(() => inquiryDrafts(second.page)).toEqual([]);
      // Opening the saved inquiry again offers nothing.
      await second.page.reload();
      await again.heading.filter({ hasText: 'Сауал жобасы' }).waitFor();
      // The stored inquiry trims the field's trailing space, as every save does.
      expect(await again.extra('problem').inputValue()).toBe(PROBLEM.trimEnd());
      expect(await second.page.locator('.draft-offer').count()).toBe(0);
      expect(errorsAfter).toEqual([]);
      await second.context.close();
    } finally {
      profile.remove();
    }
  });
});
