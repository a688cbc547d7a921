/**
 * What the restore screen shows before anything is replaced, built the same way by the
 * desktop app's main process and by the web build.
 */
import type { RestorePreview } from '../ipc';
import type { BackupManifest } from './content';
import type { ExportScan } from './exportItems';
import type { BackupHeader } from './header';

export function backupPreview(
  sessionId: string,
  backup: { header: BackupHeader; manifest: BackupManifest },
  contents: { counts: Record<string, number>; files: { count: number; bytes: number } },
  journal: Pick<RestorePreview, 'journal' | 'journalProblem'> = {
    journal: null,
    journalProblem: null,
  },
): RestorePreview {
  const { header, manifest } = backup;
  return {
    sessionId,
    format: 'backup',
    createdAt: header.createdAt,
    appVersion: header.appVersion,
    device: header.device,
    reason: header.reason,
    demo: manifest.export.demo,
    counts: contents.counts,
    files: contents.files,
    ...journal,
  };
}

/** An unencrypted export that an older Tizilim wrote as its backup. */
export function exportPreview(
  sessionId: string,
  scan: ExportScan & { envelope: NonNullable<ExportScan['envelope']> },
): RestorePreview {
  return {
    sessionId,
    format: 'export-json',
    createdAt: scan.envelope.exportedAt,
    appVersion: scan.envelope.appVersion,
    device: null,
    reason: null,
    demo: scan.envelope.demo,
    counts: scan.counts as Record<string, number>,
    files: scan.files,
    journal: null,
    journalProblem: null,
  };
}
