import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { inspectExchange, parseExchangeArgs, writeExchangeFile } from '@shared/exchange';
import { FAST, officeWithFiles, PASSWORD } from '../shared/backup/helpers';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = join(root, 'scripts', 'exchange.mjs');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { cwd: root, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let dir = '';
let file = '';
let bytes = new Uint8Array();
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tizilim-exchange-cli-'));
  const office = officeWithFiles(5, [10]);
  bytes = await writeExchangeFile(
    {
      kind: 'package',
      packageId: 'pkg-cli',
      createdAt: '2026-11-20T13:05:00.000Z',
      appVersion: '0.1.0-test',
      officeId: 'office-1',
      from: { deviceId: 'dev-a', name: 'Қабылдау ноутбугі' },
      to: null,
      seq: 1,
      ack: 0,
      full: true,
    },
    { tables: office.tables, files: office.files },
    { password: PASSWORD },
    FAST,
  );
  file = join(dir, 'p.tizilim-exchange');
  writeFileSync(file, bytes);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run exchange', () => {
  it('parses its arguments', () => {
    expect(parseExchangeArgs(['inspect', '--file', 'x'])).toMatchObject({ ok: true });
    expect(parseExchangeArgs(['merge'])).toMatchObject({ ok: false });
    expect(parseExchangeArgs(['inspect', '--file'])).toMatchObject({ ok: false });
    expect(parseExchangeArgs(['inspect', '--file', 'x', '--lang', 'en'])).toMatchObject({
      ok: false,
    });
  });

  it('inspects in pure code: the envelope alone, then verified with the password', async () => {
    expect(await inspectExchange(bytes, null, 'kk')).toMatchObject({
      exit: 0,
      report: { verified: false, envelope: { from: { name: 'Қабылдау ноутбугі' } } },
    });
    expect(await inspectExchange(bytes, PASSWORD, 'ru')).toMatchObject({
      exit: 0,
      report: { verified: true, records: { appeals: 5, attachments: 1 }, files: 1 },
    });
    const wrong = await inspectExchange(bytes, 'басқа құпиясөз', 'ru');
    expect(wrong).toMatchObject({ exit: 3, report: { error: 'wrong_password' } });
    expect(wrong.message).toContain('Пароль не подходит');
  });

  // Each run starts Node and Vite's module runner: seconds on a loaded machine.
  it('runs as a script with exit codes 0, 3 and 2', { timeout: 120_000 }, async () => {
    const ok = await run(
      { PKG_PASSWORD: PASSWORD },
      'inspect',
      '--file',
      file,
      '--password-env',
      'PKG_PASSWORD',
    );
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ verified: true, records: { appeals: 5 } });
    const bad = join(dir, 'bad.tizilim-exchange');
    writeFileSync(bad, 'not a package');
    const refused = await run({}, 'inspect', '--file', bad, '--lang', 'kk');
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('алмасу бумасы емес');
    expect((await run({}, 'inspect', '--file', join(dir, 'missing'))).code).toBe(2);
  });
});
