import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_TABLE_NAMES, type ExportFile } from '@shared/export';
import { generateOffice } from '../fixtures/generateOffice';
import { installDesktopHarness } from './desktopHarness';
import { baseUrl, collectPageErrors, launchBrowser, OFFICE_LAPTOP } from './harness';
import { AppShell } from './pages/AppShell';

/**
 * The desktop harness end to end: the built web renderer in Chromium, with a window.tizilim
 * whose calls run the real main-process backup code in this process. The page backs up an
 * office page by page, journals a change after it; the command line (`npm run backup`)
 * verifies the file in the office's folder and restores it with the journal.
 */
const PASSWORD = 'Сәуір-2026 кеңсе';

describe('the desktop harness', () => {
  let browser: Browser;
  let dir: string;
  let office: ExportFile;

  beforeAll(async () => {
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), 'tizilim-harness-e2e-'));
    office = generateOffice({ appeals: 80, seed: 4 });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a backup and a journal from the page that the command line verifies and restores', async () => {
    const userDataDir = join(dir, 'userData');
    const officeFolder = join(dir, 'USB');
    mkdirSync(officeFolder);
    const context = await browser.newContext({ viewport: OFFICE_LAPTOP });
    const desktop = await installDesktopHarness(context, {
      baseUrl: baseUrl(),
      userDataDir,
      officeFolder,
    });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await new AppShell(page).open(baseUrl(), '/settings/data');

    const appeal = office.tables.appeals[0]!;
    const result = await page.evaluate(
      async ({ tables, exportedAt, appeal, password }) => {
        const api = window.tizilim!;
        const device = { id: '019aa0d6-7c3b-7000-8000-0000000000e2', name: 'Қабылдау бөлмесі' };
        const set = await api.setBackupPassword({ password });
        const scan = new Uint8Array(300_000).map((_, i) => (i * 7) % 251);
        const attachment = {
          id: '019aa0d6-1c00-7000-8000-00000000a001',
          createdAt: exportedAt,
          updatedAt: exportedAt,
          createdBy: 'u',
          updatedBy: 'u',
          version: 1,
          deletedAt: null,
          appealId: appeal.id,
          inquiryId: null,
          fileName: 'Жауап хаты.pdf',
          mimeType: 'application/pdf',
          size: scan.byteLength,
        };
        const all = { ...tables, attachments: [attachment] } as Record<
          string,
          Record<string, unknown>[]
        >;
        const counts = Object.fromEntries(
          Object.entries(all).map(([t, records]) => [t, records.length]),
        );
        const begun = await api.beginBackup({
          reason: 'manual',
          logId: 'log-e2e',
          changeSeq: 100,
          device,
          counts,
          files: { count: 1, bytes: scan.byteLength },
          export: { exportedAt, appVersion: '0.1.0', demo: false },
        });
        const sessionId = begun.sessionId!;
        for (const [table, records] of Object.entries(all)) {
          for (let at = 0; at < records.length; at += 500) {
            await api.backupRecords({
              sessionId,
              table: table as never,
              records: records.slice(at, at + 500),
            });
          }
        }
        await api.backupFile({ sessionId, id: attachment.id, data: scan, final: true });
        const outcome = await api.finishBackup({ sessionId });
        const journal = await api.appendJournal({
          logId: 'log-e2e',
          device,
          changes: [
            {
              seq: 101,
              table: 'appeals',
              id: appeal.id,
              op: 'update',
              at: new Date().toISOString(),
              device: device.id,
              record: { ...appeal, subject: 'Журналдағы өзгеріс: жарық шамдары' },
            },
          ],
        });
        let refused = '';
        try {
          await api.backupRecords({ sessionId, table: 'drafts' as never, records: [] });
        } catch (error) {
          refused = (error as Error).message;
        }
        return { set, outcome, journal, status: await api.backupStatus(), refused };
      },
      { tables: office.tables, exportedAt: office.exportedAt, appeal, password: PASSWORD },
    );

    expect(result.set.recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){7}$/);
    expect(result.outcome.folders.map((f) => [f.kind, f.written])).toEqual([
      ['local', true],
      ['office', true],
    ]);
    expect(result.journal).toEqual({ appended: 1, skipped: 0, lastSeq: 101 });
    expect(result.status).toMatchObject({
      password: 'ready',
      dirty: true,
      journal: { lastSeq: 101 },
    });
    expect(result.refused).toMatch(/^\[INVALID_PAYLOAD\]/);
    expect(readdirSync(officeFolder)).toEqual([result.outcome.fileName]);
    expect(desktop.calls.filter((c) => !c.ok).map((c) => c.code)).toEqual(['INVALID_PAYLOAD']);

    // The command line opens what the page wrote through the harness.
    writeFileSync(join(dir, 'password.txt'), PASSWORD);
    const npm = (...args: string[]) =>
      spawnSync('npm', ['run', '--silent', 'backup', '--', ...args], { encoding: 'utf8' });
    const file = join(officeFolder, result.outcome.fileName);
    const verified = npm('verify', file, '--password-file', join(dir, 'password.txt'));
    expect(verified.status, verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout.trim())).toMatchObject({
      ok: true,
      counts: { appeals: 80, attachments: 1 },
      files: { count: 1, bytes: 300_000 },
    });

    const journalFile = readdirSync(join(userDataDir, 'backups')).find((n) =>
      n.endsWith('.tizilim-journal'),
    )!;
    const restored = npm(
      'restore',
      file,
      '--password-file',
      join(dir, 'password.txt'),
      '--journal',
      join(userDataDir, 'backups', journalFile),
      '--out',
      join(dir, 'restored.json'),
    );
    expect(restored.status, restored.stderr).toBe(0);
    const back = JSON.parse(readFileSync(join(dir, 'restored.json'), 'utf8')) as ExportFile;
    for (const table of EXPORT_TABLE_NAMES.filter((t) => t !== 'appeals' && t !== 'attachments')) {
      expect(back.tables[table], table).toEqual(office.tables[table]);
    }
    expect(back.tables.appeals[0]!.subject).toBe('Журналдағы өзгеріс: жарық шамдары');
    expect(back.tables.appeals.slice(1)).toEqual(office.tables.appeals.slice(1));
    expect(Buffer.from(back.tables.attachments[0]!.file.data, 'base64')).toEqual(
      Buffer.from(new Uint8Array(300_000).map((_, i) => (i * 7) % 251)),
    );

    expect(errors).toEqual([]);
    await context.close();
    await desktop.close();
  });
});
