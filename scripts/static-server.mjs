// Serves the built renderer on 127.0.0.1 — how the app is used and tested where Electron
// cannot run. Mirrors the Electron app:// handler: same CSP, no directory escapes, and
// `no-cache` — the browser may keep a file but asks each time whether it changed (here with
// an ETag, answered 304 when it did not), so a reload runs today's build while Chromium can
// use its compiled-code cache for unchanged scripts, as the desktop app's scheme does
// (`codeCache: true` in electron/protocol.ts).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import { mimeTypeFor } from '../electron/mimeTypes.mjs';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self'; connect-src 'self' https: http://127.0.0.1:5984 http://localhost:5984; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

export async function startStaticServer({ root, host = '127.0.0.1', port = 0 } = {}) {
  const base = resolve(root);
  await stat(join(base, 'index.html')).catch(() => {
    throw new Error(`${join(base, 'index.html')} not found — run "npm run build" first.`);
  });
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const etag = `W/"${info.size.toString(36)}-${Math.trunc(info.mtimeMs).toString(36)}"`;
      const headers = {
        'Content-Type': mimeTypeFor(file),
        'Content-Security-Policy': CSP,
        'Cache-Control': 'no-cache',
        ETag: etag,
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}/`,
    close: () => new Promise((ok) => server.close(() => ok(undefined))),
  };
}
