/**
 * The app:// scheme that serves the built renderer (dist/renderer). A real origin instead of
 * file:// gives the page a stable IndexedDB, a working CSP 'self', and no access to the rest
 * of the disk.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { mimeTypeFor } from './mimeTypes.mjs';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

export { mimeTypeFor };

/**
 * Must run before `app` is ready. `standard` gives app:// real origins (and with them
 * storage and relative URLs), `secure` makes it a secure context like https, and
 * `supportFetchAPI` lets the page fetch its own assets. `corsEnabled` stays off so no other
 * origin can read app:// responses.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export type ResolvedPath =
  { kind: 'file'; filePath: string } | { kind: 'forbidden' } | { kind: 'not-found' };

/**
 * Maps an app:// URL to a file under `rootDir`, or refuses it. Chromium canonicalises URLs
 * before they reach the handler, but this does not rely on that: it checks the raw text, so
 * it stays safe if a request arrives by some other route.
 */
export function resolveAppPath(rootDir: string, rawUrl: string): ResolvedPath {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/i.exec(rawUrl);
  if (match === null) return { kind: 'not-found' };
  const [, scheme = '', host = '', rawPath = ''] = match;
  if (scheme.toLowerCase() !== APP_SCHEME || host.toLowerCase() !== APP_HOST) {
    return { kind: 'not-found' };
  }
  if (rawPath === '' || rawPath === '/')
    return { kind: 'file', filePath: path.join(rootDir, 'index.html') };
  // Encoded separators, backslashes and NULs have no business in an asset URL.
  if (/\\|%5c|%2f|%00|\0/i.test(rawPath)) return { kind: 'forbidden' };

  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'forbidden' };
  }
  const segments = decoded.slice(1).split('/');
  for (const segment of segments) {
    // Empty segments (`//etc/passwd`) would otherwise hide an absolute path; `:` a drive.
    if (segment === '' || segment === '.' || segment === '..' || segment.includes(':')) {
      return { kind: 'forbidden' };
    }
  }

  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  if (!filePath.startsWith(root + path.sep)) return { kind: 'forbidden' };
  return { kind: 'file', filePath };
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

/** The `protocol.handle` handler, separate from registration so tests can call it. */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method Not Allowed');
    }
    const resolved = resolveAppPath(rootDir, request.url);
    if (resolved.kind === 'forbidden') return textResponse(403, 'Forbidden');
    if (resolved.kind === 'not-found') return textResponse(404, 'Not Found');

    try {
      const info = await stat(resolved.filePath);
      if (!info.isFile()) return textResponse(404, 'Not Found');
      const body = request.method === 'HEAD' ? null : await readFile(resolved.filePath);
      return new Response(body === null ? null : new Uint8Array(body), {
        status: 200,
        headers: {
          'Content-Type': mimeTypeFor(resolved.filePath),
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'no-referrer',
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      return textResponse(404, 'Not Found');
    }
  };
}

/** Serves `rootDir` on app://tizilim/. Call after `app` is ready. */
export function handleAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir));
}
