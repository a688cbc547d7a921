import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJournal, readBackup, type JournalChange } from '@shared/backup';
import { run } from '../../scripts/backupCli';
import { officeWithFiles } from '../shared/backup/helpers';

/**
 * `npm run backup`: the commands, their exit codes and their files, run in-process through
 * the same `run` the script calls; and once as the real script, killed mid-write.
 */
let dir: string;
const PASSWORD = 'Сәуір-2026 кеңсе';
const office = officeWithFiles(60, [0, 3_000, 1_500_000]);

function exportFile() {
  const attachments = office.tables.attachments.map((record) => ({
    ...record,
    file: {
      encoding: 'base64',
      data: Buffer.from(office.files.get(record.id as string)!).toString('base64'),
    },
  }));
  return { ...office.file, tables: { ...office.file.tables, attachments } };
}

async function cli(...argv: string[]) {
  const log: string[] = [];
  const results: object[] = [];
  const code = await run(argv, { log: (m) => log.push(m), result: (r) => results.push(r) });
  return {
    code,
    log: log.join('\n'),
    result: results.at(-1) as Record<string, unknown> | undefined,
  };
}

const at = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tizilim-backup-cli-'));
  writeFileSync(at('export.json'), JSON.stringify(exportFile()));
  writeFileSync(at('password.txt'), `${PASSWORD}\n`);
  writeFileSync(at('wrong.txt'), 'Сәуір-2025 кеңсе\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run backup', () => {
  it('creates, verifies and restores an export deep-equal, with the password or the recovery key', async () => {
    const key = await cli('recovery-key', '--out', at('recovery.txt'));
    expect(key.code).toBe(0);
    const created = await cli(
      'create',
      '--data',
      at('export.json'),
      '--out',
      at('x.tizilim-backup'),
      '--password-file',
      at('password.txt'),
      '--recovery-key-file',
      at('recovery.txt'),
      '--check',
    );
    expect(created.code, created.log).toBe(0);
    expect(created.result).toMatchObject({
      counts: { appeals: 60, attachments: 3 },
      files: { count: 3 },
    });
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);

    for (const secret of [
      ['--password-file', at('password.txt')],
      ['--recovery-key-file', at('recovery.txt')],
    ]) {
      const verified = await cli('verify', at('x.tizilim-backup'), ...secret);
      expect(verified.code, verified.log).toBe(0);
      expect(verified.result).toMatchObject({
        ok: true,
        counts: { appeals: 60 },
        files: { count: 3, bytes: 1_503_000 },
      });
    }
    const restored = await cli(
      'restore',
      at('x.tizilim-backup'),
      '--password-file',
      at('password.txt'),
      '--out',
      at('back.json'),
    );
    expect(restored.code, restored.log).toBe(0);
    expect(JSON.parse(readFileSync(at('back.json'), 'utf8'))).toEqual(exportFile());

    const info = await cli('info', at('x.tizilim-backup'));
    expect(info.result).toMatchObject({
      format: 'tizilim-backup',
      counts: { appeals: 60 },
      opensWith: ['password', expect.stringMatching(/^recovery key /)],
    });
    expect(JSON.stringify(info.result)).not.toContain(PASSWORD);

    const decrypted = await cli(
      'decrypt',
      at('x.tizilim-backup'),
      '--password-file',
      at('password.txt'),
      '--out',
      at('content.zip'),
    );
    expect(decrypted.code).toBe(0);
    expect(readFileSync(at('content.zip')).subarray(0, 4)).toEqual(
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    );
  });

  it('exits 3 for a wrong password or a changed byte, with the reason in Kazakh and Russian', async () => {
    const wrong = await cli('verify', at('x.tizilim-backup'), '--password-file', at('wrong.txt'));
    expect(wrong.code).toBe(3);
    expect(wrong.log).toContain('Құпиясөз қате');
    expect(wrong.log).toContain('Неверный пароль');
    const bytes = readFileSync(at('x.tizilim-backup'));
    bytes[Math.floor(bytes.length / 2)]! ^= 0x20;
    writeFileSync(at('changed.tizilim-backup'), bytes);
    const changed = await cli(
      'verify',
      at('changed.tizilim-backup'),
      '--password-file',
      at('password.txt'),
      '--lang',
      'ru',
    );
    expect(changed.code).toBe(3);
    expect(changed.log).toContain('Файл повреждён');
    writeFileSync(
      at('bad-export.json'),
      JSON.stringify({ format: 'tizilim-export', version: 1, tables: { appeals: [{ id: 'x' }] } }),
    );
    const invalid = await cli(
      'create',
      '--data',
      at('bad-export.json'),
      '--out',
      at('y.tizilim-backup'),
      '--password-file',
      at('password.txt'),
    );
    expect(invalid.code).toBe(3);
    expect(existsSync(at('y.tizilim-backup'))).toBe(false);
  });

  it('exits 2 for bad arguments and never overwrites a file', async () => {
    for (const argv of [
      [],
      ['frobnicate'],
      ['verify'],
      ['verify', at('x.tizilim-backup')],
      ['verify', at('missing.tizilim-backup'), '--password-file', at('password.txt')],
      ['create', '--data', at('export.json'), '--password-file', at('password.txt')],
      [
        'create',
        '--data',
        at('export.json'),
        '--out',
        at('x.tizilim-backup'),
        '--password-file',
        at('password.txt'),
      ],
      ['restore', at('x.tizilim-backup'), '--password-file', at('password.txt'), '--out'],
      ['verify', at('x.tizilim-backup'), '--password-file', at('password.txt'), '--colour'],
    ]) {
      expect((await cli(...argv)).code, argv.join(' ')).toBe(2);
    }
  });

  it('restores with a journal: every change saved after the backup', async () => {
    // A backup that says which change log it holds, up to change 5, and a journal after it.
    const { makeBackup, officeWithFiles: make } = await import('../shared/backup/helpers');
    const small = make(5, []);
    writeFileSync(
      at('log.tizilim-backup'),
      await makeBackup(small, { password: PASSWORD }, {}, { logId: 'log-9', changeSeq: 5 }),
    );
    const { prefix, appender } = await createJournal(
      {
        createdAt: '2026-11-20T05:00:00.000Z',
        appVersion: 't',
        device: { id: 'd', name: 'd' },
        logId: 'log-9',
        afterSeq: 5,
      },
      { password: PASSWORD },
      { iterations: 1_000 },
    );
    const appeal = small.tables.appeals[0]!;
    const change: JournalChange = {
      seq: 6,
      table: 'appeals',
      id: appeal.id as string,
      op: 'update',
      at: '2026-11-20T06:00:00.000Z',
      device: 'd',
      record: { ...appeal, subject: 'Журналдан' },
    };
    const { frame } = await appender.encode([change]);
    writeFileSync(
      at('log.tizilim-journal'),
      Buffer.concat([prefix, frame, Buffer.from([0, 0, 0])]),
    );
    const restored = await cli(
      'restore',
      at('log.tizilim-backup'),
      '--password-file',
      at('password.txt'),
      '--journal',
      at('log.tizilim-journal'),
      '--out',
      at('log.json'),
    );
    expect(restored.code, restored.log).toBe(0);
    expect(restored.log).toContain('interrupted write');
    expect(restored.result).toMatchObject({ journal: { changes: 1 } });
    const file = JSON.parse(readFileSync(at('log.json'), 'utf8')) as {
      tables: { appeals: { subject: unknown }[] };
    };
    expect(file.tables.appeals[0]!.subject).toBe('Журналдан');
    // A journal of another change log does not continue the backup.
    const other = await cli(
      'verify',
      at('x.tizilim-backup'),
      '--password-file',
      at('password.txt'),
      '--journal',
      at('log.tizilim-journal'),
    );
    expect(other.code).toBe(3);
  });
});

