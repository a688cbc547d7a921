/**
 * A switch that holds back a mocked read until the test lets it answer: a slow machine,
 * made reproducible. One per test file (each file has its own module graph), shared by the
 * `vi.mock` factory, which imports it, and the test, which closes and opens it.
 */
export const holdBack = (() => {
  let release: () => void = () => undefined;
  let released = Promise.resolve();
  return {
    /** Reads started from now on wait until `open()`. */
    close() {
      released = new Promise((resolve) => {
        release = resolve;
      });
    },
    open: () => release(),
    wait: () => released,
  };
})();
