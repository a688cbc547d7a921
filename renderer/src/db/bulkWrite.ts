import { onChangesCommitted, type ChangeEntry } from './changeLog';
import type { TizilimDb } from './database';

/**
 * A bulk write in progress on a database: many transactions in a row that bring in a whole
 * office (a first sync to an empty laptop). Consumers of the change log that keep derived
 * data in memory and can read it all again from what is stored (the registry's rows, the
 * search index) do not take in each commit meanwhile: they note that they are behind and read
 * everything once when the bulk write ends. At 50,000 appeals, taking each batch in cost the
 * registry a pass over all its rows (and the open screen a sort) per batch.
 *
 * Bulk writes may overlap; the last to end ends it. `end` is idempotent.
 */

interface BulkState {
  depth: number;
  listeners: Set<() => void>;
}

const states = new WeakMap<TizilimDb, BulkState>();

function stateOf(db: TizilimDb): BulkState {
  let state = states.get(db);
  if (!state) {
    state = { depth: 0, listeners: new Set() };
    states.set(db, state);
  }
  return state;
}

/** Starts a bulk write; answers the function that ends it. */
export function beginBulkWrite(db: TizilimDb): () => void {
  const state = stateOf(db);
  state.depth += 1;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    state.depth -= 1;
    if (state.depth > 0) return;
    for (const listener of [...state.listeners]) {
      try {
        listener();
      } catch (error) {
        console.error('bulk-write listener failed', error);
      }
    }
  };
}

/** Whether a bulk write is in progress on this database. */
export function inBulkWrite(db: TizilimDb): boolean {
  return (states.get(db)?.depth ?? 0) > 0;
}

/** Calls `listener` each time the last bulk write in progress ends; answers the unsubscribe. */
export function onBulkWriteEnd(db: TizilimDb, listener: () => void): () => void {
  const state = stateOf(db);
  state.listeners.add(listener);
  return () => {
    state.listeners.delete(listener);
  };
}

/**
 * `onChangesCommitted` for a consumer that keeps derived data in memory and can read it all
 * again (the registry's rows, the search index): during a bulk write, commits are not passed
 * on; when it ends, `readAll` is called once if any of them touched `tables`. Answers the
 * function that unsubscribes from both.
 */
export function onChangesCommittedOutsideBulk(
  db: TizilimDb,
  tables: ReadonlySet<string>,
  listener: (entries: readonly ChangeEntry[]) => void,
  readAll: () => void,
): () => void {
  let behind = false;
  const offCommits = onChangesCommitted(db, (entries) => {
    if (!inBulkWrite(db)) listener(entries);
    else if (entries.some((e) => tables.has(e.table))) behind = true;
  });
  const offBulk = onBulkWriteEnd(db, () => {
    if (!behind) return;
    behind = false;
    readAll();
  });
  return () => {
    offCommits();
    offBulk();
  };
}
