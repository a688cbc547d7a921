import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAppeal, createApplicant } from '@renderer/db/repositories';
import {
  baseUrl,
  collectPageErrors,
  launchBrowser,
  launchProfile,
  OFFICE_LAPTOP,
  screenshot,
  tempProfile,
} from './harness';
import { AppealFormPage } from './pages/AppealFormPage';
import { AppShell } from './pages/AppShell';
import { buildOffice, seedPage } from './seed';

/** Reads a whole object store of the app's IndexedDB in the page. */
async function readTable<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const request = indexedDB.open('tizilim');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            resolve(all.result as T[]);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
    table,
  );
}

/** The smallest PDF readers open: one empty page. */
const PDF =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

const SUBJECT_KK = 'Аулада жарық жоқ';
const TEXT_KK =
  'Абай көшесі 12-үйдің ауласында үш аптадан бері түнде жарық жанбайды. Балалар мектептен қараңғыда қайтады, қарт адамдар құлап қалуы мүмкін.';

describe('appeal form', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });

  async function newPage(): Promise<{ page: Page; errors: string[] }> {
    // Office laptops in Kazakhstan run a Russian or Kazakh system locale (dates as 20.11.2026).
    const context = await browser.newContext({ viewport: OFFICE_LAPTOP, locale: 'ru-RU' });
    contexts.push(context);
    const page = await context.newPage();
    return { page, errors: collectPageErrors(page) };
  }

  /** A fresh office (first run answered) on the new-appeal form. */
  async function freshForm() {
    const { page, errors } = await newPage();
    const shell = new AppShell(page);
    await shell.open(baseUrl(), '/appeals/new');
    const form = new AppealFormPage(page);
    await form.form.waitFor();
    return { page, errors, shell, form };
  }

  it('registers an appeal with a new applicant and lands on the appeal', async () => {
    const { page, errors, form } = await freshForm();
    await expect(form.heading.textContent()).resolves.toBe('Жаңа өтінішті тіркеу');
    await expect(form.deadlineLine.textContent()).resolves.toMatch(
      /Тіркеу күні: \d\d\.\d\d\.\d{4}.*Шешім мерзімі: \d\d\.\d\d\.\d{4}/,
    );
    await screenshot(page, 'appeal-form-kk-empty');

    // An empty save: errors in Kazakh, focus on the first one (the channel).
    await form.save();
    await form.fieldErrors.first().waitFor();
    const messages = await form.fieldErrors.allTextContents();
    expect(messages).toContain('Тізімнен мән таңдаңыз');
    expect(messages).toContain('Бұл өрісті толтырыңыз');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    expect(
      await form.field('Келіп түсу тәсілі').evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await screenshot(page, 'appeal-form-kk-errors');

    await form.field('Келіп түсу тәсілі').selectOption('reception');
    await form.startNewApplicant('Сейітқали Гүлнар Асқарқызы');
    await form.panelField('Телефон').fill('8 701 234 56 78');
    await form.panelField('Көше').fill('Абай көшесі');
    await form.newApplicantPanel.getByLabel('Зейнеткер').check();
    await form.newApplicantPanel.getByLabel('Өтініш беруші келісім берді').check();
    await screenshot(page, 'appeal-form-kk-new-applicant');
    await form.newApplicantPanel.getByRole('button', { name: 'Қосу', exact: true }).click();
    // Shown masked where a visitor may look: the country code and the last two digits.
    await form.chosenApplicant.getByText('+7 ••• ••• •• 78').waitFor();

    await form.chosenApplicant.scrollIntoViewIfNeeded();
    await screenshot(page, 'appeal-form-kk-chosen');
    // The pensioner gets priority, suggested from her category.
    expect(await form.field('Басым тәртіппен қарау').isChecked()).toBe(true);
    expect(await form.field('Басымдық себебі').inputValue()).toContain('Зейнеткер');

    await form.field('Қысқаша мазмұны').fill(SUBJECT_KK);
    await form.field(/^Мәселе/).fill(TEXT_KK);
    await form.field('Тақырып').selectOption('improvement');
    await form.field('Елді мекен').fill('Астана');

    // A photo of the yard and a scanned letter.
    const photo = await page.screenshot({ clip: { x: 0, y: 0, width: 160, height: 120 } });
    await form.form.locator('input[type=file]').setInputFiles([
      { name: 'аула-фото.png', mimeType: 'image/png', buffer: photo },
      { name: 'хат-скан.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) },
    ]);
    await form.form.locator('.file-list .file').nth(1).waitFor();
    expect(await form.form.locator('.file-list').textContent()).toMatch(/хат-скан\.pdf.*Б/);
    await form.form.locator('.file-list img').evaluate((img: HTMLImageElement) => img.decode());
    await form.form.locator('.file-list').scrollIntoViewIfNeeded();
    await screenshot(page, 'appeal-form-kk-filled');
    await form.save();

    await page.waitForURL(/#\/appeals\/[0-9a-f-]{36}\?registered=1$/);
    const appeals = await readTable<{
      id: string;
      regNo: string;
      subject: string;
      applicantId: string;
    }>(page, 'appeals');
    expect(appeals).toHaveLength(1);
    expect(appeals[0]!.regNo).toMatch(/^\d{4}-\d{4}$/);
    expect(appeals[0]!.subject).toBe(SUBJECT_KK);
    const applicants = await readTable<{ id: string; phones: string[]; consent: unknown }>(
      page,
      'applicants',
    );
    expect(applicants).toHaveLength(1);
    expect(applicants[0]!.phones).toEqual(['+77012345678']);
    expect(applicants[0]!.id).toBe(appeals[0]!.applicantId);
    expect(await readTable(page, 'drafts')).toEqual([]);
    const files = await readTable<{ fileName: string; appealId: string; size: number }>(
      page,
      'attachments',
    );
    expect(files.map((f) => f.fileName).sort()).toEqual(['аула-фото.png', 'хат-скан.pdf']);
    expect(files.every((f) => f.appealId === appeals[0]!.id)).toBe(true);
    // Chromium keeps the files as Blobs, with every byte.
    const blobs = await page.evaluate(
      () =>
        new Promise<{ isBlob: boolean; size: number; stored: number }[]>((resolve) => {
          const request = indexedDB.open('tizilim');
          request.onsuccess = () => {
            const all = request.result
              .transaction('attachments')
              .objectStore('attachments')
              .getAll();
            all.onsuccess = () =>
              resolve(
                (all.result as { blob: unknown; size: number }[]).map((a) => ({
                  isBlob: a.blob instanceof Blob,
                  size: a.blob instanceof Blob ? a.blob.size : -1,
                  stored: a.size,
                })),
              );
          };
        }),
    );
    expect(blobs.every((b) => b.isBlob && b.size === b.stored && b.size > 0)).toBe(true);
    const events = await readTable<{ type: string }>(page, 'events');
    expect(events.map((e) => e.type).sort()).toEqual([
      'attachmentAdded',
      'attachmentAdded',
      'created',
    ]);
    const id = /appeals\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    expect(page.url()).toContain(id);
    expect(errors).toEqual([]);
  });

  it('offers the existing person when a second appeal comes from the same phone, typed another way', async () => {
    const dump = await buildOffice(async ({ db, ctx }) => {
      const person = await createApplicant(
        db,
        {
          consent: { given: true, date: '2026-11-20', form: 'written' },
          fullName: 'Сейітқали Гүлнар Асқарқызы',
          phones: ['87012345678'],
          address: { locality: 'Астана', street: 'Абай көшесі', building: '12', flat: '5' },
          vulnerableCategories: ['pensioner'],
        },
        ctx,
      );
      await createAppeal(
        db,
        {
          receivedAt: '2026-11-20T10:00',
          channel: 'reception',
          applicantId: person.id,
          subject: 'Ыстық су жоқ',
          text: 'Екі аптадан бері ыстық су жоқ.',
          topic: 'water',
        },
        ctx,
      );
    });
    const { page, errors } = await newPage();
    await page.goto(baseUrl());
    await page.waitForSelector('.gate, aside nav');
    await seedPage(page, dump);
    await page.goto(`${baseUrl()}#/appeals/new`);
    await page.reload();
    const form = new AppealFormPage(page);
    await form.form.waitFor();

    // Another assistant writes her name differently and the phone in another format.
    await form.startNewApplicant('Гүлнар Сейітқалиева');
    await form.panelField('Телефон').fill('+7 (701) 234-56-78');
    await form.newApplicantPanel.getByRole('button', { name: 'Қосу', exact: true }).click();
    await form.duplicatePrompt.waitFor();
    const prompt = await form.duplicatePrompt.textContent();
    expect(prompt).toContain('Сейітқали Гүлнар Асқарқызы');
    expect(prompt).toContain('Телефон сәйкес');
    await screenshot(page, 'appeal-form-kk-duplicates');

    await new AppShell(page).switchLanguage('ru');
    await form.duplicatePrompt.getByText('Совпадает телефон').waitFor();
    expect(await form.duplicatePrompt.textContent()).toContain('Найден 1 похожий человек');
    await screenshot(page, 'appeal-form-ru-duplicates');

    await form.duplicatePrompt.getByRole('button', { name: 'Выбрать этого человека' }).click();
    await form.chosenApplicant.getByText('Сейітқали Гүлнар Асқарқызы').waitFor();
    // Nobody new was stored.
    expect(await readTable(page, 'applicants')).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('restores a draft after the browser is killed mid-typing', async () => {
    const profile = tempProfile();
    try {
      const first = await launchProfile(profile.dir);
      await new AppShell(first.page).open(baseUrl(), '/appeals/new');
      const form = new AppealFormPage(first.page);
      await form.form.waitFor();
      await form.field('Қысқаша мазмұны').fill(SUBJECT_KK);
      await form.field(/^Мәселе/).pressSequentially(TEXT_KK.slice(0, 60));
      await form.waitForDraftSaved();
      await form.field(/^Мәселе/).pressSequentially(TEXT_KK.slice(60));
      await form.waitForDraftText(TEXT_KK);
      // Killed without saving and without any unload handler.
      await first.page.close({ runBeforeUnload: false });
      await first.context.close();

      const second = await launchProfile(profile.dir);
      const errors = collectPageErrors(second.page);
      await second.page.goto(`${baseUrl()}#/appeals/new`);
      const again = new AppealFormPage(second.page);
      await again.draftOffer.waitFor();
      expect(await again.draftOffer.textContent()).toContain('Сақталмаған жоба бар');
      await again.draftOffer.getByRole('button', { name: 'Қалпына келтіру' }).click();
      await again.draftOffer.waitFor({ state: 'detached' });
      expect(await again.field('Қысқаша мазмұны').inputValue()).toBe(SUBJECT_KK);
      expect(await again.field(/^Мәселе/).inputValue()).toBe(TEXT_KK);
      expect(errors).toEqual([]);
      await second.context.close();
    } finally {
      profile.remove();
    }
  });

  it('keeps what was typed when the language is switched mid-way', async () => {
    const { page, errors, shell, form } = await freshForm();
    await shell.switchLanguage('ru');
    await form.heading.getByText('Регистрация обращения').waitFor();
    await screenshot(page, 'appeal-form-ru-empty');
    await form.save();
    await form.fieldErrors.first().waitFor();
    expect(await form.fieldErrors.allTextContents()).toContain('Заполните это поле');
    await screenshot(page, 'appeal-form-ru-errors');

    await form.field('Краткое содержание').fill('Нет света во дворе');
    await form.field(/^Суть проблемы/).fill(TEXT_KK);
    await form.startNewApplicant('8 777 123 45 67');
    expect(await form.panelField('Телефон').inputValue()).toBe('8 777 123 45 67');
    await form.panelField('Фамилия, имя, отчество').fill('Иванова Мария Петровна');

    await shell.switchLanguage('kk');
    await form.heading.getByText('Жаңа өтінішті тіркеу').waitFor();
    expect(await form.field('Қысқаша мазмұны').inputValue()).toBe('Нет света во дворе');
    expect(await form.field(/^Мәселе/).inputValue()).toBe(TEXT_KK);
    expect(await form.panelField('Тегі, аты, әкесінің аты').inputValue()).toBe(
      'Иванова Мария Петровна',
    );
    // The errors already on screen are now in Kazakh too.
    expect(await form.fieldErrors.allTextContents()).toContain('Тізімнен мән таңдаңыз');
    expect(errors).toEqual([]);
  });
});
