import { bytesToBase64 } from '@shared/export';
import type {
  ChangesPage,
  CheckpointDoc,
  HttpAnswer,
  Peer,
  Seq,
  WireDoc,
  WriteFailure,
} from '@shared/sync';

/**
 * The council's CouchDB as a replication peer, over HTTP (shared/sync/replicate.ts): the
 * documented endpoints `_changes`, `_revs_diff`, `_bulk_get`, `_bulk_docs` and `_local`.
 * Credentials travel only in the Authorization header of each request; they are never part
 * of a URL, an error message or anything logged.
 */

export interface SyncCredentials {
  user: string;
  password: string;
}

export interface RemoteOptions {
  /** The server's address, e.g. https://sync.maslikhat.kz (checked by checkServerAddress). */
  server: string;
  database: string;
  credentials: SyncCredentials;
  /** Aborts every request in flight (the sync stops, the laptop went offline). */
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

/** No answer at all: the network, the address, the server down, or (https) its certificate. */
export class SyncNetworkError extends Error {
  constructor(readonly aborted: boolean) {
    super(aborted ? 'sync stopped' : 'server unreachable');
    this.name = 'SyncNetworkError';
  }
}

/** The server answered with an error status. The message holds no credentials. */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what}: HTTP ${String(status)}`);
    this.name = 'SyncHttpError';
  }
}

export function basicAuth(credentials: SyncCredentials): string {
  const bytes = new TextEncoder().encode(`${credentials.user}:${credentials.password}`);
  return `Basic ${bytesToBase64(bytes)}`;
}

export class RemotePeer implements Peer {
  private readonly base: string;
  private readonly auth: string;
  private readonly signal: AbortSignal | undefined;
  private readonly fetcher: typeof fetch;
  /** The office database's name. */
  readonly database: string;

  constructor(options: RemoteOptions) {
    this.database = options.database;
    this.base = `${options.server.replace(/\/+$/, '')}/${encodeURIComponent(options.database)}`;
    this.auth = basicAuth(options.credentials);
    this.signal = options.signal;
    this.fetcher = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** A request to the server (a path from its root, or from the database with `db`). */
  async answer(
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<HttpAnswer> {
    let res: Response;
    try {
      res = await this.fetcher(path, {
        method,
        headers: {
          Accept: 'application/json',
          Authorization: this.auth,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
        signal: signal ?? this.signal,
      });
    } catch {
      throw new SyncNetworkError((signal ?? this.signal)?.aborted === true);
    }
    let text: string;
    try {
      text = await res.text();
    } catch {
      // The connection broke after the status line (the server stopped mid-answer, the
      // network went): as unreachable as a request that never got an answer.
      throw new SyncNetworkError((signal ?? this.signal)?.aborted === true);
    }
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text.slice(0, 200);
    }
    return { status: res.status, body: parsed };
  }

  db(path = ''): string {
    return `${this.base}${path}`;
  }

  root(path: string): string {
    return `${this.base.slice(0, this.base.lastIndexOf('/'))}${path}`;
  }

  private async json<T>(method: string, path: string, body?: unknown, what = path): Promise<T> {
    const answer = await this.answer(method, path, body);
    if (answer.status >= 300) throw new SyncHttpError(answer.status, answer.body, what);
    return answer.body as T;
  }

  async changes(since: Seq, limit: number, withDocs = false): Promise<ChangesPage> {
    const query = new URLSearchParams({
      style: 'all_docs',
      since: String(since),
      limit: String(limit),
    });
    if (withDocs) {
      query.set('include_docs', 'true');
      query.set('attachments', 'true');
    }
    const page = await this.json<{
      results: (ChangesPage['results'][number] & { doc?: WireDoc })[];
      last_seq: Seq;
    }>('GET', this.db(`/_changes?${query}`), undefined, '_changes');
    if (!withDocs) return { results: page.results, last_seq: page.last_seq };
    const docs: WireDoc[] = [];
    const results = page.results.map(({ doc, ...row }) => {
      if (doc) docs.push(doc);
      return row;
    });
    return { results, last_seq: page.last_seq, docs };
  }

  /**
   * Waits until the database changes after `since` (a long poll of `_changes`), or
   * `timeoutMs` passes. Answers the sequence it reached.
   */
  async waitForChange(since: Seq, timeoutMs: number, signal?: AbortSignal): Promise<Seq> {
    const query = new URLSearchParams({
      feed: 'longpoll',
      since: String(since),
      timeout: String(timeoutMs),
      limit: '1',
    });
    const answer = await this.answer('GET', this.db(`/_changes?${query}`), undefined, signal);
    if (answer.status >= 300) throw new SyncHttpError(answer.status, answer.body, '_changes');
    return (answer.body as ChangesPage).last_seq;
  }

  /** The database's current sequence: where a long poll starts. */
  async updateSeq(): Promise<Seq> {
    return (await this.json<{ update_seq: Seq }>('GET', this.db(), undefined, 'database'))
      .update_seq;
  }

  revsDiff(revs: Record<string, string[]>) {
    return this.json<Record<string, { missing: string[] }>>(
      'POST',
      this.db('/_revs_diff'),
      revs,
      '_revs_diff',
    );
  }

  async bulkGet(refs: { id: string; rev: string }[]): Promise<WireDoc[]> {
    const answer = await this.json<{
      results: { id: string; docs: ({ ok: WireDoc } | { error: unknown })[] }[];
    }>('POST', this.db('/_bulk_get?revs=true&attachments=true'), { docs: refs }, '_bulk_get');
    return answer.results.flatMap((r) => r.docs.flatMap((d) => ('ok' in d ? [d.ok] : [])));
  }

  async bulkDocs(docs: WireDoc[]): Promise<WriteFailure[]> {
    const answer = await this.json<({ id: string; error?: string; reason?: string } | null)[]>(
      'POST',
      this.db('/_bulk_docs'),
      { new_edits: false, docs },
      '_bulk_docs',
    );
    return (answer ?? []).flatMap((r) =>
      r && r.error ? [{ id: r.id, error: r.error, ...(r.reason ? { reason: r.reason } : {}) }] : [],
    );
  }

  async getLocal(id: string): Promise<CheckpointDoc | null> {
    const answer = await this.answer('GET', this.db(`/${id}`));
    if (answer.status === 404) return null;
    if (answer.status >= 300) throw new SyncHttpError(answer.status, answer.body, '_local');
    return answer.body as CheckpointDoc;
  }

  async putLocal(doc: CheckpointDoc): Promise<string> {
    const answer = await this.json<{ rev: string }>('PUT', this.db(`/${doc._id}`), doc, '_local');
    return answer.rev;
  }

  /** One revision of a document (an ancestor's body), or null when the server has none. */
  async getRevision(docId: string, rev: string): Promise<WireDoc | null> {
    const answer = await this.answer(
      'GET',
      this.db(`/${encodeURIComponent(docId)}?rev=${encodeURIComponent(rev)}&attachments=true`),
    );
    return answer.status === 200 ? (answer.body as WireDoc) : null;
  }

  /** A document's current revision, or null (404). */
  async get<T>(docId: string): Promise<T | null> {
    const answer = await this.answer('GET', this.db(`/${encodeURIComponent(docId)}`));
    if (answer.status === 404) return null;
    if (answer.status >= 300) throw new SyncHttpError(answer.status, answer.body, 'document');
    return answer.body as T;
  }

  /** Writes a document on the revision it carries; false when someone wrote first (409). */
  async putIfUnchanged(doc: { _id: string; _rev?: string }): Promise<boolean> {
    const answer = await this.answer('PUT', this.db(`/${encodeURIComponent(doc._id)}`), doc);
    if (answer.status === 409) return false;
    if (answer.status >= 300) throw new SyncHttpError(answer.status, answer.body, 'document');
    return true;
  }
}
