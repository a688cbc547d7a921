import { execFileSync } from 'node:child_process';
import {
  closeSync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statfsSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppeal } from '@renderer/db/repositories';
import { installDesktopHarness, type DesktopHarness } from './desktopHarness';
import { baseUrl, collectPageErrors, launchProfile } from './harness';
import { HOT_WATER_COMPLAINT } from './offices';
import { AppealFormPage } from './pages/AppealFormPage';
import { buildOffice, seedPage, type TableDump } from './seed';

/**
 * The issue's "never lose the registry" on a full disk, in Chromium: the browser profile
 * (where IndexedDB lives) is on a small tmpfs the test mounts; the desktop app's backups and
 * journal (the REAL main-process code through the desktop harness) go to folders outside it,
 * as on a laptop whose USB stick holds the office's copies. Appeals are registered through
 * the form until the disk is full; the one that fails must say it was not saved. After the
 * office frees space and starts the app again, every appeal the app reported saved must be
 * there — kept by Chromium, or restored from the last backup and the journal when Chromium
 * dropped the database — with the same count and the same content. (On this machine's
 * Chromium the third appeal fails with an AbortError once about 1.5 MB is left, the
 * database no longer opens until space is freed, and after the restart it is kept.)
 */
const PASSWORD = 'Сәуір-2026 кеңсе';
const DISK_MB = 64;
const isRoot = process.getuid?.() === 0;

const WORDS = (
  'аула жарық су жол мектеп балабақша жылу газ көше үй пәтер терезе есік шатыр құбыр ' +
  'әкімдік кооператив тұрғындар аялдама автобус қоқыс ағаш саябақ шам трансформатор ' +
  'жөндеу өтініш шағым мерзім жауап комиссия депутат сессия ауыл аудан қала көпір'
).split(' ');

/** A long Kazakh text that does not compress away (LevelDB compresses its tables). */
function longText(seed: number, chars: number): string {
  let x = seed * 2_654_435_761;
  const out: string[] = [];
  let length = 0;
  while (length < chars) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    const word = WORDS[x % WORDS.length]!;
    const piece = `${word}${x % 7 === 0 ? `, №${x % 997}` : ''}${x % 11 === 0 ? '.' : ''}`;
    out.push(piece);
    length += piece.length + 1;
  }
  return out.join(' ');
}

function freeBytes(dir: string): number {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}

const CHUNK = 256 * 1024;

/**
 * Grows the filler file so that about `leave` bytes stay free on the tmpfs. Chromium writes
 * to the same disk meanwhile (its log, a compaction), so the space measured may be gone by
 * the time the filler takes it: the filler is appended to chunk by chunk (never rewritten
 * whole), and a chunk the disk refuses ends the growth — the disk filled up on its own — after
 * one chunk is given back, so the app still meets a nearly full disk, not a jammed one.
 */
function leaveFree(disk: string, filler: string, leave: number) {
  let grow = freeBytes(disk) - leave;
  if (grow <= 0) return;
  const fd = openSync(filler, 'a');
  try {
    while (grow > 0) {
      try {
        grow -= writeSync(fd, Buffer.alloc(Math.min(CHUNK, grow), 0x5a));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        ftruncateSync(fd, Math.max(0, fstatSync(fd).size - CHUNK));
        return;
      }
    }
  } finally {
    closeSync(fd);
  }
}

interface Stored {
  id: string;
  subject: string;
  text: string;
}

