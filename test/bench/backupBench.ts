/**
 * Backup benchmarks in Node (scripts/bench-backup.mjs runs this): the main process's own
 * BackupService fed page by page as the renderer feeds it, then restored through
 * readRestore; and 300 MB of attachments streamed through it with the heap sampled after
 * every call. Wall time and CPU time (the machines are shared: CPU time says what a quiet
 * laptop would take), medians over the runs.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { EXPORT_TABLE_NAMES } from '@shared/export';
import { exportJsonItems, scanExportJson, type BackupItem } from '@shared/backup';
import type { BeginBackupRequest } from '@shared/ipc';
import { readChunks } from '@electron/backup/files';
import { BackupFolderStore } from '@electron/backup/folderStore';
import type { SecretStore } from '@electron/backup/secretStore';
import { BackupService } from '@electron/backup/service';

const PASSWORD = 'Сәуір-2026 кеңсе';
const DEVICE = { id: '019aa0d6-7c3b-7000-8000-0000000000b1', name: 'Бенчмарк' };

const keychain: SecretStore = {
  state: async () => 'available',
  encrypt: async (text) => new TextEncoder().encode(text),
  decrypt: async (data) => ({ text: new TextDecoder().decode(data), reEncrypt: false }),
};

interface Sample {
  wallMs: number;
  cpuMs: number;
}

function timer() {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return (): Sample => {
    const used = process.cpuUsage(cpu);
    return {
      wallMs: Math.round(performance.now() - wall),
      cpuMs: Math.round((used.user + used.system) / 1000),
    };
  };
}

/** Peak memory while a task runs, sampled after every step it reports. */
class Peak {
  heapUsed = 0;
  arrayBuffers = 0;
  rss = 0;
  sample(): void {
    const m = process.memoryUsage();
    this.heapUsed = Math.max(this.heapUsed, m.heapUsed);
    this.arrayBuffers = Math.max(this.arrayBuffers, m.arrayBuffers);
    this.rss = Math.max(this.rss, m.rss);
  }
  mb() {
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    return {
      heapUsedMB: mb(this.heapUsed),
      arrayBuffersMB: mb(this.arrayBuffers),
      rssMB: mb(this.rss),
    };
  }
}

async function newService(root: string): Promise<BackupService> {
  const userData = path.join(root, 'userData');
  const office = path.join(root, 'office');
  mkdirSync(office, { recursive: true });
  const store = new BackupFolderStore(path.join(userData, 'backup-settings.json'));
  await store.set(office);
  const service = new BackupService({
    userDataDir: userData,
    appVersion: 'bench',
    secretStore: keychain,
    folderStore: store,
  });
  await service.start();
  if ((await service.status()).password === 'not_set')
    await service.setPassword({ password: PASSWORD });
  return service;
}

/** What the renderer does: begin, every page and chunk in turn, finish. */
async function feed(
  service: BackupService,
  request: BeginBackupRequest,
  items: AsyncIterable<BackupItem>,
  peak?: Peak,
) {
  const begun = await service.beginBackup(request as never);
  if (begun.sessionId === null) throw new Error(`refused: ${JSON.stringify(begun.folders)}`);
  const sessionId = begun.sessionId;
  for await (const item of items) {
    if (item.kind === 'records') {
      for (let at = 0; at < item.records.length; at += 1000) {
        await service.backupRecords({
          sessionId,
          table: item.table,
          records: item.records.slice(at, at + 1000) as never,
        });
      }
    } else {
      await service.backupFile({
        sessionId,
        id: item.id,
        data: new Uint8Array(item.data),
        final: item.final,
      });
    }
    peak?.sample();
  }
  return service.finishBackup({ sessionId });
}

async function drain(service: BackupService, fileName: string, peak?: Peak) {
  const preview = await service.beginRestore({
    source: { kind: 'folder', folder: 'local', fileName },
    journal: true,
  });
  peak?.sample();
  let records = 0;
  for (;;) {
    const chunk = await service.readRestore({ sessionId: preview.sessionId });
    if (chunk.kind === 'end') break;
    if (chunk.kind === 'records') records += chunk.records.length;
    peak?.sample();
  }
  return { preview, records };
}

async function firstAppeal(data: string): Promise<Record<string, unknown>> {
  for await (const item of exportJsonItems(readChunks(data))) {
    if (item.kind === 'records' && item.table === 'appeals') return { ...item.records[0]! };
  }
  throw new Error('no appeal');
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
};

export interface BenchOptions {
  data: string;
  runs: number;
  attachmentsMB: number;
  log: (message: string) => void;
}

