import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer } from 'node:net';
import { issueNumber } from '@shared/numbering';
import { claimNumberBlock, ensureNumberBlocks, heldBlocks } from '@renderer/sync/numberBlocks';
import { testConnection } from '@renderer/sync/connection';
import { SyncEngine } from '@renderer/sync/engine';
import { RemotePeer, SyncHttpError } from '@renderer/sync/remote';
import { startSyncServer, type SyncServer } from '@test/sync/server';
import { deleteFreshDbsAfterEach, freshDb } from '../db/helpers';
import { AIGUL, BOLAT, engineFor } from './helpers';
import { generateOffice } from '@test/fixtures/generateOffice';

/**
 * "Test connection" against a CouchDB-protocol server: one answer per failure; and number
 * blocks taken from the server's series by two laptops at once.
 */
deleteFreshDbsAfterEach();

let server: SyncServer;
beforeAll(async () => {
  server = await startSyncServer({ persistent: false });
  await server.addUser(AIGUL);
  await server.addUser(BOLAT);
  await server.createOffice('office-7', [AIGUL.name, BOLAT.name]);
  await server.createOffice('office-9', [BOLAT.name]);
  await server.createOffice('plain', [AIGUL.name], { tizilim: false });
});
afterAll(() => server.close());

const aigul = { user: AIGUL.name, password: AIGUL.password };

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('test connection', () => {
  it('answers ok for a member of a Tizilim office database', async () => {
    expect(
      await testConnection({ server: server.url, database: 'office-7', credentials: aigul }),
    ).toEqual({ ok: true });
  });

  it('tells each failure apart', async () => {
    const answer = async (database: string, credentials = aigul, address = server.url) =>
      testConnection({ server: address, database, credentials });
    expect(await answer('office-7', { user: 'aigul', password: 'wrong' })).toEqual({
      ok: false,
      failure: 'wrong_password',
    });
    expect(await answer('office-7', { user: 'nobody', password: 'x' })).toEqual({
      ok: false,
      failure: 'wrong_password',
    });
    expect(await answer('office-9')).toEqual({ ok: false, failure: 'no_rights' });
    expect(await answer('office-404')).toEqual({ ok: false, failure: 'no_database' });
    expect(await answer('plain')).toEqual({ ok: false, failure: 'not_tizilim' });
    expect(await answer('Office')).toEqual({ ok: false, failure: 'database_invalid' });
    expect(await answer('office-7', aigul, 'http://192.0.2.1:5984')).toEqual({
      ok: false,
      failure: 'address_insecure',
    });
    expect(await answer('office-7', aigul, 'sync.maslikhat.kz')).toEqual({
      ok: false,
      failure: 'address_invalid',
    });
    const port = await closedPort();
    expect(await answer('office-7', aigul, `http://127.0.0.1:${String(port)}`)).toEqual({
      ok: false,
      failure: 'unreachable',
    });
  });

  it('a TLS failure is named when the host can tell (Electron’s probe)', async () => {
    const port = await closedPort();
    const answer = await testConnection(
      { server: `http://127.0.0.1:${String(port)}`, database: 'office-7', credentials: aigul },
      { probe: async () => 'tls' },
    );
    expect(answer).toEqual({ ok: false, failure: 'tls' });
  });
});

describe('credentials', () => {
  it('never reach a log, an error message, a URL or the database', async () => {
    const logged: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
      }),
    );
    const urls: string[] = [];
    const spyFetch: typeof fetch = (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    };
    try {
      const db = freshDb();
      const wrong = { user: AIGUL.name, password: 'Құпия-сөз-қате-2026' };
      const engine = new SyncEngine({
        db,
        target: { server: server.url, database: 'office-7' },
        credentials: wrong,
        fetch: spyFetch,
        fileAs: 'bytes',
      });
      const failure = await engine.syncOnce().then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(SyncHttpError);
      expect(String(failure)).not.toContain(wrong.password);
      expect(JSON.stringify(failure)).not.toContain(wrong.password);
      expect(engine.address).toBe(`${server.url}/office-7`);
      const good = engineFor(db, server, 'office-7');
      await good.syncOnce();
      const everything = JSON.stringify(
        await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()])),
      );
      expect(everything).not.toContain(AIGUL.password);
      expect(everything).not.toContain(wrong.password);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).not.toMatch(/@|password|Құпия/);
    for (const line of logged) {
      expect(line).not.toContain(AIGUL.password);
      expect(line).not.toContain('Құпия');
    }
  });
});

