/**
 * The main process writing a big backup, run in a child process so a test can SIGKILL it in
 * the middle (test/electron/backup-kill.test.ts). The same BackupService as the app, on the
 * test's folders; it prints `writing` once the first megabytes are out, then keeps writing
 * an attachment far larger than it will get to.
 */
import { BackupFolderStore } from '@electron/backup/folderStore';
import type { SecretStore } from '@electron/backup/secretStore';
import { BackupService } from '@electron/backup/service';
import path from 'node:path';

/** A reversible, marked "keychain" both processes share (no Electron here). */
export const markedSecretStore: SecretStore = {
  state: async () => 'available',
  encrypt: async (text) =>
    new Uint8Array(Buffer.from(`kill:${Buffer.from(text).toString('base64')}`)),
  decrypt: async (data) => {
    const text = Buffer.from(data).toString();
    if (!text.startsWith('kill:')) throw new Error('cannot decrypt');
    return { text: Buffer.from(text.slice(5), 'base64').toString(), reEncrypt: false };
  },
};

export function killRigService(userData: string, now?: () => Date): BackupService {
  return new BackupService({
    userDataDir: userData,
    appVersion: '0.1.0-test',
    secretStore: markedSecretStore,
    folderStore: new BackupFolderStore(path.join(userData, 'backup-settings.json')),
    iterations: 1_000,
    ...(now ? { now } : {}),
  });
}

export const DEVICE = { id: '019aa0d6-7c3b-7000-8000-0000000000d9', name: 'Қабылдау бөлмесі' };
export const HUGE_FILE = 256 * 1024 * 1024;
const CHUNK = 1024 * 1024;

/** Begins a backup declaring one huge scan and writes it chunk by chunk until killed. */
export async function writeUntilKilled(userData: string): Promise<void> {
  const service = killRigService(userData);
  await service.start();
  const begun = await service.beginBackup({
    reason: 'manual',
    logId: 'log-kill',
    changeSeq: 2,
    device: DEVICE,
    counts: { attachments: 1 },
    files: { count: 1, bytes: HUGE_FILE },
    export: { exportedAt: new Date().toISOString(), appVersion: '0.1.0', demo: false },
  } as never);
  if (begun.sessionId === null) throw new Error(`refused: ${JSON.stringify(begun.folders)}`);
  const chunk = new Uint8Array(CHUNK);
  let x = 7;
  for (let i = 0; i < CHUNK; i++) {
    x = (x * 1_103_515_245 + 12_345) >>> 0;
    chunk[i] = x >>> 24;
  }
  for (let sent = 0; sent < HUGE_FILE; sent += CHUNK) {
    await service.backupFile({
      sessionId: begun.sessionId,
      id: '019aa0d6-1c00-7000-8000-00000000a009',
      data: chunk,
      final: sent + CHUNK >= HUGE_FILE,
    });
    if (sent === 2 * CHUNK) process.stdout.write('writing\n');
  }
  await service.finishBackup({ sessionId: begun.sessionId });
  process.stdout.write('finished\n');
}