export async function main(options: BenchOptions): Promise<object> {
  const { log } = options;
  const gc = (globalThis as { gc?: () => void }).gc;
  const result: Record<string, unknown> = {
    node: process.version,
    loadavg: loadavg().map((n) => Math.round(n * 10) / 10),
  };

  // --- a 50,000-appeal office through the service, and back -------------------------------
  log(`counting ${options.data}`);
  const scan = await scanExportJson(readChunks(options.data), { validate: false });
  const request: BeginBackupRequest = {
    reason: 'manual',
    logId: 'log-bench',
    changeSeq: 1,
    device: DEVICE,
    counts: scan.counts,
    files: scan.files,
    export: scan.envelope!,
  };
  const backups: Sample[] = [];
  const restores: Sample[] = [];
  const quits: Sample[] = [];
  let bytes = 0;
  for (let run = 0; run < options.runs; run++) {
    const root = mkdtempSync(path.join(tmpdir(), 'tizilim-bench-'));
    try {
      const service = await newService(root);
      gc?.();
      const stop = timer();
      const outcome = await feed(service, request, exportJsonItems(readChunks(options.data)));
      backups.push(stop());
      bytes = outcome.bytes;
      gc?.();
      const again = timer();
      const { records } = await drain(service, outcome.fileName);
      restores.push(again());
      const expected = EXPORT_TABLE_NAMES.reduce((n, t) => n + (scan.counts[t] ?? 0), 0);
      if (records !== expected) throw new Error(`restored ${records} of ${expected} records`);
      // The backup on quit: the last backup with the journal (one edited appeal) applied.
      const appeal = await firstAppeal(options.data);
      await service.appendJournal({
        logId: 'log-bench',
        device: DEVICE,
        changes: [
          {
            seq: 2,
            table: 'appeals',
            id: appeal['id'] as string,
            op: 'update',
            at: new Date().toISOString(),
            device: DEVICE.id,
            record: appeal,
          },
        ],
      } as never);
      gc?.();
      const quit = timer();
      if ((await service.backupOnQuit()) === null) throw new Error('no backup on quit');
      quits.push(quit());
      log(
        `run ${run + 1}: backup ${JSON.stringify(backups.at(-1))}, restore ${JSON.stringify(restores.at(-1))}, on quit ${JSON.stringify(quits.at(-1))}`,
      );
      await service.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  result['office'] = {
    appeals: scan.counts.appeals,
    records: EXPORT_TABLE_NAMES.reduce((n, t) => n + (scan.counts[t] ?? 0), 0),
    exportMB: Math.round(statSync(options.data).size / 1024 / 1024),
    backupMB: Math.round(bytes / 1024 / 1024),
    folders: 2,
    backupWallMs: median(backups.map((s) => s.wallMs)),
    backupCpuMs: median(backups.map((s) => s.cpuMs)),
    restoreWallMs: median(restores.map((s) => s.wallMs)),
    restoreCpuMs: median(restores.map((s) => s.cpuMs)),
    onQuitWallMs: median(quits.map((s) => s.wallMs)),
    onQuitCpuMs: median(quits.map((s) => s.cpuMs)),
  };

  // --- 300 MB of scans streamed: the heap stays flat --------------------------------------
  const files = Math.ceil(options.attachmentsMB / 5);
  const size = 5 * 1024 * 1024;
  const attachments = Array.from({ length: files }, (_, i) => ({
    id: `019aa0d6-1c00-7000-8000-${String(i + 1).padStart(12, '0')}`,
    createdAt: '2026-11-20T05:00:00.000Z',
    updatedAt: '2026-11-20T05:00:00.000Z',
    createdBy: 'u',
    updatedBy: 'u',
    version: 1,
    deletedAt: null,
    appealId: '019aa0d6-1c00-7000-8000-0000000000a1',
    inquiryId: null,
    fileName: `Скан ${i + 1}.pdf`,
    mimeType: 'application/pdf',
    size,
  }));
  // Generated chunk by chunk, as the renderer reads a Blob in slices: never all at once.
  async function* scans(): AsyncGenerator<BackupItem> {
    yield { kind: 'records', table: 'attachments', records: attachments };
    const chunk = 4 * 1024 * 1024;
    for (const [n, attachment] of attachments.entries()) {
      for (let at = 0; at < size; at += chunk) {
        const data = new Uint8Array(Math.min(chunk, size - at));
        for (let i = 0; i < data.length; i += 4096) data[i] = (n + at + i) & 0xff;
        yield { kind: 'file', id: attachment.id, data, final: at + chunk >= size };
      }
    }
  }
  const root = mkdtempSync(path.join(tmpdir(), 'tizilim-bench-scans-'));
  try {
    const service = await newService(root);
    gc?.();
    const baseline = process.memoryUsage();
    const peak = new Peak();
    const stop = timer();
    const outcome = await feed(
      service,
      { ...request, counts: { attachments: files }, files: { count: files, bytes: files * size } },
      scans(),
      peak,
    );
    const backup = stop();
    gc?.();
    const restorePeak = new Peak();
    const again = timer();
    await drain(service, outcome.fileName, restorePeak);
    const restore = again();
    await service.close();
    result['attachments'] = {
      files,
      totalMB: Math.round((files * size) / 1024 / 1024),
      backupMB: Math.round(outcome.bytes / 1024 / 1024),
      baselineHeapMB: Math.round(baseline.heapUsed / 1024 / 1024),
      backup: { ...backup, peak: peak.mb() },
      restore: { ...restore, peak: restorePeak.mb() },
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return result;
}
