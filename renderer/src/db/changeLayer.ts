import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import {
  entriesOf,
  isOfficeTable,
  storedRowsAfter,
  type ChangeEntry,
  type NewChangeEntry,
} from './changeLog';
import {
  abort,
  firstFailure,
  ignore,
  isWholeTable,
  rowsForAppeals,
  rowsForApplicants,
  writtenBy,
  type NameState,
  type Written,
} from './changeLayerDerived';
import { DEVICE_KEY, newDeviceIdentity, type DeviceIdentity } from './device';

/**
 * The change layer: ONE place, under every repository, where each write to the office's
 * tables (changeLog.ts, OFFICE_TABLES) gets its consequences in the same transaction:
 *
 * - derived data is brought up to date — the registry row of every appeal written (with its
 *   lead applicant's current name; removed when the appeal is soft-deleted or deleted), the
 *   registry rows of every appeal whose lead applicant was written (rename, anonymisation,
 *   merge, deletion); the search index (searchIndex.ts) follows the log, in memory;
 * - one change-log entry per record written, in order, in the `changes` table.
 *
 * It is a Dexie DBCore middleware (https://dexie.org/docs/Dexie/Dexie.use()). A middleware
 * can only use the stores of the IndexedDB transaction it is called in, so it also widens
 * every read-write transaction at its creation: one that touches an office table also covers
 * `changes` and `device`, one that touches appeals or applicants also covers appeals,
 * applicants and registryRows. Repositories therefore list only the tables they use
 * themselves. Read-only transactions and transactions over drafts alone are left as they
 * are, so autosaving a draft never waits for the registry.
 *
 * Within one transaction the layer handles writes strictly one after the other (the next
 * write's consequences start after the previous one's are written), so derived data and the
 * log follow the order of the writes even when a caller does not await each one. When a
 * consequence cannot be written, the transaction is aborted: a write never commits without
 * its log entry and derived data. Listeners (`subscribe`) get each transaction's entries
 * once IndexedDB reports its commit.
 *
 * Writes to `registryRows` from above the layer are refused: derived data comes from here.
 * The layer sits just below Dexie's hooks middleware and above its observability and cache
 * middlewares, so live queries see the derived tables and the log change too.
 */

type Listener = (entries: readonly ChangeEntry[]) => void;

/**
 * A committed change with the record as it was written (`put`), for consumers that must
 * keep exactly what was saved (the journal between backups): reading the record again
 * after the commit could already see a later transaction's version, or nothing.
 */
export interface CommittedChange extends ChangeEntry {
  /** The record as stored by this write; undefined for `delete` and `clear`. */
  value: unknown;
}
type ValueListener = (changes: readonly CommittedChange[]) => void;

/** Above Dexie's virtual-index middleware (1), below its hooks middleware (2). */
const LEVEL = 1.5;

/** What the layer keeps for one IndexedDB transaction while it is running. */
interface TxState extends NameState {
  /** Entries written so far, with their seq, announced after the commit. */
  entries: ChangeEntry[];
  /** The values written, parallel to `entries`, kept only while a value listener exists. */
  values: unknown[] | null;
  device: string | null;
  /** The device identity was created in this transaction (known for good on commit). */
  createdDevice: boolean;
  /** The last write's consequences; the next write starts after them. */
  tail: Promise<unknown> | null;
}

export class ChangeLayer {
  private readonly listeners = new Set<Listener>();
  private readonly valueListeners = new Set<ValueListener>();

