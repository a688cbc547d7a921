import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBackup } from '@shared/backup';
import { isPartialName } from '@shared/backup/names';
import { BackupFolderStore } from '@electron/backup/folderStore';
import { LOCAL_BACKUP_DIR, type BackupService } from '@electron/backup/service';
import { backUp } from './backupFixture';
import { killRigService } from './backupKillChild';
import { chunked, officeWithFiles } from '../shared/backup/helpers';

/**
 * kill -9 in the middle of a backup: a child process runs the main process's backup writer
 * on a big backup and is SIGKILLed while the partial files grow. The backups written before
 * stay byte for byte as they were and still open; the partial files are never listed as
 * backups, and the next start removes this laptop's (another laptop's, on a shared folder,
 * are left to it).
 */
const PASSWORD = 'Сәуір-2026 кеңсе';
const office = officeWithFiles(20, [50_000]);

let root: string;
let userData: string;
let usb: string;
let service: BackupService | null = null;
let child: ChildProcess | null = null;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'tizilim-kill-'));
  userData = path.join(root, 'userData');
  usb = path.join(root, 'USB');
  mkdirSync(usb);
});

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await service?.close();
  service = null;
  rmSync(root, { recursive: true, force: true });
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const partials = (dir: string) => readdirSync(dir).filter(isPartialName);
const partialBytes = (dir: string) =>
  partials(dir).reduce((n, name) => n + statSync(path.join(dir, name)).size, 0);

describe('a backup killed with SIGKILL while it writes', () => {
  it('leaves the earlier backups intact, and its partial files are never offered', async () => {
    const localDir = path.join(userData, LOCAL_BACKUP_DIR);
    // The earlier good backup, in the local folder and on the USB stick.
    await new BackupFolderStore(path.join(userData, 'backup-settings.json')).set(usb);
    service = killRigService(userData, () => new Date('2026-11-20T04:00:00.000Z'));
    await service.start();
    await service.setPassword({ password: PASSWORD });
    const earlier = await backUp(service, office);
    await service.close();
    service = null;
    const good = [path.join(localDir, earlier.fileName), path.join(usb, earlier.fileName)];
    const hashes = good.map(sha);

    // Another laptop is writing to the shared stick at the same time.
    const otherLaptops = '.tizilim-partial-0badf00d-1234567890abcdef';
    writeFileSync(path.join(usb, otherLaptops), 'half a backup of another laptop');

    child = spawn(process.execPath, ['test/electron/backupKillProcess.mjs', userData], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child!.on('exit', (_code, signal) => resolve(signal)),
    );
    // Mid-write: megabytes out in both folders, far from the end.
    await expect
      .poll(() => (out.includes('writing') ? partialBytes(localDir) : 0), { timeout: 60_000 })
      .toBeGreaterThan(2 * 1024 * 1024);
    expect(err).toBe('');
    expect(partialBytes(usb)).toBeGreaterThan(0);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(out).not.toContain('finished');

    // What the kill left: partial files beside the good backups, and no new backup name.
    expect(partials(localDir)).toHaveLength(1);
    expect(partials(usb).sort()).toHaveLength(2);
    expect(readdirSync(localDir).filter((n) => n.endsWith('.tizilim-backup'))).toEqual([
      earlier.fileName,
    ]);
    expect(good.map(sha)).toEqual(hashes);

    // The next start: this laptop's partial files are removed, the other laptop's stays;
    // the listing offers the earlier backup only, and it opens.
    service = killRigService(userData);
    await service.start();
    expect(partials(localDir)).toEqual([]);
    expect(partials(usb)).toEqual([otherLaptops]);
    const listing = await service.listBackups();
    expect(listing.folders.map((f) => [f.kind, f.files.map((file) => file.fileName)])).toEqual([
      ['local', [earlier.fileName]],
      ['office', [earlier.fileName]],
    ]);
    expect(good.map(sha)).toEqual(hashes);
    for (const file of good) {
      const restored = await readBackup(chunked(readFileSync(file)), { password: PASSWORD });
      expect(restored.tables.appeals).toEqual(office.tables.appeals);
    }
  }, 120_000);
});
