import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { startSyncServer, type SyncServer } from '@test/sync/server';

/**
 * The test server speaks the CouchDB protocol the way a council's CouchDB set up by
 * docs/sync-server.md does: users, members, the design document's validation, and PouchDB's
 * own replicator (the protocol's reference client) replicates against it.
 */
const require = createRequire(import.meta.url);

const aigul = { name: 'aigul', password: 'Aigul-2026' };
const bolat = { name: 'bolat', password: 'Bolat-2026' };

let server: SyncServer;

beforeAll(async () => {
  server = await startSyncServer({ persistent: true });
  await server.addUser(aigul);
  await server.addUser(bolat);
  await server.createOffice('office-almaty-7', ['aigul']);
});
afterAll(() => server.close());

const record = (id: string, schema = 1) => ({
  _id: `agencies:${id}`,
  table: 'agencies',
  schema,
  office: 'office-almaty-7',
  data: { id, name: 'Алматы қаласы әкімдігі' },
});

describe('sync test server', () => {
  it('tells a member, a wrong password, a non-member and an anonymous caller apart', async () => {
    expect((await server.request('GET', '/office-almaty-7', undefined, aigul)).status).toBe(200);
    const wrong = await server.request('GET', '/office-almaty-7', undefined, {
      name: 'aigul',
      password: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ reason: 'Name or password is incorrect.' });
    const stranger = await server.request('GET', '/office-almaty-7', undefined, bolat);
    expect(stranger.status).toBe(401);
    expect(stranger.body).toMatchObject({ reason: 'You are not authorized to access this db.' });
    expect((await server.request('GET', '/office-almaty-7', undefined, null)).status).toBe(401);
    const session = await server.request('GET', '/_session', undefined, aigul);
    expect(session.body).toMatchObject({ userCtx: { name: 'aigul' } });
  });

  it('runs the shipped validate_doc_update on writes and on replicated revisions', async () => {
    const ok = await server.request('PUT', '/office-almaty-7/agencies:a1', record('a1'), aigul);
    expect(ok.status).toBe(201);
    const bad = await server.request('PUT', '/office-almaty-7/agencies:a2', record('a2', 9), aigul);
    expect(bad.status).toBe(403);
    const bulk = await server.request(
      'POST',
      '/office-almaty-7/_bulk_docs',
      {
        new_edits: false,
        docs: [
          { ...record('a3'), _rev: '1-aa', _revisions: { start: 1, ids: ['aa'] } },
          { ...record('a4', 0), _rev: '1-bb', _revisions: { start: 1, ids: ['bb'] } },
        ],
      },
      aigul,
    );
    expect(bulk.body).toEqual([expect.objectContaining({ id: 'agencies:a4', error: 'forbidden' })]);
    // A record of another office, as replication would bring it (CouchDB names the database
    // in userCtx for every write; express-pouchdb does so on _bulk_docs).
    const elsewhere = await server.request(
      'POST',
      '/office-almaty-7/_bulk_docs',
      {
        new_edits: false,
        docs: [
          {
            ...record('a5'),
            office: 'office-astana-1',
            _rev: '1-cc',
            _revisions: { start: 1, ids: ['cc'] },
          },
        ],
      },
      aigul,
    );
    expect(elsewhere.body).toEqual([
      expect.objectContaining({ id: 'agencies:a5', error: 'forbidden' }),
    ]);
    const design = await server.request('PUT', '/office-almaty-7/_design/x', { views: {} }, aigul);
    expect([401, 403]).toContain(design.status);
  });

  it('keeps its data when killed and started again', async () => {
    await server.request('PUT', '/office-almaty-7/agencies:k1', record('k1'), aigul);
    await server.kill();
    await expect(fetch(`${server.url}/`)).rejects.toThrow();
    await server.start();
    const back = await server.request('GET', '/office-almaty-7/agencies:k1', undefined, aigul);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ data: { id: 'k1' } });
  });

  it("replicates with PouchDB's replicator in Node", async () => {
    const PouchDB = require('pouchdb-core')
      .plugin(require('pouchdb-adapter-memory'))
      .plugin(require('pouchdb-adapter-http'))
      .plugin(require('pouchdb-replication'));
    const local = new PouchDB('replication-check', { adapter: 'memory' });
    const remote = new PouchDB(`${server.url}/office-almaty-7`, {
      adapter: 'http',
      auth: { username: aigul.name, password: aigul.password },
    });
    const pulled = await local.replicate.from(remote);
    expect(pulled.ok).toBe(true);
    expect((await local.get('agencies:a1')).data.name).toBe('Алматы қаласы әкімдігі');
    await local.put(record('from-pouch'));
    const pushed = await local.replicate.to(remote);
    expect(pushed.docs_written).toBeGreaterThan(0);
    const seen = await server.request(
      'GET',
      '/office-almaty-7/agencies:from-pouch',
      undefined,
      aigul,
    );
    expect(seen.status).toBe(200);
  });
});
