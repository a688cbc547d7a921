import { z } from 'zod';
import { noRequestSchema } from './blocks';

// ---------------------------------------------------------------------------------------
// Sync with the council's server (docs/sync.md): the user name and password, kept by the
// main process with Electron's safeStorage (the OS keychain / DPAPI), never on disk in
// clear and never in IndexedDB; and a probe that tells a TLS failure from no answer, which
// a page's fetch cannot.
// ---------------------------------------------------------------------------------------

export const syncCredentialsSchema = z.strictObject({
  user: z.string().min(1).max(200),
  password: z.string().min(1).max(1000),
});
export const syncProbeRequestSchema = z.strictObject({
  url: z
    .string()
    .max(2000)
    .regex(/^https?:\/\/[^\s@]+$/, 'must be an http(s) address without credentials'),
});
export type SyncCredentialsInput = z.input<typeof syncCredentialsSchema>;
export type SyncProbeRequest = z.input<typeof syncProbeRequestSchema>;

/** `reachable`: something answered over HTTP(S); `tls`: a connection, but no trusted TLS. */
export interface SyncProbeResult {
  reach: 'reachable' | 'unreachable' | 'tls';
}

export const SYNC_IPC_CONTRACT = {
  getSyncCredentials: { channel: 'sync:getCredentials', request: noRequestSchema },
  setSyncCredentials: { channel: 'sync:setCredentials', request: syncCredentialsSchema },
  clearSyncCredentials: { channel: 'sync:clearCredentials', request: noRequestSchema },
  probeSyncServer: { channel: 'sync:probe', request: syncProbeRequestSchema },
} as const;

export interface SyncIpcResponses {
  getSyncCredentials: SyncCredentialsInput | null;
  setSyncCredentials: { stored: true };
  clearSyncCredentials: { cleared: true };
  probeSyncServer: SyncProbeResult;
}

export interface SyncApi {
  /** The stored user and password, or null when none are stored. */
  getSyncCredentials(): Promise<SyncCredentialsInput | null>;
  /** Stores them encrypted with safeStorage; refuses (ACCESS_DENIED) when it is unavailable. */
  setSyncCredentials(request: SyncCredentialsInput): Promise<{ stored: true }>;
  clearSyncCredentials(): Promise<{ cleared: true }>;
  /** Whether the server's address answers, and whether TLS failed. */
  probeSyncServer(request: SyncProbeRequest): Promise<SyncProbeResult>;
}
