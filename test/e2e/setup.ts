// Node's side of the end-to-end tests builds offices with the app's repositories on
// fake-indexeddb (seed.ts). Dexie takes `indexedDB` when its module first loads, so the fake
// must be in place before any spec imports a repository — whatever the spec's import order.
import 'fake-indexeddb/auto';
