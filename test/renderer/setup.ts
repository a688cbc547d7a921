import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import type * as DexieReactHooks from 'dexie-react-hooks';
import { afterEach, vi } from 'vitest';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

// Screens wait on IndexedDB (fake-indexeddb) and debounced saves. On a busy two-core CI
// machine with coverage on, an answer can take several seconds; the default of one second
// made findBy/waitFor fail there although nothing was wrong. A real hang still fails.
configure({ asyncUtilTimeout: 10_000 });

// TIZILIM_JITTER=<ms>: every live query answers up to that many milliseconds late, at
// random, so that a test (or a screen) that reads what a live query has not delivered yet
// fails here, on demand, instead of once in a while on a loaded CI machine. Off in CI.
vi.mock('dexie-react-hooks', async (importOriginal) => {
  const real = await importOriginal<typeof DexieReactHooks>();
  const jitter = Number(process.env.TIZILIM_JITTER ?? 0);
  if (!(jitter > 0)) return real;
  const late =
    <T>(querier: () => T | Promise<T>) =>
    async () => {
      const result = await querier();
      await new Promise((resolve) => setTimeout(resolve, Math.random() * jitter));
      return result;
    };
  return {
    ...real,
    useLiveQuery: ((querier: () => unknown, deps: unknown[] = [], initial?: unknown) =>
      real.useLiveQuery(late(querier), deps, initial)) as typeof real.useLiveQuery,
  };
});
