import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreRangeType,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type { Appeal, Applicant } from '@shared/domain';
import { isOfficeTable, type ChangeEntry, type ChangeOp, type NewChangeEntry } from './changeLog';
import { DEVICE_KEY, newDeviceIdentity, type DeviceIdentity } from './device';
import { registryRowOf, type RegistryRow } from './registryRow';

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

/** Dexie's DBCoreRangeType is a const enum; these are its values. */
const EQUAL = 1 as DBCoreRangeType;
const RANGE = 2 as DBCoreRangeType;
const ANY = 3 as DBCoreRangeType;

const equal = (key: string): DBCoreKeyRange => ({ type: EQUAL, lower: key, upper: key });

/** Above Dexie's virtual-index middleware (1), below its hooks middleware (2). */
const LEVEL = 1.5;

/** Up to this many applicants, their appeals are looked up one index key at a time. */
const FEW_APPLICANTS = 32;

/** What the layer keeps for one IndexedDB transaction while it is running. */
interface TxState {
  /** Entries written so far, with their seq, announced after the commit. */
  entries: ChangeEntry[];
  /** The values written, parallel to `entries`, kept only while a value listener exists. */
  values: unknown[] | null;
  /** Applicant names as of this point of the transaction (written or read). */
  names: Map<string, string>;
  /** The applicants table was cleared in this transaction: an unknown id has no name. */
  namesCleared: boolean;
  device: string | null;
  /** The device identity was created in this transaction (known for good on commit). */
  createdDevice: boolean;
  /** The last write's consequences; the next write starts after them. */
  tail: Promise<unknown> | null;
}

