/**
 * Settings › Sync: the server address and database a person types, and what "test
 * connection" answers (docs/sync.md, "Connection"). Pure: the renderer does the requests.
 */

export type AddressProblem = 'address_invalid' | 'address_insecure' | 'database_invalid';

/**
 * The server's address: https, or http only on this computer (a test server, a tunnel).
 * Personal data never crosses a network unencrypted. Userinfo in the address is refused:
 * credentials go in their own fields, never in an address that could be shown or logged.
 */
export function checkServerAddress(
  text: string,
): { ok: true; url: string } | { ok: false; problem: AddressProblem } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, problem: 'address_invalid' };
  }
  if (url.username || url.password || url.search || url.hash) {
    return { ok: false, problem: 'address_invalid' };
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol === 'http:' && !loopback) return { ok: false, problem: 'address_insecure' };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, problem: 'address_invalid' };
  }
  return { ok: true, url: url.href.replace(/\/+$/, '') };
}

/** CouchDB's rule for database names (docs.couchdb.org, "PUT /{db}"). */
const DB_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/;

export function checkDatabaseName(text: string): boolean {
  return DB_NAME.test(text.trim());
}

/** The answers of "test connection", one clear message each (sync.kk/ru.json, `test.*`). */
export type ConnectionFailure =
  /** No answer from the address: no network, wrong address, server down. */
  | 'unreachable'
  /** The server answered over TLS with a certificate this computer does not trust. */
  | 'tls'
  /** The user name or password is wrong. */
  | 'wrong_password'
  /** The user exists but is not a member of this office's database. */
  | 'no_rights'
  /** There is no database of that name on the server. */
  | 'no_database'
  /** The database exists but was not set up for Tizilim (no design document). */
  | 'not_tizilim'
  /** The database was set up for a newer version of Tizilim. */
  | 'newer_format'
  /** Something answered, but not a CouchDB server. */
  | 'not_couchdb'
  /** The server answered with an error of its own. */
  | 'server_error';

export interface HttpAnswer {
  status: number;
  body: unknown;
}

function reasonOf(body: unknown): string {
  return typeof body === 'object' && body !== null && 'reason' in body
    ? String((body as { reason: unknown }).reason)
    : '';
}

/**
 * What an answer to `GET /{db}` with the user's credentials means. CouchDB answers 401 both
 * for a wrong password and for a user who is no member (its reason tells which), 403 for a
 * member without rights, 404 for a missing database.
 */
export function classifyDatabaseAnswer(answer: HttpAnswer): ConnectionFailure | null {
  if (answer.status === 200) return null;
  if (answer.status === 404) return 'no_database';
  if (answer.status === 401) {
    const reason = reasonOf(answer.body).toLowerCase();
    return reason.includes('name or password') || reason.includes('password')
      ? 'wrong_password'
      : 'no_rights';
  }
  if (answer.status === 403) return 'no_rights';
  return 'server_error';
}

/** What `GET /_session` says about the credentials (the first check, before the database). */
export function classifySessionAnswer(answer: HttpAnswer): ConnectionFailure | null {
  if (answer.status === 401) return 'wrong_password';
  if (answer.status !== 200) return answer.status === 404 ? 'not_couchdb' : 'server_error';
  const body = answer.body as { userCtx?: { name?: unknown } } | null;
  if (!body || typeof body !== 'object' || !body.userCtx) return 'not_couchdb';
  // CouchDB answers 200 with name null when it did not accept the credentials it was given.
  return typeof body.userCtx.name === 'string' ? null : 'wrong_password';
}

/** What the design document says: a Tizilim office database of a format this app reads. */
export function classifyDesignAnswer(
  answer: HttpAnswer,
  readable: readonly number[],
): ConnectionFailure | null {
  if (answer.status === 404) return 'not_tizilim';
  if (answer.status === 401 || answer.status === 403) return 'no_rights';
  if (answer.status !== 200) return 'server_error';
  const marker = (answer.body as { tizilim?: { format?: unknown; schemas?: unknown } } | null)
    ?.tizilim;
  if (!marker || marker.format !== 'tizilim-office' || !Array.isArray(marker.schemas)) {
    return 'not_tizilim';
  }
  return (marker.schemas as unknown[]).some((s) => readable.includes(s as number))
    ? null
    : 'newer_format';
}

/**
 * An address safe to show or log: no user, no password, no query. Credentials live in the
 * credentials store and in request headers only.
 */
export function redactAddress(text: string): string {
  try {
    const url = new URL(text);
    return `${url.protocol}//${url.host}${url.pathname}`.replace(/\/+$/, '');
  } catch {
    return text.replace(/\/\/[^@/]*@/, '//');
  }
}