describe('killed with SIGKILL in the middle of writing', () => {
  it('leaves the earlier backup intact and only a recognisable partial file', async () => {
    // Big enough that writing takes a while: 40 MB of scans.
    const big = officeWithFiles(
      50,
      Array.from({ length: 20 }, () => 2_000_000),
    );
    writeFileSync(
      at('big.json'),
      JSON.stringify({
        ...big.file,
        tables: {
          ...big.file.tables,
          attachments: big.tables.attachments.map((r) => ({
            ...r,
            file: {
              encoding: 'base64',
              data: Buffer.from(big.files.get(r.id as string)!).toString('base64'),
            },
          })),
        },
      }),
    );
    const out = path.join(dir, 'kill');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    writeFileSync(path.join(out, 'earlier.tizilim-backup'), readFileSync(at('x.tizilim-backup')));
    const child = spawn(
      process.execPath,
      [
        'scripts/backup.mjs',
        'create',
        '--data',
        at('big.json'),
        '--out',
        path.join(out, 'new.tizilim-backup'),
        '--password-file',
        at('password.txt'),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    // Killed as soon as it is writing the backup itself.
    let stderr = '';
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (data: Buffer) => {
        stderr += data.toString();
        if (
          stderr.includes('create: written') &&
          readdirSync(out).some((n) => n.startsWith('.tizilim-partial-'))
        ) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.on('exit', resolve));
    const names = readdirSync(out).sort();
    expect(names.filter((n) => n.endsWith('.tizilim-backup'))).toEqual(['earlier.tizilim-backup']);
    expect(names.filter((n) => n.startsWith('.tizilim-partial-'))).toHaveLength(1);
    const earlier = await readBackup([readFileSync(path.join(out, 'earlier.tizilim-backup'))], {
      password: PASSWORD,
    });
    expect(earlier.tables.appeals).toHaveLength(60);
  }, 120_000);
});