interface Written {
  op: ChangeOp;
  /** Primary keys of the records written or deleted ([] for a clear). */
  keys: string[];
  /** The values written, for put (same order as keys). */
  values: unknown[];
  /** The range that was deleted, for a clear of the whole table. */
  range: DBCoreKeyRange | null;
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
        return down
          .table('changes')
          .mutate({ type: 'add', trans, values: entries })
          .then((res) => {
            if (res.numFailures > 0) throw firstFailure(res);
            const seqs = res.results ?? [];
            entries.forEach((entry, i) => state.entries.push({ ...entry, seq: seqs[i] as number }));
            if (state.values !== null) {
              if (written.op === 'put') state.values.push(...written.values);
              else state.values.push(...entries.map(() => undefined));
            }
          });
      };
      const device = deviceFor(state, trans);
      return typeof device === 'string' ? write(device) : device.then(write);
    };

    /** Registry rows for appeals just written. */
    const rowsForAppeals = (
      written: Written,
      trans: DBCoreTransaction,
      state: TxState,
    ): Promise<unknown> | void => {
      const rows = down.table('registryRows');
      if (written.op === 'clear') {
        return rows.mutate({ type: 'deleteRange', trans, range: written.range! });
      }
      if (written.op === 'delete') {
        return written.keys.length
          ? rows.mutate({ type: 'delete', trans, keys: written.keys })
          : undefined;
      }
      const appeals = written.values as Appeal[];
      const gone = appeals.filter((a) => a.deletedAt !== null).map((a) => a.id);
      const live = appeals.filter((a) => a.deletedAt === null);
      const unknown = [
        ...new Set(
          live.flatMap((a) =>
            a.applicantId !== null && !state.names.has(a.applicantId) && !state.namesCleared
              ? [a.applicantId]
              : [],
          ),
        ),
      ];
      const write = (): Promise<unknown> => {
        const put = live.map((a) =>
          registryRowOf(a, a.applicantId === null ? '' : (state.names.get(a.applicantId) ?? '')),
        );
        const putting = rows.mutate({ type: 'put', trans, values: put }).then(throwOnFailure);
        return gone.length
          ? putting.then(() => rows.mutate({ type: 'delete', trans, keys: gone }))
          : putting;
      };
      if (unknown.length === 0) return write();
      return down
        .table('applicants')
        .getMany({ trans, keys: unknown })
        .then((found: (Applicant | undefined)[]) => {
          unknown.forEach((id, i) => state.names.set(id, found[i]?.fullName ?? ''));
          return write();
        });
    };

    /** Registry rows of the appeals whose lead applicant was just written or deleted. */
    const rowsForApplicants = (
      written: Written,
      trans: DBCoreTransaction,
      state: TxState,
    ): Promise<unknown> | void => {
      const rows = down.table('registryRows');
      if (written.op === 'clear') {
        state.names.clear();
        state.namesCleared = true;
        return rows
          .query({
            trans,
            values: true,
            query: { index: rows.schema.primaryKey, range: anyRange() },
          })
          .then(({ result }) => renamed(rows, trans, result as RegistryRow[], () => ''));
      }
      const names = new Map<string, string>();
      if (written.op === 'delete') for (const id of written.keys) names.set(id, '');
      else for (const a of written.values as Applicant[]) names.set(a.id, a.fullName);
      for (const [id, name] of names) state.names.set(id, name);
      if (names.size === 0) return;
      return appealsLedBy(down.table('appeals'), trans, [...names.keys()])
        .then((appealIds) =>
          appealIds.length ? rows.getMany({ trans, keys: appealIds }) : ([] as RegistryRow[]),
        )
        .then((found: (RegistryRow | undefined)[]) =>
          renamed(
            rows,
            trans,
            found.filter((r): r is RegistryRow => r !== undefined),
            (row) => (row.applicantId === null ? undefined : names.get(row.applicantId)),
          ),
        );
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
          ? rowsForAppeals(written, trans, state)
          : name === 'applicants'
            ? rowsForApplicants(written, trans, state)
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

function ignore() {
  return undefined;
}

function anyRange(): DBCoreKeyRange {
  return { type: ANY, lower: undefined, upper: undefined };
}

function isWholeTable(range: DBCoreKeyRange): boolean {
  return range.type === ANY || (range.lower === undefined && range.upper === undefined);
}

function firstFailure(res: DBCoreMutateResponse): Error {
  return Object.values(res.failures)[0] ?? new Error('write failed');
}

function throwOnFailure(res: DBCoreMutateResponse) {
  if (res.numFailures > 0) throw firstFailure(res);
  return res;
}

function abort(trans: DBCoreTransaction) {
  try {
    trans.abort();
  } catch {
    // Already finished or aborted: nothing was committed by this request anyway.
  }
}

/** What a successful (or partly successful) write did, or null when it did nothing. */
function writtenBy(
  req: DBCoreMutateRequest,
  res: DBCoreMutateResponse,
  table: DBCoreTable,
  rangeKeys: string[] | null,
): Written | null {
  const failed = (i: number) => res.failures[i] !== undefined;
  if (req.type === 'deleteRange') {
    if (rangeKeys === null) return { op: 'clear', keys: [], values: [], range: req.range };
    return rangeKeys.length ? { op: 'delete', keys: rangeKeys, values: [], range: null } : null;
  }
  if (req.type === 'delete') {
    const keys = (req.keys as string[]).filter((_, i) => !failed(i));
    return keys.length ? { op: 'delete', keys, values: [], range: null } : null;
  }
  const keys: string[] = [];
  const values: unknown[] = [];
  req.values.forEach((value, i) => {
    if (failed(i)) return;
    const key = res.results?.[i] ?? req.keys?.[i] ?? table.schema.primaryKey.extractKey?.(value);
    keys.push(key as string);
    values.push(value);
  });
  return keys.length ? { op: 'put', keys, values, range: null } : null;
}

/** Primary keys of the appeals whose lead applicant is one of `ids`. */
function appealsLedBy(
  appeals: DBCoreTable,
  trans: DBCoreTransaction,
  ids: string[],
): Promise<string[]> {
  const index = appeals.schema.getIndexByKeyPath('applicantId');
  if (!index) return Promise.reject(new Error('appeals.applicantId index missing'));
  if (ids.length <= FEW_APPLICANTS) {
    return Promise.all(
      ids.map((id) => appeals.query({ trans, values: false, query: { index, range: equal(id) } })),
    ).then((answers) => answers.flatMap((a) => a.result as string[]));
  }
  // Many applicants (an import): one pass over the index between the lowest and highest id;
  // rows of other applicants in that span are filtered out by the caller.
  const sorted = [...ids].sort();
  const range: DBCoreKeyRange = { type: RANGE, lower: sorted[0], upper: sorted[sorted.length - 1] };
  return appeals
    .query({ trans, values: false, query: { index, range } })
    .then(({ result }) => [...new Set(result as string[])]);
}

/** Rewrites the rows whose applicant name is not what `nameOf` says it is now. */
function renamed(
  rows: DBCoreTable,
  trans: DBCoreTransaction,
  found: RegistryRow[],
  nameOf: (row: RegistryRow) => string | undefined,
): Promise<unknown> | undefined {
  const changed = found.flatMap((row) => {
    const name = nameOf(row);
    return name === undefined || name === row.applicantName
      ? []
      : [{ ...row, applicantName: name }];
  });
  if (changed.length === 0) return undefined;
  return rows.mutate({ type: 'put', trans, values: changed }).then(throwOnFailure);
}
