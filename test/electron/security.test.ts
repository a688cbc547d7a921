import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, FakeSession, FakeWebContents } from './fakeElectron';
import {
  ALLOWED_PERMISSION,
  allowedOrigins,
  APP_ENTRY_URL,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  hardenSession,
  hardenWebContents,
  isAllowedNavigation,
  isAllowedPermission,
  originOf,
  resolveDevUrl,
  secureWebPreferences,
} from '@electron/security';
import type { Session, WebContents } from 'electron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

beforeEach(() => fake.reset());

// The fake stands in for Electron's classes; the code under test only uses what it fakes.
const asWebContents = (contents: FakeWebContents): WebContents =>
  contents as unknown as WebContents;
const asSession = (session: FakeSession): Session => session as unknown as Session;

describe('secureWebPreferences', () => {
  const preferences = secureWebPreferences('/app/dist/electron/preload.cjs');

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['spellcheck', false],
  ] as const)('sets %s to %s', (key, value) => {
    expect(preferences[key]).toBe(value);
  });

  it('leaves the preload out for the PDF window and DevTools off when asked', () => {
    const pdf = secureWebPreferences(null, { devTools: false });
    expect(pdf).not.toHaveProperty('preload');
    expect(pdf.devTools).toBe(false);
    expect(pdf.sandbox).toBe(true);
    expect(preferences.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('sets the preload path and nothing beyond the checklist', () => {
    expect(preferences.preload).toBe('/app/dist/electron/preload.cjs');
    expect(Object.keys(preferences).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'devTools',
        'experimentalFeatures',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('falls back to self only', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('never allows eval or inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(directives.get('script-src')).toEqual(["'self'"]);
  });

  it('names no remote origin and no wildcard, except where sync connects', () => {
    // connect-src alone reaches out: to the council's sync server over https, or a CouchDB
    // on this computer (docs/sync.md). Scripts, styles, images, fonts stay 'self'.
    const others = [...directives].filter(([name]) => name !== 'connect-src');
    for (const [, values] of others) expect(values.join(' ')).not.toMatch(/https?:/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/wss?:/);
    expect(CONTENT_SECURITY_POLICY).not.toContain('*');
  });

  it('locks down objects, base, forms and framing', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual([
      "'self'",
      'https:',
      'http://127.0.0.1:5984',
      'http://localhost:5984',
    ]);
  });

  it('is exactly the agreed policy (renderer/index.html repeats it)', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self' https: http://127.0.0.1:5984 http://localhost:5984; object-src 'none'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });
});

describe('origins and navigation', () => {
  it('gives app:// URLs the origin Chromium gives them', () => {
    expect(originOf('app://tizilim/index.html#/registry')).toBe(APP_ORIGIN);
    expect(originOf('APP://TIZILIM/index.html')).toBe(APP_ORIGIN);
    expect(originOf('app://other/index.html')).toBe('app://other');
    expect(originOf('https://evil.example/x')).toBe('https://evil.example');
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });

  it('allows the entry document with any hash, nothing else', () => {
    const origins = allowedOrigins(null);
    expect(isAllowedNavigation(`${APP_ENTRY_URL}#/registry`, origins)).toBe(true);
    expect(isAllowedNavigation(APP_ENTRY_URL, origins)).toBe(true);
    expect(isAllowedNavigation('app://tizilim/other.html', origins)).toBe(false);
    expect(isAllowedNavigation('app://tizilim/index.html?x=1', origins)).toBe(false);
    expect(isAllowedNavigation('app://evil/index.html', origins)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', origins)).toBe(false);
    expect(isAllowedNavigation('file:///C:/Windows/win.ini', origins)).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:5173/', origins)).toBe(false);
  });

  it('allows the dev server origin only when one is configured', () => {
    const origins = allowedOrigins(new URL('http://127.0.0.1:5173'));
    expect(isAllowedNavigation('http://127.0.0.1:5173/index.html#/x', origins)).toBe(true);
    expect(isAllowedNavigation('http://127.0.0.1:5174/', origins)).toBe(false);
  });
});

describe('resolveDevUrl', () => {
  it('is ignored when unset or packaged', () => {
    expect(resolveDevUrl(undefined, false)).toBeNull();
    expect(resolveDevUrl('', false)).toBeNull();
    expect(resolveDevUrl('http://127.0.0.1:5173', true)).toBeNull();
  });

  it('accepts loopback http URLs', () => {
    expect(resolveDevUrl('http://127.0.0.1:5173', false)?.origin).toBe('http://127.0.0.1:5173');
    expect(resolveDevUrl('http://localhost:5173/', false)?.origin).toBe('http://localhost:5173');
  });

  it('refuses anything that is not loopback http', () => {
    expect(() => resolveDevUrl('https://example.com', false)).toThrow(/TIZILIM_DEV_URL/);
    expect(() => resolveDevUrl('http://192.168.1.5:5173', false)).toThrow(/TIZILIM_DEV_URL/);
    expect(() => resolveDevUrl('file:///tmp/index.html', false)).toThrow(/TIZILIM_DEV_URL/);
    expect(() => resolveDevUrl('nonsense', false)).toThrow(/TIZILIM_DEV_URL/);
  });
});

describe('hardenWebContents', () => {
  const harden = (origins = allowedOrigins(null)): FakeWebContents => {
    const contents = new FakeWebContents(fake.session.defaultSession);
    hardenWebContents(asWebContents(contents), origins);
    return contents;
  };

  it('prevents navigation to a remote site', () => {
    const contents = harden();
    expect(contents.attempt('will-navigate', 'https://example.com')).toBe(true);
    expect(contents.attempt('will-frame-navigate', 'https://example.com')).toBe(true);
    expect(contents.attempt('will-redirect', 'https://example.com/login')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
  });

  it('lets the app reload its own entry page', () => {
    const contents = harden();
    expect(contents.attempt('will-navigate', 'app://tizilim/index.html#/registry')).toBe(false);
  });

  it('denies every window.open', () => {
    const contents = harden();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: 'app://tizilim/index.html' })).toEqual({
      action: 'deny',
    });
  });

  it('prevents attaching a webview', () => {
    const contents = harden();
    expect(contents.attempt('will-attach-webview', 'https://example.com')).toBe(true);
  });

  it('installs the permission guards on the contents session', async () => {
    const contents = harden();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      await expect(contents.session.requestPermission(permission)).resolves.toBe(false);
    }
    expect(contents.session.permissionCheckHandler?.({}, 'media', APP_ORIGIN, {})).toBe(false);
  });

  it('lets the dev server page write to the clipboard when it is the configured origin', () => {
    const dev = allowedOrigins(new URL('http://127.0.0.1:5173'));
    const contents = harden(dev);
    const details = { isMainFrame: true, requestingUrl: 'http://127.0.0.1:5173/index.html#/x' };
    expect(contents.session.permissionCheckHandler?.({}, ALLOWED_PERMISSION, '', details)).toBe(
      true,
    );
  });
});

describe('clipboard writing (every «copy» button)', () => {
  const top = { isMainFrame: true, requestingUrl: 'app://tizilim/index.html#/appeals/42' };

  it('is allowed for the app’s own top-level frame, by request and by check', async () => {
    const session = new FakeSession();
    hardenSession(asSession(session));
    expect(ALLOWED_PERMISSION).toBe('clipboard-sanitized-write');
    await expect(
      new Promise((resolve) =>
        session.permissionRequestHandler?.({}, ALLOWED_PERMISSION, resolve, top),
      ),
    ).resolves.toBe(true);
    expect(session.permissionCheckHandler?.({}, ALLOWED_PERMISSION, APP_ORIGIN, top)).toBe(true);
  });

  it.each([
    ['a subframe of the app', { isMainFrame: false, requestingUrl: 'app://tizilim/index.html' }],
    ['another site', { isMainFrame: true, requestingUrl: 'https://evil.example/' }],
    ['a file page', { isMainFrame: true, requestingUrl: 'file:///tmp/x.html' }],
    [
      'a frame embedded elsewhere',
      { isMainFrame: true, requestingUrl: APP_ORIGIN, embeddingOrigin: 'https://x.example' },
    ],
    ['a request without a URL', { isMainFrame: true }],
  ])('is refused to %s', async (_what, details) => {
    const session = new FakeSession();
    hardenSession(asSession(session));
    await expect(
      new Promise((resolve) =>
        session.permissionRequestHandler?.({}, ALLOWED_PERMISSION, resolve, details),
      ),
    ).resolves.toBe(false);
    expect(session.permissionCheckHandler?.({}, ALLOWED_PERMISSION, '', details)).toBe(false);
    expect(isAllowedPermission(ALLOWED_PERMISSION, details, [APP_ORIGIN])).toBe(false);
  });

  it('does not open reading the clipboard, or any other permission, to the app page', () => {
    for (const permission of ['clipboard-read', 'media', 'notifications', 'openExternal']) {
      expect(isAllowedPermission(permission, top, [APP_ORIGIN])).toBe(false);
    }
  });
});

describe('hardenSession', () => {
  it('answers every permission request and check with no', async () => {
    const session = new FakeSession();
    hardenSession(asSession(session));
    for (const permission of ['media', 'geolocation', 'notifications']) {
      await expect(session.requestPermission(permission)).resolves.toBe(false);
      expect(session.permissionCheckHandler?.({}, permission, APP_ORIGIN, {})).toBe(false);
    }
    expect(session.devicePermissionHandler?.({})).toBe(false);
  });
});