  readonly middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'TizilimChangeLayer',
    level: LEVEL,
    create: (down) => this.create(down),
  };

  /** See `onChangesCommitted` in changeLog.ts. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Like `subscribe`, with each record as it was written (`onChangesCommittedWithValues`).
   * Values are kept for transactions that start writing while a listener is subscribed.
   */
  subscribeWithValues(listener: ValueListener): () => void {
    this.valueListeners.add(listener);
    return () => {
      this.valueListeners.delete(listener);
    };
  }

  private announce(entries: readonly ChangeEntry[], values: readonly unknown[] | null) {
    const frozen = Object.freeze([...entries]);
    for (const listener of [...this.listeners]) {
      try {
        listener(frozen);
      } catch (error) {
        // One failing consumer must not keep the others from hearing of the commit.
        console.error('change-log listener failed', error);
      }
    }
    if (this.valueListeners.size === 0 || values === null) return;
    const changes = Object.freeze(entries.map((entry, i) => ({ ...entry, value: values[i] })));
    for (const listener of [...this.valueListeners]) {
      try {
        listener(changes);
      } catch (error) {
        console.error('change-log listener failed', error);
      }
    }
  }

  /** Built again each time Dexie builds its stack (on open and during upgrades). */
  private create(down: DBCore): Partial<DBCore> {
    const stores = new Set(down.schema.tables.map((t) => t.name));
    // A database opened at version 1 (migration tests) has no log: derived data only.
    const logging = stores.has('changes') && stores.has('device');
    const hasRows = stores.has('registryRows') && stores.has('appeals') && stores.has('applicants');
    /** This laptop's device id, once read or committed. */
    let deviceId: string | null = null;
    const states = new WeakMap<DBCoreTransaction, TxState>();

    const stateOf = (trans: DBCoreTransaction): TxState => {
      let state = states.get(trans);
      if (state) return state;
      const created: TxState = {
        entries: [],
        values: this.valueListeners.size > 0 ? [] : null,
        names: new Map(),
        namesCleared: false,
        device: null,
        createdDevice: false,
        tail: null,
      };
      state = created;
      states.set(trans, state);
      // The DBCore transaction is the IDBTransaction; 'complete' fires only on commit.
      (trans as unknown as EventTarget).addEventListener?.('complete', () => {
        if (created.createdDevice) deviceId = created.device;
        if (created.entries.length > 0) this.announce(created.entries, created.values);
      });
      return state;
    };

    /** This laptop's device id: at once when known, else read (or made) in `trans`. */
    const deviceFor = (state: TxState, trans: DBCoreTransaction): string | Promise<string> => {
      if (state.device !== null) return state.device;
      if (deviceId !== null) return (state.device = deviceId);
      const table = down.table('device');
      return table
        .get({ trans, key: DEVICE_KEY })
        .then((stored: DeviceIdentity | undefined): string | Promise<string> => {
          if (stored) {
            deviceId = stored.id;
            return (state.device = stored.id);
          }
          // Normally made when the database is created or upgraded; made here if missing,
          // and known for good only once this transaction commits.
          const identity = newDeviceIdentity();
          return table.mutate({ type: 'add', trans, values: [identity] }).then((res) => {
            if (res.numFailures > 0) throw firstFailure(res);
            state.createdDevice = true;
            return (state.device = identity.id);
          });
        });
    };

    const appendLog = (
      table: string,
      written: Written,
      trans: DBCoreTransaction,
      state: TxState,
    ): Promise<void> | void => {
      if (!logging) return;
      const at = new Date().toISOString();
      const base = written.op === 'clear' ? [''] : written.keys;
      if (base.length === 0) return;
      const write = (device: string) => {
        const entries: NewChangeEntry[] = base.map((id) => ({
          table: table as NewChangeEntry['table'],
          id,
          op: written.op,
          at,
          device,
        }));
        const changes = down.table('changes');
        const logged = () => {
          if (state.values === null) return;
          if (written.op === 'put') state.values.push(...written.values);
          else state.values.push(...entries.map(() => undefined));
        };
        return changes
          .mutate({ type: 'add', trans, values: entries.slice(0, 1) })
          .then((res): Promise<void> | void => {
            if (res.numFailures > 0) throw firstFailure(res);
            const first = res.results?.[0] as number;
            state.entries.push({ ...entries[0]!, seq: first });
            if (entries.length === 1) return logged();
            // The rest of a bulk write takes the seqs after the first, in rows of up to
            // LOG_ROW_IDS records (changeLog.ts, `ChangeRow`): one IndexedDB request a
            // row, not a record, as each costs about the same whatever its size.
            const rows = storedRowsAfter(entries, first);
            return changes.mutate({ type: 'add', trans, values: rows }).then((added) => {
              if (added.numFailures > 0) throw firstFailure(added);
              for (const row of rows) state.entries.push(...entriesOf(row));
              logged();
            });
          });
      };
      const device = deviceFor(state, trans);
      return typeof device === 'string' ? write(device) : device.then(write);
    };

    /** Consequences of one successful write, in order: derived data, then the log. */
    const consequences = (
      name: string,
      written: Written,
      trans: DBCoreTransaction,
      state: TxState,
    ): Promise<unknown> | void => {
      const derived = !hasRows
        ? undefined
        : name === 'appeals'
          ? rowsForAppeals(down, written, trans, state)
          : name === 'applicants'
            ? rowsForApplicants(down, written, trans, state)
            : undefined;
      return derived
        ? derived.then(() => appendLog(name, written, trans, state))
        : appendLog(name, written, trans, state);
    };

    const officeTable = (name: string, table: DBCoreTable): DBCoreTable => {
      const mutate = (req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
        const before =
          req.type === 'deleteRange' && !isWholeTable(req.range)
            ? table.query({
                trans: req.trans,
                values: false,
                query: { index: table.schema.primaryKey, range: req.range },
              })
            : null;
        const write = (rangeKeys: string[] | null) =>
          table.mutate(req).then((res) => {
            const written = writtenBy(req, res, table, rangeKeys);
            const work = written && consequences(name, written, req.trans, stateOf(req.trans));
            if (!work) return res;
            return work.then(
              () => res,
              (error: unknown) => {
                // Never commit a write without its log entry and derived data.
                abort(req.trans);
                throw error;
              },
            );
          });
        return before ? before.then(({ result }) => write(result as string[])) : write(null);
      };
      return {
        ...table,
        mutate: (req) => {
          // A schema upgrade rewrites how records are stored, not what they say (version 4
          // drops the old search words): no log entries, no derived data.
          if ((req.trans as unknown as IDBTransaction).mode === 'versionchange') {
            return table.mutate(req);
          }
          const state = stateOf(req.trans);
          const run = () => mutate(req);
          const result = state.tail ? state.tail.then(run, run) : run();
          state.tail = result.then(ignore, ignore);
          return result;
        },
      };
    };

    return {
      transaction: (tables, mode, options) => {
        if (mode !== 'readwrite') return down.transaction(tables, mode, options);
        const scope = new Set(tables);
        if (logging && tables.some(isOfficeTable)) {
          scope.add('changes');
          scope.add('device');
        }
        if (hasRows && (scope.has('appeals') || scope.has('applicants'))) {
          scope.add('appeals');
          scope.add('applicants');
          scope.add('registryRows');
        }
        return down.transaction([...scope], mode, options);
      },
      table: (name) => {
        const table = down.table(name);
        if (name === 'registryRows') {
          return {
            ...table,
            mutate: () =>
              Promise.reject(
                new Error('registryRows is derived data: the change layer writes it, nobody else'),
              ),
          };
        }
        if (name === 'device') {
          // The identity is read again after any write to it (a rename, or a test removing it).
          return {
            ...table,
            mutate: (req) => {
              deviceId = null;
              const state = states.get(req.trans);
              if (state) state.device = null;
              return table.mutate(req);
            },
          };
        }
        return isOfficeTable(name) ? officeTable(name, table) : table;
      },
    };
  }
}
