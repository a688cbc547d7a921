import {
  checkDatabaseName,
  checkServerAddress,
  classifyDatabaseAnswer,
  classifyDesignAnswer,
  classifySessionAnswer,
  READABLE_SCHEMAS,
  type AddressProblem,
  type ConnectionFailure,
} from '@shared/sync';
import { RemotePeer, SyncNetworkError, type SyncCredentials } from './remote';

/**
 * "Test connection" in Settings › Sync: the address, then the credentials (`/_session`),
 * then the database (`GET /{db}`: rights), then its design document (a Tizilim office of a
 * format this app reads). The first failure is the answer, one clear message each.
 */

export type ConnectionAnswer =
  { ok: true } | { ok: false; failure: ConnectionFailure | AddressProblem | 'database_invalid' };

export interface ConnectionInput {
  server: string;
  database: string;
  credentials: SyncCredentials;
}

export async function testConnection(
  input: ConnectionInput,
  options: {
    fetch?: typeof fetch;
    /** Electron's probe (platform.probeServer): tells a TLS failure from no answer. */
    probe?: (url: string) => Promise<'reachable' | 'unreachable' | 'tls'>;
    signal?: AbortSignal;
  } = {},
): Promise<ConnectionAnswer> {
  const address = checkServerAddress(input.server);
  if (!address.ok) return { ok: false, failure: address.problem };
  if (!checkDatabaseName(input.database)) return { ok: false, failure: 'database_invalid' };
  const remote = new RemotePeer({
    server: address.url,
    database: input.database.trim(),
    credentials: input.credentials,
    fetch: options.fetch,
    signal: options.signal,
  });
  try {
    const session = classifySessionAnswer(await remote.answer('GET', remote.root('/_session')));
    if (session) return { ok: false, failure: session };
    const database = classifyDatabaseAnswer(await remote.answer('GET', remote.db()));
    if (database) return { ok: false, failure: database };
    const design = classifyDesignAnswer(
      await remote.answer('GET', remote.db('/_design/tizilim')),
      READABLE_SCHEMAS,
    );
    return design ? { ok: false, failure: design } : { ok: true };
  } catch (error) {
    if (!(error instanceof SyncNetworkError)) throw error;
    const reach = options.probe ? await options.probe(address.url).catch(() => null) : null;
    return { ok: false, failure: reach === 'tls' ? 'tls' : 'unreachable' };
  }
}
