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

export interface Platform {
  readonly kind: 'electron' | 'browser';
  saveFile(request: SaveFileRequest): Promise<SaveResult>;
  printToPdf(request: PrintRequest): Promise<SaveResult>;
}
