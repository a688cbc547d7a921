/**
 * A full disk for tests on fake-indexeddb: while it is "full", every put, add and delete of
 * an object store throws the DOMException the browser throws (`QuotaExceededError`, or an
 * aborted write), so a repository's Dexie transaction fails the way it does on a laptop
 * whose disk has filled up — through Dexie and the change layer, nothing mocked above them.
 */
type Method = 'put' | 'add' | 'delete';
const METHODS: Method[] = ['put', 'add', 'delete'];

export function fillTheDisk(errorName: 'QuotaExceededError' | 'AbortError' = 'QuotaExceededError') {
  const proto = IDBObjectStore.prototype as unknown as Record<
    Method,
    (...args: unknown[]) => unknown
  >;
  const originals = METHODS.map((m) => [m, proto[m]] as const);
  for (const [method] of originals) {
    proto[method] = function full() {
      throw new DOMException('The disk is full (test)', errorName);
    };
  }
  return {
    /** Space freed: writes go through again. */
    free() {
      for (const [method, original] of originals) proto[method] = original;
    },
  };
}
