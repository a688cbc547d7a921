// The print routes' readiness flag on window (set in ui/print/printReady.ts, awaited by the
// browser's and the main process's printing). A declaration file of its own, so the test
// project, checked against the renderer's declarations by `tsc -b`, sees it too.
declare global {
  interface Window {
    /** Set by print routes: resolves once data is rendered and fonts are ready. */
    __tizilimPrintReady?: Promise<void>;
  }
}

export {};
