import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreRangeType,
  DBCoreTable,
  DBCoreTransaction,
} from 'dexie';
import type { Appeal, Applicant } from '@shared/domain';
import type { ChangeOp } from './changeLog';
import { registryRowOf, type RegistryRow } from './registryRow';

/**
 * The change layer's derived data (changeLayer.ts): registry rows kept current under writes
 * to appeals and applicants, and the small DBCore helpers the layer uses. Every function
 * here runs inside the transaction of the write it follows.
 */

/** Dexie's DBCoreRangeType is a const enum; these are its values. */
const EQUAL = 1 as DBCoreRangeType;
const RANGE = 2 as DBCoreRangeType;
const ANY = 3 as DBCoreRangeType;

const equal = (key: string): DBCoreKeyRange => ({ type: EQUAL, lower: key, upper: key });

/** Up to this many applicants, their appeals are looked up one index key at a time. */
const FEW_APPLICANTS = 32;

export interface Written {
  op: ChangeOp;
  /** Primary keys of the records written or deleted ([] for a clear). */
  keys: string[];
  /** The values written, for put (same order as keys). */
  values: unknown[];
  /** The range that was deleted, for a clear of the whole table. */
  range: DBCoreKeyRange | null;
}

/** Applicant names as of this point of a transaction (written or read). */
export interface NameState {
  names: Map<string, string>;
  /** The applicants table was cleared in this transaction: an unknown id has no name. */
  namesCleared: boolean;
}

/** Registry rows for appeals just written. */
export function rowsForAppeals(
  down: DBCore,
  written: Written,
  trans: DBCoreTransaction,
  state: NameState,
): Promise<unknown> | void {
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
}

/** Registry rows of the appeals whose lead applicant was just written or deleted. */
export function rowsForApplicants(
  down: DBCore,
  written: Written,
  trans: DBCoreTransaction,
  state: NameState,
): Promise<unknown> | void {
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
}

export function ignore() {
  return undefined;
}

export function anyRange(): DBCoreKeyRange {
  return { type: ANY, lower: undefined, upper: undefined };
}

export function isWholeTable(range: DBCoreKeyRange): boolean {
  return range.type === ANY || (range.lower === undefined && range.upper === undefined);
}

export function firstFailure(res: DBCoreMutateResponse): Error {
  return Object.values(res.failures)[0] ?? new Error('write failed');
}

function throwOnFailure(res: DBCoreMutateResponse) {
  if (res.numFailures > 0) throw firstFailure(res);
  return res;
}

export function abort(trans: DBCoreTransaction) {
  try {
    trans.abort();
  } catch {
    // Already finished or aborted: nothing was committed by this request anyway.
  }
}

/** What a successful (or partly successful) write did, or null when it did nothing. */
export function writtenBy(
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
