// The window's first script (vite.config.ts, `earlyRead`): starts the early read.
import { databaseName, opensRegistry, readEarly, warmSessionStorage } from './earlyRead';

if (typeof window !== 'undefined' && typeof indexedDB !== 'undefined') {
  window.tizilimEarlyRead = opensRegistry(location.hash)
    ? readEarly(indexedDB, databaseName())
    : Promise.resolve(null);
  warmSessionStorage(window);
}
