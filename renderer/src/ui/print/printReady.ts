import { useEffect, useState } from 'react';

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Nobody may be waiting (the page opened on screen): a refusal must not be "unhandled".
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** Kazakh letters, so the faces that carry them are loaded, not just the Latin subset. */
const SAMPLE = 'ӘәҒғҚқҢңӨөҰұҮүҺһІі АаЯя Aa 0123456789 №';

/**
 * Waits for the fonts the page uses. Fonts load lazily once text is laid out, so layout is
 * forced first and both weights are requested explicitly; then `document.fonts.ready`.
 * No animation frames: a hidden window may never paint one, and printing lays out anew.
 */
async function fontsLoaded(): Promise<void> {
  // Engines without the CSS Font Loading API (test DOMs) have nothing to wait for.
  if (!('fonts' in document)) return;
  void document.body.offsetHeight;
  await Promise.all([
    document.fonts.load('400 16px "PT Sans"', SAMPLE),
    document.fonts.load('700 16px "PT Sans"', SAMPLE),
  ]);
  await document.fonts.ready;
}

export type PrintState = 'loading' | 'ready' | 'failed';

/**
 * A window opened straight on a print route (Electron's PDF window, the browser's print
 * frame) promises readiness as soon as the app's script runs, long before the session and
 * the data have loaded, so a printer that looks for the promise early finds it. The print
 * page then settles this same promise.
 */
let early: (Deferred & { claimed: boolean }) | null = null;
if (typeof window !== 'undefined' && window.location.hash.startsWith('#/print/')) {
  early = { ...deferred(), claimed: false };
  window.__tizilimPrintReady = early.promise;
}

function unclaimedEarly(): Deferred | null {
  return early && !early.claimed ? early : null;
}

function claim(ready: Deferred) {
  if (early && ready.promise === early.promise) early.claimed = true;
}

/**
 * Tells the printer when the page may be printed: `window.__tizilimPrintReady` is set on
 * mount and resolves once the data is rendered (`state` is 'ready') and every font is
 * loaded; it rejects when the page has nothing to print. Electron's
 * PDF window and the browser's print frame both wait on it — never on a timer.
 */
export function usePrintReady(state: PrintState): void {
  // One promise for the page's lifetime, even when React re-runs effects.
  const [ready] = useState(() => unclaimedEarly() ?? deferred());

  useEffect(() => {
    claim(ready);
    window.__tizilimPrintReady = ready.promise;
    return () => {
      if (window.__tizilimPrintReady === ready.promise) delete window.__tizilimPrintReady;
    };
  }, [ready]);

  useEffect(() => {
    if (state === 'failed') {
      ready.reject(new Error('Nothing to print: the record was not found'));
      return;
    }
    if (state !== 'ready') return;
    let cancelled = false;
    void (async () => {
      await fontsLoaded();
      if (!cancelled) ready.resolve();
    })();
    return () => {
      cancelled = true;
    };
  }, [state, ready]);
}
