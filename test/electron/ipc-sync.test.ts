import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSyncCredentialHandlers, type SafeStorageLike } from '@electron/ipc/sync';

/** A stand-in for safeStorage that really transforms the bytes (so clear text is visible). */
function fakeSafeStorage(available = true): SafeStorageLike {
  const key = 0x5a;
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(Buffer.from(text).map((b) => b ^ key)),
    decryptString: (data) => Buffer.from(data.map((b) => b ^ key)).toString(),
  };
}

const sender = { sender: {} as never };

function handlers(
  options: { available?: boolean; fetch?: (url: string) => Promise<unknown> } = {},
) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'tizilim-sync-')), 'sync-credentials.bin');
  const made = createSyncCredentialHandlers({
    file,
    safeStorage: fakeSafeStorage(options.available ?? true),
    fetch: options.fetch ?? (async () => new Response('{}')),
    probeTimeoutMs: 5_000,
  });
  return { file, ...made };
}

describe('sync credentials in the main process', () => {
  it('stores them encrypted, reads them back, forgets them', async () => {
    const h = handlers();
    expect(await h.getSyncCredentials(undefined, sender)).toBeNull();
    await h.setSyncCredentials({ user: 'aigul', password: 'Құпия-сөз-2026' }, sender);
    const onDisk = readFileSync(h.file);
    expect(onDisk.toString('latin1')).not.toContain('aigul');
    expect(onDisk.toString()).not.toContain('Құпия');
    expect(await h.getSyncCredentials(undefined, sender)).toEqual({
      user: 'aigul',
      password: 'Құпия-сөз-2026',
    });
    await h.clearSyncCredentials(undefined, sender);
    expect(existsSync(h.file)).toBe(false);
    expect(await h.getSyncCredentials(undefined, sender)).toBeNull();
  });

  it('never stores a password in clear when secure storage is unavailable', async () => {
    const h = handlers({ available: false });
    await expect(
      h.setSyncCredentials({ user: 'aigul', password: 'x' }, sender),
    ).rejects.toMatchObject({
      code: 'ACCESS_DENIED',
    });
    expect(existsSync(h.file)).toBe(false);
  });

  it('tells a TLS failure from no answer', async () => {
    const tls = handlers({
      fetch: async () => Promise.reject(new Error('net::ERR_CERT_AUTHORITY_INVALID')),
    });
    expect(await tls.probeSyncServer({ url: 'https://sync.maslikhat.kz' }, sender)).toEqual({
      reach: 'tls',
    });
    const down = handlers({
      fetch: async () => Promise.reject(new Error('net::ERR_CONNECTION_REFUSED')),
    });
    expect(await down.probeSyncServer({ url: 'https://sync.maslikhat.kz' }, sender)).toEqual({
      reach: 'unreachable',
    });
    const up = handlers();
    expect(await up.probeSyncServer({ url: 'https://sync.maslikhat.kz' }, sender)).toEqual({
      reach: 'reachable',
    });
  });
});
