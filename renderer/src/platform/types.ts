import type { ShowNotificationRequest, ShowNotificationResult } from '@shared/ipc/notifications';

/** What the app needs from its host, whether Electron or a plain browser. */
export interface SaveFileRequest {
  fileName: string;
  mimeType: string;
  data: Uint8Array<ArrayBuffer>;
}

export interface PrintRequest {
  /** Hash route of a print page, e.g. '/print/receipt/…'. */
  route: string;
  fileName: string;
}

export interface SaveResult {
  saved: boolean;
}

/** The sync server's user and password (docs/sync.md); never in IndexedDB or a log. */
export interface SyncCredentialStore {
  get(): Promise<{ user: string; password: string } | null>;
  /** Resolves false when this host cannot keep them safely (they are asked each time). */
  set(credentials: { user: string; password: string }): Promise<boolean>;
  clear(): Promise<void>;
}

export interface Platform {
  readonly kind: 'electron' | 'browser';
  saveFile(request: SaveFileRequest): Promise<SaveResult>;
  printToPdf(request: PrintRequest): Promise<SaveResult>;
  /** Where sync credentials are kept (optional so test doubles need not say). */
  syncCredentials?: SyncCredentialStore;
  /** Whether the server answers, and whether TLS failed; absent where the host cannot tell. */
  probeServer?(url: string): Promise<'reachable' | 'unreachable' | 'tls'>;
  /**
   * A desktop notification; resolves with whether it was clicked. Absent where the host has
   * none (the web build shows its notices inside the page instead).
   */
  notify?(request: ShowNotificationRequest): Promise<ShowNotificationResult>;
}
