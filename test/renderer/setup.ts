import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

// Screens wait on IndexedDB (fake-indexeddb) and debounced saves. On a busy two-core CI
// machine with coverage on, an answer can take several seconds; the default of one second
// made findBy/waitFor fail there although nothing was wrong. A real hang still fails.
configure({ asyncUtilTimeout: 10_000 });
