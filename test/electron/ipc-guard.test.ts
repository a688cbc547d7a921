import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake } from './fakeElectron';
import {
  BACKUP_IPC_CONTRACT,
  IPC_CHANNELS,
  IPC_CONTRACT,
  IPC_METHODS,
  type IpcResult,
} from '@shared/ipc';
import type { BackupImplementations } from '@electron/backup/handlers';
import { IpcError, toIpcErrorInfo, type IpcImplementations } from '@electron/ipc/guard';
import { registerIpcHandlers } from '@electron/ipc/register';
import { allowedOrigins } from '@electron/security';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

/** Implementations that record their calls and answer something recognisable. */
function stubImplementations() {
  const calls: { method: string; request: unknown }[] = [];
  const stub =
    (method: string, value: unknown) =>
    async (request: unknown): Promise<never> => {
      calls.push({ method, request });
      return value as never;
    };
  const implementations: IpcImplementations = {
    printRoute: stub('printRoute', { saved: true, path: '/tmp/a.pdf' }),
    saveFile: stub('saveFile', { saved: false }),
    chooseBackupFolder: stub('chooseBackupFolder', { folder: null }),
    getBackupFolder: stub('getBackupFolder', { folder: null }),
    writeBackup: stub('writeBackup', { path: '/b/x.tizilim-backup' }),
    getSyncCredentials: stub('getSyncCredentials', null),
    setSyncCredentials: stub('setSyncCredentials', { stored: true }),
    clearSyncCredentials: stub('clearSyncCredentials', { cleared: true }),
    probeSyncServer: stub('probeSyncServer', { reach: 'reachable' }),
    showNotification: stub('showNotification', { shown: true, clicked: false }),
    ...(Object.fromEntries(
      Object.keys(BACKUP_IPC_CONTRACT).map((method) => [method, stub(method, {})]),
    ) as unknown as BackupImplementations),
  };
  return { calls, implementations };
}

const validPrint = { route: '/print/report?year=2025&quarter=2', fileName: 'Есеп 2025-Q2.pdf' };

let calls: { method: string; request: unknown }[];

