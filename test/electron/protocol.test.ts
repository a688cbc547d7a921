import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake } from './fakeElectron';
import {
  createAppProtocolHandler,
  handleAppProtocol,
  mimeTypeFor,
  registerAppScheme,
  resolveAppPath,
} from '@electron/protocol';
import { CONTENT_SECURITY_POLICY } from '@electron/security';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

let sandbox: string;
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  // root is dist/renderer; a secret sits next to it, where traversal would reach.
  sandbox = mkdtempSync(path.join(tmpdir(), 'tizilim-protocol-'));
  root = path.join(sandbox, 'renderer');
  mkdirSync(path.join(root, 'assets', 'fonts'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Tizilim</title>');
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1);');
  writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'fonts', 'pt-sans.woff2'), 'wOF2');
  writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(path.join(root, 'assets', 'logo.png'), 'png');
  writeFileSync(path.join(root, 'assets', 'ҚазАқ әріп.json'), '{}');
  writeFileSync(path.join(sandbox, 'secret.txt'), 'TOP SECRET');
  handler = createAppProtocolHandler(root);
});

afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

beforeEach(() => fake.reset());

/** A request exactly as written, bypassing the URL canonicalisation `new Request` does. */
function rawRequest(url: string, method = 'GET'): Request {
  // Only url and method are read by the handler.
  return { url, method } as unknown as Request;
}

describe('registration', () => {
  it('registers app:// as standard, secure and fetch-capable, without CORS or CSP bypass', () => {
    registerAppScheme();
    expect(fake.protocol.privileged).toHaveLength(1);
    const [scheme] = fake.protocol.privileged;
    expect(scheme?.scheme).toBe('app');
    expect(scheme?.privileges).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
    });
    expect(scheme?.privileges?.['bypassCSP']).toBeFalsy();
    expect(scheme?.privileges?.['corsEnabled']).toBeFalsy();
    expect(scheme?.privileges?.['allowServiceWorkers']).toBeFalsy();
  });

  it('handles the app scheme', () => {
    handleAppProtocol(root);
    expect(fake.protocol.handlers.has('app')).toBe(true);
  });
});

describe('serving files', () => {
  it('serves index.html with its MIME type and the CSP header', async () => {
    const response = await handler(new Request('app://tizilim/index.html#/registry'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Tizilim</title>');
  });

  it('serves index.html for the bare origin', async () => {
    const response = await handler(new Request('app://tizilim/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Tizilim');
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/fonts/pt-sans.woff2', 'font/woff2'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/logo.png', 'image/png'],
  ])('serves %s as %s', async (file, mime) => {
    const response = await handler(new Request(`app://tizilim/${file}?v=1`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(mime);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('decodes percent-encoded names', async () => {
    const response = await handler(
      new Request(`app://tizilim/assets/${encodeURIComponent('ҚазАқ әріп.json')}`),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('answers HEAD without a body', async () => {
    const response = await handler(rawRequest('app://tizilim/index.html', 'HEAD'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('refuses other methods', async () => {
    expect((await handler(rawRequest('app://tizilim/index.html', 'POST'))).status).toBe(405);
  });

  it.each([
    'app://tizilim/missing.js',
    'app://tizilim/assets',
    'app://tizilim/assets/fonts',
    'app://other-host/index.html',
    'https://tizilim/index.html',
  ])('answers 404 for %s', async (url) => {
    expect((await handler(rawRequest(url))).status).toBe(404);
  });
});

describe('path traversal', () => {
  const forbidden = [
    'app://tizilim/../secret.txt',
    'app://tizilim/../../etc/passwd',
    'app://tizilim/assets/../../secret.txt',
    'app://tizilim/%2e%2e/secret.txt',
    'app://tizilim/%2E%2E/%2e%2e/etc/passwd',
    'app://tizilim/.%2e/secret.txt',
    'app://tizilim/..\\secret.txt',
    'app://tizilim/assets\\..\\..\\secret.txt',
    'app://tizilim/%5c..%5csecret.txt',
    'app://tizilim/..%2fsecret.txt',
    'app://tizilim/%2fetc%2fpasswd',
    'app://tizilim//etc/passwd',
    'app://tizilim/C:/Windows/win.ini',
    'app://tizilim/C%3A/Windows/win.ini',
    'app://tizilim/index.html%00.png',
    'app://tizilim/%E0%A4%A',
  ];

  it.each(forbidden)('resolveAppPath refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toEqual({ kind: 'forbidden' });
  });

  it.each(forbidden)('the handler answers %s with 403 and never the secret', async (url) => {
    const response = await handler(rawRequest(url));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('TOP SECRET');
  });

  it.each([
    'app://tizilim/../secret.txt',
    'app://tizilim/%2e%2e/secret.txt',
    'app://tizilim/../../etc/passwd',
  ])('a canonicalised %s stays inside the root (404)', async (url) => {
    const response = await handler(new Request(url));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('TOP SECRET');
  });

  it('keeps every resolved file inside the root', () => {
    const resolved = resolveAppPath(root, 'app://tizilim/assets/index-abc.js');
    expect(resolved).toEqual({ kind: 'file', filePath: path.join(root, 'assets', 'index-abc.js') });
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.woff2', 'font/woff2'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.unknown', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s → %s', (file, mime) => {
    expect(mimeTypeFor(file)).toBe(mime);
  });
});
