/**
 * A CouchDB-protocol server on 127.0.0.1 for the sync tests (unit, integration, e2e and the
 * benchmark): express 4 + express-pouchdb in a child process (serverProcess.cjs), so a test
 * can kill it mid-sync (SIGKILL) and start it again on the same data. Set up the way
 * docs/sync-server.md sets up a council's CouchDB: a server admin, users in `_users`, one
 * database per office with its users as members, and the shipped design document
 * (server/couchdb/design.cjs) with its validate_doc_update.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { designDocument } = require('../../server/couchdb/design.cjs') as {
  designDocument: () => Record<string, unknown>;
};

export interface Credentials {
  name: string;
  password: string;
}

export interface SyncServerOptions {
  /** Keep the data in a LevelDB folder, so a killed server restarts with it (default true). */
  persistent?: boolean;
  /** Origins allowed by CORS (the web build's origin in e2e). */
  corsOrigins?: string[];
  /** A fixed port (default: any free one, kept across restarts). */
  port?: number;
  /**
   * Options for the server's Node process (the benchmark gives the in-memory adapter a
   * larger heap: a 50,000-appeal office is about 2 GB of JavaScript strings there).
   */
  nodeOptions?: string[];
}

export interface HttpAnswer {
  status: number;
  body: unknown;
}

export interface SyncServer {
  /** http://127.0.0.1:PORT (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly admin: Credentials;
  /** Whether the server process is running now. */
  readonly running: boolean;
  /** Any request, as the admin unless `auth` says otherwise (null: anonymous). */
  request(
    method: string,
    path: string,
    body?: unknown,
    auth?: Credentials | null,
  ): Promise<HttpAnswer>;
  addUser(user: Credentials): Promise<void>;
  /** An office database with these users as members and, unless `tizilim: false`, the design document. */
  createOffice(db: string, members: string[], options?: { tizilim?: boolean }): Promise<void>;
  /** Kills the process at once (SIGKILL): connections drop mid-request. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and removes its data. */
  close(): Promise<void>;
}

// A path string, not `new URL(...)`: under jsdom `URL` is jsdom's, which Node's helpers refuse.
const PROCESS = join(dirname(fileURLToPath(import.meta.url)), 'serverProcess.cjs');

function basic(user: Credentials): string {
  return `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`;
}

export async function startSyncServer(options: SyncServerOptions = {}): Promise<SyncServer> {
  const persistent = options.persistent ?? true;
  const dir = persistent ? mkdtempSync(join(tmpdir(), 'tizilim-couch-')) : null;
  const admin: Credentials = { name: 'admin', password: 'council-admin-secret' };
  let port = options.port ?? 0;
  let child: ChildProcess | null = null;

  const request: SyncServer['request'] = async (method, path, body, auth = admin) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (auth) headers.authorization = basic(auth);
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    return { status: res.status, body: parsed };
  };

  const expectOk = async (answer: Promise<HttpAnswer>, what: string) => {
    const { status, body } = await answer;
    if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  };

  const start = async () => {
    if (child) return;
    const proc = spawn(
      process.execPath,
      [
        ...(options.nodeOptions ?? []),
        PROCESS,
        JSON.stringify({ port, dir, admin, corsOrigins: options.corsOrigins ?? [] }),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    child = proc;
    const lines = createInterface({ input: proc.stdout! });
    port = await new Promise<number>((resolve, reject) => {
      proc.once('exit', (code) => reject(new Error(`sync test server exited (${code})`)));
      lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    });
    proc.once('exit', () => {
      if (child === proc) child = null;
    });
  };

  const kill = async () => {
    const proc = child;
    if (!proc) return;
    child = null;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
  };

  await start();

  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    admin,
    get running() {
      return child !== null;
    },
    request,
    async addUser(user) {
      await expectOk(
        request('PUT', `/_users/org.couchdb.user:${user.name}`, {
          _id: `org.couchdb.user:${user.name}`,
          name: user.name,
          password: user.password,
          roles: [],
          type: 'user',
        }),
        `user ${user.name}`,
      );
    },
    async createOffice(db, members, { tizilim = true } = {}) {
      await expectOk(request('PUT', `/${db}`), `database ${db}`);
      await expectOk(
        request('PUT', `/${db}/_security`, {
          admins: { names: [], roles: [] },
          members: { names: members, roles: [] },
        }),
        `security of ${db}`,
      );
      if (tizilim) {
        await expectOk(request('PUT', `/${db}/_design/tizilim`, designDocument()), 'design');
      }
    },
    kill,
    start,
    async close() {
      await kill();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