beforeEach(() => {
  fake.reset();
  // Refusals are logged on purpose; keep the test output readable.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const stubs = stubImplementations();
  calls = stubs.calls;
  registerIpcHandlers(stubs.implementations, allowedOrigins(null));
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function invoke(
  channel: string,
  payload: unknown,
  options: Parameters<typeof fake.ipcMain.invoke>[2] = {},
): Promise<IpcResult<unknown>> {
  return (await fake.ipcMain.invoke(channel, [payload], options)) as IpcResult<unknown>;
}

function errorOf(result: IpcResult<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('registration', () => {
  it('registers exactly the contract channels, once each, and no send listeners', () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    expect(fake.ipcMain.handle).toHaveBeenCalledTimes(IPC_METHODS.length);
    expect(fake.ipcMain.on).not.toHaveBeenCalled();
  });
});

describe('sender check', () => {
  it('accepts the app page and reaches the implementation', async () => {
    const result = await invoke('pdf:printRoute', validPrint);
    expect(result).toEqual({ ok: true, value: { saved: true, path: '/tmp/a.pdf' } });
    expect(calls).toEqual([{ method: 'printRoute', request: validPrint }]);
  });

  it.each([
    'https://evil.example/index.html',
    'http://127.0.0.1:5173/index.html',
    'file:///C:/Users/me/Desktop/index.html',
    'app://evil/index.html',
    'about:blank',
    '',
  ])('refuses a top-level frame at %j', async (url) => {
    const result = await invoke('pdf:printRoute', validPrint, { url });
    expect(errorOf(result).code).toBe('FORBIDDEN_SENDER');
    expect(calls).toEqual([]);
  });

  it('refuses a subframe even on the app origin', async () => {
    const result = await invoke('files:save', {}, { subframe: true });
    expect(errorOf(result).code).toBe('FORBIDDEN_SENDER');
    expect(calls).toEqual([]);
  });

  it('refuses a subframe from another origin', async () => {
    const result = await invoke('backup:getFolder', undefined, {
      subframe: true,
      url: 'https://evil.example',
    });
    expect(errorOf(result).code).toBe('FORBIDDEN_SENDER');
  });

  it('refuses when the sending frame is gone', async () => {
    const result = await invoke('backup:getFolder', undefined, { noFrame: true });
    expect(errorOf(result).code).toBe('FORBIDDEN_SENDER');
    expect(calls).toEqual([]);
  });

  it('checks the sender before the payload', async () => {
    const result = await invoke('pdf:printRoute', 42, { url: 'https://evil.example' });
    expect(errorOf(result).code).toBe('FORBIDDEN_SENDER');
  });

  it('accepts the dev server only when it is configured', async () => {
    fake.reset();
    const stubs = stubImplementations();
    registerIpcHandlers(stubs.implementations, allowedOrigins(new URL('http://127.0.0.1:5173')));
    const fromDev = await invoke('backup:getFolder', undefined, {
      url: 'http://127.0.0.1:5173/#/x',
    });
    expect(fromDev.ok).toBe(true);
    const fromOtherPort = await invoke('backup:getFolder', undefined, {
      url: 'http://127.0.0.1:8080/',
    });
    expect(errorOf(fromOtherPort).code).toBe('FORBIDDEN_SENDER');
  });
});

describe('payload validation', () => {
  const bytes = new Uint8Array([1, 2, 3]);

  it.each([
    ['pdf:printRoute', undefined],
    ['pdf:printRoute', 'route'],
    ['pdf:printRoute', { route: 42, fileName: 'a.pdf' }],
    ['pdf:printRoute', { route: '/registry', fileName: 'a.pdf' }],
    ['pdf:printRoute', { route: 'https://evil.example/print/x', fileName: 'a.pdf' }],
    ['pdf:printRoute', { route: '/print/../../etc', fileName: 'a.pdf' }],
    ['pdf:printRoute', { route: '/print/x#y', fileName: 'a.pdf' }],
    ['pdf:printRoute', { route: '/print/<script>', fileName: 'a.pdf' }],
    ['pdf:printRoute', { route: '/print/x', fileName: 'a.pdf', landscape: 'yes' }],
    ['pdf:printRoute', { route: '/print/x', fileName: 'a.pdf', extra: true }],
    ['pdf:printRoute', { route: '/print/x', fileName: '../a.pdf' }],
    ['pdf:printRoute', { route: '/print/x', fileName: 'dir/a.pdf' }],
    ['pdf:printRoute', { route: '/print/x', fileName: 'dir\\a.pdf' }],
    ['pdf:printRoute', { route: '/print/x', fileName: '..' }],
    ['pdf:printRoute', { route: '/print/x', fileName: '' }],
    ['pdf:printRoute', { route: '/print/x', fileName: 'C:a.pdf' }],
    ['pdf:printRoute', { route: '/print/x', fileName: 'a\u0000.pdf' }],
    ['files:save', { fileName: 'a.docx', data: 'not bytes' }],
    ['files:save', { fileName: 'a.docx', data: [1, 2, 3] }],
    ['files:save', { fileName: '/etc/cron.d/x', data: bytes }],
    [
      'files:save',
      { fileName: 'a.docx', data: bytes, filters: [{ name: 'W', extensions: ['.docx'] }] },
    ],
    ['files:save', { fileName: 'a.docx', data: bytes, mimeType: 'text/html; charset=x' }],
    ['backup:write', { fileName: 'backup.zip', data: bytes }],
    ['backup:write', { fileName: '../x.tizilim-backup', data: bytes }],
    ['backup:write', { fileName: 'a/x.tizilim-backup', data: bytes }],
    ['backup:write', { fileName: 'a\\x.tizilim-backup', data: bytes }],
    ['backup:write', { fileName: 'a:x.tizilim-backup', data: bytes }],
    ['backup:write', { fileName: '.tizilim-backup', data: bytes }],
    ['backup:write', { fileName: 'x.tizilim-backup' }],
    ['backup:chooseFolder', { folder: '/etc' }],
    ['backup:getFolder', 'please'],
  ])('%s refuses %j', async (channel, payload) => {
    const result = await invoke(channel, payload);
    expect(errorOf(result).code).toBe('INVALID_PAYLOAD');
    expect(calls).toEqual([]);
  });

  it('refuses extra arguments', async () => {
    const result = (await fake.ipcMain.invoke('backup:getFolder', [
      undefined,
      'more',
    ])) as IpcResult<unknown>;
    expect(errorOf(result).code).toBe('INVALID_PAYLOAD');
  });

  it('names the channel and the field but never echoes the values', async () => {
    const secret = 'Иванов Иван 900101300123 /home/secret';
    const result = await invoke('pdf:printRoute', { route: secret, fileName: `${secret}/x.pdf` });
    const { message } = errorOf(result);
    expect(message).toContain('pdf:printRoute');
    expect(message).toContain('route');
    expect(message).not.toContain('Иванов');
    expect(message).not.toContain('900101300123');
  });

  it.each([
    [
      'pdf:printRoute',
      { route: '/print/appeal/3f1c-77', fileName: 'Хат №12.pdf', landscape: true },
    ],
    [
      'files:save',
      { fileName: 'Журнал 2025.xlsx', data: bytes, mimeType: 'application/vnd.ms-excel' },
    ],
    ['backup:write', { fileName: 'Tizilim 2025-06-30 18.05.tizilim-backup', data: bytes }],
    ['backup:chooseFolder', undefined],
    ['backup:getFolder', undefined],
  ])('%s accepts %j', async (channel, payload) => {
    const result = await invoke(channel, payload);
    expect(result.ok).toBe(true);
    expect(calls).toHaveLength(1);
  });
});

describe('errors', () => {
  async function failWith(error: unknown): Promise<IpcResult<unknown>> {
    fake.reset();
    const { implementations } = stubImplementations();
    implementations.getBackupFolder = async () => {
      throw error;
    };
    registerIpcHandlers(implementations, allowedOrigins(null));
    return invoke('backup:getFolder', undefined);
  }

  it('returns an IpcError as its code and message', async () => {
    const result = await failWith(new IpcError('NO_BACKUP_FOLDER', 'No backup folder.'));
    expect(result).toEqual({
      ok: false,
      error: { code: 'NO_BACKUP_FOLDER', message: 'No backup folder.' },
    });
  });

  it('hides the details of an unexpected error', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await failWith(new Error('at /home/user/secret/path line 3'));
    expect(errorOf(result)).toEqual({
      code: 'INTERNAL',
      message: 'Unexpected error in the main process.',
    });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it('maps file system errors to codes the renderer can explain', () => {
    const errno = (code: string) => Object.assign(new Error(`${code}: /secret/path`), { code });
    expect(toIpcErrorInfo(errno('ENOSPC')).code).toBe('DISK_FULL');
    expect(toIpcErrorInfo(errno('EACCES')).code).toBe('ACCESS_DENIED');
    expect(toIpcErrorInfo(errno('EBUSY')).code).toBe('ACCESS_DENIED');
    expect(toIpcErrorInfo(errno('ENOENT')).code).toBe('NOT_FOUND');
    expect(toIpcErrorInfo(errno('EEXIST')).code).toBe('ALREADY_EXISTS');
    expect(toIpcErrorInfo(errno('EXDEV'))).toEqual({
      code: 'IO_ERROR',
      message: 'File system error (EXDEV).',
    });
    expect(toIpcErrorInfo('string')).toEqual({
      code: 'INTERNAL',
      message: 'Unexpected error in the main process.',
    });
  });

  it('every contract entry has a channel of the form capability:action', () => {
    for (const method of IPC_METHODS) {
      expect(IPC_CONTRACT[method].channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
    }
    expect(new Set(IPC_CHANNELS).size).toBe(IPC_CHANNELS.length);
  });
});