describe('number blocks through the server', () => {
  it('two laptops asking at once never get the same numbers', async () => {
    const a = freshDb();
    const b = freshDb();
    await a.counters.put({ id: 'appeal:2026', value: 41 });
    // Laptop A has pushed its counter (a sync pushes before it asks for blocks); laptop B has
    // not pulled it yet. Whichever laptop creates the series, it starts after 41.
    const pushed = await server.request(
      'PUT',
      '/office-7/counters:appeal:2026',
      {
        table: 'counters',
        schema: 1,
        office: 'office-7',
        data: { id: 'appeal:2026', value: 41 },
      },
      AIGUL,
    );
    expect(pushed.status).toBe(201);
    const remoteFor = (user: typeof AIGUL) =>
      new RemotePeer({
        server: server.url,
        database: 'office-7',
        credentials: { user: user.name, password: user.password },
      });
    const claims = await Promise.all([
      ...[1, 2, 3].map(() =>
        claimNumberBlock(a, remoteFor(AIGUL), {
          kind: 'appeal',
          year: 2026,
          device: 'laptop-a',
          size: 20,
        }),
      ),
      ...[1, 2, 3].map(() =>
        claimNumberBlock(b, remoteFor(BOLAT), {
          kind: 'appeal',
          year: 2026,
          device: 'laptop-b',
          size: 20,
        }),
      ),
    ]);
    const numbers = claims.flatMap((block) =>
      Array.from({ length: block.to - block.from + 1 }, (_, i) => block.from + i),
    );
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(Math.min(...numbers)).toBeGreaterThan(41);
    expect(await heldBlocks(a, 'appeal', 2026, 'laptop-a')).toHaveLength(3);
    expect(await heldBlocks(b, 'appeal', 2026, 'laptop-a')).toHaveLength(0);
    const series = await server.request('GET', '/office-7/numbers:appeal:2026');
    expect((series.body as { blocks: unknown[] }).blocks).toHaveLength(6);
    // The server itself refuses a write that would take numbers back.
    const taken = await server.request(
      'PUT',
      '/office-7/numbers:appeal:2026',
      { ...(series.body as object), blocks: [], next: 1 },
      AIGUL,
    );
    expect(taken.status).toBe(403);
  });

  it('a laptop that has not pulled yet starts a new series after the counter on the server', async () => {
    const b = freshDb();
    const pushed = await server.request(
      'PUT',
      '/office-7/counters:inquiry:2031',
      { table: 'counters', schema: 1, office: 'office-7', data: { id: 'inquiry:2031', value: 17 } },
      AIGUL,
    );
    expect(pushed.status).toBe(201);
    const block = await claimNumberBlock(
      b,
      new RemotePeer({
        server: server.url,
        database: 'office-7',
        credentials: { user: BOLAT.name, password: BOLAT.password },
      }),
      { kind: 'inquiry', year: 2031, device: 'laptop-b', size: 10 },
    );
    expect(block).toMatchObject({ from: 18, to: 27 });
  });

  it('where the office numbers through the server, a laptop takes blocks and numbers from them', async () => {
    const db = freshDb();
    const remote = new RemotePeer({
      server: server.url,
      database: 'office-7',
      credentials: aigul,
    });
    // No issuer named: every laptop numbers on its own, as before sync; nothing is asked.
    expect(
      await ensureNumberBlocks(db, remote, { device: 'laptop-c', today: '2026-05-04' }),
    ).toEqual([]);
    const settings = generateOffice({ appeals: 1, seed: 3 }).tables.settings[0]!;
    await db.settings.put({ ...settings, numberIssuerDeviceId: 'couchdb:office-7' });
    // December: this year's series and the next year's, for appeals and inquiries.
    const taken = await ensureNumberBlocks(db, remote, { device: 'laptop-c', today: '2026-12-20' });
    expect(taken.map((b) => b.grantedBy)).toEqual(Array(4).fill('couchdb:office-7'));
    const counter = await db.counters.get('appeal:2026');
    const issued = issueNumber(counter, 'appeal', 2026, {
      deviceId: 'laptop-c',
      deviceCode: 'KTM',
      issuer: false,
    });
    const block = taken[0]!;
    expect(issued.provisional).toBe(false);
    expect(issued.number).toBe(`2026-${String(block.from).padStart(4, '0')}`);
    // Enough numbers left: nothing more is asked.
    expect(
      await ensureNumberBlocks(db, remote, { device: 'laptop-c', today: '2026-12-21' }),
    ).toEqual([]);
  });
});