async function storedAppeals(page: Page): Promise<Stored[]> {
  return page.evaluate(
    () =>
      new Promise<Stored[]>((resolve, reject) => {
        const request = indexedDB.open('tizilim');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('appeals')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('appeals').objectStore('appeals').getAll();
          all.onsuccess = () => {
            resolve(
              (all.result as Stored[]).map(({ id, subject, text }) => ({ id, subject, text })),
            );
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** The highest change-log seq committed in the page's database. */
async function lastChangeSeq(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('tizilim');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const cursor = db.transaction('changes').objectStore('changes').openCursor(null, 'prev');
          cursor.onsuccess = () => {
            resolve(Number(cursor.result?.key ?? 0));
            db.close();
          };
          cursor.onerror = () => reject(cursor.error);
        };
      }),
  );
}

describe.skipIf(!isRoot)('a full disk (the profile on a tmpfs the test mounts; needs root)', () => {
  let root: string;
  let disk: string;
  let mounted = false;
  let office: TableDump;
  /** The office's appeals from before (in its last backup). */
  const earlier: Stored[] = [];
  const open: { context?: BrowserContext; desktop?: DesktopHarness } = {};

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'tizilim-disk-full-'));
    disk = join(root, 'disk');
    mkdirSync(disk);
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${DISK_MB}m`, 'tmpfs', disk]);
    mounted = true;
    office = await buildOffice(async ({ db, ctx }) => {
      for (let i = 1; i <= 3; i++) {
        const { id, subject, text } = await createAppeal(
          db,
          {
            receivedAt: '2026-11-19T10:00',
            ...HOT_WATER_COMPLAINT,
            applicantId: null,
            subject: `Ыстық су жоқ, Абай көшесі 12, №${i}`,
            text: `Абай көшесі 12-үйдің ${i}-подъезінде екі аптадан бері ыстық су жоқ.`,
          },
          ctx,
        );
        earlier.push({ id, subject, text });
      }
    });
  });

  afterAll(async () => {
    await open.context?.close().catch(() => undefined);
    await open.desktop?.close().catch(() => undefined);
    if (mounted) execFileSync('umount', ['-l', disk]);
    rmSync(root, { recursive: true, force: true });
  });

  it('every appeal reported saved before the disk filled up is there after a restart', async () => {
    const profile = join(disk, 'profile');
    const filler = join(disk, 'filler.bin');
    const userDataDir = join(root, 'userData');
    const officeFolder = join(root, 'USB');
    mkdirSync(officeFolder);
    const harness = () =>
      installDesktopHarness(open.context!, { baseUrl: baseUrl(), userDataDir, officeFolder });

    // ---- The office at work, its profile on the small disk ----
    ({ context: open.context } = await launchProfile(profile));
    open.desktop = await harness();
    let page = open.context.pages()[0]!;
    const errors = collectPageErrors(page);
    await page.goto(baseUrl());
    await page.waitForSelector('.gate, aside nav');
    await seedPage(page, office);
    // The password is set (as on the first run): the day's first backup follows at start.
    await open.desktop.service.setPassword({ password: PASSWORD });
    await page.reload();
    await page.locator('aside nav').waitFor();
    await expect
      .poll(async () => (await open.desktop!.service.listBackups()).folders[0]?.files.length ?? 0, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);

    leaveFree(disk, filler, 1_500_000);
    const freeAtStart = freeBytes(disk);

    const form = new AppealFormPage(page);
    const saved: Stored[] = [...earlier];
    let refusal = '';
    let lastSavedSeq = 0;
    for (let i = 1; i <= 40 && refusal === ''; i++) {
      await form.openNew(baseUrl());
      const subject = `Аула жөндеуі, №${i}: Жамбыл көшесі ${i}`;
      const text = longText(i, 20_000);
      await form.field('Келіп түсу тәсілі').selectOption('email');
      await form.field('Жасырын өтініш (өтініш беруші белгісіз)').check();
      await form.field('Қысқаша мазмұны').fill(subject);
      await form.field('Мәселе (өтініш берушінің сөзімен)').fill(text);
      await form.field('Тақырып').selectOption('improvement');
      await form.submitButton.click();
      let outcome: 'saved' | 'failed' | null = null;
      await expect
        .poll(
          async () =>
            (outcome = page.url().includes('registered=1')
              ? 'saved'
              : (await page.locator('.save-error').count()) > 0
                ? 'failed'
                : null),
          { timeout: 30_000 },
        )
        .not.toBeNull();
      if (outcome === 'saved') {
        const id = /#\/appeals\/([^?]+)\?/.exec(page.url())![1]!;
        saved.push({ id, subject, text });
        // (Read while the database still opens: after the failure Chromium refuses to.)
        lastSavedSeq = await lastChangeSeq(page);
        // Work goes on while the disk keeps filling (others' files, the system's).
        leaveFree(disk, filler, Math.floor(freeBytes(disk) / 2));
      } else {
        refusal = (await page.locator('.save-error').textContent()) ?? '';
        // Still on the form, with what was typed.
        expect(await form.field('Қысқаша мазмұны').inputValue()).toBe(subject);
      }
    }
    console.info(
      `disk full: ${saved.length - earlier.length} new appeals reported saved from ${freeAtStart} bytes free; ` +
        `refused with «${refusal}»`,
    );
    expect(refusal).toMatch(/Сақталмады: (дискіде бос орын жоқ|дерекқор жазбаны қабылдамады)/);
    expect(refusal).toContain('енгізгеніңіз формада тұр');
    expect(saved.length).toBeGreaterThan(earlier.length);

    // What was saved reached the journal beside the local backup (main, outside the tmpfs).
    await expect
      .poll(async () => (await open.desktop!.service.status()).journal?.lastSeq ?? 0, {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(lastSavedSeq);
    expect(
      errors.filter((e) => !/QuotaExceeded|AbortError|UnknownError|backing store|quota/i.test(e)),
    ).toEqual([]);

    // ---- The app is closed, space is freed, the app starts again ----
    await open.desktop.service.backupOnQuit();
    await open.context.close();
    await open.desktop.close();
    rmSync(filler);
    ({ context: open.context } = await launchProfile(profile));
    open.desktop = await harness();
    page = open.context.pages()[0]!;
    const errorsAfter = collectPageErrors(page);
    await page.goto(baseUrl());
    const offer = page.getByTestId('first-run-restore');
    await page.locator('aside nav').or(offer).first().waitFor();
    const keptByChromium = await storedAppeals(page);
    console.info(
      `after the restart Chromium ${keptByChromium.length === 0 ? 'had dropped the database' : `kept ${keptByChromium.length} appeals`}`,
    );

    if (await offer.isVisible()) {
      // An empty database on a laptop with backups: the app says so and offers the restore.
      await offer.getByRole('alert').waitFor();
      await offer.getByTestId('restore-list').getByRole('button').first().click();
      await page.getByTestId('restore-open').waitFor();
      const secret = page.getByTestId('restore-secret');
      if (await secret.isVisible()) await secret.fill(PASSWORD);
      await page.getByTestId('restore-open').click();
      await page.getByTestId('restore-preview').waitFor();
      await page.getByTestId('restore-confirm').click();
      await page.locator('aside nav').waitFor({ timeout: 30_000 });
    }
    const back = await storedAppeals(page);
    const byId = (list: Stored[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(back.length).toBe(saved.length);
    expect(byId(back)).toEqual(byId(saved));
    expect(errorsAfter).toEqual([]);
  });
});
